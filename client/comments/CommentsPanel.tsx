import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { passagesFromDocument } from '../../shared/analysis/passagesFromDocument.ts';
import { createTextAnchor, type TextAnchor } from '../../shared/comments/textAnchor.ts';
import { countThreads, filterThreads, type ThreadFilter } from '../../shared/comments/threadFilters.ts';
import { createThread, newCommentId, type Member, type ThreadRecord } from '../../shared/comments/threadsDoc.ts';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { useAwarenessPeers } from '../hooks/useAwarenessPeers.ts';
import { useMediaQuery } from '../hooks/useMediaQuery.ts';
import { useNow } from '../hooks/useNow.ts';
import { useSettledValue } from '../hooks/useSettledValue.ts';
import type { Room } from '../sync/openRoom.ts';
import { CommentInput } from './CommentInput.tsx';
import { knownParticipants } from './participants.ts';
import { inDocumentOrder, placeThreads } from './threadPlacement.ts';
import { textPositions } from './textPositions.ts';
import { can } from '../../shared/access/permissions.ts';
import { ROLE_LABELS } from '../../shared/access/roles.ts';
import { useWorkspace } from '../hooks/useWorkspace.ts';
import { useRefusal } from '../hooks/useRefusal.ts';
import { CloseCodes } from '../../shared/closeCodes.ts';
import { DiscardRefusedChanges } from '../components/DiscardRefusedChanges.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { ThreadColumn } from './ThreadColumn.tsx';
import { useThreads } from './useThreads.ts';

interface Props {
  /** Whether we may write threads here (commenters and up, document not archived). */
  mayWrite: boolean;
  editor: Editor;
  room: Room;
  threadsRoom: Room;
  documentId: string;
  me: Member;
  taxonomy: Taxonomy;
  active: string | null;
  onActivate: (threadId: string | null) => void;
  /** Set by the panel: starts a comment on the editor's selection (toolbar button and shortcut). */
  commentRequest: MutableRefObject<() => void>;
}

interface Draft {
  anchor: TextAnchor;
  /** where the passage starts in the editor, to place the box beside it */
  from: number;
}

/** Wide enough for the thread column beside the text (as in comments.css). */
const BESIDE_THE_TEXT = '(min-width: 1100px)';

/** Re-renders after the text changes (at most once a frame). */
function useTextVersion(editor: Editor): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor]);
  return version;
}

/** The selection as plain-text offsets, without blank ends; null when nothing is selected. */
function selectedOffsets(editor: Editor): { from: number; to: number } | null {
  const { from, to } = editor.state.selection;
  if (from === to) return null;
  const positions = textPositions(editor.state.doc);
  let start = positions.toOffset(from);
  let end = positions.toOffset(to);
  while (start < end && /\s/.test(positions.text[start]!)) start++;
  while (end > start && /\s/.test(positions.text[end - 1]!)) end--;
  return start < end ? { from: start, to: end } : null;
}

const STATUS_LABELS = { open: 'Open', resolved: 'Resolved', all: 'All' } as const;

/**
 * The comment threads of a document beside its text: in document order, filtered, counted, with
 * a box to start a thread on the selection. j/k or Alt+↓/↑ move between threads.
 */
export function CommentsPanel({ editor, room, threadsRoom, documentId, me, taxonomy, active, onActivate, commentRequest, mayWrite }: Props) {
  const { role } = useWorkspace();
  const threads = useThreads(threadsRoom.doc);
  const threadsRefusal = useRefusal(threadsRoom.status);
  const textVersion = useTextVersion(editor);
  const now = useNow();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState('');
  const [filter, setFilter] = useState<ThreadFilter>({ status: 'open' });
  const listRef = useRef<HTMLOListElement>(null);
  const fragment = room.doc.getXmlFragment(TEXT_FIELD);

  const places = useMemo(
    () => placeThreads(fragment, editor.state.doc, threads),
    // textVersion: the text changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fragment, editor, threads, textVersion],
  );

  const termsByThread = useMemo(() => {
    const passages = passagesFromDocument(documentId, room.doc);
    const result = new Map<string, Set<string>>();
    for (const thread of threads) {
      const place = places.get(thread.id);
      const terms = new Set<string>();
      if (place) {
        for (const passage of passages) {
          if (passage.ranges.some((r) => r.from < place.end && r.to > place.offset)) for (const t of passage.termIds) terms.add(t);
        }
      }
      result.set(thread.id, terms);
    }
    return result;
  }, [documentId, room.doc, threads, places]);

  const peers = useAwarenessPeers(room.provider.awareness);
  const participants = useMemo(
    () => knownParticipants(threads, room.provider.awareness.getStates().values(), me),
    // peers: someone arrived or left (their ids are read from the awareness states)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [threads, me.id, me.name, me.color, room, peers],
  );

  // Highlight the open threads' passages in the editor.
  useEffect(() => {
    const ranges = threads
      .filter((t) => !t.resolved)
      .flatMap((t) => {
        const place = places.get(t.id);
        return place ? [{ id: t.id, from: place.from, to: place.to }] : [];
      });
    if (!editor.isDestroyed) editor.commands.setCommentRanges(ranges, active);
  }, [editor, threads, places, active]);

  commentRequest.current = () => {
    if (!mayWrite) {
      setNotice(`As ${ROLE_LABELS[role].toLowerCase()} you can read comments but not write them.`);
      return;
    }
    const offsets = selectedOffsets(editor);
    const anchor = offsets && createTextAnchor(fragment, offsets.from, offsets.to);
    if (!anchor) {
      setNotice('Select some text first, then comment on it.');
      return;
    }
    setNotice('');
    setDraft({ anchor, from: editor.state.selection.from });
  };

  const ordered = useMemo(() => inDocumentOrder(threads, places), [threads, places]);
  const shown = useMemo(() => filterThreads(ordered, filter, (t) => termsByThread.get(t.id) ?? new Set()), [ordered, filter, termsByThread]);
  const counts = countThreads(threads);
  const authors = useMemo(() => knownParticipants(threads, [], undefined).filter((p) => threads.some((t) => t.comments.some((c) => c.author.id === p.id))), [threads]);
  const termIds = useMemo(() => [...new Set([...termsByThread.values()].flatMap((s) => [...s]))].filter((id) => taxonomy.terms.has(id)), [termsByThread, taxonomy]);

  const select = (threadId: string, focusCard: boolean) => {
    onActivate(threadId);
    editor.commands.selectCommentRange(threadId);
    if (focusCard) requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-thread="${threadId}"]`)?.focus());
  };

  const move = (step: 1 | -1) => {
    if (shown.length === 0) return;
    const index = shown.findIndex((t) => t.id === active);
    const next = index < 0 ? (step === 1 ? 0 : shown.length - 1) : Math.min(shown.length - 1, Math.max(0, index + step));
    select(shown[next]!.id, true);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const down = event.key === 'j' || (event.altKey && event.key === 'ArrowDown');
    const up = event.key === 'k' || (event.altKey && event.key === 'ArrowUp');
    if (!down && !up) return;
    const target = event.target as HTMLElement;
    if (!event.altKey && (target.tagName === 'SELECT' || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
    event.preventDefault();
    move(down ? 1 : -1);
  };

  const aligned = useMediaQuery(BESIDE_THE_TEXT);
  const layoutKey = useSettledValue(textVersion, 150);

  // A click on a highlighted passage (or a #thread= link) makes its thread active: show it (beside
  // the text it is already next to its passage, which the editor scrolls to).
  useEffect(() => {
    if (!active || aligned) return;
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-thread="${active}"]`)?.scrollIntoView({ block: 'nearest' }));
  }, [active, aligned]);

  const setFilterPart = (part: ThreadFilter) => setFilter((f) => ({ ...f, ...part }));
  const moreFilters = [filter.author, filter.termId, filter.assignedTo, filter.mentioning].filter(Boolean).length;

  const draftCard = draft && {
    from: draft.from,
    node: (
      <div className="thread thread--draft">
        <p className="thread__quote thread__quote--static">“{draft.anchor.quote}”</p>
        <CommentInput
          label="New comment"
          submitLabel="Comment"
          participants={participants}
          autoFocus
          onSubmit={(body) => {
            const id = `t${newCommentId().slice(1)}`;
            createThread(threadsRoom.doc, { id, anchor: draft.anchor, by: me, body });
            setDraft(null);
            setFilterPart({ status: filter.status === 'resolved' ? 'open' : filter.status });
            onActivate(id);
          }}
          onCancel={() => {
            setDraft(null);
            editor.commands.focus();
          }}
        />
      </div>
    ),
  };

  return (
    <section className="comments-panel" aria-labelledby="comments-panel-title" onKeyDown={onKeyDown}>
      <div className="comments-panel__head">
        <h2 id="comments-panel-title" className="comments-panel__title">
          Comments
        </h2>
        <p className="comments-panel__counts" aria-live="polite">
          {counts.open} open · {counts.resolved} resolved
        </p>
      </div>
      <p className="comments-panel__notice" role="status">
        {notice}
      </p>
      {threadsRefusal?.code === CloseCodes.RefusedChange.code && <DiscardRefusedChanges room={threadsRoom} reason={threadsRefusal.reason} />}
      <fieldset className="comments-panel__filters">
        <legend className="visually-hidden">Filter threads</legend>
        <label className="comments-panel__status">
          <span>Status</span>
          <select value={filter.status ?? 'all'} onChange={(e) => setFilterPart({ status: e.target.value as ThreadFilter['status'] })}>
            {(['open', 'resolved', 'all'] as const).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <p className="comments-panel__shown" aria-live="polite">
          {shown.length === threads.length ? `${threads.length} ${threads.length === 1 ? 'thread' : 'threads'}` : `${shown.length} of ${threads.length} shown`}
        </p>
        <details className="comments-panel__more">
          <summary>More filters{moreFilters > 0 ? ` (${moreFilters} on)` : ''}</summary>
          <div className="comments-panel__more-body">
        <label>
          <span>Author</span>
          <select value={filter.author ?? ''} onChange={(e) => setFilterPart({ author: e.target.value || undefined })}>
            <option value="">Anyone</option>
            {authors.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Tag</span>
          <select value={filter.termId ?? ''} onChange={(e) => setFilterPart({ termId: e.target.value || undefined })}>
            <option value="">Any</option>
            {termIds.map((id) => (
              <option key={id} value={id}>
                {taxonomy.terms.get(id)?.label ?? id}
              </option>
            ))}
          </select>
        </label>
        <label className="comments-panel__check">
          <input type="checkbox" checked={!!filter.assignedTo} onChange={(e) => setFilterPart({ assignedTo: e.target.checked ? me.id : undefined })} />
          Assigned to me
        </label>
        <label className="comments-panel__check">
          <input type="checkbox" checked={!!filter.mentioning} onChange={(e) => setFilterPart({ mentioning: e.target.checked ? { id: me.id, name: me.name } : undefined })} />
          Mentioning me
        </label>
          </div>
        </details>
      </fieldset>
      <ThreadColumn
        editor={editor}
        threads={shown}
        places={places}
        active={active}
        aligned={aligned}
        draft={draftCard}
        layoutKey={layoutKey}
        listRef={listRef}
        renderThread={(thread: ThreadRecord) => (
          <ThreadCard
            thread={thread}
            doc={threadsRoom.doc}
            me={me}
            participants={participants}
            orphaned={!places.has(thread.id)}
            active={thread.id === active}
            now={now}
            onSelect={() => select(thread.id, false)}
            mayWrite={mayWrite}
            resolvesAny={can(role, 'thread.resolveAny')}
          />
        )}
      />
      {threads.length === 0 && !draft && <p className="empty-state">No comments yet. Select some text and press Comment in the toolbar (Ctrl+Alt+M).</p>}
    </section>
  );
}

