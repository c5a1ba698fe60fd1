import type { z } from 'zod';
import type { modelsSectionSchema, segmentsSectionSchema } from '../insight-schema';
import { customerSegments, enteredOn } from '../../segments';
import { unavailable, type SectionContext } from './context';

type SegmentsSection = z.infer<typeof segmentsSectionSchema>;
type ModelsSection = z.infer<typeof modelsSectionSchema>;

// Membership is evaluated now, on the customer's current profile row, so it agrees with the live count the
// segment builder shows. When the customer entered each is what the segments' snapshots recorded (an indexed
// point read), so a member who joined after the latest snapshot has no day yet.
export async function segmentsSection(ctx: SectionContext): Promise<SegmentsSection> {
  const hasProfile = await ctx.db.one<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'profile'",
  );
  if (!hasProfile?.n) return unavailable('尚未计算客户画像（请先刷新标签）', 'no profile yet: refresh the tags first');
  const [segments, entered] = await Promise.all([
    ctx.profileRow().then((profileRow) => customerSegments(ctx.db, ctx.customerId, { profileRow })),
    enteredOn(ctx.db, ctx.customerId),
  ]);
  return {
    available: true,
    asOf: ctx.asOf,
    items: segments.map((s) => ({
      segmentId: s.id,
      name: s.nameZh,
      nameEn: s.nameEn,
      family: s.kind === 'builtin' ? s.family : null,
      since: entered.get(s.id) ?? null,
    })),
  };
}

// A placeholder that says why, rather than invented data: the model capability does not exist yet.

export async function modelsSection(_ctx: SectionContext): Promise<ModelsSection> {
  return unavailable('模型评分尚未上线', 'model scores are not available yet');
}
