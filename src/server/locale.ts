import type { FastifyRequest } from 'fastify';
import type { Locale } from '../core';

export const localeCookieName = 'cw_locale';

/**
 * The language of a reply: the console's explicit choice (the cw_locale cookie) first, then the browser's
 * Accept-Language preferences in q order, then zh-CN, the product's default.
 */
export function resolveLocale(request: FastifyRequest): Locale {
  const chosen = request.cookies?.[localeCookieName];
  if (chosen === 'zh-CN' || chosen === 'en-US') return chosen;
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
