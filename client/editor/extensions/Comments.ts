import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The shortcut that starts a comment on the selection. */
export const COMMENT_SHORTCUT = 'Mod-Alt-m';

/** Whether a key event is the comment shortcut (Ctrl+Alt+M, or ⌘⌥M on a Mac). */
function isCommentShortcut(event: KeyboardEvent): boolean {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return (mac ? event.metaKey : event.ctrlKey) && event.altKey && !event.shiftKey && event.code === 'KeyM';
}

/** Where an open thread's passage is in the editor (ProseMirror positions). */
export interface CommentRange {
  id: string;
  from: number;
  to: number;
}

interface CommentHighlightState {
  ranges: readonly CommentRange[];
  active: string | null;
  decorations: DecorationSet;
}

type CommentHighlightInput = Partial<Pick<CommentHighlightState, 'ranges' | 'active'>>;

export const commentHighlightsKey = new PluginKey<CommentHighlightState>('commentHighlights');

export interface CommentsOptions {
  /** Called on `COMMENT_SHORTCUT`: the page opens the new-comment box. */
  onCommentRequest: () => void;
  /** Called when a highlighted passage is clicked: the page focuses its thread. */
  onThreadClick: (threadId: string) => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    comments: {
      /** Highlights these threads' passages; the active one is outlined. */
      setCommentRanges: (ranges: readonly CommentRange[], active: string | null) => ReturnType;
      /** Selects a thread's passage and scrolls to it (without taking focus). */
      selectCommentRange: (threadId: string) => ReturnType;
    };
  }
}

function build(doc: Transaction['doc'], ranges: readonly CommentRange[], active: string | null): DecorationSet {
  const size = doc.content.size;
  const decorations = ranges
    .filter((range) => range.from < range.to && range.to <= size)
    .map((range) =>
      Decoration.inline(
        range.from,
        range.to,
        { class: range.id === active ? 'comment-highlight comment-highlight--active' : 'comment-highlight', 'data-thread': range.id },
        { threadId: range.id },
      ),
    );
  return DecorationSet.create(doc, decorations);
}

/**
 * Comment threads in the editor: their passages highlighted (threads live in their own Yjs
 * document, so these are decorations, never marks), a click on one focuses its thread, and a
 * shortcut starts a new comment.
 */
export const Comments = Extension.create<CommentsOptions>({
  name: 'comments',

  addOptions() {
    return { onCommentRequest: () => {}, onThreadClick: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      [COMMENT_SHORTCUT]: () => {
        this.options.onCommentRequest();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<CommentHighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => ({ ranges: [], active: null, decorations: DecorationSet.create(state.doc, []) }),
          apply: (tr, value) => {
            const input = tr.getMeta(commentHighlightsKey) as CommentHighlightInput | undefined;
            if (input) {
              const ranges = input.ranges ?? value.ranges;
              const active = input.active === undefined ? value.active : input.active;
              return { ranges, active, decorations: build(tr.doc, ranges, active) };
            }
            if (!tr.docChanged) return value;
            return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          // ProseMirror runs keymaps only in an editable view; readers who may comment (commenters,
          // viewers of an archived text) still get the shortcut through the raw DOM event.
          handleDOMEvents: {
            keydown: (view, event) => {
              if (view.editable || !isCommentShortcut(event)) return false;
              event.preventDefault();
              options.onCommentRequest();
              return true;
            },
          },
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick: (view, pos) => {
            const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos);
            const hit = found?.find((decoration) => decoration.from <= pos && pos <= decoration.to);
            const threadId = (hit?.spec as { threadId?: string } | undefined)?.threadId;
            if (threadId) options.onThreadClick(threadId);
            return false;
          },
        },
      }),
    ];
  },

  addCommands() {
    return {
      setCommentRanges:
        (ranges, active) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightsKey, { ranges, active }).setMeta('addToHistory', false);
          return true;
        },
      selectCommentRange:
        (threadId) =>
        ({ tr, dispatch, view }) => {
          const range = commentHighlightsKey.getState(view.state)?.ranges.find((r) => r.id === threadId);
          if (!range || range.to > tr.doc.content.size) return false;
          if (!dispatch) return true;
          tr.setSelection(TextSelection.create(tr.doc, range.from, range.to)).setMeta('addToHistory', false);
          tr.setMeta(commentHighlightsKey, { active: threadId });
          setTimeout(() => {
            if (view.isDestroyed) return;
            const { node } = view.domAtPos(range.from);
            const element = node instanceof Element ? node : node.parentElement;
            element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          }, 0);
          return true;
        },
    };
  },
});
