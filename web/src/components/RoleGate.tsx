import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Endpoint } from '../../../src/core/schema';
import { useCurrentUser } from '../app/current-user';

/**
 * Shows a part of a page (an editor, say) to the roles of the endpoint it needs, like PageGuard does for
 * whole pages: a direct link gets a clear 403 instead of a form whose every call fails. The server checks again.
 */
export function RoleGate({
  endpoint,
  children,
}: {
  readonly endpoint: Endpoint;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (endpoint.roles !== 'public' && !endpoint.roles.includes(user.role)) {
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  }
  return <>{children}</>;
}
