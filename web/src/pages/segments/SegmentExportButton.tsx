import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { fillPath } from '../../../../src/core/schema';
import { exportSegmentEndpoint } from '../../../../src/segments/schema';
import { useMayCall } from '../../app/current-user';

/**
 * Downloads the members as CSV. A plain link, so the browser streams the file with the session cookie; the
 * server masks personal fields for the caller's role and audits every export.
 */
export function SegmentExportButton({
  id,
  size,
}: {
  readonly id: string;
  readonly size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const mayCall = useMayCall();
  if (!mayCall(exportSegmentEndpoint)) return null;
  return (
    <Tooltip title={t('segments.exportHint')}>
      <Button
        size={size}
        icon={<DownloadOutlined />}
        href={fillPath(exportSegmentEndpoint.path, { id })}
        download
        data-testid={`segment-export-${id}`}
      >
        {t('segments.export')}
      </Button>
    </Tooltip>
  );
}
