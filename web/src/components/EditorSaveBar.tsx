import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

interface EditorSaveBarProps {
  readonly title: ReactNode;
  /** Where the back arrow leads: the list the edited thing belongs to. */
  readonly backTo: string;
  readonly canSave: boolean;
  readonly saving: boolean;
  readonly onSave: () => void;
  /** The last save's failure (the server's message, in the console's language), shown under the bar. */
  readonly error: Error | null;
  readonly errorTitle: string;
  /** Test ids are `<testId>-save` and `<testId>-save-error`. */
  readonly testId: string;
}

/** The head of an editor page (segment builder, tag editor): back, title, save, and why a save failed. */
export function EditorSaveBar({
  title,
  backTo,
  canSave,
  saving,
  onSave,
  error,
  errorTitle,
  testId,
}: EditorSaveBarProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <Flex justify="space-between" align="center">
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate(backTo)}
            aria-label={t('common.back')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
        </Space>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!canSave}
          loading={saving}
          onClick={onSave}
          data-testid={`${testId}-save`}
        >
          {t('common.save')}
        </Button>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          title={errorTitle}
          description={error.message}
          data-testid={`${testId}-save-error`}
        />
      )}
    </>
  );
}
