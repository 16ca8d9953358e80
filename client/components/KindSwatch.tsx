/** A small square in a kind's colour; decorative (the kind or term is named beside it). */
export function KindSwatch({ color }: { color: string }) {
  return <span className="kind-swatch" style={{ backgroundColor: color }} aria-hidden="true" />;
}
