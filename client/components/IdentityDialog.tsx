import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { NAME_MAX_LENGTH, type Identity } from '../identity/identityStorage.ts';
import { randomUserColor } from '../identity/userColors.ts';
import { Avatar } from './Avatar.tsx';
import { ColorChoices } from './ColorChoices.tsx';

interface Props {
  /** The current identity; null on a first visit, when the dialog cannot be dismissed. */
  identity: Identity | null;
  onSave: (identity: Omit<Identity, 'id'>) => void;
  onCancel?: () => void;
}

/** Asks for the name and colour others will see. A modal dialog: focus stays inside while it is open. */
export function IdentityDialog({ identity, onSave, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const nameId = useId();
  const hintId = useId();
  const [name, setName] = useState(identity?.name ?? '');
  const [color, setColor] = useState(() => identity?.color ?? randomUserColor());
  const [error, setError] = useState<string | null>(null);
  const firstVisit = identity === null;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Please enter a name, so that others know who is typing.');
      return;
    }
    onSave({ name: trimmed.slice(0, NAME_MAX_LENGTH), color });
  };

  return (
    <dialog
      ref={ref}
      className="identity-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!firstVisit) onCancel?.();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{firstVisit ? 'Welcome! How should others see you?' : 'Your name and colour'}</h2>
        <p id={hintId} className="identity-dialog__hint">
          Your name appears next to your caret and in the list of people here. It is kept in this browser only.
        </p>
        <label htmlFor={nameId}>Display name</label>
        <input
          id={nameId}
          name="name"
          autoComplete="name"
          autoFocus
          maxLength={NAME_MAX_LENGTH}
          value={name}
          aria-describedby={error ? `${hintId} ${nameId}-error` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={`${nameId}-error`} className="form-error" role="alert">
            {error}
          </p>
        )}
        <ColorChoices value={color} onChange={setColor} />
        <div className="identity-dialog__preview" aria-hidden="true">
          <Avatar name={name.trim() || '?'} color={color} />
          <span className="identity-dialog__label" style={{ backgroundColor: color }}>
            {name.trim() || 'Your name'}
          </span>
        </div>
        <div className="dialog-actions">
          {!firstVisit && (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary">
            {firstVisit ? 'Start' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
