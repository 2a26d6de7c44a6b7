// Elective home education register: counts, registrations, reasons.
import type { FastifyInstance } from 'fastify';

export async function homeEducationRoutes(_app: FastifyInstance): Promise<void> {}
