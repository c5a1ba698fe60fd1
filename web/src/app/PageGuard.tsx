import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsolePage } from './console-pages';
import { useCurrentUser } from './current-user';

/** Shows a page to the roles it is for; the server checks again on every call, this only avoids a page of 403s. */
export function PageGuard({ page }: { readonly page: ConsolePage }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!page.roles.includes(user.role))
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  const Page = page.component;
  return <Page />;
}
