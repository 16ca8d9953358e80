import { describe, expect, it } from 'vitest';
import { EXPORT_FLATTENED_HEADER, EXPORT_SKIPPED_HEADER, exportProblemsNotice } from '../../shared/export/ExportRequest.ts';

const headers = (values: Record<string, string>) => new Headers(values);

describe('the notice after an export', () => {
  it('names what was left out and what was flattened', () => {
    expect(exportProblemsNotice(headers({ [EXPORT_SKIPPED_HEADER]: '2', [EXPORT_FLATTENED_HEADER]: '0' }))).toBe('2 damaged tags or comment threads were left out.');
    expect(exportProblemsNotice(headers({ [EXPORT_SKIPPED_HEADER]: '1' }))).toBe('1 damaged tag or comment thread was left out.');
    expect(exportProblemsNotice(headers({ [EXPORT_FLATTENED_HEADER]: '1' }))).toMatch(/^One document nests too deeply/);
    expect(exportProblemsNotice(headers({ [EXPORT_SKIPPED_HEADER]: '3', [EXPORT_FLATTENED_HEADER]: '2' }))).toMatch(/^3 damaged .* 2 documents nest too deeply/);
  });

  it('says nothing when nothing happened or the headers are missing or odd', () => {
    expect(exportProblemsNotice(headers({ [EXPORT_SKIPPED_HEADER]: '0', [EXPORT_FLATTENED_HEADER]: '0' }))).toBeUndefined();
    expect(exportProblemsNotice(headers({}))).toBeUndefined();
    expect(exportProblemsNotice(headers({ [EXPORT_SKIPPED_HEADER]: 'many', [EXPORT_FLATTENED_HEADER]: '-4' }))).toBeUndefined();
  });
});
