import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Person } from '../../shared/annotations/annotationDoc.ts';
import type { Taxonomy } from '../../shared/taxonomy/taxonomyTypes.ts';
import { annotationColors } from '../editor/annotations/annotationColors.ts';
import { annotationIdsAt, annotationRanges, passageText } from '../editor/annotations/annotationRanges.ts';
import { TAG_SHORTCUT } from '../editor/extensions/Annotations.ts';
import { shortcutLabel } from '../editor/shortcutLabel.ts';
import { useAnnotationRecords } from '../hooks/useAnnotationRecords.ts';
import { readRecentTerms, rememberRecentTerms } from '../identity/recentTerms.ts';
import type { Room } from '../sync/openRoom.ts';
import { AnnotationCard, type CardPassage } from './AnnotationCard.tsx';
import { TagPicker, type PopoverAnchor } from './TagPicker.tsx';

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
const HOVER_DELAY_MS = 250;
const HIDE_DELAY_MS = 300;

/**
 * Everything tagging adds around the text: the tag picker, the card of the passage under the caret
 * or the pointer, highlight colours from the taxonomy, and the messages that go with them.
 */
export function TaggingLayer({ editor, room, workspaceId, taxonomy, user, editable, frame, tagRequest }: Props) {
  const records = useAnnotationRecords(room.doc);
  const [picker, setPicker] = useState<PickerState | null>(null);
  const [hover, setHover] = useState<{ ids: string[]; pos: number } | null>(null);
  const [focusedCard, setFocusedCard] = useState<string[] | null>(null);
  const [message, setMessage] = useState('');
  const card = useRef<HTMLDivElement>(null);
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const recent = useMemo(() => (picker ? readRecentTerms(workspaceId) : []), [picker, workspaceId]);

  const caret = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const { head, empty } = current.state.selection;
      return { head, empty, focused: current.isFocused, ids: annotationIdsAt(current.state.doc, head).join(' ') };
    },
  });

  const colors = useMemo(() => annotationColors(records, taxonomy), [records, taxonomy]);
  useEffect(() => {
    editor.commands.setAnnotationColors(colors);
  }, [editor, colors]);

  /** Where to put a popover next to a document position, inside the frame, on the side with more room. */
  const anchorAt = (pos: number, width: number, height: number): PopoverAnchor | null => {
    const element = frame.current;
    if (!element || editor.isDestroyed) return null;
    const box = element.getBoundingClientRect();
    const coords = editor.view.coordsAtPos(Math.min(pos, editor.state.doc.content.size));
    // The sticky header and toolbar cover the top of the window.
    const covered = document.querySelector('.toolbar-bar')?.getBoundingClientRect().bottom ?? 0;
    const below = window.innerHeight - coords.bottom - 12;
    const above = coords.top - covered - 12;
    const upwards = below < height && above > below;
    return {
      left: Math.max(8, Math.min(coords.left - box.left - 16, box.width - width - 8)),
      top: upwards ? coords.top - box.top - 6 : coords.bottom - box.top + 6,
      above: upwards,
      maxHeight: Math.max(160, Math.min(height, upwards ? above : below)),
    };
  };

  const cardIds = (focusedCard ?? (hover?.ids ?? (caret.focused && !picker ? caret.ids.split(' ') : []))).filter((id) =>
    records.has(id),
  );
  const cardKey = cardIds.join(' ');
  useEffect(() => {
    editor.commands.setActiveAnnotations(cardKey === '' ? [] : cardKey.split(' '));
  }, [editor, cardKey]);

  const passages: CardPassage[] = cardIds.map((id) => ({
    record: records.get(id)!,
    quote: passageText(editor.state.doc, id) || records.get(id)!.quote,
  }));

  const openCard = () => {
    if (cardIds.length === 0) return false;
    setFocusedCard(cardIds);
    requestAnimationFrame(() => (card.current?.querySelector<HTMLElement>('button') ?? card.current)?.focus());
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
      setHover(null);
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

  // Hovering a highlight shows its card after a short pause; leaving it hides the card.
  useEffect(() => {
    const dom = editor.view.dom;
    const schedule = (next: typeof hover, delay: number) => {
      if (hoverTimer.current) clearTimeout(hoverTimer.current);
      hoverTimer.current = setTimeout(() => setHover(next), delay);
    };
    const onOver = (event: MouseEvent) => {
      const target = (event.target as Element | null)?.closest?.('[data-annotations]');
      const ids = target?.getAttribute('data-annotations')?.split(' ') ?? [];
      if (ids.length === 0) return schedule(null, HIDE_DELAY_MS);
      const pos = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
      if (pos !== undefined) schedule({ ids, pos }, HOVER_DELAY_MS);
    };
    const onLeave = () => schedule(null, HIDE_DELAY_MS);
    dom.addEventListener('mouseover', onOver);
    dom.addEventListener('mouseleave', onLeave);
    return () => {
      dom.removeEventListener('mouseover', onOver);
      dom.removeEventListener('mouseleave', onLeave);
      if (hoverTimer.current) clearTimeout(hoverTimer.current);
    };
  }, [editor]);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 6000);
    return () => clearTimeout(timer);
  }, [message]);

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
  const cardAnchor = cardIds.length > 0 && !picker ? anchorAt(hover && !focusedCard ? hover.pos : caret.head, CARD_WIDTH, CARD_HEIGHT) : null;
  const pickerSubject =
    picker?.mode === 'annotation'
      ? `the passage “${shorten(passageText(editor.state.doc, picker.annotationId) || (records.get(picker.annotationId)?.quote ?? ''))}”`
      : 'the selected text';

  return (
    <>
      {picker && pickerAnchor && (
        <TagPicker
          taxonomy={taxonomy}
          recent={recent}
          subject={pickerSubject}
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
          shortcutHint={focusedCard ? null : `${shortcutLabel(TAG_SHORTCUT)} to reach these tags from the text`}
          anchor={cardAnchor}
          onAddTag={(annotationId) => {
            setFocusedCard(null);
            setHover(null);
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
          onMouseEnter={() => hoverTimer.current && clearTimeout(hoverTimer.current)}
          onMouseLeave={() => {
            if (hoverTimer.current) clearTimeout(hoverTimer.current);
            hoverTimer.current = setTimeout(() => setHover(null), HIDE_DELAY_MS);
          }}
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
