import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { clientAddress, fastifyTrustProxy, TrustProxySchema, type TrustProxy } from '../../server/http/clientAddress.ts';

/** A request as Node hands it over: the socket's peer and the headers the peer sent. */
function requestFrom(peer: string | undefined, forwardedFor?: string): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage;
}

describe('TRUST_PROXY', () => {
  it('is off unless set, and reads true, hop counts and lists of addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    const read = (raw: string) => loadConfig({ TRUST_PROXY: raw }).trustProxy;
    expect(read('off')).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('0')).toBe(false);
    expect(read('true')).toBe(true);
    expect(read('on')).toBe(true);
    expect(read('2')).toBe(2);
    expect(read('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(read(' 10.0.0.0/8, ::1 ,loopback')).toEqual(['10.0.0.0/8', '::1', 'loopback']);
  });

  it('refuses what is neither, naming the bad entry', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8,proxy.example' })).toThrow(/TRUST_PROXY.*"proxy\.example" is not an IP address/);
    expect(() => loadConfig({ TRUST_PROXY: '300.1.1.1' })).toThrow(/TRUST_PROXY/);
    expect(TrustProxySchema.safeParse('10.0.0.0/33').success).toBe(false);
  });
});

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever the headers claim', () => {
    expect(clientAddress(requestFrom('203.0.113.7', '198.51.100.1'), false)).toBe('203.0.113.7');
    expect(clientAddress(requestFrom('203.0.113.7', '198.51.100.1'), [])).toBe('203.0.113.7');
  });

  it('follows X-Forwarded-For through trusted proxies only, stopping at the first untrusted hop', () => {
    const trust: TrustProxy = ['127.0.0.1', '10.0.0.0/8'];
    expect(clientAddress(requestFrom('127.0.0.1', '198.51.100.1'), trust)).toBe('198.51.100.1');
    // The client forged an entry before reaching the proxies: the last untrusted address is the client.
    expect(clientAddress(requestFrom('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3'), trust)).toBe('198.51.100.1');
    // A peer that is not a trusted proxy is the client, and what it forwards is ignored.
    expect(clientAddress(requestFrom('203.0.113.7', '198.51.100.1'), trust)).toBe('203.0.113.7');
    expect(clientAddress(requestFrom('::ffff:127.0.0.1', '198.51.100.1'), ['loopback'])).toBe('198.51.100.1');
  });

  it('trusts every proxy with true, and the nearest n with a hop count', () => {
    expect(clientAddress(requestFrom('127.0.0.1', '1.1.1.1, 2.2.2.2, 3.3.3.3'), true)).toBe('1.1.1.1');
    expect(clientAddress(requestFrom('127.0.0.1', '1.1.1.1, 2.2.2.2, 3.3.3.3'), 1)).toBe('3.3.3.3');
    expect(clientAddress(requestFrom('127.0.0.1', '1.1.1.1, 2.2.2.2, 3.3.3.3'), 2)).toBe('2.2.2.2');
    expect(clientAddress(requestFrom('127.0.0.1'), 2)).toBe('127.0.0.1');
  });

  it('never answers undefined, even for a socket already gone', () => {
    expect(clientAddress(requestFrom(undefined), false)).toBe('unknown');
    expect(clientAddress(requestFrom(undefined, '1.1.1.1'), true)).toBe('unknown');
  });

  it('gives Fastify the same decision, so request.ip agrees', () => {
    expect(fastifyTrustProxy(false)).toBe(false);
    const trust = fastifyTrustProxy(['10.0.0.0/8']);
    expect(trust).not.toBe(false);
    if (trust === false) return;
    expect(trust('10.9.9.9', 0)).toBe(true);
    expect(trust('11.0.0.1', 0)).toBe(false);
    const hops = fastifyTrustProxy(2);
    expect(hops !== false && hops('8.8.8.8', 1) && !hops('8.8.8.8', 2)).toBe(true);
  });
});
