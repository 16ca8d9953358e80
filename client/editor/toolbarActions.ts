import type { Editor } from '@tiptap/core';
import { TAG_SHORTCUT } from './extensions/Annotations.ts';
import { COMMENT_SHORTCUT } from './extensions/Comments.ts';

export type ToolbarIconName =
  | 'bulletList'
  | 'orderedList'
  | 'blockquote'
  | 'codeBlock'
  | 'horizontalRule'
  | 'link'
  | 'table'
  | 'addRow'
  | 'deleteRow'
  | 'addColumn'
  | 'deleteColumn'
  | 'deleteTable'
  | 'undo'
  | 'redo'
  | 'tag'
  | 'comment';

/** One toolbar button: what it does, how it is named and which key does the same. */
export interface ToolbarAction {
  id: string;
  label: string;
  /** Short visible text when there is no icon. */
  text?: string;
  icon?: ToolbarIconName;
  shortcut?: string;
  /** Toggles (marks, block types) report their state with aria-pressed. */
  isActive?: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

export interface ToolbarGroup {
  label: string;
  actions: ToolbarAction[];
}

/** Commands that take no argument, the same for `can()` and `chain()`. */
type SimpleCommand =
  | 'setParagraph'
  | 'toggleBulletList'
  | 'toggleOrderedList'
  | 'toggleBlockquote'
  | 'toggleCodeBlock'
  | 'setHorizontalRule'
  | 'addRowAfter'
  | 'deleteRow'
  | 'addColumnAfter'
  | 'deleteColumn'
  | 'deleteTable'
  | 'undo'
  | 'redo';

const action = (id: string, label: string, command: SimpleCommand, extra: Partial<ToolbarAction> = {}): ToolbarAction => ({
  id,
  label,
  canRun: (editor) => editor.can()[command](),
  run: (editor) => editor.chain().focus()[command]().run(),
  ...extra,
});

const block = (id: 'bulletList' | 'orderedList' | 'blockquote' | 'codeBlock', label: string, shortcut: string, command: SimpleCommand) =>
  action(id, label, command, { icon: id, shortcut, isActive: (editor) => editor.isActive(id) });

const heading = (level: 1 | 2 | 3): ToolbarAction => ({
  id: `heading${level}`,
  label: `H${level} heading`,
  text: `H${level}`,
  shortcut: `Mod-Alt-${level}`,
  isActive: (editor) => editor.isActive('heading', { level }),
  canRun: (editor) => editor.can().toggleHeading({ level }),
  run: (editor) => editor.chain().focus().toggleHeading({ level }).run(),
});

const mark = (id: 'bold' | 'italic' | 'strike' | 'code', label: string, text: string, shortcut: string): ToolbarAction => ({
  id,
  label,
  text,
  shortcut,
  isActive: (editor) => editor.isActive(id),
  canRun: (editor) => editor.can().toggleMark(id),
  run: (editor) => editor.chain().focus().toggleMark(id).run(),
});

const TABLE = { rows: 3, cols: 3, withHeaderRow: true };

/** The editor toolbar, in groups. The link, tag and comment buttons are special: they open popovers or the comment box. */
export const TOOLBAR_GROUPS: ToolbarGroup[] = [
  {
    label: 'Text style',
    actions: [
      action('paragraph', 'Normal text', 'setParagraph', {
        text: '¶',
        shortcut: 'Mod-Alt-0',
        isActive: (editor) => editor.isActive('paragraph'),
      }),
      heading(1),
      heading(2),
      heading(3),
    ],
  },
  {
    label: 'Formatting',
    actions: [
      mark('bold', 'Bold', 'B', 'Mod-b'),
      mark('italic', 'Italic', 'I', 'Mod-i'),
      mark('strike', 'Strikethrough', 'S', 'Mod-Shift-s'),
      mark('code', 'Inline code', '</>', 'Mod-e'),
      {
        id: 'link',
        label: 'Link',
        icon: 'link',
        shortcut: 'Mod-k',
        isActive: (editor) => editor.isActive('link'),
        canRun: (editor) => editor.isEditable,
        run: () => {},
      },
    ],
  },
  {
    label: 'Blocks',
    actions: [
      block('bulletList', 'Bulleted list', 'Mod-Shift-8', 'toggleBulletList'),
      block('orderedList', 'Numbered list', 'Mod-Shift-7', 'toggleOrderedList'),
      block('blockquote', 'Quote', 'Mod-Shift-b', 'toggleBlockquote'),
      block('codeBlock', 'Code block', 'Mod-Alt-c', 'toggleCodeBlock'),
      action('horizontalRule', 'Divider line', 'setHorizontalRule', { icon: 'horizontalRule' }),
    ],
  },
  {
    label: 'Table',
    actions: [
      {
        id: 'insertTable',
        label: 'Insert table (3 × 3 with a header row)',
        icon: 'table',
        canRun: (editor) => editor.can().insertTable(TABLE),
        run: (editor) => editor.chain().focus().insertTable(TABLE).run(),
      },
      action('addRow', 'Add row below', 'addRowAfter', { icon: 'addRow' }),
      action('deleteRow', 'Delete row', 'deleteRow', { icon: 'deleteRow' }),
      action('addColumn', 'Add column to the right', 'addColumnAfter', { icon: 'addColumn' }),
      action('deleteColumn', 'Delete column', 'deleteColumn', { icon: 'deleteColumn' }),
      action('deleteTable', 'Delete table', 'deleteTable', { icon: 'deleteTable' }),
    ],
  },
  {
    label: 'Tagging and comments',
    actions: [
      {
        id: 'tag',
        label: 'Tag the selected text',
        icon: 'tag',
        shortcut: TAG_SHORTCUT,
        canRun: (editor) => editor.isEditable && !editor.state.selection.empty,
        run: () => {},
      },
      {
        id: 'comment',
        label: 'Comment on the selected text',
        icon: 'comment',
        shortcut: COMMENT_SHORTCUT,
        canRun: (editor) => !editor.state.selection.empty,
        run: () => {},
      },
    ],
  },
  {
    label: 'History',
    actions: [
      action('undo', 'Undo your last change', 'undo', { icon: 'undo', shortcut: 'Mod-z' }),
      action('redo', 'Redo', 'redo', { icon: 'redo', shortcut: 'Mod-Shift-z' }),
    ],
  },
];
