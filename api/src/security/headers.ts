import type { IncomingMessage, ServerResponse } from 'node:http';

/** The API answers JSON: nothing on it may load anything or be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
/** The interactive API reference is a page of our own scripts and styles. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
/** Static files; pages get SvelteKit's own policy with nonces (web/svelte.config.js), which replaces this. */
const DEFAULT_CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/**
 * Headers every response carries, set before either framework writes; a header the
 * framework sets itself (SvelteKit's CSP) takes precedence.
 */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, opts: { https: boolean }) {
  const path = req.url ?? '/';
  const api = path === '/api' || path.startsWith('/api/') || path.startsWith('/api?');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', api ? (path.startsWith('/api/docs') ? DOCS_CSP : API_CSP) : DEFAULT_CSP);
  if (opts.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}
