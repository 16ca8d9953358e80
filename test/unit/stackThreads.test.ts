import { describe, expect, it } from 'vitest';
import { stackThreads, visibleRange } from '../../client/comments/stackThreads.ts';

const item = (id: string, desired: number, height = 100) => ({ id, desired, height });

describe('thread cards beside their passages', () => {
  it('puts each card at its passage, pushing a card down only when the one before is in the way', () => {
    expect(stackThreads([item('a', 0), item('b', 300), item('c', 320)], null, 10)).toEqual([0, 300, 410]);
  });

  it('puts the active card exactly at its passage and pushes the ones above it up', () => {
    expect(stackThreads([item('a', 200), item('b', 250), item('c', 260)], 'c', 10)).toEqual([40, 150, 260]);
  });

  it('never pushes above the top: then the cards simply follow each other', () => {
    expect(stackThreads([item('a', 0), item('b', 10), item('c', 20)], 'c', 10)).toEqual([0, 110, 220]);
  });

  it('finds the cards in a window of the column', () => {
    const tops = [0, 110, 220, 900];
    const heights = [100, 100, 100, 100];
    expect(visibleRange(tops, heights, 150, 600)).toEqual([1, 3]);
    expect(visibleRange(tops, heights, 0, 50)).toEqual([0, 1]);
    expect(visibleRange(tops, heights, 1200, 1500)).toEqual([4, 4]);
  });
});
