// Social care workforce, beside the timeliness indicators it drives.
import type { FastifyInstance } from 'fastify';

export async function workforceRoutes(_app: FastifyInstance): Promise<void> {}
