// Who is asking. DEVELOPMENT STUB: every request is the demo officer. The security work replaces
// this file with real sign-in, sessions and CSRF tokens; the rest of the server only relies on
// `request.user` (absent = not signed in) and `request.csrfToken` (put in every form as _csrf).
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../core/access.ts';

export interface User {
  username: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
    csrfToken?: string;
  }
}

export async function identity(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request) => {
    request.user = { username: 'demo.officer', role: 'officer' };
    request.csrfToken = '';
  });
}
