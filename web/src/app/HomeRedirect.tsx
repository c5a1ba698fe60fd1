import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { pagesFor } from './console-pages';
import { useCurrentUser } from './current-user';

/** The console's front door: the first page the user's role may open. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const first = pagesFor(useCurrentUser().role)[0];
  if (!first) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <Navigate to={first.path} replace />;
}
