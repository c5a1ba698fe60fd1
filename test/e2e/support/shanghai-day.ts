/**
 * SQL for the Shanghai calendar day of a UTC timestamp, through ICU's time-zone rules. The product uses a
 * fixed +8 offset; the tests' expected figures phrase it differently on purpose, so that if either is wrong
 * the two disagree.
 */
export function shanghaiDay(timestamp: string): string {
  return `CAST(timezone('Asia/Shanghai', timezone('UTC', ${timestamp})) AS DATE)`;
}
