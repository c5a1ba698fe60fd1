import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { ConsoleLayout } from '../layout/ConsoleLayout';
import { ChangePasswordPage } from '../pages/login/ChangePasswordPage';
import { LoginPage } from '../pages/login/LoginPage';
import { consolePages } from './console-pages';
import { HomeRedirect } from './HomeRedirect';
import { PageGuard } from './PageGuard';
import { createQueryClient } from './query-client';
import { changePasswordPath, RequireAuth } from './RequireAuth';
import { consoleTheme } from './theme';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <ConsoleLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: changePasswordPath, element: <ChangePasswordPage /> },
      ...consolePages.map((page) => ({ path: `${page.path}/*`, element: <PageGuard page={page} /> })),
      { path: '*', element: <Result status="404" title="404" /> },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={i18n.language === 'en-US' ? enUS : zhCN}
        theme={consoleTheme}
        button={{ autoInsertSpace: false }}
      >
        <AntdApp>
          <RouterProvider router={router} />
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
