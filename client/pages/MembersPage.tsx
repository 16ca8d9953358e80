import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { InviteView, MemberView } from '../../shared/access/accessApi.ts';
import { invitePath } from '../../shared/access/invitePath.ts';
import { can, canManageRole } from '../../shared/access/permissions.ts';
import { ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_SUMMARIES, type Role } from '../../shared/access/roles.ts';
import { ApiRequestError } from '../api/ApiRequestError.ts';
import { membersApi } from '../auth/membersApi.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { WorkspaceTrailLink } from '../components/WorkspaceTrailLink.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useWorkspaceIndex } from '../hooks/useWorkspaceIndex.ts';
import { workspacePath } from '../router/matchRoute.ts';

const VALIDITY: { hours: number; label: string }[] = [
  { hours: 24, label: '1 day' },
  { hours: 24 * 7, label: '7 days' },
  { hours: 24 * 30, label: '30 days' },
];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function inviteStatus(invite: InviteView, now: number): string {
  if (invite.revokedAt !== null) return 'Withdrawn';
  if (invite.expiresAt <= now) return 'Expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'Used';
  return 'Active';
}

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : 'Something went wrong');

/**
 * `/w/<workspace>/members`: who is in the workspace with which role. Facilitators and owners also
 * make invite links (role, validity, one person or many), withdraw them, change roles and remove
 * members; the server applies each change to open connections at once.
 */
export function MembersPage() {
  const { workspaceId, index, role: myRole, memberId: me } = useWorkspace();
  const { workspace } = useWorkspaceIndex(index.doc, workspaceId);
  const manages = can(myRole, 'members.manage');
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [invites, setInvites] = useState<InviteView[]>([]);
  const [message, setMessage] = useState('');
  const [newRole, setNewRole] = useState<Role>('editor');
  const [hours, setHours] = useState(24 * 7);
  const [single, setSingle] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const ids = { role: useId(), validity: useId(), link: useId() };
  useDocumentTitle(`Members · ${workspace?.name ?? workspaceId}`);

  const reload = useCallback(async () => {
    try {
      setMembers((await membersApi.list(workspaceId)).members);
      if (manages) setInvites((await membersApi.invites(workspaceId)).invites);
    } catch (error) {
      setMessage(messageOf(error));
    }
  }, [workspaceId, manages]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage(done);
    } catch (error) {
      setMessage(messageOf(error));
    }
    await reload();
  };

  const createInvite = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await membersApi.invite(workspaceId, { role: newRole, expiresInHours: hours, maxUses: single ? 1 : null });
      setLink(`${window.location.origin}${invitePath(created.token)}`);
      setMessage(`Invite link for ${ROLE_LABELS[newRole].toLowerCase()}s created.`);
    } catch (error) {
      setMessage(messageOf(error));
    }
    await reload();
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setMessage('Link copied.');
    } catch {
      setMessage('Copying was not allowed: select the link and copy it.');
    }
  };

  const now = Date.now();
  const grantable = ROLES.filter((role) => canManageRole(myRole, role));

  return (
    <>
      <AppHeader homeHref={workspacePath(workspaceId)} trail={<WorkspaceTrailLink workspaceId={workspaceId} name={workspace?.name} />}>
        <ConnectionStatus store={index.status} readOnly />
      </AppHeader>
      <main id="main" tabIndex={-1} className="members-page">
        <h1 className="page-title">Members</h1>
        <p className="members-page__me">
          Your role here: <strong>{ROLE_LABELS[myRole]}</strong>. {ROLE_SUMMARIES[myRole]}
        </p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
        {message && (
          <p className="members-page__message" aria-hidden="true">
            {message}
          </p>
        )}

        {manages && (
          <section aria-labelledby="invite-heading" className="members-page__section">
            <h2 id="invite-heading">Invite people</h2>
            <form className="invite-form" onSubmit={(event) => void createInvite(event)}>
              <label htmlFor={ids.role}>Role</label>
              <select id={ids.role} value={newRole} onChange={(event) => setNewRole(event.target.value as Role)}>
                {grantable.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}: {ROLE_DESCRIPTIONS[role]}
                  </option>
                ))}
              </select>
              <label htmlFor={ids.validity}>Valid for</label>
              <select id={ids.validity} value={hours} onChange={(event) => setHours(Number(event.target.value))}>
                {VALIDITY.map((option) => (
                  <option key={option.hours} value={option.hours}>
                    {option.label}
                  </option>
                ))}
              </select>
              <label className="invite-form__check">
                <input type="checkbox" checked={single} onChange={(event) => setSingle(event.target.checked)} /> For one person only
              </label>
              <button type="submit" className="button button--primary">
                Create invite link
              </button>
            </form>
            {link && (
              <div className="invite-link">
                <label htmlFor={ids.link}>New invite link (shown once: send it to the people you invite)</label>
                <div className="invite-link__row">
                  <input id={ids.link} readOnly value={link} onFocus={(event) => event.target.select()} />
                  <button type="button" className="button" onClick={() => void copy()}>
                    Copy link
                  </button>
                </div>
              </div>
            )}
          </section>
        )}

        <section aria-labelledby="members-heading" className="members-page__section">
          <h2 id="members-heading">People ({members?.length ?? '…'})</h2>
          <table className="members-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {manages && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {(members ?? []).map((member) => {
                const manageable = manages && canManageRole(myRole, member.role);
                return (
                  <tr key={member.id} data-member-id={member.id}>
                    <td>
                      {member.name}
                      {member.id === me && ' (you)'}
                    </td>
                    <td>
                      {manageable ? (
                        <select
                          aria-label={`Role of ${member.name}`}
                          value={member.role}
                          onChange={(event) =>
                            void act(
                              () => membersApi.setRole(workspaceId, member.id, event.target.value as Role),
                              `${member.name} is now ${ROLE_LABELS[event.target.value as Role].toLowerCase()}.`,
                            )
                          }
                        >
                          {grantable.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_LABELS[role]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        ROLE_LABELS[member.role]
                      )}
                    </td>
                    <td>{dateFormat.format(member.createdAt)}</td>
                    {manages && (
                      <td>
                        {manageable && member.id !== me && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={`Remove ${member.name}`}
                            onClick={() => {
                              if (window.confirm(`Remove ${member.name} from the workspace? Their open pages lose access at once.`)) {
                                void act(() => membersApi.remove(workspaceId, member.id), `${member.name} was removed.`);
                              }
                            }}
                          >
                            Remove
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        {manages && invites.length > 0 && (
          <section aria-labelledby="invites-heading" className="members-page__section">
            <h2 id="invites-heading">Invite links</h2>
            <table className="members-table">
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Joined with it</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => {
                  const status = inviteStatus(invite, now);
                  return (
                    <tr key={invite.id} data-invite-id={invite.id}>
                      <td>{ROLE_LABELS[invite.role]}</td>
                      <td>{status}</td>
                      <td>{invite.maxUses === null ? invite.uses : `${invite.uses} of ${invite.maxUses}`}</td>
                      <td>{dateFormat.format(invite.expiresAt)}</td>
                      <td>
                        {status === 'Active' && canManageRole(myRole, invite.role) && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={`Withdraw the ${ROLE_LABELS[invite.role].toLowerCase()} invite link created ${dateFormat.format(invite.createdAt)}`}
                            onClick={() => void act(() => membersApi.revoke(workspaceId, invite.id), 'The invite link no longer works.')}
                          >
                            Withdraw
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        )}
      </main>
    </>
  );
}
