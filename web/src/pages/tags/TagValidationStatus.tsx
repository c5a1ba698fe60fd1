import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TagValidation } from './useTagValidation';

/** Whether the draft can be saved, and every reason it cannot, in the console's language. */
export function TagValidationStatus({ validation }: { readonly validation: TagValidation }) {
  const { t } = useTranslation();
  const expressionProblems = Object.entries(validation.problems).filter(([, p]) => p !== null);
  const state = validation.valid
    ? 'valid'
    : validation.checking && expressionProblems.length === 0
      ? 'checking'
      : 'invalid';
  return (
    <Card size="small" title={t('tags.check.title')} data-testid="tag-validation" data-state={state}>
      <Space>
        {state === 'valid' && <CheckCircleFilled style={{ color: '#52c41a' }} />}
        {state === 'checking' && <LoadingOutlined />}
        {state === 'invalid' && <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
        <Typography.Text>{t(`tags.check.${state}`)}</Typography.Text>
      </Space>
      {(expressionProblems.length > 0 || validation.issues.length > 0) && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={[
            ...expressionProblems.map(([field, p]) => ({
              field: `spec.${field}`,
              message: p?.message ?? '',
            })),
            ...validation.issues.map((i) => ({ field: i.field, message: i.message })),
          ]}
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Typography.Text type="danger">
                <Typography.Text code>{item.field}</Typography.Text> {item.message}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
