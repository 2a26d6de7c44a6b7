// Early help: reach, step-up and step-down.
import type { FastifyInstance } from 'fastify';

export async function earlyHelpRoutes(_app: FastifyInstance): Promise<void> {}
