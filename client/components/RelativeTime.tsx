import { formatRelativeTime } from '../format/formatRelativeTime.ts';

const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A relative time ("5 minutes ago") with the exact local date and time in its tooltip. */
export function RelativeTime({ timestamp, now }: { timestamp: number; now: number }) {
  if (!timestamp) return <span>unknown</span>;
  const date = new Date(timestamp);
  return (
    <time dateTime={date.toISOString()} title={full.format(date)}>
      {formatRelativeTime(timestamp, now)}
    </time>
  );
}
