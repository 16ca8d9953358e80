import type { JSONContent } from '@tiptap/core';
import { ANNOTATION_MARK } from '../annotations/extractAnchors.ts';
import { safeUrl } from './safeUrl.ts';

/** A stretch of inline text with one set of formatting, as page-layout writers (PDF) need it. */
export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  code: boolean;
  /** Inside a tagged passage (an annotation mark). */
  tagged?: boolean;
  /** An external link (http(s) or mailto), already checked by `safeUrl`. */
  href?: string;
  /** A reference mark to a note or a comment, placed after the words it belongs to. */
  ref?: { kind: 'note' | 'comment'; number: number };
}

const PLAIN: Omit<InlineRun, 'text'> = { bold: false, italic: false, underline: false, strike: false, code: false };

/** A run of `text`, unformatted unless `format` says otherwise. */
export function textRun(text: string, format: Partial<Omit<InlineRun, 'text'>> = {}): InlineRun {
  return { ...PLAIN, ...format, text };
}

function markedRun(node: JSONContent): InlineRun {
  const run: InlineRun = { ...PLAIN, text: node.text ?? '' };
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strike':
      case 'code':
        run[mark.type] = true;
        break;
      case ANNOTATION_MARK:
        run.tagged = true;
        break;
      case 'link': {
        const href = safeUrl(mark.attrs?.href);
        if (href && !href.startsWith('#')) run.href = href;
        break;
      }
      default:
    }
  }
  return run;
}

function sameFormat(a: InlineRun, b: InlineRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.code === b.code && a.href === b.href && a.tagged === b.tagged && !a.ref && !b.ref;
}

function refNumber(node: JSONContent, attr: 'note' | 'number'): number {
  const n = Number(node.attrs?.[attr]);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * The inline content of a block (text with marks, hard breaks, note and comment milestones) as
 * runs: neighbours with the same formatting are joined, hard breaks become "\n", a note or a
 * comment's end becomes a reference run; comment starts and unknown nodes leave nothing.
 */
export function inlineRuns(nodes: readonly JSONContent[] | undefined): InlineRun[] {
  const runs: InlineRun[] = [];
  const push = (run: InlineRun) => {
    const last = runs.at(-1);
    if (last && sameFormat(last, run)) last.text += run.text;
    else if (run.text.length > 0) runs.push(run);
  };
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text':
        push(markedRun(node));
        break;
      case 'hardBreak':
        push({ ...PLAIN, text: '\n' });
        break;
      case 'tagNote':
        runs.push({ ...PLAIN, text: String(refNumber(node, 'note')), ref: { kind: 'note', number: refNumber(node, 'note') } });
        break;
      case 'commentEnd':
        runs.push({ ...PLAIN, text: `C${refNumber(node, 'number')}`, ref: { kind: 'comment', number: refNumber(node, 'number') } });
        break;
      default:
    }
  }
  return runs;
}

/** The runs' text as one string (reference marks included as written). */
export function runsText(runs: readonly InlineRun[]): string {
  return runs.map((run) => run.text).join('');
}
