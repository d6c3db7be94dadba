/**
 * Browser mode's access token: random per start, printed once in the URL, then kept
 * in an HttpOnly, SameSite=Strict cookie so the page's own requests (scripts, the WebSocket)
 * carry it. Every request without it is refused, static files and the WebSocket upgrade included.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie that carries the token after the first visit. */
export const TOKEN_COOKIE = 'rehearsal_token';

/** A new token: 192 random bits, URL-safe. */
export function newAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Where a request's token came from, if it has the right one. */
export type TokenCheck = 'query' | 'cookie' | null;

/** Checks the `token` query parameter, then the cookie, in constant time. */
export function checkToken(request: IncomingMessage, token: string): TokenCheck {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (same(url.searchParams.get('token'), token)) {
    return 'query';
  }
  return same(cookie(request.headers.cookie, TOKEN_COOKIE), token) ? 'cookie' : null;
}

/** The Set-Cookie header that keeps the token for this origin only. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function same(candidate: string | null, token: string): boolean {
  if (candidate === null) {
    return false;
  }
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return value.join('=');
    }
  }
  return null;
}
