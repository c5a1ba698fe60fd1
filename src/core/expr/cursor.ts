import type { Span } from './ast';
import { exprFail } from './expr-error';
import type { Punct, Token } from './lexer';

// Words the grammar reserves: they can never name a tag. `date` and `if` stay usable as names because they
// only mean something when followed by a string or a parenthesis.
export const keywords = new Set(['and', 'or', 'not', 'in', 'between', 'is', 'null', 'true', 'false', 'where']);

export function describe(token: Token): { en: string; zh: string } {
  switch (token.type) {
    case 'eof':
      return { en: 'the end', zh: '结尾' };
    case 'number':
      return { en: token.text, zh: token.text };
    case 'string':
      return { en: `'${token.value}'`, zh: `'${token.value}'` };
    case 'window':
      return { en: `${token.amount}${token.unit}`, zh: `${token.amount}${token.unit}` };
    case 'word':
    case 'punct':
      return { en: `'${token.text}'`, zh: `'${token.text}'` };
  }
}

export function spanning(first: Span, last: Span): Span {
  return { start: first.start, end: last.end, line: first.line, column: first.column };
}

/** A position in the token list with the small helpers a recursive-descent parser needs. */
export class Cursor {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  get current(): Token {
    return this.tokens[this.index] as Token;
  }

  get next(): Token {
    return this.tokens[Math.min(this.index + 1, this.tokens.length - 1)] as Token;
  }

  /** The token consumed last, for messages like "expected a value after '>'". */
  get previous(): Token | undefined {
    return this.index === 0 ? undefined : this.tokens[this.index - 1];
  }

  advance(): Token {
    const token = this.current;
    if (token.type !== 'eof') this.index += 1;
    return token;
  }

  isPunct(text: Punct): boolean {
    return this.current.type === 'punct' && this.current.text === text;
  }

  /** True when the current token is the given keyword, in any letter case. */
  isKeyword(word: string, token: Token = this.current): boolean {
    return token.type === 'word' && token.text.toLowerCase() === word;
  }

  eatPunct(text: Punct): Token | undefined {
    return this.isPunct(text) ? this.advance() : undefined;
  }

  eatKeyword(word: string): Token | undefined {
    return this.isKeyword(word) ? this.advance() : undefined;
  }

  expectPunct(text: Punct, en: string, zh: string): Token {
    const token = this.eatPunct(text);
    if (token) return token;
    return this.failHere(`应为${zh}`, `expected ${en}`, en);
  }

  /** Fails at the current token, naming what was found. */
  failHere(zh: string, en: string, expected: string, suggestion?: string): never {
    const found = describe(this.current);
    return exprFail(this.current.span, `${zh}，实际为 ${found.zh}`, `${en}, found ${found.en}`, {
      expected,
      found: found.en,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
}
