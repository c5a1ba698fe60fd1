import type { Segment } from '../../../../src/segments/schema';

/**
 * A segment's description in the console's language: the Chinese one in the Chinese console where it was
 * written, the English one otherwise (segments saved before there were two, or written in one language only).
 */
export function segmentDescription(
  segment: Pick<Segment, 'description' | 'descriptionZh'>,
  language: string,
): string {
  return language.startsWith('zh') && segment.descriptionZh.trim() !== ''
    ? segment.descriptionZh
    : segment.description;
}
