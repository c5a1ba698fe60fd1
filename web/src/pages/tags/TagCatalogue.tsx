import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  createTagEndpoint,
  listTagsEndpoint,
  tagDimensions,
  type TagDimension,
} from '../../../../src/tags/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { useCurrentUser } from '../../app/current-user';
import { QueryCard } from '../../components/QueryCard';
import { TagCatalogueTable } from './TagCatalogueTable';
import { TagDetailDrawer } from './TagDetailDrawer';
import { TagRefreshButton } from './TagRefreshButton';
import { tagKinds, tagName, type TagKind } from './tag-labels';

type DimensionFilter = TagDimension | 'all';

export function TagCatalogue() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  // The open tag lives in the address, so a link to one tag's detail can be shared.
  const [search, setSearch] = useSearchParams();
  const [dimension, setDimension] = useState<DimensionFilter>('all');
  const [kind, setKind] = useState<TagKind | 'all'>('all');
  const [text, setText] = useState('');
  const tags = useEndpoint(listTagsEndpoint, {});
  const canEdit = createTagEndpoint.roles !== 'public' && createTagEndpoint.roles.includes(user.role);

  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (tags.data?.tags ?? []).filter(
      (tag) =>
        (dimension === 'all' || tag.dimension === dimension) &&
        (kind === 'all' || tag.kind === kind) &&
        (needle === '' ||
          tag.code.includes(needle) ||
          tagName(tag, i18n.language).toLowerCase().includes(needle)),
    );
  }, [tags.data, dimension, kind, text, i18n.language]);
  const countOf = (d: TagDimension) => tags.data?.tags.filter((tag) => tag.dimension === d).length ?? 0;
  const openTag = search.get('tag');

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('tags.title')}
          </Typography.Title>
          {tags.data?.asOf && (
            <Tag
              icon={<CalendarOutlined />}
              color="blue"
              data-testid="tags-as-of"
              data-value={tags.data.asOf}
            >
              {t('tags.profileAsOf', { date: tags.data.asOf })}
            </Tag>
          )}
        </Space>
        <Space>
          <TagRefreshButton />
          {canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('new')}
              data-testid="tag-new"
            >
              {t('tags.new')}
            </Button>
          )}
        </Space>
      </Flex>
      {/* The filters sit above the table rather than in the card's header, where the dimension tabs and the
          search could not wrap and the English tabs ran under the search at 1280 px. */}
      <QueryCard testId="tag-catalogue" title={null} query={tags}>
        {() => (
          <Flex vertical gap={16}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Segmented<DimensionFilter>
                data-testid="tag-dimension-filter"
                value={dimension}
                onChange={setDimension}
                options={[
                  { value: 'all', label: `${t('tags.allDimensions')} ${tags.data?.tags.length ?? ''}` },
                  ...tagDimensions.map((d) => ({ value: d, label: `${t(`dimension.${d}`)} ${countOf(d)}` })),
                ]}
              />
              <Space style={{ marginLeft: 'auto' }}>
                <Select<TagKind | 'all'>
                  data-testid="tag-kind-filter"
                  value={kind}
                  onChange={setKind}
                  aria-label={t('tags.kind')}
                  style={{ width: 128 }}
                  options={[
                    { value: 'all', label: t('tags.allKinds') },
                    ...tagKinds.map((k) => ({ value: k, label: t(`tagKind.${k}`) })),
                  ]}
                />
                <Input.Search
                  allowClear
                  placeholder={t('tags.search')}
                  onChange={(e) => setText(e.target.value)}
                  aria-label={t('tags.search')}
                  // Wide enough for the English placeholder ("Search code or name") not to be cut.
                  style={{ width: 232 }}
                  data-testid="tag-search"
                />
              </Space>
            </Flex>
            <TagCatalogueTable
              rows={rows}
              asOf={tags.data?.asOf ?? null}
              onOpen={(code) => setSearch({ tag: code })}
            />
          </Flex>
        )}
      </QueryCard>
      <TagDetailDrawer code={openTag} onClose={() => setSearch({})} onOpenTag={(tag) => setSearch({ tag })} />
    </Flex>
  );
}
