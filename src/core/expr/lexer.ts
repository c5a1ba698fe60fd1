import type { Span, WindowUnit } from './ast';
import { exprFail } from './expr-error';

export type Punct = '+' | '-' | '*' | '/' | '%' | '||' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '(' | ')' | ',' | '.';

export type Token =
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly span: Span }
  | { readonly type: 'string'; readonly value: string; readonly span: Span }
  | { readonly type: 'window'; readonly amount: number; readonly unit: WindowUnit; readonly span: Span }
  | { readonly type: 'word'; readonly text: string; readonly span: Span }
  | { readonly type: 'punct'; readonly text: Punct; readonly span: Span }
  | { readonly type: 'eof'; readonly span: Span };

// Longest first, so that `<=` is not read as `<` then `=`. `<>` is the SQL spelling of `!=`.
const puncts: ReadonlyArray<readonly [string, Punct]> = [
  ['<=', '<='],
  ['>=', '>='],
  ['!=', '!='],
  ['<>', '!='],
  ['||', '||'],
  ['==', '='],
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['/', '/'],
  ['%', '%'],
  ['=', '='],
  ['<', '<'],
  ['>', '>'],
  ['(', '('],
  [')', ')'],
  [',', ','],
  ['.', '.'],
];

// Chinese input methods produce these easily; name the ASCII character the user meant.
const fullWidth: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '＝': '=',
  '＞': '>',
  '＜': '<',
  '‘': "'",
  '’': "'",
  '“': "'",
  '”': "'",
  '！': '!',
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWordStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isWordPart = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** Splits expression text into tokens; the last is always `eof`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  const spanFrom = (start: number, end = pos): Span => ({ start, end, line, column: start - lineStart + 1 });

  while (pos < text.length) {
    const c = text[pos] as string;
    if (c === '\n') {
      pos += 1;
      line += 1;
      lineStart = pos;
      continue;
    }
    if (/\s/.test(c)) {
      pos += 1;
      continue;
    }
    const start = pos;
    if (isDigit(c)) {
      tokens.push(readNumber(text, start, (end) => spanFrom(start, end)));
      pos = tokens[tokens.length - 1]?.span.end ?? pos;
      continue;
    }
    if (isWordStart(c)) {
      while (isWordPart(text[pos])) pos += 1;
      tokens.push({ type: 'word', text: text.slice(start, pos), span: spanFrom(start) });
      continue;
    }
    if (c === "'") {
      const { value, end } = readString(text, start, spanFrom(start, start + 1));
      tokens.push({ type: 'string', value, span: spanFrom(start, end) });
      // A string may span lines; count them so later columns stay right.
      for (let i = start; i < end; i += 1) {
        if (text[i] === '\n') {
          line += 1;
          lineStart = i + 1;
        }
      }
      pos = end;
      continue;
    }
    const punct = puncts.find(([spelling]) => text.startsWith(spelling, pos));
    if (punct) {
      pos += punct[0].length;
      tokens.push({ type: 'punct', text: punct[1], span: spanFrom(start) });
      continue;
    }
    unexpectedCharacter(c, spanFrom(start, start + 1));
  }
  tokens.push({ type: 'eof', span: spanFrom(pos, pos) });
  return tokens;
}

function readNumber(text: string, start: number, spanTo: (end: number) => Span): Token {
  let pos = start;
  while (isDigit(text[pos])) pos += 1;
  let integral = true;
  if (text[pos] === '.' && isDigit(text[pos + 1])) {
    integral = false;
    pos += 1;
    while (isDigit(text[pos])) pos += 1;
  }
  const sign = text[pos + 1] === '+' || text[pos + 1] === '-' ? 1 : 0;
  if ((text[pos] === 'e' || text[pos] === 'E') && isDigit(text[pos + 1 + sign])) {
    integral = false;
    pos += 1 + sign;
    while (isDigit(text[pos])) pos += 1;
  }
  const numberText = text.slice(start, pos);
  if (isWordStart(text[pos])) {
    let end = pos;
    while (isWordPart(text[end])) end += 1;
    const suffix = text.slice(pos, end);
    if (integral && (suffix === 'd' || suffix === 'm')) {
      return { type: 'window', amount: Number(numberText), unit: suffix, span: spanTo(end) };
    }
    exprFail(
      spanTo(end),
      `无法识别 '${text.slice(start, end)}'：时间窗口写作 90d（天）或 12m（月），数字与名称之间需有运算符`,
      `cannot read '${text.slice(start, end)}': write a window as 90d (days) or 12m (months), and put an operator between a number and a name`,
      { expected: 'a number or a window like 90d', found: text.slice(start, end) },
    );
  }
  const value = Number(numberText);
  if (!Number.isFinite(value)) {
    exprFail(spanTo(pos), `数字 ${numberText} 超出范围`, `number ${numberText} is out of range`, { found: numberText });
  }
  return { type: 'number', value, text: numberText, span: spanTo(pos) };
}

function readString(text: string, start: number, openSpan: Span): { value: string; end: number } {
  let pos = start + 1;
  let value = '';
  for (;;) {
    if (pos >= text.length) {
      exprFail(openSpan, "文本缺少结尾的单引号 '", "this text has no closing quote '", { expected: "'", found: 'end of expression' });
    }
    const c = text[pos] as string;
    if (c === "'") {
      if (text[pos + 1] === "'") {
        value += "'";
        pos += 2;
        continue;
      }
      return { value, end: pos + 1 };
    }
    if (c === '\u0000') exprFail(openSpan, '文本中不能包含空字符', 'text may not contain a NUL character');
    value += c;
    pos += 1;
  }
}

function unexpectedCharacter(c: string, span: Span): never {
  const meant = fullWidth[c];
  if (meant !== undefined) {
    exprFail(span, `'${c}' 是全角字符，请改用 '${meant}'`, `'${c}' is a full-width character; use '${meant}'`, {
      expected: meant,
      found: c,
      suggestion: meant,
    });
  }
  if (c === '&') {
    exprFail(span, "“并且”请写作 and", "write 'and' for both conditions", { expected: 'and', found: c, suggestion: 'and' });
  }
  if (c === '"') {
    exprFail(span, "文本请用单引号，例如 'travel'", "write text in single quotes, e.g. 'travel'", { expected: "'", found: '"' });
  }
  exprFail(span, `无法识别的字符 '${c}'`, `unexpected character '${c}'`, { found: c });
}
