import { useState } from 'react';
import { renameMember } from '../auth/renameMember.ts';
import { useIdentity } from '../hooks/useIdentity.ts';
import { Avatar } from './Avatar.tsx';
import { IdentityDialog } from './IdentityDialog.tsx';

/** Shows who you are in the header and opens the dialog to change name or colour. */
export function IdentityButton() {
  const [identity, setIdentity] = useIdentity();
  const [open, setOpen] = useState(false);
  if (!identity) return null;
  return (
    <>
      <button type="button" className="identity-button" onClick={() => setOpen(true)} title="Change your name or colour">
        <Avatar name={identity.name} color={identity.color} size="small" />
        <span className="identity-button__text">
          <span className="visually-hidden">You are </span>
          {identity.name}
          <span className="visually-hidden">. Change name or colour</span>
        </span>
      </button>
      {open && (
        <IdentityDialog
          identity={identity}
          onSave={(next) => {
            setIdentity(next);
            setOpen(false);
            void renameMember(next.name);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  );
}
