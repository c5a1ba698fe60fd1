import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Lag in days behind the as-of date: today's data is green, a week behind amber, older red. */
export function LagTag({ lag }: { readonly lag: number | null }) {
  const { t } = useTranslation();
  if (lag === null) return <Tag>{t('dashboard.freshness.empty')}</Tag>;
  if (lag <= 1)
    return (
      <Tag color="success">
        {lag <= 0 ? t('dashboard.freshness.current') : t('dashboard.freshness.lagDays', { count: lag })}
      </Tag>
    );
  return <Tag color={lag <= 7 ? 'warning' : 'error'}>{t('dashboard.freshness.lagDays', { count: lag })}</Tag>;
}
