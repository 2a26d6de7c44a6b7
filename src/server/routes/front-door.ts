// Front door: referrals by source over time, re-referrals, assessment timeliness.
import type { FastifyInstance } from 'fastify';

export async function frontDoorRoutes(_app: FastifyInstance): Promise<void> {}
