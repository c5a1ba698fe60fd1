import { AutoComplete, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  aggregateReadsField,
  dynamicAggregates,
  dynamicSources,
  staticAggregates,
  staticSources,
} from '../../../../src/tags/schema';
import { ExpressionInput } from '../../components/ExpressionInput';
import type { ExprProblem } from '../../components/expression-check';
import { issueHelp } from './issue-help';
import type { TagDraft } from './tag-draft';
import type { ExpressionField, ValidationIssue } from './useTagValidation';

interface TagSpecFieldsProps {
  readonly draft: TagDraft;
  readonly set: (patch: Partial<TagDraft>) => void;
  readonly problems: Readonly<Record<ExpressionField, ExprProblem | null>>;
  readonly issues: readonly ValidationIssue[];
}

const windows = ['7d', '30d', '90d', '180d', '365d', '3m', '6m', '12m'].map((value) => ({ value }));

/** What the tag reads and how it folds, by kind: a source and aggregate, or an expression over other tags. */
export function TagSpecFields({ draft, set, problems, issues }: TagSpecFieldsProps) {
  const { t } = useTranslation();
  const expression = (field: ExpressionField, label: string, placeholder: string, required = false) => (
    <Form.Item
      label={label}
      required={required}
      extra={problems[field] ? undefined : t(`tags.hint.${draft.kind}.${field}`)}
    >
      <ExpressionInput
        testId={`tag-field-${field}`}
        ariaLabel={label}
        value={draft[field]}
        onChange={(text) =>
          set(
            field === 'expression'
              ? { expression: text }
              : field === 'filter'
                ? { filter: text }
                : { base: text },
          )
        }
        problem={problems[field]}
        placeholder={placeholder}
        rows={field === 'expression' ? 3 : 2}
      />
    </Form.Item>
  );

  if (draft.kind === 'computed') {
    return (
      <>
        {expression(
          'expression',
          t('tags.field.expression'),
          'coalesce(spend_share_dining_365d, 0) >= 0.2 and txn_count_90d >= 3',
          true,
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label={t('tags.field.quantiles')}
              tooltip={t('tags.quantilesHint')}
              {...issueHelp(issues, 'spec.quantiles')}
            >
              <InputNumber
                min={2}
                max={100}
                value={draft.quantiles}
                onChange={(quantiles) => set({ quantiles })}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label=" ">
              <Checkbox
                checked={draft.descending}
                disabled={draft.quantiles === null}
                onChange={(e) => set({ descending: e.target.checked })}
              >
                {t('tags.field.descending')}
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </>
    );
  }
  if (draft.kind === 'static') {
    const multiRow = draft.staticSource !== 'customers';
    return (
      <>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label={t('tags.field.source')} required>
              <Select
                value={draft.staticSource}
                onChange={(staticSource) => set({ staticSource })}
                options={staticSources.map((s) => ({ value: s, label: t(`tagSource.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label={t('tags.field.aggregate')}
              required={multiRow}
              {...issueHelp(issues, 'spec.aggregate')}
            >
              <Select
                allowClear
                value={draft.staticAggregate || undefined}
                onChange={(a) => set({ staticAggregate: a ?? '' })}
                options={staticAggregates.map((a) => ({ value: a, label: t(`tagAggregate.${a}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('tags.field.orderBy')} {...issueHelp(issues, 'spec.orderBy')}>
              <Input
                value={draft.orderBy}
                disabled={draft.staticAggregate !== 'first'}
                onChange={(e) => set({ orderBy: e.target.value })}
              />
            </Form.Item>
          </Col>
        </Row>
        {expression('expression', t('tags.field.expression'), 'credit_limit', true)}
        {expression('filter', t('tags.field.filter'), "status != 'closed'")}
      </>
    );
  }
  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label={t('tags.field.source')} required>
            <div data-testid="tag-field-source">
              <Select
                value={draft.dynamicSource}
                onChange={(dynamicSource) => set({ dynamicSource })}
                options={dynamicSources.map((s) => ({ value: s, label: t(`tagSource.${s}`) }))}
              />
            </div>
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('tags.field.aggregate')} required {...issueHelp(issues, 'spec.aggregate')}>
            <div data-testid="tag-field-aggregate">
              <Select
                value={draft.dynamicAggregate}
                onChange={(dynamicAggregate) => set({ dynamicAggregate })}
                options={dynamicAggregates.map((a) => ({ value: a, label: t(`tagAggregate.${a}`) }))}
              />
            </div>
          </Form.Item>
        </Col>
        {/* Hidden, not cleared, where the aggregate reads no field: switching back finds it as it was. */}
        {aggregateReadsField(draft.dynamicAggregate) && (
          <Col span={6}>
            <Form.Item label={t('tags.field.field')} {...issueHelp(issues, 'spec.field')}>
              <Input
                value={draft.field}
                onChange={(e) => set({ field: e.target.value })}
                placeholder="amount"
                style={{ fontFamily: 'monospace' }}
                data-testid="tag-field-field"
              />
            </Form.Item>
          </Col>
        )}
        <Col span={6}>
          <Form.Item label={t('tags.field.window')} {...issueHelp(issues, 'spec.window')}>
            <div data-testid="tag-field-window">
              <AutoComplete
                value={draft.window}
                options={windows}
                onChange={(window: string) => set({ window })}
              />
            </div>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label={t('tags.field.lag')} {...issueHelp(issues, 'spec.lag')}>
            <AutoComplete value={draft.lag} options={windows} onChange={(lag: string) => set({ lag })} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('tags.field.by')}>
            <Select
              allowClear
              disabled={draft.dynamicAggregate !== 'top'}
              value={draft.by || undefined}
              onChange={(by) => set({ by: by ?? '' })}
              options={(['sum', 'count'] as const).map((b) => ({ value: b, label: t(`tagAggregate.${b}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {expression('filter', t('tags.field.filter'), "category = 'dining' and not is_refund")}
      {draft.dynamicAggregate === 'share' && expression('base', t('tags.field.base'), 'not is_refund')}
    </>
  );
}
