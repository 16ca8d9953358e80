import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDocument, patchDocument, readDocument, readDocuments } from '../../shared/workspaceIndex.ts';

const base = { kind: 'contribution' as const, createdAt: 1, updatedAt: 1, archived: false };

describe('workspace index', () => {
  it('lists documents most recently updated first', () => {
    const index = new Y.Doc();
    addDocument(index, { ...base, id: 'a', title: 'Older', updatedAt: 10 });
    addDocument(index, { ...base, id: 'b', title: 'Newer', updatedAt: 20 });
    expect(readDocuments(index).map((doc) => doc.title)).toEqual(['Newer', 'Older']);
  });

  it('keeps both of two concurrent changes to different fields', () => {
    const a = new Y.Doc();
    addDocument(a, { ...base, id: 'd', title: 'Draft' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    patchDocument(a, 'd', { title: 'Outcome document 2026' });
    patchDocument(b, 'd', { archived: true });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(readDocument(doc, 'd')).toMatchObject({ title: 'Outcome document 2026', archived: true });
    }
  });

  it('reports a missing document instead of creating it', () => {
    const index = new Y.Doc();
    expect(patchDocument(index, 'missing', { title: 'x' })).toBe(false);
    expect(readDocuments(index)).toEqual([]);
  });
});
