import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CardwiseError, isCardwiseError, issueText } from '../core';
import { resolveLocale } from './locale';

interface ValidationIssue {
  readonly path: string;
  readonly message: string;
  readonly message_zh: string;
  readonly code: string;
}

/** `body` + `/items/0/name` → `body.items.0.name`: the field a person has to fix, named as a client sees it. */
function issuePath(context: string | undefined, instancePath: string): string {
  const field = instancePath.split('/').filter(Boolean).join('.');
  const where = context === 'querystring' ? 'query' : (context ?? 'request');
  return field ? `${where}.${field}` : where;
}

/**
 * Every failure becomes a CardwiseError, so clients see one body shape. Unknown errors become `internal`
 * with no message or stack from the original: those are for the log, not for whoever sent the request.
 */
export function toCardwiseError(error: unknown): { error: CardwiseError; status?: number } {
  if (isCardwiseError(error)) return { error };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fastifyError = error as FastifyError;
    const issues: ValidationIssue[] = error.validation.map((issue) => {
      // The provider spreads zod's issue into `params` and its code into `keyword`: put it back together so
      // the request's shape errors are said in both languages by the same words as every other zod refusal.
      const text = issueText({ ...issue.params, code: issue.keyword, message: issue.message ?? 'invalid', path: [] } as z.core.$ZodIssue);
      return { path: issuePath(fastifyError.validationContext, issue.instancePath), message: text.en, message_zh: text.zh, code: issue.keyword };
    });
    const say = (pick: (i: ValidationIssue) => string, separator: string) => issues.map((i) => `${i.path} ${pick(i)}`).join(separator);
    return {
      error: new CardwiseError(
        'validation_failed',
        { 'zh-CN': `请求参数无效：${say((i) => i.message_zh, '；')}`, 'en-US': `invalid request: ${say((i) => i.message, '; ')}` },
        { issues },
      ),
    };
  }
  if (error instanceof Error && isResponseSerializationError(error as FastifyError & { method: string })) {
    return { error: internalError() };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, body too large, unsupported media type): their messages
    // describe the request, not the server, so they are safe to pass on; the status is kept as Fastify chose.
    const message = error instanceof Error ? error.message : 'bad request';
    const code = status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'bad_request';
    return { error: new CardwiseError(code, { 'zh-CN': `请求无效：${message}`, 'en-US': message }), status };
  }
  return { error: internalError() };
}

function internalError(): CardwiseError {
  return new CardwiseError('internal', { 'zh-CN': '服务器内部错误', 'en-US': 'internal server error' });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, raw: unknown): FastifyReply {
  const { error, status } = toCardwiseError(raw);
  const code = status ?? error.status;
  if (code >= 500) request.log.error({ err: raw }, 'request failed');
  else request.log.info({ code: error.code, url: request.url }, 'request refused');
  const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.status(code).send(error.toBody(resolveLocale(request)));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
}
