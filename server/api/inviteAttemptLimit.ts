import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { Config } from '../config.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { errorReply } from './apiReplies.ts';

/**
 * The limit on invite attempts: `inviteAttemptsPerMinute` inspections and redemptions together per
 * client address (`clientAddress`, so behind a trusted proxy the forwarded address, and otherwise the
 * socket's, whatever the headers say), in fixed one-minute windows (@fastify/rate-limit's memory
 * store). Beyond it: 429, `Retry-After` in seconds, a JSON error, and a log line naming the address.
 * Answers the onRequest hook that both invite routes run.
 */
export async function inviteAttemptLimit(
  app: FastifyInstance,
  config: Pick<Config, 'inviteAttemptsPerMinute' | 'trustProxy'>,
): Promise<onRequestAsyncHookHandler> {
  await app.register(fastifyRateLimit, { global: false });
  const attempt = app.createRateLimit({
    max: config.inviteAttemptsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => clientAddress(request.raw, config.trustProxy),
  });
  return async function limitInviteAttempts(request, reply) {
    const counted = await attempt(request);
    if (counted.isAllowed || !counted.isExceeded) return;
    request.log.warn({ client: counted.key, route: request.routeOptions.url }, 'too many invite attempts from one address');
    void reply.header('retry-after', String(counted.ttlInSeconds));
    return errorReply(reply, 429, `Too many invite attempts from your address: try again in ${counted.ttlInSeconds} seconds`);
  };
}
