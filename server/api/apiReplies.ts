import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ApiError } from '../../shared/api.ts';

/** 400 with one line per zod issue, as `{ error, details }`. */
export function badRequest(reply: FastifyReply, error: string, issues: z.core.$ZodIssue[]): FastifyReply {
  const body: ApiError = {
    error,
    details: issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)),
  };
  return reply.code(400).send(body);
}

export function errorReply(reply: FastifyReply, status: number, error: string, details?: string[]): FastifyReply {
  return reply.code(status).send((details && details.length > 0 ? { error, details } : { error }) satisfies ApiError);
}
