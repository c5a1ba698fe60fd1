import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  createSegmentEndpoint,
  listSegmentsEndpoint,
  overlapEndpoint,
} from '../../../../src/segments/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { useMayCall } from '../../app/current-user';
import { QueryCard } from '../../components/QueryCard';
import { BuiltinFamilies } from './BuiltinFamilies';
import { OverlapPanel } from './OverlapPanel';
import { SegmentList } from './SegmentList';

type TabKey = 'rules' | 'builtin';

export function SegmentsHome() {
  const { t } = useTranslation();
  const mayCall = useMayCall();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const tab: TabKey = search.get('tab') === 'builtin' ? 'builtin' : 'rules';
  const [selected, setSelected] = useState<string[]>([]);
  const segments = useEndpoint(listSegmentsEndpoint, {});
  const all = segments.data?.items ?? [];
  const rules = all.filter((s) => s.kind === 'rule');

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('segments.title')}
        </Typography.Title>
        {mayCall(createSegmentEndpoint) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('new')}
            data-testid="segment-new"
          >
            {t('segments.new')}
          </Button>
        )}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key })}
        items={[
          {
            key: 'rules',
            label: t('segments.tabs.rules'),
            children: (
              <Flex vertical gap={16}>
                <QueryCard
                  title={t('segments.listTitle', { count: rules.length })}
                  query={segments}
                  testId="segment-list"
                >
                  {() => (
                    <SegmentList
                      segments={rules}
                      selected={selected.filter((id) => rules.some((r) => r.id === id))}
                      onSelect={
                        mayCall(overlapEndpoint)
                          ? (ids) =>
                              setSelected(
                                [...selected.filter((id) => !rules.some((r) => r.id === id)), ...ids].slice(
                                  0,
                                  10,
                                ),
                              )
                          : null
                      }
                      highlight={search.get('saved')}
                    />
                  )}
                </QueryCard>
                {mayCall(overlapEndpoint) && (
                  <OverlapPanel segments={all} selected={selected} onSelect={setSelected} />
                )}
              </Flex>
            ),
          },
          { key: 'builtin', label: t('segments.tabs.builtin'), children: <BuiltinFamilies segments={all} /> },
        ]}
      />
    </Flex>
  );
}
