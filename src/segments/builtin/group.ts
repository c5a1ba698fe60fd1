import type { BuiltinFamily } from '../definition-schema';

/** One segment of a built-in family, before it is stored. Its rule is ordinary expression-language text. */
export interface BuiltinGroup {
  readonly family: BuiltinFamily;
  readonly group: string;
  readonly order: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly description: string;
  readonly descriptionZh: string;
  readonly rule: string;
}

/** Built-in segments get stable ids (seg_rfm_champions, seg_risk_grade_a) so journeys and links survive reinstalls. */
export function builtinSegmentId(family: BuiltinFamily, group: string): string {
  return `seg_${family}_${group}`.toLowerCase();
}
