import { Mark, mergeAttributes } from '@tiptap/core';
import { ANNOTATION_MARK } from './extractAnchors.ts';

/**
 * The schema of the mark that anchors an annotation to its passage. It carries only the
 * annotation's id; the tags live in the document's `annotations` map. `excludes: ''` lets marks
 * of different annotations overlap and nest (y-tiptap stores each under a hashed attribute);
 * `inclusive: false` keeps text typed right after a passage out of it. The editor extends this
 * with commands and hover behaviour; the server and tests use it as is.
 */
export const AnnotationMark = Mark.create({
  name: ANNOTATION_MARK,
  excludes: '',
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-annotation-id'),
        renderHTML: (attributes) => ({ 'data-annotation-id': attributes.id as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-annotation-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'annotation' }, HTMLAttributes), 0];
  },
});
