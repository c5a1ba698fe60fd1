import { CreditCardOutlined } from '@ant-design/icons';
import { Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { pagesFor } from '../app/console-pages';
import { useCurrentUser } from '../app/current-user';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const pages = pagesFor(user.role);
  const current = pages.find((p) => location.pathname.startsWith(p.path));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        theme="light"
        width={216}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        // Sticky, so the menu stays in reach on long pages.
        style={{
          borderRight: '1px solid #f0f0f0',
          position: 'sticky',
          top: 0,
          height: '100vh',
          overflow: 'auto',
        }}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            gap: 10,
            padding: '0 22px',
            overflow: 'hidden',
          }}
        >
          <CreditCardOutlined style={{ fontSize: 22, color: '#1677ff' }} />
          {!collapsed && (
            <Typography.Text strong style={{ fontSize: 17, whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Typography.Text>
          )}
        </div>
        <Menu
          data-testid="side-menu"
          mode="inline"
          selectedKeys={current ? [current.key] : []}
          style={{ borderInlineEnd: 'none' }}
          items={pages.map((p) => ({ key: p.key, icon: p.icon, label: t(p.labelKey) }))}
          onClick={({ key }) => {
            const page = pages.find((p) => p.key === key);
            if (page) void navigate(page.path);
          }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            height: 56,
            lineHeight: '56px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          <Space size={16}>
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Header>
        <Content style={{ padding: 24, background: '#f5f7fa' }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
