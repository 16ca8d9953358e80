import { useEffect, useMemo, useState } from 'react';
import { commentToPlainText } from '../../shared/comments/commentMarkup.ts';
import { facilitatorOverview, type FacilitatorRow } from '../../shared/comments/threadFilters.ts';
import { threadTerms } from '../../shared/comments/threadTerms.ts';
import type { ThreadRecord } from '../../shared/comments/threadsDoc.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { Link } from '../components/Link.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { WorkspaceTrailLink } from '../components/WorkspaceTrailLink.tsx';
import { NotificationBell } from '../comments/NotificationBell.tsx';
import { useWorkspaceThreads } from '../comments/WorkspaceThreads.ts';
import { useWorkspaceTexts } from '../comments/useWorkspaceTexts.ts';
import { useTaxonomy } from '../hooks/useTaxonomy.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useNow } from '../hooks/useNow.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useWorkspaceIndex } from '../hooks/useWorkspaceIndex.ts';
import { documentPath, threadHash, workspacePath } from '../router/matchRoute.ts';

function readLastVisit(key: string): number | undefined {
  try {
    const value = Number(localStorage.getItem(key));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function ThreadRows({ rows, titles, now, empty }: { rows: FacilitatorRow[]; titles: Map<string, string>; now: number; empty: string }) {
  const { workspaceId } = useWorkspace();
  if (rows.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <ol className="facilitator__rows">
      {rows.map(({ documentId, thread }) => {
        const first = thread.comments.find((c) => !c.deleted);
        return (
          <li key={`${documentId}/${thread.id}`} className="facilitator__row">
            <Link href={`${documentPath(workspaceId, documentId)}${threadHash(thread.id)}`} className="facilitator__quote">
              “{thread.anchor?.quote ?? ''}”
            </Link>
            <span className="facilitator__doc">{titles.get(documentId) ?? documentId}</span>
            {first && (
              <span className="facilitator__first">
                {first.author.name}: {commentToPlainText(first.body).slice(0, 120)}
              </span>
            )}
            <span className="facilitator__meta">
              opened <RelativeTime timestamp={thread.createdAt} now={now} /> · {thread.comments.length === 1 ? '1 comment' : `${thread.comments.length} comments`} ·{' '}
              {thread.resolved ? `resolved by ${thread.resolved.by.name}` : thread.assignee ? `assigned to ${thread.assignee.name}` : 'unassigned'}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** `/w/<workspace>/facilitator`: open threads across the workspace, who has them, what is new. */
export function FacilitatorPage() {
  const { workspaceId, index } = useWorkspace();
  const { workspace, documents } = useWorkspaceIndex(index.doc, workspaceId);
  const { memberId } = useWorkspace();
  const now = useNow();
  useDocumentTitle('Facilitator view');
  const live = useMemo(() => documents.filter((d) => !d.archived), [documents]);
  const ids = useMemo(() => live.map((d) => d.id), [live]);
  const titles = useMemo(() => new Map(documents.map((d) => [d.id, d.title])), [documents]);
  const allThreads = useWorkspaceThreads();
  const { taxonomy } = useTaxonomy(workspaceId);
  const [termId, setTermId] = useState('');
  const texts = useWorkspaceTexts(workspaceId, ids, termId !== '');
  const byDocument = useMemo(() => {
    if (!termId) return allThreads;
    const filtered = new Map<string, readonly ThreadRecord[]>();
    for (const [documentId, threads] of allThreads) {
      const text = texts.get(documentId);
      if (!text) continue;
      const terms = threadTerms(documentId, text, threads);
      filtered.set(documentId, threads.filter((t) => terms.get(t.id)?.has(termId)));
    }
    return filtered;
  }, [allThreads, texts, termId]);
  const termChoices = useMemo(
    () =>
      [...taxonomy.terms.values()]
        .filter((t) => !t.retired && !t.mergedInto && (t.kind === 'norm' || t.kind === 'agreement'))
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label)),
    [taxonomy],
  );
  const visitKey = `normspace:facilitator-visit:${workspaceId}`;
  const [since] = useState(() => readLastVisit(visitKey));
  useEffect(() => {
    const remember = () => {
      try {
        localStorage.setItem(visitKey, String(Date.now()));
      } catch {
        // not remembered: everything counts as new next time
      }
    };
    window.addEventListener('pagehide', remember);
    return () => {
      remember();
      window.removeEventListener('pagehide', remember);
    };
  }, [visitKey]);

  const overview = useMemo(() => facilitatorOverview(byDocument, { since: since ?? 0, me: memberId }), [byDocument, since, memberId]);
  const total = [...byDocument.values()].reduce((n, list) => n + list.length, 0);

  return (
    <>
      <AppHeader homeHref={workspacePath(workspaceId)} trail={<WorkspaceTrailLink workspaceId={workspaceId} name={workspace?.name} />}>
        <NotificationBell />
        <ConnectionStatus store={index.status} readOnly />
      </AppHeader>
      <main id="main" tabIndex={-1} className="facilitator">
        <h1 className="page-title">Facilitator view</h1>
        <p className="facilitator__summary" aria-live="polite">
          <strong data-count="open">{overview.open.length}</strong> open threads, <strong>{overview.unanswered.length}</strong> without a reply,{' '}
          {total - overview.open.length} resolved, in {live.length} documents.
        </p>
        <label className="facilitator__filter">
          <span>Only passages tagged with</span>
          <select value={termId} onChange={(event) => setTermId(event.target.value)}>
            <option value="">Any tag or none</option>
            {termChoices.map((t) => (
              <option key={t.id} value={t.id}>
                {t.kind === 'norm' ? 'Norm' : 'Agreement'}: {t.label}
              </option>
            ))}
          </select>
        </label>
        <div className="facilitator__grid">
          <section aria-labelledby="by-document">
            <h2 id="by-document">Open by document</h2>
            <table className="facilitator__table">
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Open</th>
                </tr>
              </thead>
              <tbody>
                {live.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link href={documentPath(workspaceId, d.id)}>{d.title}</Link>
                    </td>
                    <td>{overview.openByDocument.get(d.id) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="by-assignee">
            <h2 id="by-assignee">Open by assignee</h2>
            {overview.openByAssignee.size === 0 ? (
              <p className="empty-state">No open threads.</p>
            ) : (
              <ul className="facilitator__assignees">
                {[...overview.openByAssignee.values()]
                  .sort((a, b) => b.count - a.count)
                  .map(({ assignee, count }) => (
                    <li key={assignee?.id ?? ''}>
                      {assignee && <span className="comment__dot" style={{ background: assignee.color }} aria-hidden="true" />}
                      {assignee ? assignee.name : 'Nobody yet'}: {count}
                    </li>
                  ))}
              </ul>
            )}
          </section>
        </div>
        <section aria-labelledby="new-since">
          <h2 id="new-since">New since your last visit</h2>
          <ThreadRows
            rows={overview.newSince}
            titles={titles}
            now={now}
            empty={since ? 'Nothing new from others since your last visit.' : 'This is your first visit here: everything below is new.'}
          />
        </section>
        <section aria-labelledby="open-oldest">
          <h2 id="open-oldest">Open threads, oldest first</h2>
          <ThreadRows rows={overview.open} titles={titles} now={now} empty="No open threads." />
        </section>
        <section aria-labelledby="no-reply">
          <h2 id="no-reply">Waiting for a first reply</h2>
          <ThreadRows rows={overview.unanswered} titles={titles} now={now} empty="Every open thread has a reply." />
        </section>
      </main>
    </>
  );
}
