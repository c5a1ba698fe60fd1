import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ImportsTable } from './ImportsTable';
import { QualityReports } from './QualityReports';
import { RejectedRows } from './RejectedRows';
import { StorageLayout } from './StorageLayout';

export function DataPage() {
  const { t } = useTranslation();
  // The selected import lives in the address, so a link to one import's rejected rows can be shared.
  const [search, setSearch] = useSearchParams();
  const selected = search.get('import');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('data.title')}
      </Typography.Title>
      <ImportsTable selectedId={selected} onSelect={(id) => setSearch({ import: id })} />
      {selected && <RejectedRows key={selected} importId={selected} />}
      <QualityReports />
      <StorageLayout />
    </Flex>
  );
}
