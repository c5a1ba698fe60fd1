import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Dropdown, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { logoutEndpoint } from '../../../src/security/schema';
import { useEndpointMutation } from '../api/useEndpoint';
import { useCurrentUser } from '../app/current-user';
import { changePasswordPath } from '../app/RequireAuth';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useEndpointMutation(logoutEndpoint, {
    // Whatever the server said, this browser is done with the session: drop every cached answer.
    onSettled: () => {
      queryClient.clear();
      void navigate('/login', { replace: true });
    },
  });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('header.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') logout.mutate({});
          else void navigate(changePasswordPath);
        },
      }}
    >
      <Space data-testid="user-menu" style={{ cursor: 'pointer' }} size={8}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
        <Typography.Text data-testid="user-name">{user.displayName || user.username}</Typography.Text>
        <Tag color="blue" data-testid="user-role" style={{ marginInlineEnd: 0 }}>
          {t(`role.${user.role}`)}
        </Tag>
        <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
      </Space>
    </Dropdown>
  );
}
