import { CheckCircleFilled, CloseCircleFilled, EditOutlined, LoadingOutlined } from '@ant-design/icons';
import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from './draft-checks';
import type { TagValidation } from './useTagValidation';

type State = 'valid' | 'checking' | 'invalid' | 'incomplete';

/** Whether the draft can be saved, and every reason it cannot, in the console's language. */
export function TagValidationStatus({ validation }: { readonly validation: TagValidation }) {
  const { t } = useTranslation();
  const expressionProblems = Object.entries(validation.problems).filter(([, p]) => p !== null);
  const errors = expressionProblems.length + validation.issues.length;
  // A form only waiting for its required fields is not "wrong": it says what is left to fill in.
  const state: State = validation.valid
    ? 'valid'
    : errors === 0 && validation.missing.length > 0
      ? 'incomplete'
      : validation.checking && expressionProblems.length === 0
        ? 'checking'
        : 'invalid';
  return (
    <Card size="small" title={t('tags.check.title')} data-testid="tag-validation" data-state={state}>
      <Space align="start">
        {state === 'valid' && <CheckCircleFilled style={{ color: '#52c41a' }} />}
        {state === 'checking' && <LoadingOutlined />}
        {state === 'invalid' && <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
        {state === 'incomplete' && <EditOutlined style={{ color: '#1677ff' }} />}
        <Typography.Text>{t(`tags.check.${state}`)}</Typography.Text>
      </Space>
      {validation.missing.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="tag-missing">
          {t('tags.check.missing', { fields: validation.missing.join(t('common.listSeparator')) })}
        </Typography.Paragraph>
      )}
      {errors > 0 && (
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
                <Typography.Text strong type="danger">
                  {fieldLabel(item.field, t)}
                </Typography.Text>
                {t('common.labelSeparator')}
                {item.message}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
