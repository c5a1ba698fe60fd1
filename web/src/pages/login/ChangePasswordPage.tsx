import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { changePasswordEndpoint, meEndpoint } from '../../../../src/security/schema';
import { endpointKey, useEndpointMutation } from '../../api/useEndpoint';
import { useCurrentUser } from '../../app/current-user';

interface PasswordForm {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const change = useEndpointMutation(changePasswordEndpoint, {
    onSuccess: async () => {
      void message.success(t('password.done'));
      // mustChangePassword has cleared on the server: re-read the user before leaving this page.
      await queryClient.invalidateQueries({ queryKey: endpointKey(meEndpoint) });
      void navigate('/', { replace: true });
    },
  });

  return (
    <Card title={t('password.title')} style={{ maxWidth: 480 }}>
      {user.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      {change.error && (
        <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />
      )}
      <Form<PasswordForm>
        layout="vertical"
        onFinish={({ currentPassword, newPassword }) =>
          change.mutate({ body: { currentPassword, newPassword } })
        }
        disabled={change.isPending}
      >
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[{ required: true, min: 10, message: t('password.tooShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
