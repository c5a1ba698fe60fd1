import type { ValidationIssue } from './useTagValidation';

/** The server's issue for a field, shown under it: zod paths such as `buckets.edges.1` land on their input. */
export function issueHelp(issues: readonly ValidationIssue[], ...fields: string[]) {
  const found = issues.find((i) => fields.some((f) => i.field === f || i.field.startsWith(`${f}.`)));
  return found
    ? {
        validateStatus: 'error' as const,
        help: <span data-testid={`tag-issue-${fields[0]}`}>{found.message}</span>,
      }
    : {};
}
