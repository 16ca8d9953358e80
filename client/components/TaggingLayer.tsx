import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Person } from '../../shared/annotations/annotationDoc.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { annotationColors } from '../editor/annotations/annotationColors.ts';
import { popoverAnchor } from '../editor/annotations/popoverAnchor.ts';
import { annotationIdsAt, annotationRanges, passageText } from '../editor/annotations/annotationRanges.ts';
import { TAG_SHORTCUT } from '../editor/extensions/Annotations.ts';
import { shortcutLabel } from '../editor/shortcutLabel.ts';
import { useAnnotationRecords } from '../hooks/useAnnotationRecords.ts';
import { useHoveredAnnotations } from '../hooks/useHoveredAnnotations.ts';
import { useTyping } from '../hooks/useTyping.ts';
import { readRecentTerms, rememberRecentTerms } from '../identity/recentTerms.ts';
import type { Room } from '../sync/openRoom.ts';
import { AnnotationCard, type CardPassage } from './AnnotationCard.tsx';
import { TagPicker } from './TagPicker.tsx';

interface Props {
  editor: Editor;
  room: Room;
  workspaceId: string;
  taxonomy: Taxonomy;
  user: Person;
  editable: boolean;
  /** The positioned element the popovers are placed in (the page around the text). */
  frame: RefObject<HTMLElement | null>;
  /** Set to this layer's handler for the tag shortcut and the toolbar's Tag button. */
  tagRequest: RefObject<() => void>;
}

type PickerState = { mode: 'selection' } | { mode: 'annotation'; annotationId: string };

const PICKER_WIDTH = 400;
const PICKER_HEIGHT = 470;
const CARD_WIDTH = 360;
const CARD_HEIGHT = 260;

/**
 * Everything tagging adds around the text: the tag picker, the card of the passage under the caret
 * or the pointer, highlight colours from the taxonomy, and the messages that go with them.
 */
export function TaggingLayer({ editor, room, workspaceId, taxonomy, user, editable, frame, tagRequest }: Props) {
  const records = useAnnotationRecords(room.doc);
  const [picker, setPicker] = useState<PickerState | null>(null);
  const hovered = useHoveredAnnotations(editor);
  const hover = hovered.current;
  const [focusedCard, setFocusedCard] = useState<{ ids: string[]; pos: number } | null>(null);
  const [message, setMessage] = useState('');
  const typing = useTyping(editor);
  const card = useRef<HTMLDivElement>(null);
  const recent = useMemo(() => (picker ? readRecentTerms(workspaceId) : []), [picker, workspaceId]);

  const caret = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const { head, empty } = current.state.selection;
      return { head, empty, focused: current.isFocused, ids: annotationIdsAt(current.state.doc, head).join(' ') };
    },
  });

  // Records change often (quotes refresh as people type); tell the highlights only when a colour does.
  const colors = useMemo(() => annotationColors(records, taxonomy), [records, taxonomy]);
  const colorKey = useMemo(() => [...colors].map(([id, color]) => `${id}:${color}`).join(' '), [colors]);
  useEffect(() => {
    editor.commands.setAnnotationColors(colors);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, colorKey]);

  const anchorAt = (pos: number, width: number, height: number) => popoverAnchor(editor, frame.current, pos, { width, height });

  const known = (ids: readonly string[]) => ids.filter((id) => records.has(id));
  const caretIds = known(caret.ids === '' ? [] : caret.ids.split(' '));
  // The caret's card steps aside while the person types (it would cover the next lines).
  // A focused card whose passages were all removed (by anyone) lets go.
  const focusedIds = focusedCard && known(focusedCard.ids).length > 0 ? known(focusedCard.ids) : null;
  const cardIds = focusedIds ?? known(hover?.ids ?? (caret.focused && !picker && !typing ? caretIds : []));
  const cardKey = cardIds.join(' ');
  useEffect(() => {
    editor.commands.setActiveAnnotations(cardKey === '' ? [] : cardKey.split(' '));
  }, [editor, cardKey]);

  const passages: CardPassage[] = cardIds.map((id) => ({
    record: records.get(id)!,
    quote: passageText(editor.state.doc, id) || records.get(id)!.quote,
  }));

  const openCard = () => {
    // A keyboard request is about the caret's passages, whatever the pointer rests on.
    const ids = caretIds.length > 0 ? caretIds : cardIds;
    if (ids.length === 0) return false;
    setFocusedCard({ ids, pos: caretIds.length > 0 || !hover ? caret.head : hover.pos });
    // The card itself, not its first button (a stray Enter must not remove a tag).
    requestAnimationFrame(() => card.current?.focus());
    return true;
  };

  const backToText = () => {
    setFocusedCard(null);
    setPicker(null);
    editor.commands.focus();
  };

  const requestTag = () => {
    const { selection } = editor.state;
    if (!selection.empty && editable) {
      hovered.clear();
      setPicker({ mode: 'selection' });
      return;
    }
    if (openCard()) return;
    setMessage(
      editable
        ? `Select the words to tag first, then press ${shortcutLabel(TAG_SHORTCUT)}.`
        : 'This document is read-only: tags cannot be changed here.',
    );
  };
  useLayoutEffect(() => {
    tagRequest.current = requestTag;
  });

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  const pickingSelection = picker?.mode === 'selection';
  useEffect(() => {
    if (!pickingSelection) return;
    editor.commands.markPendingSelection(true);
    return () => {
      if (!editor.isDestroyed) editor.commands.markPendingSelection(false);
    };
  }, [editor, pickingSelection]);

  const applyTags = (termIds: string[]) => {
    if (!picker) return;
    const done =
      picker.mode === 'selection'
        ? editor.commands.tagSelection(termIds, user)
        : editor.commands.addTagToAnnotation(picker.annotationId, termIds, user);
    if (done) {
      rememberRecentTerms(workspaceId, termIds);
      setMessage(termIds.length > 1 ? `${termIds.length} tags added.` : 'Tag added.');
    } else {
      setMessage('The tags could not be added here.');
    }
    backToText();
  };

  const pickerAnchor = (() => {
    if (!picker) return null;
    if (picker.mode === 'selection') return anchorAt(editor.state.selection.to, PICKER_WIDTH, PICKER_HEIGHT);
    const last = annotationRanges(editor.state.doc, picker.annotationId).at(-1);
    return anchorAt(last?.to ?? editor.state.selection.head, PICKER_WIDTH, PICKER_HEIGHT);
  })();
  const cardAnchor = cardIds.length > 0 && !picker ? anchorAt(focusedIds ? focusedCard!.pos : (hover?.pos ?? caret.head), CARD_WIDTH, CARD_HEIGHT) : null;
  const pickerTitle =
    picker?.mode === 'annotation'
      ? `Add tags to “${shorten(passageText(editor.state.doc, picker.annotationId) || (records.get(picker.annotationId)?.quote ?? ''))}”`
      : `Tag “${shorten(editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to, ' ', ' ').trim())}”`;

  return (
    <>
      {picker && pickerAnchor && (
        <TagPicker
          taxonomy={taxonomy}
          recent={recent}
          title={pickerTitle}
          existing={picker.mode === 'annotation' ? records.get(picker.annotationId)?.tags.map((tag) => tag.termId) : undefined}
          anchor={pickerAnchor}
          onApply={applyTags}
          onClose={backToText}
          onDismiss={() => setPicker(null)}
        />
      )}
      {cardAnchor && (
        <AnnotationCard
          ref={card}
          passages={passages}
          taxonomy={taxonomy}
          editable={editable}
          shortcutHint={focusedIds ? null : `${shortcutLabel(TAG_SHORTCUT)} to reach these tags from the text`}
          anchor={cardAnchor}
          onAddTag={(annotationId) => {
            setFocusedCard(null);
            hovered.clear();
            setPicker({ mode: 'annotation', annotationId });
          }}
          onRemoveTag={(annotationId, termId) => {
            editor.commands.removeTagFromAnnotation(annotationId, termId);
            card.current?.focus();
          }}
          onRemovePassage={(annotationId) => {
            editor.commands.removeAnnotation(annotationId);
            setMessage(`Passage removed. ${shortcutLabel('Mod-z')} brings it back.`);
            backToText();
          }}
          onClose={backToText}
          onFocusLeave={() => setFocusedCard(null)}
          onMouseEnter={hovered.keep}
          onMouseLeave={hovered.release}
        />
      )}
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {message && (
        <p className="tagging-message" aria-hidden="true">
          {message}
        </p>
      )}
    </>
  );
}

const shorten = (text: string) => (text.length > 50 ? `${text.slice(0, 49).trimEnd()}…` : text);
