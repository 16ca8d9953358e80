import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable } from '../../server/configTable.ts';

describe('README', () => {
  it('documents every configuration variable exactly as the server reads it', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const section = /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme)?.[1];
    expect(section).toBe(configTable());
  });

  it('keeps the quick start to the two documented command lines', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const block = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block?.trim().split('\n')).toEqual(['npm install && npm start', 'npm test']);
  });
});
