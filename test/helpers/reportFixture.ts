import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createAnnotation, type Person } from '../../shared/annotations/annotationDoc.ts';
import { indexFragmentText } from '../../shared/annotations/indexFragmentText.ts';
import { createTextAnchor } from '../../shared/comments/textAnchor.ts';
import { createThread, reply, type Member } from '../../shared/comments/threadsDoc.ts';
import { TEXT_FIELD, editorSchema } from '../../shared/editorExtensions.ts';

export const ALICE: Person & Member = { id: 'alice', name: 'Alice Ndiaye', color: '#1d4ed8' };
export const BRUNO: Person & Member = { id: 'bruno', name: 'Bruno <b>Costa</b>', color: '#b45309' };

const t = (text: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const tag = (id: string) => ({ type: 'annotation', attrs: { id } });
const cell = (type: string, text: string): JSONContent => ({ type, content: [p(t(text))] });

/** A chapter with every structure the editor has, two tagged passages and an XSS attempt in its text. */
export const fixtureContent: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [t('Supply chains and shared norms')] },
    p(t('Members agree that '), t('supply-chain integrity', [tag('ann1')]), t(' is widely shared, and '), t('hack-back', [{ type: 'bold' }, tag('ann2')]), t(' is not.')),
    { type: 'heading', attrs: { level: 2 }, content: [t('Findings')] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p(t('First finding with '), t('emphasis', [{ type: 'italic' }]))] },
        { type: 'listItem', content: [p(t('Second finding with a '), t('link', [{ type: 'link', attrs: { href: 'https://example.org/norms' } }]))] },
      ],
    },
    { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p(t('Step one'))] }, { type: 'listItem', content: [p(t('Step two'))] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Norm'), cell('tableHeader', 'Agreements')] },
        { type: 'tableRow', content: [cell('tableCell', 'Supply chain | integrity'), cell('tableCell', 'Paris Call, GCSC')] },
      ],
    },
    { type: 'blockquote', content: [p(t('A question for the next call (Будапешт, Αθήνα).'))] },
    p(t('<script>window.__xss = 1</script><img src=x onerror="window.__xss=2">'), t(' bad link', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
  ],
};

/** Builds the fixture's text document (content and tags) and its threads document (one open thread with a reply, one resolved). */
export function buildFixtureDocs(): { doc: Y.Doc; threads: Y.Doc } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  prosemirrorJSONToYXmlFragment(editorSchema(), fixtureContent, fragment);
  createAnnotation(doc, { id: 'ann1', by: ALICE, quote: 'supply-chain integrity', termIds: ['ungge-2015-i', 'paris-call', 'gcsc'], at: 1_700_000_000_000 });
  createAnnotation(doc, { id: 'ann2', by: BRUNO, quote: 'hack-back', termIds: ['paris-8', 'private'], at: 1_700_000_100_000 });
  const threads = new Y.Doc();
  const text = indexFragmentText(fragment).text;
  const at = text.indexOf('widely shared');
  createThread(threads, { id: 'th1', anchor: createTextAnchor(fragment, at, at + 'widely shared'.length)!, by: ALICE, body: 'Is this **really** shared? <script>window.__xss=3</script>', at: 1_700_000_200_000 });
  reply(threads, 'th1', BRUNO, 'Yes, see the matrix.', 1_700_000_300_000);
  const other = text.indexOf('Step one');
  createThread(threads, { id: 'th2', anchor: createTextAnchor(fragment, other, other + 8)!, by: BRUNO, body: 'Resolved already', at: 1_700_000_400_000 });
  threads.getMap<Y.Map<unknown>>('threads').get('th2')!.set('resolved', { by: BRUNO, at: 1_700_000_500_000 });
  return { doc, threads };
}
