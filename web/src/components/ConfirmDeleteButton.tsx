import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

interface ConfirmDeleteButtonProps {
  /** The question asked before anything is deleted, naming what goes. */
  readonly confirm: string;
  readonly deleting: boolean;
  readonly onDelete: () => void;
}

/** Deletes only once the person confirms; spins while the deletion runs. */
export function ConfirmDeleteButton({ confirm, deleting, onDelete }: ConfirmDeleteButtonProps) {
  const { t } = useTranslation();
  return (
    <Popconfirm title={confirm} onConfirm={onDelete}>
      <Button danger icon={<DeleteOutlined />} loading={deleting}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
