import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { meEndpoint } from '../../../src/security/schema';
import { useEndpoint } from '../api/useEndpoint';
import { CurrentUserContext } from './current-user';

export const changePasswordPath = '/account/password';

/**
 * Renders its children only for a logged-in user. Anyone else goes to the login page, which brings them
 * back here afterwards; a user on a one-time password is held on the change-password page, the only thing
 * the server lets them do.
 */
export function RequireAuth({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useEndpoint(meEndpoint, {}, { staleTime: Infinity });

  if (me.isPending) {
    return <Spin size="large" fullscreen tip={t('common.loading')} />;
  }
  if (me.isError) {
    if (me.error.status === 401) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <Result
        status="error"
        title={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (me.data.mustChangePassword && location.pathname !== changePasswordPath) {
    return <Navigate to={changePasswordPath} replace />;
  }
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
