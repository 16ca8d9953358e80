import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual(defaultConfig);
    expect(defaultConfig.dataDir).toBe('./data');
    expect(defaultConfig.maxPayloadBytes).toBeLessThan(100 * 1024 * 1024);
  });

  it('reads and coerces environment variables', () => {
    const config = loadConfig({ PORT: '8080', MAX_PAYLOAD_BYTES: '65536', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 8080, maxPayloadBytes: 65536, logLevel: 'warn' });
  });

  it('lists every bad value in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT="eighty"[\s\S]*LOG_LEVEL="loud"/);
  });
});
