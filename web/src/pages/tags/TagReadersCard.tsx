import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TagReader } from '../../../../src/tags/schema';

/** Kinds in the order the card lists them; a kind the API adds later (journeys, offers) follows these. */
const kindOrder = ['tag', 'segment'];

function groupedByKind(readers: readonly TagReader[]): [string, TagReader[]][] {
  const groups = new Map<string, TagReader[]>(kindOrder.map((kind) => [kind, []]));
  for (const reader of readers) groups.set(reader.kind, [...(groups.get(reader.kind) ?? []), reader]);
  return [...groups].filter(([, members]) => members.length > 0);
}

/** A reader's name in the console's language: the Chinese one where the definition has it. */
function readerName(reader: TagReader, language: string): string {
  return language !== 'en-US' && reader.nameZh ? reader.nameZh : reader.name;
}

/** A tag reader opens in this same drawer; a segment on its own page; a kind the console does not know yet, as text. */
function ReaderName({
  reader,
  onOpenTag,
}: {
  readonly reader: TagReader;
  readonly onOpenTag: (code: string) => void;
}) {
  const { i18n } = useTranslation();
  const name = readerName(reader, i18n.language);
  if (reader.kind === 'tag')
    return <Typography.Link onClick={() => onOpenTag(reader.id)}>{name}</Typography.Link>;
  if (reader.kind === 'segment') return <Link to={`/segments/${reader.id}`}>{name}</Link>;
  return <Typography.Text>{name}</Typography.Text>;
}

function ReaderGroup({
  kind,
  readers,
  onOpenTag,
}: {
  readonly kind: string;
  readonly readers: readonly TagReader[];
  readonly onOpenTag: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} data-testid={`tag-readers-${kind}`}>
      <Typography.Text strong>
        {t(`tags.readers.kind.${kind}`, { defaultValue: kind })} · {readers.length}
      </Typography.Text>
      {readers.map((reader) => (
        <Flex
          key={reader.id}
          gap={8}
          align="baseline"
          data-testid="tag-reader"
          data-kind={kind}
          data-id={reader.id}
        >
          <ReaderName reader={reader} onOpenTag={onOpenTag} />
          <Typography.Text type="secondary">{reader.id}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * 被引用: the saved tags and segments that read this tag directly. They are what an edit removing it, or
 * changing what they rely on, would break, and the API refuses such an edit until they change: listing them
 * here lets a user see an edit's reach before making it.
 */
export function TagReadersCard({
  readers,
  onOpenTag,
}: {
  readonly readers: readonly TagReader[];
  readonly onOpenTag: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('tags.readers.title')} data-testid="tag-readers" data-count={readers.length}>
      {readers.length === 0 ? (
        <Typography.Text type="secondary" data-testid="tag-readers-none">
          {t('tags.readers.none')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {groupedByKind(readers).map(([kind, members]) => (
            <ReaderGroup key={kind} kind={kind} readers={members} onOpenTag={onOpenTag} />
          ))}
          <Typography.Text type="secondary">{t('tags.readers.guarded')}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
