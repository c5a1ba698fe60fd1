import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TagType } from '../../../../src/tags/schema';
import { tagValueLabel } from '../../components/tag-value-label';
import { arityOf, literal, type Condition } from './rule-model';
import { yesNo } from '../../components/yes-no';

interface ConditionValueInputProps {
  readonly condition: Condition;
  readonly type: TagType | undefined;
  /** Known values of an enum tag (or persona codes), for a pick list. */
  readonly choices: readonly string[];
  readonly onChange: (values: string[]) => void;
  readonly testId: string;
}

// One width for every single value, so that the rows' delete buttons line up whatever the tag's type; a list
// of values takes the rest of the row.
const valueWidth = 200;

/** The value part of a condition: none, one, a range or a list, shaped by the operator and the tag's type. */
export function ConditionValueInput({
  condition,
  type,
  choices,
  onChange,
  testId,
}: ConditionValueInputProps) {
  const { t } = useTranslation();
  const arity = arityOf(condition.op);
  const values = condition.values;
  if (arity === 0) return null;
  const invalid = (v: string | undefined) => v !== undefined && v.trim() !== '' && literal(v, type) === null;
  const choiceLabel = (c: string) => {
    const label = tagValueLabel(c, t);
    return label === c ? c : `${label} (${c})`;
  };
  const placeholder =
    type === 'date'
      ? 'YYYY-MM-DD'
      : type === 'number'
        ? t('segments.builder.number')
        : t('segments.builder.value');

  if (type === 'boolean') {
    return (
      <div data-testid={testId}>
        <Select
          style={{ width: valueWidth }}
          aria-label={t('segments.builder.value')}
          value={values[0]}
          onChange={(v: string) => onChange([v])}
          options={[
            { value: 'true', label: yesNo(true, t) },
            { value: 'false', label: yesNo(false, t) },
          ]}
        />
      </div>
    );
  }
  if (arity === 'list' || ((type === 'enum' || choices.length > 0) && arity === 1)) {
    const multiple = arity === 'list';
    return (
      <div data-testid={testId} style={multiple ? { flex: 1, minWidth: valueWidth } : { width: valueWidth }}>
        <Select
          style={{ width: '100%' }}
          aria-label={t('segments.builder.value')}
          mode={multiple ? (choices.length > 0 ? 'multiple' : 'tags') : undefined}
          showSearch
          value={multiple ? [...values] : values[0]}
          placeholder={placeholder}
          onChange={(v: string | string[]) => onChange(Array.isArray(v) ? v : [v])}
          // The values already in the rule are options too: they show their labels while the tag's list of
          // values is on its way (a rule typed as text), and one the list lacks still reads as itself.
          options={[...choices, ...values.filter((v) => v !== '' && !choices.includes(v))].map((c) => ({
            value: c,
            label: choiceLabel(c),
          }))}
          status={values.some(invalid) ? 'error' : undefined}
        />
      </div>
    );
  }
  const single = (i: number) => (
    <Input
      data-testid={`${testId}-${i}`}
      value={values[i] ?? ''}
      placeholder={placeholder}
      aria-label={t('segments.builder.value')}
      status={invalid(values[i]) ? 'error' : undefined}
      inputMode={type === 'number' ? 'decimal' : undefined}
      onChange={(e) => {
        const next = [...values];
        next[i] = e.target.value;
        onChange(arity === 2 ? [next[0] ?? '', next[1] ?? ''] : [next[0] ?? '']);
      }}
      style={{ width: arity === 2 ? (valueWidth - 32) / 2 : valueWidth }}
    />
  );
  return (
    <div data-testid={testId} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
      {single(0)}
      {arity === 2 && (
        <>
          <span style={{ color: '#8c8c8c' }}>{t('segments.builder.and')}</span>
          {single(1)}
        </>
      )}
    </div>
  );
}
