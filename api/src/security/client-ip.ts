import type { IncomingMessage } from 'node:http';

/**
 * The client's address as the edge sees it. X-Forwarded-For is believed only from a
 * configured proxy, walking right to left past trusted hops; anything else is the socket.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const socket = normalise(req.socket.remoteAddress ?? 'unknown');
  if (!trustedProxies.includes(socket)) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => normalise(s.trim()))
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) if (!trustedProxies.includes(forwarded[i]!)) return forwarded[i]!;
  return socket;
}

const normalise = (ip: string) => ip.replace(/^::ffff:/, '');
