import type { JSONContent } from '@tiptap/core';
import { ANNOTATION_MARK } from '../annotations/extractAnchors.ts';
import { safeUrl } from '../export/safeUrl.ts';
import { inlineText } from '../export/outline.ts';

/** Most characters one imported document may hold (about 300,000 words). */
export const MAX_IMPORT_CHARACTERS = 2_000_000;

export interface ImportedAnnotation {
  id: string;
  termIds: string[];
  quote: string;
}

export type PreparedImport =
  | { ok: true; content: JSONContent; annotations: ImportedAnnotation[]; headingTitle: string | undefined; warnings: string[] }
  | { ok: false; error: string };

/**
 * Makes parsed content safe to seed: keeps annotation marks only where the file said which tags
 * they carry (and only tags the workspace knows), drops links that are not http(s) or mailto,
 * and refuses content that is empty or too large. `tags` maps annotation ids to term ids as read
 * from the file (a Normspace HTML export carries them in `data-tags`).
 */
export function prepareImportedContent(content: JSONContent, tags: ReadonlyMap<string, string[]>, knownTerms: ReadonlySet<string>): PreparedImport {
  const quotes = new Map<string, string>();
  const keptTags = new Map<string, string[]>();
  let unknownTags = 0;
  for (const [id, termIds] of tags) {
    const known = termIds.filter((termId) => knownTerms.has(termId));
    unknownTags += termIds.length - known.length;
    if (known.length > 0) keptTags.set(id, known);
  }
  let characters = 0;
  let droppedLinks = 0;
  const walk = (node: JSONContent): JSONContent => {
    if (node.type === 'text') {
      characters += node.text?.length ?? 0;
      const marks = (node.marks ?? []).filter((mark) => {
        if (mark.type === ANNOTATION_MARK) {
          const id = String(mark.attrs?.id ?? '');
          if (!keptTags.has(id)) return false;
          quotes.set(id, (quotes.get(id) ?? '') + (node.text ?? ''));
          return true;
        }
        if (mark.type === 'link' && !safeUrl(mark.attrs?.href)) {
          droppedLinks += 1;
          return false;
        }
        return true;
      });
      const { marks: _old, ...rest } = node;
      return marks.length > 0 ? { ...rest, marks } : rest;
    }
    return node.content ? { ...node, content: node.content.map(walk) } : node;
  };
  const prepared = walk(content);
  if (characters > MAX_IMPORT_CHARACTERS) {
    return { ok: false, error: `The file holds ${characters.toLocaleString('en')} characters; one document may hold at most ${MAX_IMPORT_CHARACTERS.toLocaleString('en')}. Split it into chapters.` };
  }
  const blocks = prepared.content ?? [];
  if (characters === 0 && !blocks.some((block) => block.type === 'table' || block.type === 'horizontalRule')) {
    return { ok: false, error: 'The file has no text to import.' };
  }
  const warnings: string[] = [];
  if (unknownTags > 0) warnings.push(`${unknownTags} tag${unknownTags === 1 ? '' : 's'} not in this workspace's taxonomy ${unknownTags === 1 ? 'was' : 'were'} left out.`);
  if (droppedLinks > 0) warnings.push(`${droppedLinks} link${droppedLinks === 1 ? '' : 's'} to something other than a web or mail address became plain text.`);
  const firstHeading = blocks.find((block) => block.type === 'heading');
  const headingTitle = firstHeading ? inlineText(firstHeading).trim() || undefined : undefined;
  const annotations = [...quotes].map(([id, quote]) => ({ id, termIds: keptTags.get(id)!, quote }));
  return { ok: true, content: prepared, annotations, headingTitle, warnings };
}
