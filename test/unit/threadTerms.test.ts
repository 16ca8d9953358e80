import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createTextAnchor } from '../../shared/comments/textAnchor.ts';
import { threadTerms } from '../../shared/comments/threadTerms.ts';
import { createThread, readThreads, type Member } from '../../shared/comments/threadsDoc.ts';
import { HeadlessEditor } from '../helpers/HeadlessEditor.ts';

const amina: Member = { id: 'a', name: 'Amina Diallo', color: '#0e7490' };

describe('terms of a thread’s passage', () => {
  it('takes the terms of the tagged passages the thread overlaps, none for others or orphans', () => {
    const text = new HeadlessEditor();
    text.setParagraphs('States should protect the supply chain.', 'Operators report incidents.');
    text.annotate('p1', 'supply chain', ['norm-integrity', 'agr-2015'], { id: 'm-amina', name: 'Amina Diallo', color: '#0e7490' });
    const threads = new Y.Doc();
    const anchorOn = (quote: string) => {
      const from = text.offsetOf(quote);
      return createTextAnchor(text.fragment, from, from + quote.length)!;
    };
    createThread(threads, { id: 'overlaps', anchor: anchorOn('the supply'), by: amina, body: 'x', at: 1 });
    createThread(threads, { id: 'elsewhere', anchor: anchorOn('Operators report'), by: amina, body: 'x', at: 2 });
    createThread(threads, { id: 'orphan', anchor: { ...anchorOn('incidents'), quote: 'gone words', start: null, end: null }, by: amina, body: 'x', at: 3 });
    const terms = threadTerms('d1', text.doc, readThreads(threads));
    expect([...terms.get('overlaps')!].sort()).toEqual(['agr-2015', 'norm-integrity']);
    expect([...terms.get('elsewhere')!]).toEqual([]);
    expect([...terms.get('orphan')!]).toEqual([]);
  });
});
