import { rfmGrid, rfmGroupCondition } from '../../tags';
import type { BuiltinGroup } from './group';

// The RFM named groups, on the grid the `rfm_segment` tag uses too (src/tags/library/rfm-grid.ts): a
// customer's RFM segment and their tag value name the same group. README: RFM.
export const rfmGroups: readonly BuiltinGroup[] = rfmGrid.map((g, order) => ({
  family: 'rfm',
  group: g.code,
  order,
  nameZh: g.nameZh,
  nameEn: g.nameEn,
  description: g.description,
  descriptionZh: g.descriptionZh,
  rule: rfmGroupCondition(g),
}));
