import type { z } from 'zod';
import type { modelsSectionSchema, segmentsSectionSchema } from '../insight-schema';
import { unavailable, type SectionContext } from './context';

type SegmentsSection = z.infer<typeof segmentsSectionSchema>;
type ModelsSection = z.infer<typeof modelsSectionSchema>;

// Placeholders that say why, rather than invented data: the segment and model capabilities do not exist
// yet. When they do, each provider here becomes a call to that capability's index.ts.

export async function segmentsSection(_ctx: SectionContext): Promise<SegmentsSection> {
  return unavailable('客群功能尚未上线', 'segments are not available yet');
}

export async function modelsSection(_ctx: SectionContext): Promise<ModelsSection> {
  return unavailable('模型评分尚未上线', 'model scores are not available yet');
}
