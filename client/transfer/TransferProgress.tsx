/** Progress of an export or import: a bar (indeterminate while the server works) and a spoken status line. */
export function TransferProgress({ label, value, max }: { label: string; value?: number; max?: number }) {
  return (
    <div className="transfer-progress">
      <progress aria-label={label} value={value} max={max} />
      <p role="status" className="transfer-progress__text">
        {label}
      </p>
    </div>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
