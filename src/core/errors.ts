// Every error a capability raises carries a code, an HTTP status and a message for people in zh-CN and
// English, and is serialised the same way by the API, the CLI and the console. Expected outcomes (a rejected
// row, an ineligible offer) are values, not errors.

export type Locale = 'zh-CN' | 'en-US';

export interface LocalisedMessage {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

/** The codes a caller may branch on. Add a code here before raising it. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'database_locked'
  | 'file_unreadable'
  | 'mapping_invalid'
  | 'expression_invalid'
  | 'definition_invalid'
  | 'job_failed'
  | 'query_timeout'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  database_locked: 423,
  file_unreadable: 422,
  mapping_invalid: 422,
  expression_invalid: 422,
  definition_invalid: 422,
  job_failed: 500,
  // A valid request the server will not finish as it stands (docs/decisions.md: not 408 or 503, which
  // browsers, the console and proxies may resend, running the heavy query again).
  query_timeout: 422,
  internal: 500,
};

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly messages: LocalisedMessage;
    readonly details?: unknown;
  };
}

export class CardwiseError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messages: LocalisedMessage;
  readonly details: unknown;

  constructor(code: ErrorCode, messages: LocalisedMessage, details?: unknown, options?: { cause?: unknown }) {
    super(messages['en-US'], options);
    this.name = 'CardwiseError';
    this.code = code;
    this.status = statusOf[code];
    this.messages = messages;
    this.details = details;
  }

  toBody(locale: Locale = 'zh-CN'): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.messages[locale],
        messages: this.messages,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** Shorthand for the common case: `fail('not_found', '找不到客户 C1', 'customer C1 not found')`. */
export function fail(code: ErrorCode, zh: string, en: string, details?: unknown): never {
  throw new CardwiseError(code, { 'zh-CN': zh, 'en-US': en }, details);
}

export function isCardwiseError(value: unknown): value is CardwiseError {
  return value instanceof CardwiseError;
}

/** For exhaustive switches over unions: the compiler proves this is never reached. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
