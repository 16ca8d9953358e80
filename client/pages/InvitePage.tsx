import { useEffect, useId, useState, type FormEvent } from 'react';
import type { InviteInspection, RedeemInviteResponse } from '../../shared/access/accessApi.ts';
import { ROLE_LABELS, ROLE_SUMMARIES } from '../../shared/access/roles.ts';
import { ApiRequestError } from '../api/ApiRequestError.ts';
import { apiRequest } from '../api/apiRequest.ts';
import { readSession, writeSession } from '../auth/sessionStorage.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ColorChoices } from '../components/ColorChoices.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useIdentity } from '../hooks/useIdentity.ts';
import { NAME_MAX_LENGTH } from '../identity/identityStorage.ts';
import { randomUserColor } from '../identity/userColors.ts';
import { workspacePath } from '../router/matchRoute.ts';
import { navigate } from '../router/navigate.ts';

type Offer = { state: 'checking' } | { state: 'invalid'; error: string } | { state: 'valid'; inspection: InviteInspection };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * `/invite#<token>`: says what the link offers (workspace, role, until when), asks once for the name
 * and colour others will see, joins, keeps the session in this browser and opens the workspace.
 */
export function InvitePage() {
  const [token] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const [identity, setIdentity] = useIdentity();
  const [offer, setOffer] = useState<Offer>(() => (token ? { state: 'checking' } : { state: 'invalid', error: 'This invite link is incomplete: copy the whole link' }));
  const [name, setName] = useState(identity?.name ?? '');
  const [color, setColor] = useState(() => identity?.color ?? randomUserColor());
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const nameId = useId();
  useDocumentTitle('Join a workspace');

  useEffect(() => {
    if (!token) return;
    apiRequest<InviteInspection>('POST', '/api/invites/inspect', { token })
      .then((inspection) => setOffer({ state: 'valid', inspection }))
      .catch((failure: unknown) =>
        setOffer({ state: 'invalid', error: failure instanceof ApiRequestError && failure.status !== 0 ? failure.message : 'The server cannot be reached: try again in a moment' }),
      );
  }, [token]);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Please enter a name, so that others know who is writing.');
      return;
    }
    setJoining(true);
    try {
      const joined = await apiRequest<RedeemInviteResponse>('POST', '/api/invites/redeem', { token, name: trimmed.slice(0, NAME_MAX_LENGTH) });
      setIdentity({ name: trimmed.slice(0, NAME_MAX_LENGTH), color });
      writeSession(joined.workspace.id, { token: joined.session, memberId: joined.member.id, memberName: joined.member.name, role: joined.member.role, workspaceName: joined.workspace.name });
      window.history.replaceState(null, '', window.location.pathname); // the token leaves the address bar
      navigate(workspacePath(joined.workspace.id), { replace: true });
    } catch (failure) {
      setJoining(false);
      setError(failure instanceof ApiRequestError ? failure.message : 'Joining failed: try again');
    }
  };

  return (
    <>
      <AppHeader homeHref="/" />
      <main id="main" tabIndex={-1} className="message-page invite-page">
        {offer.state === 'checking' && <p role="status">Checking the invite link…</p>}
        {offer.state === 'invalid' && (
          <>
            <h1 className="page-title">This invite link does not work</h1>
            <p role="alert">{offer.error}.</p>
            <p>Ask whoever sent it for a new one.</p>
          </>
        )}
        {offer.state === 'valid' && (
          <form className="invite-card" onSubmit={(event) => void join(event)} noValidate>
            <h1 className="page-title">Join {offer.inspection.workspace.name}</h1>
            <p>
              You are invited as <strong>{ROLE_LABELS[offer.inspection.role].toLowerCase()}</strong>. {ROLE_SUMMARIES[offer.inspection.role]} The link works until{' '}
              {dateFormat.format(offer.inspection.expiresAt)}.
            </p>
            {readSession(offer.inspection.workspace.id) && (
              <p className="invite-card__note">This browser has already joined this workspace; joining again replaces that membership with this one.</p>
            )}
            <label htmlFor={nameId}>Display name</label>
            <input
              id={nameId}
              name="name"
              autoComplete="name"
              autoFocus
              maxLength={NAME_MAX_LENGTH}
              value={name}
              aria-describedby={error ? `${nameId}-error` : undefined}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                setName(event.target.value);
                setError(null);
              }}
            />
            <ColorChoices value={color} onChange={setColor} />
            {error && (
              <p id={`${nameId}-error`} className="form-error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <button type="submit" className="button button--primary" disabled={joining}>
                {joining ? 'Joining…' : `Join as ${ROLE_LABELS[offer.inspection.role].toLowerCase()}`}
              </button>
            </div>
          </form>
        )}
      </main>
    </>
  );
}
