import { useState } from 'react';
import type * as Y from 'yjs';
import {
  assignThread,
  deleteComment,
  editComment,
  reply,
  setResolved,
  type CommentRecord,
  type Member,
  type ThreadRecord,
} from '../../shared/comments/threadsDoc.ts';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { CommentBody } from './CommentBody.tsx';
import { CommentInput } from './CommentInput.tsx';

interface Props {
  thread: ThreadRecord;
  doc: Y.Doc;
  me: Member;
  participants: readonly Member[];
  orphaned: boolean;
  active: boolean;
  now: number;
  onSelect: () => void;
  /** False for viewers (and on archived documents): the thread is shown, nothing can be written. */
  mayWrite: boolean;
  /** Facilitators resolve any thread; others the threads they started. */
  resolvesAny: boolean;
}

function Comment({ comment, threadId, doc, me, participants, now, mayWrite }: { comment: CommentRecord; threadId: string; doc: Y.Doc; me: Member; participants: readonly Member[]; now: number; mayWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const own = mayWrite && comment.author.id === me.id && !comment.deleted;
  return (
    <li className={`comment${comment.deleted ? ' comment--deleted' : ''}`}>
      <div className="comment__meta">
        <span className="comment__dot" style={{ background: comment.author.color }} aria-hidden="true" />
        <span className="comment__author">{comment.author.name}</span>
        <RelativeTime timestamp={comment.createdAt} now={now} />
        {comment.editedAt !== undefined && !comment.deleted && <span className="comment__edited">(edited)</span>}
      </div>
      {comment.deleted ? (
        <p className="comment__placeholder">Comment deleted</p>
      ) : editing ? (
        <CommentInput
          label="Edit your comment"
          submitLabel="Save"
          participants={participants}
          initial={comment.body}
          autoFocus
          onSubmit={(body) => {
            editComment(doc, threadId, comment.id, me, body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <CommentBody body={comment.body} />
      )}
      {own && !editing && (
        <div className="comment__own">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              if (window.confirm('Delete your comment? Replies stay.')) deleteComment(doc, threadId, comment.id, me);
            }}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** One thread: its passage, comments, reply box, resolve/reopen and assignee. */
export function ThreadCard({ thread, doc, me, participants, orphaned, active, now, onSelect, mayWrite, resolvesAny }: Props) {
  const mayResolve = mayWrite && (resolvesAny || thread.comments[0]?.author.id === me.id);
  const quote = thread.anchor?.quote ?? '';
  const assignable = thread.assignee && !participants.some((p) => p.id === thread.assignee!.id) ? [...participants, thread.assignee] : participants;
  return (
    <article
      className={`thread${active ? ' thread--active' : ''}${thread.resolved ? ' thread--resolved' : ''}`}
      data-thread={thread.id}
      tabIndex={-1}
      aria-label={`Thread on “${quote.slice(0, 60)}”`}
    >
      <button type="button" className="thread__quote" onClick={onSelect} title="Select this passage in the text">
        <span className="visually-hidden">Passage: </span>“{quote}”
      </button>
      {orphaned && <p className="thread__orphaned">Text deleted</p>}
      {thread.resolved && (
        <p className="thread__status">
          Resolved by {thread.resolved.by.name} <RelativeTime timestamp={thread.resolved.at} now={now} />
        </p>
      )}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <Comment key={comment.id} comment={comment} threadId={thread.id} doc={doc} me={me} participants={participants} now={now} mayWrite={mayWrite} />
        ))}
      </ol>
      <div className="thread__controls">
        <label className="thread__assign">
          <span>Assigned to</span>
          <select
            disabled={!mayWrite}
            value={thread.assignee?.id ?? ''}
            onChange={(event) => {
              const assignee = assignable.find((p) => p.id === event.target.value) ?? null;
              assignThread(doc, thread.id, assignee, me);
            }}
          >
            <option value="">Nobody</option>
            {assignable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === me.id ? `${p.name} (you)` : p.name}
              </option>
            ))}
          </select>
        </label>
        {mayResolve && (
          <button type="button" className="button button--small" onClick={() => setResolved(doc, thread.id, !thread.resolved, me)}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
      {!thread.resolved && mayWrite && (
        <CommentInput label={`Reply to the thread on “${quote.slice(0, 40)}”`} submitLabel="Reply" participants={participants} onSubmit={(body) => reply(doc, thread.id, me, body)} />
      )}
    </article>
  );
}
