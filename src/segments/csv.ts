// CSV as spreadsheets read it: RFC 4180 quoting, and text that a spreadsheet would run as a formula
// (=, +, -, @, tab, carriage return first) prefixed with an apostrophe, so an exported merchant or name
// cannot execute anything on the analyst's machine. Numbers are written as they are, and so is text made only
// of digits, spaces and mask stars after a sign (a masked '+86 138****5678'): it cannot call or reference anything.
const formulaStart = /^[=+\-@\t\r]/;
const harmlessSigned = /^[+-][0-9 *]*$/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (formulaStart.test(text) && !harmlessSigned.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte-order mark: Chinese names need it. */
export const utf8Bom = '\ufeff';
