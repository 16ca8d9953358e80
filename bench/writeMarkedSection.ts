import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `section` (which starts with `start` and ends with `end`) into `<outDir>/benchmarks.md`:
 * in place of the previous one, or appended. The sections written in-process (analysis, comments)
 * live beside the report `bench/run.ts` renders.
 */
export function writeMarkedSection(outDir: string, start: string, end: string, section: string): void {
  const file = path.join(outDir, 'benchmarks.md');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const updated = existing.includes(start) ? existing.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section) : `${existing.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(file, updated);
}
