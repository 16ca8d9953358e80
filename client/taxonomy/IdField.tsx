import { FormField } from './FormField.tsx';

interface Props {
  value: string;
  hint: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** The id of a new term or kind: suggested by the caller from the label, editable. */
export function IdField({ value, hint, error, onChange }: Props) {
  return (
    <FormField label="Id" hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          type="text"
          className="mono"
          spellCheck={false}
          autoCapitalize="off"
          maxLength={64}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
