// The server's own log: Fastify's logger (pino), one JSON line per event, to stderr. Requests are
// logged at 'info' and every 5xx at 'error' (errors.ts), so a fault is on record even when the
// person who met it only saw "Try again later". A URL is logged without its CSRF token.
import type { FastifyRequest } from 'fastify';
import { urlWithoutSecrets } from '../store/audit-log.ts';

/** What pino writes to: stderr, or a test's collector. */
export interface DestinationStream {
  write(line: string): void;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The level named by CSINSIGHT_LOG_LEVEL, or `fallback`; an unknown name is an error naming the setting. */
export function logLevelFrom(value: string | undefined, fallback: string): string {
  const level = value?.trim().toLowerCase() || fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`CSINSIGHT_LOG_LEVEL is "${value}": use one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}

export function serverLogger(level: string, stream: DestinationStream) {
  return {
    level,
    stream,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: urlWithoutSecrets(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
