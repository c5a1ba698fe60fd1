import { expect } from 'vitest';

// HTTP tests' two moves: call an endpoint as a logged-in role, and read a JSON answer of an expected status
// (a wrong status fails with the start of the body, which says why).

/** Calls `base + path` with the role's session cookie; a body is sent as JSON. */
export function callAs<R extends string>(base: () => string, cookies: ReadonlyMap<R, string>) {
  return (role: R, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Response> =>
    fetch(`${base()}${path}`, {
      method,
      headers: { cookie: cookies.get(role) ?? '', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

export async function jsonOf<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect([response.status, text.slice(0, 300)]).toEqual([status, expect.any(String)]);
  return JSON.parse(text) as T;
}
