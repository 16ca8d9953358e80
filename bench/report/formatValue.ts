import type { Unit } from './BenchResults.ts';

function number(value: number, decimals: number): string {
  return value.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A figure with its unit, rounded for a reader: 0.42 ms, 12.5 ms, 1,234 ms, 3.10×. */
export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  const decimals = unit === 'count' || unit === '%' ? 0 : abs < 1 ? 2 : abs < 100 ? 1 : 0;
  const text = unit === '×' ? number(value, abs < 10 ? 2 : 1) : number(value, decimals);
  switch (unit) {
    case '×':
      return `${text}×`;
    case '%':
      return `${text} %`;
    case 'count':
      return text;
    default:
      return `${text} ${unit}`;
  }
}
