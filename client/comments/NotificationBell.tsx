import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { commentToPlainText } from '../../shared/comments/commentMarkup.ts';
import { notificationsFor } from '../../shared/comments/notifications.ts';
import { Link } from '../components/Link.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { useNow } from '../hooks/useNow.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useWorkspaceIndex } from '../hooks/useWorkspaceIndex.ts';
import { documentPath, threadHash } from '../router/matchRoute.ts';
import { useWorkspaceThreads } from './WorkspaceThreads.ts';

function readSeen(key: string): number {
  try {
    return Number(localStorage.getItem(key)) || 0;
  } catch {
    return 0;
  }
}

/** A bell in the header: mentions of me and threads assigned to me, with a badge for what is new. */
export function NotificationBell() {
  const { workspaceId, index } = useWorkspace();
  const { documents } = useWorkspaceIndex(index.doc, workspaceId);
  const { me } = useWorkspace();
  const titles = useMemo(() => new Map(documents.map((d) => [d.id, d.title])), [documents]);
  const byDocument = useWorkspaceThreads();
  const seenKey = `normspace:notifications-seen:${workspaceId}`;
  const [seen, setSeen] = useState(() => readSeen(seenKey));
  const [open, setOpen] = useState(false);
  const now = useNow();
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const list = useMemo(() => (me ? notificationsFor(byDocument, me, seen) : []), [byDocument, me, seen]);
  const unread = list.filter((n) => n.unread).length;

  const toggle = () => {
    if (open) {
      const at = Date.now();
      try {
        localStorage.setItem(seenKey, String(at));
      } catch {
        // kept for this page only
      }
      setSeen(at);
    }
    setOpen(!open);
  };

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) toggle();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  });

  return (
    <div className="notifications" ref={root} onKeyDown={(event) => event.key === 'Escape' && open && toggle()}>
      <button type="button" className="notifications__bell" aria-expanded={open} aria-controls={listId} onClick={toggle}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm0 19a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Z"
            fill="currentColor"
          />
        </svg>
        <span className="visually-hidden">Notifications</span>
        {unread > 0 && (
          <span className="notifications__badge" data-testid="notification-badge">
            {unread}
            <span className="visually-hidden"> new</span>
          </span>
        )}
      </button>
      {open && (
        <div id={listId} className="notifications__panel" role="region" aria-label="Notifications">
          {list.length === 0 ? (
            <p className="empty-state">Nothing for you yet: mentions and assignments show up here.</p>
          ) : (
            <ul className="notifications__list">
              {list.slice(0, 30).map((n) => {
                const last = n.thread.comments.filter((c) => !c.deleted).at(-1);
                return (
                  <li key={`${n.documentId}/${n.thread.id}/${n.reason}/${n.at}`} className={n.unread ? 'notifications__item is-unread' : 'notifications__item'}>
                    <Link href={`${documentPath(workspaceId, n.documentId)}${threadHash(n.thread.id)}`}>
                      {n.by.name} {n.reason === 'mention' ? 'mentioned you' : 'assigned you'} on “{(n.thread.anchor?.quote ?? '').slice(0, 50)}”
                    </Link>
                    <span className="notifications__meta">
                      {titles.get(n.documentId) ?? n.documentId} · <RelativeTime timestamp={n.at} now={now} />
                      {n.unread && ' · new'}
                    </span>
                    {last && <span className="notifications__text">{commentToPlainText(last.body).slice(0, 100)}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
