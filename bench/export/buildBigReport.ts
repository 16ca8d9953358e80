import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createAnnotation, type Person } from '../../shared/annotations/annotationDoc.ts';
import { ANNOTATION_MARK } from '../../shared/annotations/extractAnchors.ts';
import { indexFragmentText } from '../../shared/annotations/indexFragmentText.ts';
import { createTextAnchor } from '../../shared/comments/textAnchor.ts';
import { createThread, reply, type Member } from '../../shared/comments/threadsDoc.ts';
import { TEXT_FIELD, editorSchema } from '../../shared/editorExtensions.ts';
import { starterTerms } from '../../shared/taxonomy/starterTaxonomy.ts';
import { seededRandom } from '../traces/seededRandom.ts';

export interface BigReportSize {
  words: number;
  passages: number;
  threads: number;
  repliesPerThread: number;
}

export interface BigReport {
  doc: Y.Doc;
  threads: Y.Doc;
  /** What was actually built. */
  stats: { words: number; characters: number; blocks: number; passages: number; threads: number; replies: number };
}

const PEOPLE: (Person & Member)[] = [
  { id: 'amina', name: 'Amina Diallo', color: '#0e7490' },
  { id: 'ben', name: 'Ben Ortiz', color: '#6941c6' },
  { id: 'chen', name: 'Chen Wei', color: '#b42318' },
  { id: 'dana', name: 'Dana Novak', color: '#067647' },
];

const WORDS = (
  'states should not conduct or knowingly support activity that damages critical infrastructure the working group notes broad ' +
  'agreement on responsible vulnerability disclosure several contributions ask for clearer language on supply chain integrity civil ' +
  'society submissions stress human rights online including privacy operators report significant incidents to the national authority ' +
  'within seventy two hours capacity building confidence measures cooperation between computer emergency response teams protects ' +
  'the public core of the internet and the electoral infrastructure private sector industry academia technical community governments'
).split(' ');

const t = (text: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

/**
 * A long report built the cheap way: its ProseMirror JSON first (tags are annotation marks in that
 * JSON), converted into the Yjs fragment in ONE transaction with the tag records; its comment threads
 * in one transaction of their own, anchored with one text index. Chapters (H1) of sections (H2),
 * paragraphs of 40–80 words with some bold, italic and links, a bullet list every few paragraphs, a
 * table per chapter. About 500 words a page.
 */
/**
 * `author`, when given, is credited with every passage, tag, thread and reply (a client may only
 * write records as the member it is signed in as); otherwise they are spread over eight people.
 */
export function buildBigReport(size: BigReportSize, author?: Person & Member): BigReport {
  const people = author ? [author] : PEOPLE;
  const random = seededRandom(20261124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const norms = starterTerms.filter((term) => term.kind === 'norm').map((term) => term.id);
  const others = starterTerms.filter((term) => term.kind !== 'norm').map((term) => term.id);
  const sentence = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');

  const blocks: JSONContent[] = [];
  const paragraphs: string[] = []; // plain text of every tagged-or-taggable paragraph, in order
  const records: { id: string; quote: string; termIds: string[]; by: Person; at: number }[] = [];
  let words = 0;
  let chapter = 0;
  let paragraphsLeft = Math.ceil(size.words / 68);
  const passagesPerParagraph = size.passages / paragraphsLeft;
  let passageCredit = 0;

  const paragraph = () => {
    const count = 40 + Math.floor(random() * 41);
    const tokens = Array.from({ length: count }, () => pick(WORDS));
    tokens[0] = tokens[0]![0]!.toUpperCase() + tokens[0]!.slice(1);
    tokens[count - 1] += '.';
    words += count;
    passageCredit += passagesPerParagraph;
    // tagged runs: non-overlapping spans of 3–8 words, in order
    const spans: [number, number, string][] = [];
    while (passageCredit >= 1 && records.length < size.passages) {
      const slot = Math.floor(count / 4);
      const from = spans.length * slot + Math.floor(random() * Math.max(1, slot - 9));
      if (spans.length >= 4 || from + 3 >= count) break;
      const to = Math.min(count, from + 3 + Math.floor(random() * 6));
      const id = `bench-ann-${records.length}`;
      const termIds = [pick(norms), pick(others), ...(random() < 0.4 ? [pick(norms)] : [])].filter((value, index, all) => all.indexOf(value) === index);
      records.push({ id, quote: tokens.slice(from, to).join(' '), termIds, by: people[records.length % people.length]!, at: Date.UTC(2026, 2, 1) + records.length * 60_000 });
      spans.push([from, to, id]);
      passageCredit -= 1;
    }
    const content: JSONContent[] = [];
    let at = 0;
    const plain = (from: number, to: number) => {
      if (to <= from) return;
      const text = tokens.slice(from, to).join(' ') + (to < count ? ' ' : '');
      const style = random();
      content.push(style < 0.05 ? t(text, [{ type: 'bold' }]) : style < 0.08 ? t(text, [{ type: 'italic' }]) : style < 0.1 ? t(text, [{ type: 'link', attrs: { href: 'https://example.org/igf/bpf' } }]) : t(text));
    };
    for (const [from, to, id] of spans) {
      plain(at, from);
      content.push(t(tokens.slice(from, to).join(' '), [{ type: ANNOTATION_MARK, attrs: { id } }]));
      if (to < count) content.push(t(' '));
      at = to;
    }
    plain(at, count);
    paragraphs.push(tokens.join(' '));
    return p(...content);
  };

  while (paragraphsLeft > 0) {
    chapter += 1;
    blocks.push({ type: 'heading', attrs: { level: 1 }, content: [t(`Chapter ${chapter}: ${sentence(4)}`)] });
    for (let section = 1; section <= 5 && paragraphsLeft > 0; section++) {
      blocks.push({ type: 'heading', attrs: { level: 2 }, content: [t(`${chapter}.${section} ${sentence(5)}`)] });
      for (let i = 0; i < 16 && paragraphsLeft > 0; i++, paragraphsLeft--) {
        blocks.push(paragraph());
        if (i % 6 === 5) {
          const items = Array.from({ length: 4 }, () => ({ type: 'listItem', content: [p(t(sentence(12)))] }));
          words += 48;
          blocks.push({ type: i % 12 === 5 ? 'bulletList' : 'orderedList', ...(i % 12 === 5 ? {} : { attrs: { start: 1 } }), content: items });
        }
        if (i === 10) {
          blocks.push({ type: 'blockquote', content: [p(t(sentence(25)))] });
          words += 25;
        }
      }
      if (section === 3) {
        const row = (type: string) => ({ type: 'tableRow', content: [0, 1, 2].map(() => ({ type, content: [p(t(sentence(3)))] })) });
        blocks.push({ type: 'table', content: [row('tableHeader'), ...Array.from({ length: 5 }, () => row('tableCell'))] });
        words += 54;
      }
    }
  }

  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(editorSchema(), { type: 'doc', content: blocks }, fragment);
    for (const record of records) createAnnotation(doc, record);
  });

  // Threads: on the opening words of paragraphs spread through the text, anchored against one index.
  const index = indexFragmentText(fragment);
  const threads = new Y.Doc();
  let replies = 0;
  threads.transact(() => {
    let searchFrom = 0;
    const step = paragraphs.length / size.threads;
    for (let i = 0; i < size.threads; i++) {
      const text = paragraphs[Math.floor(i * step)]!;
      const from = index.text.indexOf(text, searchFrom);
      if (from < 0) throw new Error(`paragraph ${Math.floor(i * step)} not found in the text`);
      searchFrom = from + text.length;
      const end = text.indexOf(' ', 30 + (i % 40));
      const anchor = createTextAnchor(fragment, from, from + (end < 0 ? text.length : end), index);
      if (!anchor) throw new Error(`could not anchor thread ${i}`);
      const id = `bench-thread-${i}`;
      const at = Date.UTC(2026, 3, 1) + i * 3_600_000;
      createThread(threads, { id, anchor, by: people[i % people.length]!, body: `Should this say **${sentence(3)}**? See https://example.org/c/${i}`, at });
      for (let r = 0; r < size.repliesPerThread; r++) {
        reply(threads, id, people[(i + r + 1) % people.length]!, `Reply ${r + 1}: ${sentence(12)}.`, at + (r + 1) * 60_000);
        replies += 1;
      }
    }
  });
  return { doc, threads, stats: { words, characters: index.text.length, blocks: blocks.length, passages: records.length, threads: size.threads, replies } };
}
