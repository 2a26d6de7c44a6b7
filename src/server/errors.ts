// Errors as the user sees them: JSON under /api, a plain-English page everywhere else.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';

export interface FieldIssue {
  field: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export function issuesOf(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(request)', message: i.message }));
}

const TITLES: Record<number, string> = {
  400: 'There is a problem with the request',
  401: 'You need to sign in',
  403: 'You do not have access to this page',
  404: 'Page not found',
  413: 'The upload is too large',
  500: 'Sorry, there is a problem with the service',
};

/** Upload caps broken in @fastify/multipart, as the sentence an officer needs. */
function uploadLimitMessage(code: string | undefined): string | null {
  if (code === 'FST_REQ_FILE_TOO_LARGE') return 'A file is larger than the upload limit. Split it or ask an administrator to raise the limit.';
  if (code === 'FST_FILES_LIMIT') return 'Too many files in one upload.';
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return 'The upload has too many parts.';
  return null;
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, message: string, issues: FieldIssue[] = []) {
  reply.code(status);
  if (wantsJson(request)) return reply.send({ error: TITLES[status] ?? 'Error', message, issues });
  // The access hook refuses before the page context is made, so the page is told who is signed in.
  return reply.view('pages/error.njk', { title: TITLES[status] ?? 'Error', message, issues, status, returnTo: request.url, user: request.user, role: request.user?.role, csrfToken: request.csrfToken ?? '' });
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError | HttpError | ZodError, request, reply) => {
    if (err instanceof ZodError) return sendError(request, reply, 400, 'Some of the values sent are not valid.', issuesOf(err));
    if (err instanceof HttpError) {
      if (err.statusCode >= 500) request.log.error(err);
      return sendError(request, reply, err.statusCode, err.message, err.issues);
    }
    const upload = uploadLimitMessage(err.code);
    if (upload) return sendError(request, reply, 413, upload);
    const status = err.statusCode ?? 500;
    if (status >= 500) request.log.error(err);
    return sendError(request, reply, status, status >= 500 ? 'Try again later.' : err.message);
  });
  app.setNotFoundHandler(async (request, reply) => sendError(request, reply, 404, 'If you typed the web address, check it is correct.'));
}
