import { useId } from 'react';
import type { TermKindDef } from '../../shared/taxonomy/taxonomyTypes.ts';

interface Props {
  label: string;
  kinds: readonly TermKindDef[];
  value: string;
  onChange: (kindId: string) => void;
}

/** A labelled select of the taxonomy's kinds. */
export function KindSelect({ label, kinds, value, onChange }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {kinds.map((kind) => (
          <option key={kind.id} value={kind.id}>
            {kind.label}
          </option>
        ))}
      </select>
    </div>
  );
}
