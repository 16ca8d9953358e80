import * as Y from 'yjs';
import { createTextAnchor } from '../../shared/comments/textAnchor.ts';
import { assignThread, createThread, reply, setResolved, type Member } from '../../shared/comments/threadsDoc.ts';
import { indexFragmentText } from '../../shared/annotations/indexFragmentText.ts';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';

export interface SeededThreads {
  threads: number;
  replies: number;
  open: number;
  resolved: number;
  /** open threads assigned to `people[0]` */
  assignedToFirst: number;
  people: Member[];
}

const PEOPLE: Member[] = [
  { id: 'pamina', name: 'Amina Diallo', color: '#0e7490' },
  { id: 'pben', name: 'Ben Ortiz', color: '#6941c6' },
  { id: 'pchen', name: 'Chen Wei', color: '#b42318' },
  { id: 'pdana', name: 'Dana Novak', color: '#067647' },
  { id: 'pelif', name: 'Elif Kaya', color: '#b54708' },
  { id: 'pfarid', name: 'Farid Haddad', color: '#175cd3' },
  { id: 'pgrace', name: 'Grace Mensah', color: '#c11574' },
  { id: 'phugo', name: 'Hugo Lefèvre', color: '#8a6100' },
];

const SENTENCES = [
  'States should not conduct or knowingly support activity that damages critical infrastructure.',
  'Operators report significant incidents to the national authority within seventy-two hours.',
  'The working group notes broad agreement on responsible vulnerability disclosure.',
  'Several contributions ask for clearer language on supply-chain integrity.',
  'Civil society submissions stress human rights online, including privacy.',
];

/**
 * A long document of `threads` paragraphs and its threads document: one thread on a phrase of each
 * paragraph, `replies` replies spread unevenly (0 to 10 per thread), mentions, assignments and one
 * thread in four resolved — the shape of a busy drafting season. `me` stands in for the first person
 * and, when given, writes everything (the server accepts only comments, events and threads written as
 * the member of the connection that sends them); assignees and mentions still vary.
 */
export function seedThreads(text: Y.Doc, threadsDoc: Y.Doc, threads = 2000, replies = 10_000, me?: Member): SeededThreads {
  const people = me ? [me, ...PEOPLE.slice(1)] : PEOPLE;
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const fragment = text.getXmlFragment(TEXT_FIELD);
  text.transact(() => {
    const paragraphs = Array.from({ length: threads }, (_, i) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`${i + 1}. ${SENTENCES[i % SENTENCES.length]} ${SENTENCES[(i + 2) % SENTENCES.length]}`)]);
      return paragraph;
    });
    fragment.insert(fragment.length, paragraphs);
  });
  const index = indexFragmentText(fragment);
  // Replies per thread: uneven, summing to exactly `replies`.
  const weights = Array.from({ length: threads }, () => random() ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  const perThread = weights.map((w) => Math.floor((w / total) * replies));
  for (let left = replies - perThread.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i = (i + 7) % threads) perThread[i]! += 1;

  let open = 0;
  let resolvedCount = 0;
  let assignedToFirst = 0;
  let at = Date.UTC(2026, 0, 5);
  threadsDoc.transact(() => {
    let searchFrom = 0;
    for (let i = 0; i < threads; i++) {
      const paragraphStart = index.text.indexOf(`${i + 1}. `, searchFrom);
      searchFrom = paragraphStart + 1;
      const from = paragraphStart + `${i + 1}. `.length;
      const anchor = createTextAnchor(fragment, from, from + 24 + (i % 20), index);
      if (!anchor) throw new Error(`could not anchor thread ${i}`);
      const author = me ?? people[i % people.length]!;
      const id = `bench-${i}`;
      createThread(threadsDoc, { id, anchor, by: author, body: `Is this **wording** right? See https://example.org/n/${i}`, at: (at += 60_000) });
      for (let r = 0; r < perThread[i]!; r++) {
        const by = me ?? people[(i + r + 1) % people.length]!;
        const mention = r % 4 === 0 ? ` @[${people[(i + r + 2) % people.length]!.name}](${people[(i + r + 2) % people.length]!.id})` : '';
        reply(threadsDoc, id, by, `Reply ${r + 1}: we could say it *differently*.${mention}`, (at += 1000));
      }
      const assignee = i % 3 === 0 ? people[i % people.length]! : null;
      if (assignee) assignThread(threadsDoc, id, assignee, me ?? people[1]!, (at += 1000));
      if (i % 4 === 3) {
        setResolved(threadsDoc, id, true, me ?? people[2]!, (at += 1000));
        resolvedCount += 1;
      } else {
        open += 1;
        if (assignee?.id === people[0]!.id) assignedToFirst += 1;
      }
    }
  });
  return { threads, replies, open, resolved: resolvedCount, assignedToFirst, people };
}
