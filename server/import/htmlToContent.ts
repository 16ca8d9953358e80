import type { JSONContent } from '@tiptap/core';
import { DOMParser as ProseMirrorDOMParser, type Schema } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { GENERATED_ATTRIBUTE } from '../../shared/export/renderContentHtml.ts';

export interface ParsedHtml {
  content: JSONContent;
  /** Term ids per annotation id, from `data-tags` on tagged passages (Normspace HTML exports). */
  tags: Map<string, string[]>;
  images: number;
}

/** Elements whose content is never document text. */
const DROP = 'script, style, template, noscript, iframe, object, embed, svg, math, head, title, meta, link, form, button, input, select, textarea';

/**
 * Parses HTML into editor content with the editor's own schema (ProseMirror's DOMParser over a
 * server-side DOM that runs no script and loads nothing): whatever the schema has no place for is
 * dropped, so the result is as safe as anything typed in the editor. Parts a Normspace export
 * adds around the text (title page, contents, notes, annexes) are removed first; tagged passages
 * keep their annotation id and tags.
 */
export function htmlToContent(html: string, schema: Schema): ParsedHtml {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const body = document.body;
    for (const element of [...body.querySelectorAll(`${DROP}, [${GENERATED_ATTRIBUTE}]`)]) element.remove();
    const images = body.querySelectorAll('img').length;
    const tags = new Map<string, string[]>();
    for (const element of [...body.querySelectorAll('[data-annotation-id]')]) {
      const id = element.getAttribute('data-annotation-id') ?? '';
      const termIds = (element.getAttribute('data-tags') ?? '').split(/\s+/).filter(Boolean);
      if (/^[a-z0-9]{1,40}$/.test(id) && termIds.length > 0) tags.set(id, termIds);
      if (element.tagName !== 'SPAN') {
        // The editor's annotation mark parses from spans; exports write <mark>.
        const span = document.createElement('span');
        span.setAttribute('data-annotation-id', id);
        span.append(...element.childNodes);
        element.replaceWith(span);
      }
    }
    const node = ProseMirrorDOMParser.fromSchema(schema).parse(body as unknown as Node);
    return { content: node.toJSON() as JSONContent, tags, images };
  } finally {
    void window.happyDOM.close();
  }
}
