import type { z } from 'zod';
import type { modelsSectionSchema, segmentsSectionSchema, segmentsSinceSchema } from '../insight-schema';
import { customerSegments, enteredOn } from '../../segments';
import { unavailable, type SectionContext } from './context';

type SegmentsSection = z.infer<typeof segmentsSectionSchema>;
type ModelsSection = z.infer<typeof modelsSectionSchema>;
type SegmentsSince = z.infer<typeof segmentsSinceSchema>;

// Membership is evaluated now, on the customer's current profile row, so it agrees with the live count the
// segment builder shows. When the customer entered each comes from the snapshots' events, asked for apart.
export async function segmentsSection(ctx: SectionContext): Promise<SegmentsSection> {
  const hasProfile = await ctx.db.one<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'profile'",
  );
  if (!hasProfile?.n) return unavailable('尚未计算客户画像（请先刷新标签）', 'no profile yet: refresh the tags first');
  const segments = await customerSegments(ctx.db, ctx.customerId, { profileRow: await ctx.profileRow() });
  return {
    available: true,
    asOf: ctx.asOf,
    items: segments.map((s) => ({
      segmentId: s.id,
      name: s.nameZh,
      nameEn: s.nameEn,
      family: s.kind === 'builtin' ? s.family : null,
    })),
  };
}

/** The day the customer entered each segment they were in at its latest snapshot. */
export async function segmentsSinceSection(ctx: SectionContext): Promise<SegmentsSince> {
  const entered = await enteredOn(ctx.db, ctx.customerId);
  return { items: [...entered].map(([segmentId, since]) => ({ segmentId, since })) };
}

// A placeholder that says why, rather than invented data: the model capability does not exist yet.

export async function modelsSection(_ctx: SectionContext): Promise<ModelsSection> {
  return unavailable('模型评分尚未上线', 'model scores are not available yet');
}
