import { BulbOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { withSuggestion, type ExprProblem } from './expression-check';

interface ExpressionInputProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly problem: ExprProblem | null;
  readonly testId: string;
  readonly placeholder?: string;
  readonly rows?: number;
  readonly disabled?: boolean;
  readonly ariaLabel?: string;
}

// The textarea and the mirror behind it must lay text out identically, or the underline drifts off its word.
const textBox: CSSProperties = {
  fontFamily: "'SFMono-Regular', Consolas, 'Liberation Mono', Menlo, 'Noto Sans Mono CJK SC', monospace",
  fontSize: 13,
  lineHeight: '20px',
  padding: '6px 11px',
  border: '1px solid transparent',
  borderRadius: 6,
  whiteSpace: 'pre-wrap',
  overflowWrap: 'break-word',
  wordBreak: 'break-all',
  boxSizing: 'border-box',
  width: '100%',
  margin: 0,
  letterSpacing: 0,
};

const underline: CSSProperties = {
  textDecoration: 'underline wavy #ff4d4f',
  textUnderlineOffset: 3,
  background: 'rgba(255, 77, 79, 0.14)',
  borderRadius: 2,
};

/** The line holding the error and a caret under it, the way the CLI prints it. */
function caretLine(text: string, problem: ExprProblem): { line: string; caret: string } {
  const start = text.lastIndexOf('\n', problem.position - 1) + 1;
  const stop = text.indexOf('\n', problem.position);
  const line = text.slice(start, stop === -1 ? undefined : stop);
  const column = problem.position - start;
  const width = Math.max(1, Math.min(problem.end, stop === -1 ? text.length : stop) - problem.position);
  return { line, caret: `${' '.repeat(column)}^${'~'.repeat(width - 1)}` };
}

/**
 * A code-style input for expression text that underlines the offending part in place (a mirror of the text
 * sits behind a transparent textarea) and repeats the message with a caret below.
 */
export function ExpressionInput({
  value,
  onChange,
  problem,
  testId,
  placeholder,
  rows = 3,
  disabled,
  ariaLabel,
}: ExpressionInputProps) {
  const { t } = useTranslation();
  const mirror = useRef<HTMLDivElement>(null);
  // "Did you mean …" as a button: one click puts the suggested name in place of the mistyped one.
  const fixed = problem && !disabled ? withSuggestion(value, problem) : null;
  const start = problem ? Math.min(problem.position, value.length) : 0;
  const end = problem ? Math.min(Math.max(problem.end, start), value.length) : 0;
  const caret = problem ? caretLine(value, problem) : null;
  return (
    <div>
      <div style={{ position: 'relative', background: disabled ? '#f5f5f5' : '#fff', borderRadius: 6 }}>
        <div
          ref={mirror}
          aria-hidden
          style={{
            ...textBox,
            position: 'absolute',
            inset: 0,
            color: 'transparent',
            overflow: 'hidden',
            pointerEvents: 'none',
          }}
        >
          {problem ? (
            <>
              {value.slice(0, start)}
              <span style={underline} data-testid={`${testId}-underline`}>
                {/* An error at the end ("found the end") underlines a blank where the missing part belongs. */}
                {end > start ? value.slice(start, end) : '\u2003'}
              </span>
              {value.slice(end)}
            </>
          ) : (
            value
          )}
          {'\n'}
        </div>
        <textarea
          data-testid={testId}
          aria-label={ariaLabel}
          aria-invalid={problem !== null}
          value={value}
          rows={rows}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          disabled={disabled}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
          }}
          style={{
            ...textBox,
            position: 'relative',
            display: 'block',
            resize: 'vertical',
            background: 'transparent',
            color: '#1f1f1f',
            borderColor: problem ? '#ff4d4f' : '#d9d9d9',
            outline: 'none',
          }}
        />
      </div>
      {problem && caret && (
        <div
          data-testid={`${testId}-error`}
          data-position={problem.position}
          data-end={problem.end}
          style={{ marginTop: 6 }}
        >
          <Typography.Text type="danger">{problem.message}</Typography.Text>
          {fixed !== null && problem.suggestion !== undefined && (
            <Button
              size="small"
              type="link"
              icon={<BulbOutlined />}
              onClick={() => onChange(fixed)}
              data-testid={`${testId}-fix`}
            >
              {t('common.useSuggestion', { suggestion: problem.suggestion })}
            </Button>
          )}
          <pre
            style={{
              ...textBox,
              padding: '4px 11px',
              margin: '4px 0 0',
              background: '#fff2f0',
              color: '#595959',
              fontSize: 12,
              lineHeight: '18px',
            }}
          >
            {caret.line}
            {'\n'}
            <span style={{ color: '#ff4d4f' }}>{caret.caret}</span>
          </pre>
        </div>
      )}
    </div>
  );
}
