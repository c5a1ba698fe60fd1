import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { tagDimensions, tagTypes } from '../../../../src/tags/schema';
import { issueHelp } from './issue-help';
import type { TagDraft } from './tag-draft';
import type { ValidationIssue } from './useTagValidation';
import { tagKinds } from './tag-labels';

interface TagBasicsFieldsProps {
  readonly draft: TagDraft;
  readonly set: (patch: Partial<TagDraft>) => void;
  readonly issues: readonly ValidationIssue[];
  readonly editing: boolean;
}

/** Who the tag is: code, names, dimension, kind and type, and how its values are labelled. */
export function TagBasicsFields({ draft, set, issues, editing }: TagBasicsFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            label={t('tags.field.code')}
            required
            tooltip={t('tags.codeHint')}
            {...issueHelp(issues, 'code')}
          >
            <Input
              value={draft.code}
              disabled={editing}
              onChange={(e) => set({ code: e.target.value })}
              data-testid="tag-field-code"
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('tags.field.nameZh')} required {...issueHelp(issues, 'name_zh')}>
            <Input
              value={draft.name_zh}
              onChange={(e) => set({ name_zh: e.target.value })}
              data-testid="tag-field-name-zh"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('tags.field.nameEn')} required {...issueHelp(issues, 'name_en')}>
            <Input
              value={draft.name_en}
              onChange={(e) => set({ name_en: e.target.value })}
              data-testid="tag-field-name-en"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t('tags.dimension')} required>
            <Select
              value={draft.dimension}
              onChange={(dimension) => set({ dimension })}
              options={tagDimensions.map((d) => ({ value: d, label: t(`dimension.${d}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('tags.type')} required {...issueHelp(issues, 'type')}>
            <div data-testid="tag-field-type">
              <Select
                value={draft.type}
                onChange={(type) => set({ type })}
                options={tagTypes.map((ty) => ({ value: ty, label: t(`tagType.${ty}`) }))}
              />
            </div>
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('tags.field.unit')}>
            <Input value={draft.unit} onChange={(e) => set({ unit: e.target.value })} placeholder="CNY" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('tags.kind')} required>
        <Radio.Group
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value as TagDraft['kind'] })}
          optionType="button"
          buttonStyle="solid"
          data-testid="tag-field-kind"
          options={tagKinds.map((k) => ({ value: k, label: t(`tagKind.${k}`) }))}
        />
      </Form.Item>
    </>
  );
}
