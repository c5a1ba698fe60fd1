import { useCallback, useState } from 'react';
import { readRuleText } from './rule-from-ast';
import { emptyGroup, groupText, type ConditionGroup, type TypeOf } from './rule-model';

export type BuilderMode = 'visual' | 'advanced' | 'broken';

export interface RuleBuilder {
  /** The rule as text: what is checked, counted and saved. */
  readonly text: string;
  readonly group: ConditionGroup;
  /** visual: rows and text agree; advanced: the text is beyond the rows; broken: the text does not parse. */
  readonly mode: BuilderMode;
  editVisual(group: ConditionGroup): void;
  editText(text: string): void;
  /** Leaves an advanced or broken text for the last rows the builder could show. */
  backToRows(): void;
}

/**
 * Keeps the visual rows and the text in step. A visual edit rewrites the text from the rows (incomplete rows
 * are left out of it until they are complete); a text edit re-reads the rows when the text can be shown as
 * rows, and otherwise keeps the last rows aside, untouched, so nothing typed is lost either way.
 */
export function useRuleBuilder(initial: string, typeOf: TypeOf): RuleBuilder {
  const [state, setState] = useState(() => {
    const reading = readRuleText(initial);
    return {
      text: initial,
      group: reading.kind === 'rows' ? reading.group : emptyGroup(),
      mode: modeOf(reading.kind),
    };
  });
  const editVisual = useCallback(
    (group: ConditionGroup) => setState({ text: groupText(group, typeOf), group, mode: 'visual' }),
    [typeOf],
  );
  const editText = useCallback((text: string) => {
    const reading = readRuleText(text);
    setState((s) => ({
      text,
      group: reading.kind === 'rows' ? reading.group : s.group,
      mode: modeOf(reading.kind),
    }));
  }, []);
  const backToRows = useCallback(
    () => setState((s) => ({ text: groupText(s.group, typeOf), group: s.group, mode: 'visual' })),
    [typeOf],
  );
  return { ...state, editVisual, editText, backToRows };
}

function modeOf(kind: 'rows' | 'advanced' | 'broken'): BuilderMode {
  return kind === 'rows' ? 'visual' : kind;
}
