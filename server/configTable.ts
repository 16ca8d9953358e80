import { configOptions } from './config.ts';

/** The README's configuration table, generated from the option list (`npm run config:docs`). */
export function configTable(): string {
  const rows = Object.values(configOptions).map(
    (option) => `| \`${option.env}\` | \`${String(option.default)}\` | ${option.doc} |`,
  );
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(configTable());
