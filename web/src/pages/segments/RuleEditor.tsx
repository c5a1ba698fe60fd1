import { CodeOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExpressionInput } from '../../components/ExpressionInput';
import type { ExprProblem } from '../../components/expression-check';
import { ConditionGroupEditor } from './ConditionGroupEditor';
import type { RuleBuilder } from './useRuleBuilder';
import type { BuilderVocabulary } from './useBuilderVocabulary';

interface RuleEditorProps {
  readonly builder: RuleBuilder;
  readonly vocabulary: BuilderVocabulary;
  /** The browser's problem with the text first, else the server's. */
  readonly problem: ExprProblem | null;
}

/** The rule twice, kept in step: visual conditions above, the expression text below. */
export function RuleEditor({ builder, vocabulary, problem }: RuleEditorProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('segments.builder.visual')}
        data-testid="rule-visual"
        data-mode={builder.mode}
      >
        {builder.mode !== 'visual' && (
          <Alert
            type={builder.mode === 'advanced' ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="rule-mode-banner"
            title={t(`segments.builder.mode.${builder.mode}`)}
            description={t(`segments.builder.mode.${builder.mode}Hint`)}
            action={
              <Button size="small" icon={<RollbackOutlined />} onClick={builder.backToRows}>
                {t('segments.builder.backToRows')}
              </Button>
            }
          />
        )}
        <ConditionGroupEditor
          group={builder.group}
          vocabulary={vocabulary}
          onChange={builder.editVisual}
          path="0"
          depth={0}
          disabled={builder.mode !== 'visual'}
        />
      </Card>
      <Card
        size="small"
        title={
          <span>
            <CodeOutlined /> {t('segments.builder.text')}
          </span>
        }
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('segments.builder.textHint')}
          </Typography.Text>
        }
      >
        <ExpressionInput
          testId="rule-text"
          ariaLabel={t('segments.builder.text')}
          value={builder.text}
          onChange={builder.editText}
          problem={problem}
          rows={3}
          placeholder="spend_90d > 5000 and card_tier = 'gold'"
        />
      </Card>
    </Flex>
  );
}
