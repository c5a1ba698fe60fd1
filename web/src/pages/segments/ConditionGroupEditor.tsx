import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Tag } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionRowEditor } from './ConditionRowEditor';
import type { BuilderVocabulary } from './useBuilderVocabulary';
import { emptyGroup, newCondition, type ConditionGroup, type RuleNode } from './rule-model';

interface ConditionGroupEditorProps {
  readonly group: ConditionGroup;
  readonly vocabulary: BuilderVocabulary;
  readonly onChange: (next: ConditionGroup) => void;
  readonly onRemove?: () => void;
  readonly path: string;
  readonly depth: number;
  readonly disabled?: boolean;
}

// Two levels are what people build by hand ("A and (B or C)"); deeper logic reads better as text.
const maxDepth = 2;

/** A group of conditions joined by AND or OR, possibly holding groups of its own. */
export function ConditionGroupEditor({
  group,
  vocabulary,
  onChange,
  onRemove,
  path,
  depth,
  disabled,
}: ConditionGroupEditorProps) {
  const { t } = useTranslation();
  const replace = (index: number, item: RuleNode | null) =>
    onChange({
      ...group,
      items:
        item === null
          ? group.items.filter((_, i) => i !== index)
          : group.items.map((old, i) => (i === index ? item : old)),
    });
  const joinLabel = t(`segments.builder.join.${group.join}`);

  return (
    <div
      data-testid={`group-${path}`}
      data-join={group.join}
      style={{
        border: '1px solid #f0f0f0',
        borderLeft: `3px solid ${group.join === 'and' ? '#1677ff' : '#fa8c16'}`,
        borderRadius: 6,
        padding: 12,
        background: depth === 0 ? '#fff' : '#fafafa',
        opacity: disabled ? 0.5 : 1,
        pointerEvents: disabled ? 'none' : undefined,
      }}
    >
      <Space style={{ marginBottom: group.items.length > 0 ? 10 : 0 }} wrap>
        <Segmented<'and' | 'or'>
          size="small"
          value={group.join}
          onChange={(join) => onChange({ ...group, join })}
          options={[
            { value: 'and', label: t('segments.builder.join.and') },
            { value: 'or', label: t('segments.builder.join.or') },
          ]}
          data-testid={`group-${path}-join`}
        />
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange({ ...group, items: [...group.items, newCondition()] })}
          data-testid={`group-${path}-add`}
        >
          {t('segments.builder.addCondition')}
        </Button>
        {depth < maxDepth - 1 && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              onChange({
                ...group,
                items: [
                  ...group.items,
                  { ...emptyGroup(group.join === 'and' ? 'or' : 'and'), items: [newCondition()] },
                ],
              })
            }
            data-testid={`group-${path}-add-group`}
          >
            {t('segments.builder.addGroup')}
          </Button>
        )}
        {onRemove && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
            {t('segments.builder.removeGroup')}
          </Button>
        )}
      </Space>
      {group.items.map((item, index) => (
        <Fragment key={item.id}>
          {index > 0 && (
            <div style={{ margin: '6px 0' }}>
              <Tag color={group.join === 'and' ? 'blue' : 'orange'} style={{ marginInlineEnd: 0 }}>
                {joinLabel}
              </Tag>
            </div>
          )}
          {item.kind === 'condition' ? (
            <ConditionRowEditor
              condition={item}
              vocabulary={vocabulary}
              path={`${path}-${index}`}
              onChange={(next) => replace(index, next)}
              onRemove={() => replace(index, null)}
            />
          ) : (
            <ConditionGroupEditor
              group={item}
              vocabulary={vocabulary}
              path={`${path}-${index}`}
              depth={depth + 1}
              onChange={(next) => replace(index, next)}
              onRemove={() => replace(index, null)}
            />
          )}
        </Fragment>
      ))}
    </div>
  );
}
