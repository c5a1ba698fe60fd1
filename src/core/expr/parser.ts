import { type ComparisonOp, type Expr, type Span } from './ast';
import { build } from './build';
import { Cursor, describe, keywords, spanning } from './cursor';
import { exprFail } from './expr-error';
import { tokenize, type Token } from './lexer';
import { parseWordValue } from './parse-calls';

const comparisonOps = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);
// Deep enough for any rule a person writes; shallow enough that a hostile input cannot exhaust the stack.
const maxDepth = 64;

/**
 * Parses expression text into a frozen AST, or throws `expression_invalid` with the position:
 * `parseExpression("spend_90d > ")` → "col 13: expected a value after '>', found the end".
 */
export function parseExpression(text: string): Expr {
  const parser = new Parser(new Cursor(tokenize(text)));
  const expr = parser.expression();
  const rest = parser.cursor.current;
  if (rest.type !== 'eof') {
    if (rest.type === 'punct' && rest.text === ')') {
      exprFail(rest.span, "多余的 ')'", "unmatched ')'", { expected: 'the end', found: "')'" });
    }
    parser.cursor.failHere('应为运算符或结尾', 'expected an operator or the end', 'an operator or the end');
  }
  return expr;
}

export class Parser {
  private depth = 0;

  constructor(readonly cursor: Cursor) {}

  /** or-expression: the loosest binding level. */
  expression(): Expr {
    this.depth += 1;
    if (this.depth > maxDepth) {
      exprFail(this.cursor.current.span, '表达式嵌套过深', 'the expression is nested too deeply', { found: describe(this.cursor.current).en });
    }
    try {
      let left = this.conjunction();
      while (this.cursor.eatKeyword('or')) left = build.logical('or', left, this.conjunction(), spanOf(left, this.lastEnd()));
      return left;
    } finally {
      this.depth -= 1;
    }
  }

  private conjunction(): Expr {
    let left = this.negation();
    while (this.cursor.eatKeyword('and')) left = build.logical('and', left, this.negation(), spanOf(left, this.lastEnd()));
    return left;
  }

  private negation(): Expr {
    const not = this.cursor.eatKeyword('not');
    if (!not) return this.predicate();
    const operand = this.negation();
    return build.not(operand, spanning(not.span, operand.span));
  }

  private predicate(): Expr {
    const left = this.additive();
    const token = this.cursor.current;
    if (token.type === 'punct' && comparisonOps.has(token.text)) {
      this.cursor.advance();
      const right = this.additive();
      const next = this.cursor.current;
      if (next.type === 'punct' && comparisonOps.has(next.text)) {
        exprFail(next.span, "比较不能连写，请用 and 连接两个比较", "comparisons cannot be chained; join two comparisons with 'and'", {
          expected: "'and'",
          found: describe(next).en,
        });
      }
      return build.comparison(token.text as ComparisonOp, left, right, spanOf(left, right.span));
    }
    if (this.cursor.eatKeyword('is')) {
      const negated = this.cursor.eatKeyword('not') !== undefined;
      const nullWord = this.cursor.eatKeyword('null');
      if (!nullWord) this.cursor.failHere("'is' 之后应为 null 或 not null", "expected 'null' or 'not null' after 'is'", "'null'");
      return build.isNull(left, negated, spanOf(left, nullWord.span));
    }
    const not = this.cursor.isKeyword('not') && (this.cursor.isKeyword('in', this.cursor.next) || this.cursor.isKeyword('between', this.cursor.next));
    if (not) this.cursor.advance();
    if (this.cursor.eatKeyword('in')) return this.inList(left, not);
    if (this.cursor.eatKeyword('between')) {
      const low = this.additive();
      if (!this.cursor.eatKeyword('and')) this.cursor.failHere("between 之后应为 'and'", "expected 'and' in 'between … and …'", "'and'");
      const high = this.additive();
      return build.between(left, low, high, not, spanOf(left, high.span));
    }
    if (this.cursor.isKeyword('not')) {
      this.cursor.advance();
      this.cursor.failHere("'not' 之后应为 in 或 between", "expected 'in' or 'between' after 'not'", "'in' or 'between'");
    }
    return left;
  }

  private inList(operand: Expr, negated: boolean): Expr {
    this.cursor.expectPunct('(', "'(' after 'in'", "'in' 之后的 '('");
    const list: Expr[] = [this.expression()];
    while (this.cursor.eatPunct(',')) list.push(this.expression());
    const close = this.cursor.expectPunct(')', "',' or ')' to close the list", "',' 或 ')'");
    return build.in(operand, list, negated, spanOf(operand, close.span));
  }

  additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      const op = this.cursor.eatPunct('+') ?? this.cursor.eatPunct('-') ?? this.cursor.eatPunct('||');
      if (!op || op.type !== 'punct') return left;
      const right = this.multiplicative();
      left = build.arithmetic(op.text as '+' | '-' | '||', left, right, spanOf(left, right.span));
    }
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.cursor.eatPunct('*') ?? this.cursor.eatPunct('/') ?? this.cursor.eatPunct('%');
      if (!op || op.type !== 'punct') return left;
      const right = this.unary();
      left = build.arithmetic(op.text as '*' | '/' | '%', left, right, spanOf(left, right.span));
    }
  }

  private unary(): Expr {
    const minus = this.cursor.eatPunct('-');
    if (!minus) return this.primary();
    const token = this.cursor.current;
    // `-5` is one literal, so that the printer's output parses back to the same tree.
    if (token.type === 'number') {
      this.cursor.advance();
      return build.number(-token.value, spanning(minus.span, token.span));
    }
    const operand = this.unary();
    return build.negate(operand, spanning(minus.span, operand.span));
  }

  private primary(): Expr {
    const token = this.cursor.current;
    switch (token.type) {
      case 'number':
        this.cursor.advance();
        return build.number(token.value, token.span);
      case 'string':
        this.cursor.advance();
        return build.string(token.value, token.span);
      case 'window':
        return exprFail(token.span, `时间窗口 ${describe(token).zh} 只能用在行为统计中，例如 count(txn, 90d)`, `a window like ${describe(token).en} belongs inside a behaviour count, e.g. count(txn, 90d)`, {
          found: describe(token).en,
        });
      case 'punct':
        if (token.text === '(') {
          this.cursor.advance();
          const inner = this.expression();
          this.cursor.expectPunct(')', `')' to close the '(' at col ${token.span.column}`, `与第 ${token.span.column} 列 '(' 配对的 ')'`);
          return inner;
        }
        return this.expectedValue();
      case 'word':
        if (keywords.has(token.text.toLowerCase()) && !['null', 'true', 'false'].includes(token.text.toLowerCase())) {
          return this.expectedValue();
        }
        return parseWordValue(this, token);
      case 'eof':
        return this.expectedValue();
    }
  }

  private expectedValue(): never {
    const previous: Token | undefined = this.cursor.previous;
    if (!previous) return this.cursor.failHere('应为一个值', 'expected a value', 'a value');
    const after = describe(previous);
    return this.cursor.failHere(`${after.zh} 之后应为一个值`, `expected a value after ${after.en}`, 'a value');
  }

  lastEnd(): Span {
    return (this.cursor.previous ?? this.cursor.current).span;
  }
}

function spanOf(first: Expr, last: Span): Span {
  return spanning(first.span, last);
}
