// Refuses, for every route, input that no field may hold: the NUL character. PostgreSQL text
// cannot store it, so without this check it would surface as a database error (a 500) deep in
// whichever route received it.
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.params) || hasNul(request.query) || hasNul(request.body)) {
      throw new HttpError(400, 'The request contains a character that is not allowed (NUL).');
    }
  });
}
