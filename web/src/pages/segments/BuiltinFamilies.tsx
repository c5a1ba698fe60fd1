import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BuiltinSegment, ListedSegment } from '../../../../src/segments/schema';
import { FamilyChart } from './FamilyChart';
import { PersonaPanel } from './PersonaPanel';

const families = ['rfm', 'value_tier', 'lifecycle', 'risk_grade'] as const;

/** The built-in segmentations side by side: RFM groups, value tiers, lifecycle stages, risk grades, personas. */
export function BuiltinFamilies({ segments }: { readonly segments: readonly ListedSegment[] }) {
  const { t, i18n } = useTranslation();
  const builtins = segments.filter(
    (s): s is ListedSegment & BuiltinSegment => s.kind === 'builtin' && s.family !== 'persona',
  );
  const name = (s: ListedSegment) => (i18n.language === 'en-US' ? s.nameEn : s.nameZh);
  return (
    <Row gutter={[16, 16]}>
      {families.map((family) => {
        const members = builtins.filter((s) => s.family === family).sort((a, b) => a.order - b.order);
        return (
          <Col key={family} xs={24} xl={12}>
            <Card
              title={t(`segments.family.${family}`)}
              extra={<Typography.Text type="secondary">{t(`segments.familyHint.${family}`)}</Typography.Text>}
              style={{ height: '100%' }}
              data-testid={`family-${family}`}
            >
              <FamilyChart
                family={family}
                bars={members.map((s) => ({ id: s.id, name: name(s), count: s.size?.count ?? 0 }))}
              />
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
