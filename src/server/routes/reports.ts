// Committee report and letter downloads (HTML and PDF), letter template editing, Part 2 items.
import type { FastifyInstance } from 'fastify';

export async function reportRoutes(_app: FastifyInstance): Promise<void> {}
