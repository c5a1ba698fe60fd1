import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { issueHelp } from './issue-help';
import type { TagDraft } from './tag-draft';
import type { ValidationIssue } from './useTagValidation';

interface TagValueFieldsProps {
  readonly draft: TagDraft;
  readonly set: (patch: Partial<TagDraft>) => void;
  readonly issues: readonly ValidationIssue[];
}

/** How values read and group: enum values, bucket edges and labels, refresh policy and the descriptions. */
export function TagValueFields({ draft, set, issues }: TagValueFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        {draft.type === 'enum' && (
          <Col span={24}>
            <Form.Item
              label={t('tags.field.values')}
              tooltip={t('tags.listHint')}
              {...issueHelp(issues, 'values')}
            >
              <Input
                value={draft.values}
                onChange={(e) => set({ values: e.target.value })}
                placeholder="low, medium, high"
                data-testid="tag-field-values"
              />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item
            label={t('tags.field.buckets')}
            tooltip={t('tags.bucketsHint')}
            {...issueHelp(issues, 'buckets')}
          >
            <Input
              value={draft.edges}
              onChange={(e) => set({ edges: e.target.value })}
              placeholder="0, 1000, 5000"
              data-testid="tag-field-edges"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('tags.field.labels')}
            tooltip={t('tags.labelsHint')}
            {...issueHelp(issues, 'buckets.labels')}
          >
            <Input
              value={draft.labels}
              onChange={(e) => set({ labels: e.target.value })}
              disabled={draft.edges.trim() === ''}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t('tags.field.refresh')}>
            <Select
              value={draft.refresh}
              onChange={(refresh) => set({ refresh })}
              options={(['daily', 'on_demand'] as const).map((r) => ({
                value: r,
                label: t(`tagRefresh.${r}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('tags.field.descriptionZh')}
            tooltip={t('tags.field.descriptionZhHint')}
            {...issueHelp(issues, 'description_zh')}
          >
            <Input.TextArea
              value={draft.description_zh}
              onChange={(e) => set({ description_zh: e.target.value })}
              autoSize={{ minRows: 1, maxRows: 4 }}
              data-testid="tag-field-description-zh"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('tags.field.descriptionEn')} required {...issueHelp(issues, 'description')}>
            <Input.TextArea
              value={draft.description}
              onChange={(e) => set({ description: e.target.value })}
              autoSize={{ minRows: 1, maxRows: 4 }}
              data-testid="tag-field-description"
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
