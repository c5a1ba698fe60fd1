import { CreditCardOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { loginEndpoint, meEndpoint } from '../../../../src/security/schema';
import { endpointKey, useEndpointMutation } from '../../api/useEndpoint';
import { LanguageSwitch } from '../../layout/LanguageSwitch';

interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** Only a path on this site: `next=//evil.example` must not turn the login page into an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const login = useEndpointMutation(loginEndpoint, {
    onSuccess: (me) => {
      // The login answer is the user: seed it so the console does not ask again before drawing.
      queryClient.setQueryData(endpointKey(meEndpoint, {}), me);
      void navigate(safeNext(search.get('next')), { replace: true });
    },
  });

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(135deg, #e8f1ff 0%, #f5f7fa 55%, #eef3fb 100%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '12px 24px' }}>
        <LanguageSwitch />
      </div>
      <div
        style={{
          flex: 1,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          paddingBottom: 80,
        }}
      >
        <Card style={{ width: 380, boxShadow: '0 8px 24px rgba(22, 119, 255, 0.08)' }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <CreditCardOutlined style={{ fontSize: 36, color: '#1677ff' }} />
            <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
              {t('login.welcome')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
          {login.error && (
            <Alert
              data-testid="login-error"
              type="error"
              showIcon
              title={login.error.message}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<Credentials>
            layout="vertical"
            requiredMark={false}
            onFinish={(body) => login.mutate({ body })}
            disabled={login.isPending}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}
