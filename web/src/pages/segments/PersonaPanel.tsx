import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { personasEndpoint, type PersonaRun } from '../../../../src/segments/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatCount, formatDateTime, formatMoney, formatPercent } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';
import { PersonaShareHeatmap } from './PersonaShareHeatmap';

type Cluster = PersonaRun['clusters'][number];

/** Behaviour personas from k-means: who they are (name, size, spend), what sets them apart, and their mix. */
export function PersonaPanel() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const personas = useEndpoint(personasEndpoint, {});
  const feature = (name: string) =>
    name.startsWith('share_')
      ? t('segments.feature.share', {
          category: t(`category.${name.slice(6)}`, { defaultValue: name.slice(6) }),
        })
      : t(`segments.feature.${name}`, { defaultValue: name });
  const card = (c: Cluster) => (
    <Card size="small" style={{ height: '100%' }} data-testid={`persona-${c.code}`}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Link to={`/segments/${c.segmentId}`}>
            <Typography.Text strong>{locale === 'en-US' ? c.nameEn : c.nameZh}</Typography.Text>
          </Link>
          <Tag color={c.method === 'kmeans' ? 'blue' : 'default'}>
            {t(`segments.personas.method.${c.method}`)}
          </Tag>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('segments.personas.sizeLine', {
            count: formatCount(c.size, locale),
            share: formatPercent(c.share, locale),
            spend: formatMoney(c.profile.meanSpend365d, locale),
          })}
        </Typography.Text>
        <div>
          {c.profile.topCategories.map((k) => (
            <Tag key={k} color="orange">
              {t(`category.${k}`, { defaultValue: k })}
            </Tag>
          ))}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.profile.traits
            .slice(0, 3)
            .map(
              (trait) =>
                `${feature(trait.feature)} ${trait.z >= 0 ? '↑' : '↓'}${Math.abs(trait.z).toFixed(1)}σ`,
            )
            .join(' · ')}
        </Typography.Text>
      </Space>
    </Card>
  );
  return (
    <QueryCard title={t('segments.family.persona')} query={personas} testId="family-persona">
      {(data) =>
        data.run === null ? (
          <Empty description={t('segments.personas.none')} />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('segments.personas.run', {
                k: data.run.k,
                fitted: formatCount(data.run.fittedOn, locale),
                customers: formatCount(data.run.customers, locale),
                date: data.run.asOf ?? '—',
                at: formatDateTime(data.run.createdAt, locale),
              })}
            </Typography.Text>
            <PersonaShareHeatmap clusters={data.run.clusters} />
            <Row gutter={[12, 12]}>
              {data.run.clusters.map((c) => (
                <Col key={c.code} xs={24} md={12} xl={6}>
                  {card(c)}
                </Col>
              ))}
            </Row>
          </Space>
        )
      }
    </QueryCard>
  );
}
