import { useEffect, useRef, useState } from 'react';
import { TITLE_MAX_LENGTH } from '../../shared/api.ts';

interface Props {
  initial: string;
  label: string;
  onSave: (title: string) => void;
  onCancel: () => void;
  className?: string;
}

/** An inline title editor: Enter saves, Escape cancels, leaving the field saves a changed title. */
export function RenameField({ initial, label, onSave, onCancel, className }: Props) {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    const title = value.trim();
    if (save && title !== '' && title !== initial) onSave(title);
    else onCancel();
  };

  return (
    <input
      ref={input}
      className={`rename-field ${className ?? ''}`}
      aria-label={label}
      value={value}
      maxLength={TITLE_MAX_LENGTH}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
