import type { ToolbarIconName } from '../editor/toolbarActions.ts';

const PATHS: Record<ToolbarIconName, string> = {
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 4.5h1.5V9M4 9h3M4 14.5c.5-.8 2.5-.8 2.5.5S4 17 4 19h3',
  blockquote: 'M5 7h5v5c0 3-2 4.5-4 5M14 7h5v5c0 3-2 4.5-4 5',
  codeBlock: 'M8 7l-5 5 5 5M16 7l5 5-5 5M13.5 5l-3 14',
  horizontalRule: 'M3 12h18M7 7h10M7 17h10',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M9.5 5v14M14.5 5v14',
  addRow: 'M4 4h16v7H4zM12 14v6M9 17h6',
  deleteRow: 'M4 4h16v7H4zM9 17h6',
  addColumn: 'M4 4h7v16H4zM17 9v6M14 12h6',
  deleteColumn: 'M4 4h7v16H4zM14 12h6',
  deleteTable: 'M4 5h16v14H4zM9 9l6 6M15 9l-6 6',
  undo: 'M9 8H4V3M4.5 8A8 8 0 1 1 6 16',
  redo: 'M15 8h5V3M19.5 8A8 8 0 1 0 18 16',
  comment: 'M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H10l-4.5 4v-4h0A1.5 1.5 0 0 1 4 14.5zM8 9h8M8 12h5',
  tag: 'M3.5 12.5V4.5a1 1 0 0 1 1-1h8l8 8a1.4 1.4 0 0 1 0 2l-7 7a1.4 1.4 0 0 1-2 0zM8.5 8.5h.01',
};

/** A small line icon for a toolbar button; decorative (the button carries the name). */
export function ToolbarIcon({ name }: { name: ToolbarIconName }) {
  return (
    <svg className="toolbar-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
