import { silentProgress } from '../../../src/core';
import { refreshSegments } from '../../../src/segments';
import { detectAsOf, refreshProfile } from '../../../src/tags';
import { startStack, type Stack, type StackOptions } from './start-stack';

/** A day string moved by whole days (UTC arithmetic on a calendar day, so no zone can shift it). */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The stack with a computed profile, as the pages that read tags need it: two refreshes four weeks apart
 * (two snapshots, so trend and drift have something to show), then the built-in segmentations and personas.
 */
export async function startProfileStack(
  options: StackOptions = {},
): Promise<Stack & { readonly asOf: string }> {
  const stack = await startStack(options);
  try {
    const asOf = await detectAsOf(stack.db);
    await refreshProfile(stack.db, { asOf: shiftDay(asOf, -28), onProgress: silentProgress });
    await refreshProfile(stack.db, { onProgress: silentProgress });
    await refreshSegments(stack.db, { onProgress: silentProgress });
    return { ...stack, asOf };
  } catch (error) {
    await stack.close();
    throw error;
  }
}
