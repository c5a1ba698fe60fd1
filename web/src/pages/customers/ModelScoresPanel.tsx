import { Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelsData } from './view-types';

/** Model scores with the features that moved each one most; only rendered when models exist. */
export function ModelScoresPanel({ data }: { readonly data: ModelsData }) {
  const { t } = useTranslation();
  return (
    <Card title={t('customers.models.title')} data-testid="model-scores" style={{ height: '100%' }}>
      <List
        dataSource={data.items}
        renderItem={(m) => (
          <List.Item>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>
                  {t(`customers.models.name.${m.model}`, { defaultValue: m.model })}
                </Typography.Text>
                <Typography.Text data-testid={`model-score-${m.model}`} data-value={m.score}>
                  {m.score.toFixed(3)}
                </Typography.Text>
              </Space>
              <Progress percent={Math.max(0, Math.min(1, m.score)) * 100} showInfo={false} size="small" />
              <div>
                {m.reasons.map((r) => (
                  <Tag key={r.feature} color={r.effect > 0 ? 'red' : 'green'}>
                    {r.feature} {r.effect > 0 ? '↑' : '↓'}
                  </Tag>
                ))}
              </div>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
