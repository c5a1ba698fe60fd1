import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

interface QueryCardProps<T> {
  readonly title: ReactNode;
  readonly extra?: ReactNode;
  readonly query: UseQueryResult<T, ApiError>;
  readonly testId?: string;
  readonly children: (data: T) => ReactNode;
}

/** A card that shows one query's loading, error (with the server's message and a retry) and data states. */
export function QueryCard<T>({ title, extra, query, testId, children }: QueryCardProps<T>) {
  const { t } = useTranslation();
  return (
    <Card
      title={title}
      extra={extra}
      loading={query.isPending}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={query.error.message}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : query.data !== undefined ? (
        children(query.data)
      ) : null}
    </Card>
  );
}
