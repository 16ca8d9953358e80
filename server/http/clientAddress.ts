import type { IncomingMessage } from 'node:http';
import proxyaddr from '@fastify/proxy-addr';
import { z } from 'zod';

/**
 * Which proxies in front of the server may say who the client is (`X-Forwarded-For`): none (`false`,
 * the default: the client is the socket's peer), all (`true`), the nearest `n` hops, or the proxies
 * whose address is in a list of addresses, CIDR ranges or proxy-addr's names (`loopback`, `linklocal`,
 * `uniquelocal`).
 */
export type TrustProxy = boolean | number | string[];

type TrustFunction = (address: string, hop: number) => boolean;

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `TRUST_PROXY` as written in the environment: `off`/`false` (or `0`), `true`/`on`, a hop count, or a
 * comma-separated list of addresses and CIDR ranges; anything else is a configuration error naming it.
 */
export const TrustProxySchema = z
  .string()
  .trim()
  .transform((raw, context): TrustProxy => {
    const lower = raw.toLowerCase();
    if (lower === '' || lower === 'off' || lower === 'false') return false;
    if (lower === 'on' || lower === 'true') return true;
    if (/^\d+$/.test(lower)) return Number(lower) === 0 ? false : Number(lower);
    const entries = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
    for (const entry of entries) {
      if (NAMED_RANGES.has(entry)) continue;
      try {
        proxyaddr.compile(entry);
      } catch {
        context.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR range (or true, off, a hop count, loopback, linklocal, uniquelocal)` });
      }
    }
    return entries;
  });

const compiledLists = new WeakMap<string[], TrustFunction>();

/**
 * The trust decision of `trustProxy` as a function of a proxy's address and its distance (0 = the
 * socket's peer), or undefined when nothing is trusted. Hop counts trust the nearest `n` proxies
 * whatever their address, as Express does (Fastify itself refuses a bare number, because a client that
 * reaches the server directly can then forge the header: use a count only when nothing but the
 * proxies can reach it).
 */
export function trustFunction(trustProxy: TrustProxy): TrustFunction | undefined {
  if (trustProxy === false || trustProxy === 0) return undefined;
  if (trustProxy === true) return () => true;
  if (typeof trustProxy === 'number') return (_address, hop) => hop < trustProxy;
  if (trustProxy.length === 0) return undefined;
  let compiled = compiledLists.get(trustProxy);
  if (!compiled) {
    compiled = proxyaddr.compile(trustProxy);
    compiledLists.set(trustProxy, compiled);
  }
  return compiled;
}

/** Fastify's `trustProxy` option for the same setting, so `request.ip` agrees with `clientAddress`. */
export function fastifyTrustProxy(trustProxy: TrustProxy): TrustFunction | false {
  return trustFunction(trustProxy) ?? false;
}

/**
 * The address of the client that sent `request`: the socket's peer, or, through the proxies that
 * `trustProxy` trusts, the last address in `X-Forwarded-For` that they vouch for. What the API's rate
 * limits and the sync endpoint count per client.
 */
export function clientAddress(request: IncomingMessage, trustProxy: TrustProxy): string {
  // A socket already closed has no peer, and nobody to vouch for a forwarded address.
  if (request.socket.remoteAddress === undefined) return 'unknown';
  const trust = trustFunction(trustProxy);
  return trust ? proxyaddr(request, trust) : request.socket.remoteAddress;
}
