import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Flex, Form, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  createTagEndpoint,
  getTagEndpoint,
  listTagsEndpoint,
  updateTagEndpoint,
  type TagDefinition,
} from '../../../../src/tags/schema';
import { endpointKey, useEndpoint, useEndpointMutation } from '../../api/useEndpoint';
import { EditorSaveBar } from '../../components/EditorSaveBar';
import { TagBasicsFields } from './TagBasicsFields';
import { TagPreviewPanel } from './TagPreviewPanel';
import { TagSpecFields } from './TagSpecFields';
import { TagValidationStatus } from './TagValidationStatus';
import { TagValueFields } from './TagValueFields';
import { definitionOf, draftOf, emptyDraft, type TagDraft } from './tag-draft';
import { useTagValidation } from './useTagValidation';

/** New tag, edit of a custom tag (`/tags/:code/edit`) or a copy of any tag (`/tags/new?from=code`). */
export function TagEditorPage() {
  const { code } = useParams();
  const [search] = useSearchParams();
  const source = code ?? search.get('from');
  const original = useEndpoint(
    getTagEndpoint,
    { params: { code: source ?? '--' } },
    { enabled: source !== null, staleTime: Infinity },
  );
  if (source !== null && original.isPending) return <Skeleton active />;
  if (original.isError) return <Alert type="error" showIcon title={original.error.message} />;
  return (
    <TagEditor
      key={source ?? 'new'}
      editing={code ?? null}
      baseVersion={code === undefined ? undefined : original.data?.definition.version}
      initial={original.data ? draftOf(original.data.definition, code === undefined) : emptyDraft}
    />
  );
}

function TagEditor({
  editing,
  baseVersion,
  initial,
}: {
  readonly editing: string | null;
  /** The version loaded for editing: saving over a newer one is refused. */
  readonly baseVersion?: number | undefined;
  readonly initial: TagDraft;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [draft, setDraft] = useState(initial);
  // Fields the person has typed in: only those show "required" under the input (see useTagValidation).
  const [touched, setTouched] = useState<ReadonlySet<keyof TagDraft>>(new Set());
  const set = (patch: Partial<TagDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setTouched((seen) => new Set([...seen, ...(Object.keys(patch) as Array<keyof TagDraft>)]));
  };
  const tags = useEndpoint(listTagsEndpoint, {});
  const validation = useTagValidation(draft, tags.data?.tags ?? [], editing, touched);
  const definition = definitionOf(draft);
  const onSaved = (saved: TagDefinition) => {
    void message.success(t('tags.saved', { code: saved.code, version: saved.version }));
    void queryClient.invalidateQueries({ queryKey: endpointKey(listTagsEndpoint) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(getTagEndpoint) });
    void navigate(`/tags?tag=${saved.code}`);
  };
  const create = useEndpointMutation(createTagEndpoint, { onSuccess: onSaved });
  const update = useEndpointMutation(updateTagEndpoint, { onSuccess: onSaved });
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const save = () =>
    editing
      ? update.mutate({ params: { code: editing }, body: { ...definition, ...(baseVersion ? { baseVersion } : {}) } })
      : create.mutate({ body: definition });

  return (
    <Flex vertical gap={16}>
      <EditorSaveBar
        title={editing ? t('tags.editTitle', { code: editing }) : t('tags.newTitle')}
        backTo="/tags"
        canSave={validation.valid}
        saving={saving}
        onSave={save}
        error={saveError}
        errorTitle={t('tags.saveFailed')}
        testId="tag"
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('tags.definitionTitle')}>
            <Form layout="vertical" requiredMark>
              <TagBasicsFields
                draft={draft}
                set={set}
                issues={validation.issues}
                editing={editing !== null}
              />
              <TagSpecFields
                draft={draft}
                set={set}
                problems={validation.problems}
                issues={validation.issues}
              />
              <TagValueFields draft={draft} set={set} issues={validation.issues} />
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <TagValidationStatus validation={validation} />
            <TagPreviewPanel definition={definition} ready={validation.valid} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
