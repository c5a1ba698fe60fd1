import { QuestionCircleOutlined } from '@ant-design/icons';
import { Space, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { tagDetailSchema, TagType } from '../../../../src/tags/schema';
import { formatMoney, formatPercent } from '../../app/format';
import { formatNumber } from '../../components/format-number';
import { tagValueLabel } from '../../components/tag-value-label';
import { mostCommonValue } from './most-common-value';
import { yesNo } from '../../components/yes-no';

type TrendPoint = z.infer<typeof tagDetailSchema>['trend'][number];

interface TagCentreStatisticProps {
  readonly type: TagType;
  /** The latest snapshot's figures; undefined before the first snapshot. */
  readonly latest: TrendPoint | undefined;
  readonly money: boolean;
}

/**
 * Where a tag's customers sit in the latest snapshot: the mean of a number, the most common value of an enum
 * or a boolean (whose mean would mean nothing) with its share of customers. Other types have neither.
 */
export function TagCentreStatistic({ type, latest, money }: TagCentreStatisticProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (type === 'enum' || type === 'boolean') {
    const top = latest ? mostCommonValue(latest.distribution, latest.coverage) : null;
    const label = (value: string) =>
      type === 'boolean' && (value === 'true' || value === 'false')
        ? yesNo(value, t)
        : tagValueLabel(value, t);
    return (
      <Statistic
        title={
          <Space size={4}>
            {t('tags.mostCommon')}
            <Tooltip title={t('tags.mostCommonHint')}>
              <QuestionCircleOutlined />
            </Tooltip>
          </Space>
        }
        value={top ? label(top.value) : '—'}
        suffix={
          top ? (
            <span style={{ fontSize: 14 }} data-testid="tag-most-common-share">
              · {formatPercent(top.share, locale)}
            </span>
          ) : undefined
        }
        data-testid="tag-most-common"
        data-value={top?.value}
        data-share={top?.share}
      />
    );
  }
  const mean = latest?.mean;
  return (
    <Statistic
      title={t('tags.mean')}
      value={
        mean === null || mean === undefined
          ? '—'
          : money
            ? formatMoney(mean, locale)
            : formatNumber(mean, locale)
      }
      data-testid="tag-mean"
    />
  );
}
