// Voice of the child: feedback against strategy priorities, with themes.
import type { FastifyInstance } from 'fastify';

export async function voiceRoutes(_app: FastifyInstance): Promise<void> {}
