import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { addMentionIds, hideMentionIds } from '../../shared/comments/commentMarkup.ts';
import { COMMENT_INPUT_MAX_LENGTH, type Member } from '../../shared/comments/threadsDoc.ts';
import { insertMention, mentionQuery } from './participants.ts';

interface Props {
  label: string;
  submitLabel: string;
  participants: readonly Member[];
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => void;
  onCancel?: () => void;
}

const MAX_SUGGESTIONS = 6;

/**
 * A comment box: Ctrl/Cmd+Enter sends, Escape cancels, and typing "@" offers the workspace's
 * known participants (arrows to choose, Enter or Tab to insert `@[Name]`). The box shows names;
 * the stored body carries each mentioned person's stable id (`@[Name](id)`).
 */
export function CommentInput({ label, submitLabel, participants, initial = '', autoFocus, onSubmit, onCancel }: Props) {
  const [start] = useState(() => hideMentionIds(initial));
  const [text, setText] = useState(start.text);
  const [caret, setCaret] = useState(start.text.length);
  /** name → id of the people mentioned in this box (chosen here, or already in the edited comment) */
  const mentioned = useRef(start.ids);
  const [highlighted, setHighlighted] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const query = mentionQuery(text, caret);
  const suggestions =
    query && dismissed !== query.start
      ? participants.filter((p) => p.name.toLowerCase().includes(query.query.toLowerCase())).slice(0, MAX_SUGGESTIONS)
      : [];
  const open = suggestions.length > 0;
  const active = Math.min(highlighted, suggestions.length - 1);

  const choose = (member: Member) => {
    if (!query) return;
    const next = insertMention(text, query.start, caret, member.name);
    mentioned.current.set(member.name, member.id);
    setText(next.text);
    setCaret(next.caret);
    setHighlighted(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    // Typed by hand rather than chosen: the person of that name, when only one has it.
    const ids = new Map(mentioned.current);
    for (const p of participants) {
      if (!ids.has(p.name) && participants.filter((q) => q.name === p.name).length === 1) ids.set(p.name, p.id);
    }
    onSubmit(addMentionIds(body, ids));
    mentioned.current = new Map();
    setText('');
    setCaret(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((active + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault();
        choose(suggestions[active]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissed(query?.start ?? null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
    event.stopPropagation(); // the panel's j/k navigation is not for text boxes
  };

  return (
    <div className="comment-input">
      <div className="comment-input__field">
        <textarea
          ref={ref}
          className="comment-input__text"
          aria-label={label}
          maxLength={COMMENT_INPUT_MAX_LENGTH}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          rows={2}
          value={text}
          autoFocus={autoFocus}
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            setHighlighted(0);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="People to mention" className="comment-input__suggestions" hidden={!open}>
          {suggestions.map((member, index) => (
            <li
              key={member.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="comment-input__suggestion"
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
            >
              <span className="comment__dot" style={{ background: member.color }} aria-hidden="true" />
              {member.name}
            </li>
          ))}
        </ul>
      </div>
      <div className="comment-input__actions">
        <button type="button" className="button button--primary button--small" onClick={submit} disabled={text.trim() === ''}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <span className="comment-input__hint">Ctrl+Enter to send</span>
      </div>
    </div>
  );
}
