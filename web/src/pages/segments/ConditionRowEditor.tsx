import { DeleteOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { getTagEndpoint } from '../../../../src/tags/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { ConditionValueInput } from './ConditionValueInput';
import type { BuilderVocabulary } from './useBuilderVocabulary';
import { arityOf, isIncomplete, opsFor, type Condition } from './rule-model';

interface ConditionRowEditorProps {
  readonly condition: Condition;
  readonly vocabulary: BuilderVocabulary;
  readonly onChange: (next: Condition) => void;
  readonly onRemove: () => void;
  /** Position in the builder, e.g. "0-1", for tests and labels. */
  readonly path: string;
}

/** One row of the builder: a tag, an operator fitting its type, and the value(s). */
export function ConditionRowEditor({
  condition,
  vocabulary,
  onChange,
  onRemove,
  path,
}: ConditionRowEditorProps) {
  const { t } = useTranslation();
  const type = vocabulary.typeOf(condition.tag);
  // Enum values are in a tag's definition, not in the catalogue listing: read them for the tag picked here.
  const enumTag = type === 'enum' && condition.tag !== 'persona';
  const detail = useEndpoint(
    getTagEndpoint,
    { params: { code: condition.tag || '--' } },
    { enabled: enumTag, staleTime: 300_000 },
  );
  const choices = condition.tag === 'persona' ? vocabulary.personas : (detail.data?.definition.values ?? []);
  const ops = opsFor(type);
  const incomplete = isIncomplete(condition, vocabulary.typeOf);

  return (
    <div
      data-testid={`condition-${path}`}
      data-tag={condition.tag}
      data-op={condition.op}
      style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
    >
      {/* The tag takes the room left by the fixed operator and value, so a row fits a 1280 px screen. */}
      <div data-testid={`condition-${path}-tag`} style={{ flex: '1 1 200px', minWidth: 200, maxWidth: 320 }}>
        <Select
          style={{ width: '100%' }}
          showSearch={{
            filterOption: (input, option) =>
              (option && 'search' in option ? String(option.search) : '').includes(input.toLowerCase()),
          }}
          placeholder={t('segments.builder.pickTag')}
          aria-label={t('segments.builder.pickTag')}
          value={condition.tag || undefined}
          onChange={(tag: string) => {
            const nextType = vocabulary.typeOf(tag);
            const op = opsFor(nextType).includes(condition.op) ? condition.op : '=';
            onChange({ ...condition, tag, op, values: nextType === type ? condition.values : [] });
          }}
          options={vocabulary.tagOptions.map((g) => ({ label: g.label, options: [...g.options] }))}
          popupMatchSelectWidth={360}
        />
      </div>
      {/* Wide enough for the longest English operator ("greater than", "is not empty") to be read whole. */}
      <div data-testid={`condition-${path}-op`} style={{ width: 128 }}>
        <Select
          style={{ width: '100%' }}
          aria-label={t('segments.builder.operator')}
          value={condition.op}
          onChange={(op) => {
            const arity = arityOf(op);
            const values =
              arity === 0
                ? []
                : arity === 1
                  ? condition.values.slice(0, 1)
                  : arity === 2
                    ? condition.values.slice(0, 2)
                    : condition.values;
            onChange({ ...condition, op, values });
          }}
          options={ops.map((op) => ({ value: op, label: t(`segments.op.${op}`) }))}
        />
      </div>
      <ConditionValueInput
        condition={condition}
        type={type}
        choices={choices}
        onChange={(values) => onChange({ ...condition, values })}
        testId={`condition-${path}-value`}
      />
      {incomplete && (
        <Tooltip title={t('segments.builder.incomplete')}>
          <WarningOutlined style={{ color: '#faad14' }} />
        </Tooltip>
      )}
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        onClick={onRemove}
        aria-label={t('common.delete')}
        data-testid={`condition-${path}-remove`}
      />
    </div>
  );
}
