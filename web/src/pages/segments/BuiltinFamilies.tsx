import { Card, Col, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BuiltinSegment, Segment } from '../../../../src/segments/schema';
import { FamilyChart } from './FamilyChart';
import { PersonaPanel } from './PersonaPanel';
import { useSegmentSizes } from './useSegmentSizes';

const families = ['rfm', 'value_tier', 'lifecycle', 'risk_grade'] as const;

/** The built-in segmentations side by side: RFM groups, value tiers, lifecycle stages, risk grades, personas. */
export function BuiltinFamilies({ segments }: { readonly segments: readonly Segment[] }) {
  const { t, i18n } = useTranslation();
  const builtins = segments.filter(
    (s): s is BuiltinSegment => s.kind === 'builtin' && s.family !== 'persona',
  );
  const sizes = useSegmentSizes(builtins);
  const name = (s: Segment) => (i18n.language === 'en-US' ? s.nameEn : s.nameZh);
  return (
    <Row gutter={[16, 16]}>
      {families.map((family) => {
        const members = builtins.filter((s) => s.family === family).sort((a, b) => a.order - b.order);
        const loaded = members.every((s) => sizes.has(s.id));
        return (
          <Col key={family} xs={24} xl={12}>
            <Card
              title={t(`segments.family.${family}`)}
              extra={<Typography.Text type="secondary">{t(`segments.familyHint.${family}`)}</Typography.Text>}
              style={{ height: '100%' }}
              data-testid={`family-${family}`}
            >
              {loaded ? (
                <FamilyChart
                  family={family}
                  bars={members.map((s) => ({ id: s.id, name: name(s), count: sizes.get(s.id)?.count ?? 0 }))}
                />
              ) : (
                <Spin style={{ display: 'block', margin: '80px auto' }} />
              )}
            </Card>
          </Col>
        );
      })}
      <Col span={24}>
        <PersonaPanel />
      </Col>
    </Row>
  );
}
