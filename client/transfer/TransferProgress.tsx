/**
 * Progress of an export or import: a bar (indeterminate without a `value`) named by `label`, the
 * label as a spoken status line, and a `detail` line (bytes so far) that is shown, not announced,
 * as it changes many times a second.
 */
export function TransferProgress({ label, value, max, detail }: { label: string; value?: number; max?: number; detail?: string }) {
  return (
    <div className="transfer-progress">
      <progress aria-label={label} value={value} max={max} />
      <p role="status" className="transfer-progress__text">
        {label}
      </p>
      {detail && <p className="transfer-progress__text">{detail}</p>}
    </div>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
