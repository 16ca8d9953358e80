import type { AnyExtension } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { AnnotationMark } from './annotations/AnnotationMark.ts';

/** The Yjs XmlFragment of a text document that the editor binds to. */
export const TEXT_FIELD = 'default';

/**
 * The extensions that define the document schema. The server uses them to seed and convert
 * content; the client adds collaboration, caret and UI extensions on top. Undo/redo is left to
 * the Collaboration extension (Yjs undo manager: only your own changes).
 */
export function contentExtensions(overrides: { annotationMark?: AnyExtension } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    TableKit.configure({ table: { resizable: false } }),
    overrides.annotationMark ?? AnnotationMark,
  ];
}

export function editorSchema() {
  return getSchema(contentExtensions());
}
