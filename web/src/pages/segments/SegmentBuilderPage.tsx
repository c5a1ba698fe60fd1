import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Flex, Form, Input, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import {
  createSegmentEndpoint,
  getSegmentEndpoint,
  listSegmentsEndpoint,
  segmentInputSchema,
  updateSegmentEndpoint,
  type Segment,
} from '../../../../src/segments/schema';
import { endpointKey, useEndpoint, useEndpointMutation } from '../../api/useEndpoint';
import { EditorSaveBar } from '../../components/EditorSaveBar';
import { checkText } from '../../components/expression-check';
import { LiveCountPanel } from './LiveCountPanel';
import { RuleEditor } from './RuleEditor';
import { useBuilderVocabulary, type BuilderVocabulary } from './useBuilderVocabulary';
import { useLiveCount } from './useLiveCount';
import { useRuleBuilder } from './useRuleBuilder';

// Both descriptions have the same limit, read from the shared schema rather than written again here.
const descriptionMax = segmentInputSchema.shape.description.unwrap().maxLength ?? undefined;

/** 新建分群 (`/segments/new`) or a new version of a rule segment (`/segments/:id/edit`). */
export function SegmentBuilderPage() {
  const { id } = useParams();
  const vocabulary = useBuilderVocabulary();
  const existing = useEndpoint(
    getSegmentEndpoint,
    { params: { id: id ?? 'seg_none' } },
    { enabled: id !== undefined },
  );
  if (!vocabulary.ready || (id !== undefined && existing.isPending)) return <Skeleton active />;
  if (existing.isError) return <Alert type="error" showIcon title={existing.error.message} />;
  return <SegmentBuilder key={id ?? 'new'} segment={existing.data ?? null} vocabulary={vocabulary} />;
}

function SegmentBuilder({
  segment,
  vocabulary,
}: {
  readonly segment: Segment | null;
  readonly vocabulary: BuilderVocabulary;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const builder = useRuleBuilder(segment?.rule ?? '', vocabulary.typeOf);
  const [names, setNames] = useState({
    nameZh: segment?.nameZh ?? '',
    nameEn: segment?.nameEn ?? '',
    description: segment?.description ?? '',
    descriptionZh: segment?.descriptionZh ?? '',
  });
  const text = builder.text.trim();
  // Checked as typed (untrimmed), so positions point into the text the person sees.
  const client = useMemo(
    () => (text === '' ? null : checkText(builder.text, vocabulary.catalog, i18n.language, 'boolean')),
    [text, builder.text, vocabulary.catalog, i18n.language],
  );
  const live = useLiveCount(builder.text, client?.ok === true);
  const problem = client && !client.ok ? client.problem : live.problem;
  const onSaved = (saved: Segment) => {
    void message.success(
      t('segments.saved', { name: i18n.language === 'en-US' ? saved.nameEn : saved.nameZh }),
    );
    void queryClient.invalidateQueries({ queryKey: endpointKey(listSegmentsEndpoint) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(getSegmentEndpoint) });
    void navigate(`/segments?saved=${saved.id}`);
  };
  const create = useEndpointMutation(createSegmentEndpoint, { onSuccess: onSaved });
  const update = useEndpointMutation(updateSegmentEndpoint, { onSuccess: onSaved });
  const saveError = create.error ?? update.error;
  const namesOk = names.nameZh.trim() !== '' && names.nameEn.trim() !== '';
  const canSave = client?.ok === true && live.valid && live.rule === text && namesOk;
  const save = () => {
    const body = { ...names, rule: text };
    if (segment)
      update.mutate({ params: { id: segment.id }, body: { ...body, baseVersion: segment.version } });
    else create.mutate({ body });
  };

  return (
    <Flex vertical gap={16}>
      <EditorSaveBar
        title={
          segment
            ? t('segments.editTitle', { name: i18n.language === 'en-US' ? segment.nameEn : segment.nameZh })
            : t('segments.newTitle')
        }
        backTo="/segments"
        canSave={canSave}
        saving={create.isPending || update.isPending}
        onSave={save}
        error={saveError}
        errorTitle={t('segments.saveFailed')}
        testId="segment"
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <RuleEditor builder={builder} vocabulary={vocabulary} problem={problem} />
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            <LiveCountPanel live={live} empty={text === ''} refused={problem !== null} />
            <Card size="small" title={t('segments.info')}>
              <Form layout="vertical">
                <Form.Item label={t('segments.nameZh')} required>
                  <Input
                    value={names.nameZh}
                    onChange={(e) => setNames({ ...names, nameZh: e.target.value })}
                    maxLength={80}
                    data-testid="segment-name-zh"
                  />
                </Form.Item>
                <Form.Item label={t('segments.nameEn')} required>
                  <Input
                    value={names.nameEn}
                    onChange={(e) => setNames({ ...names, nameEn: e.target.value })}
                    maxLength={80}
                    data-testid="segment-name-en"
                  />
                </Form.Item>
                <Form.Item label={t('segments.descriptionZh')} tooltip={t('segments.descriptionZhHint')}>
                  <Input.TextArea
                    value={names.descriptionZh}
                    onChange={(e) => setNames({ ...names, descriptionZh: e.target.value })}
                    autoSize={{ minRows: 2, maxRows: 5 }}
                    maxLength={descriptionMax}
                    data-testid="segment-description-zh"
                  />
                </Form.Item>
                <Form.Item label={t('segments.descriptionEn')} style={{ marginBottom: 0 }}>
                  <Input.TextArea
                    value={names.description}
                    onChange={(e) => setNames({ ...names, description: e.target.value })}
                    autoSize={{ minRows: 2, maxRows: 5 }}
                    maxLength={descriptionMax}
                    data-testid="segment-description"
                  />
                </Form.Item>
              </Form>
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
