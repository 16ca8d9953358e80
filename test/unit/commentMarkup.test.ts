import { describe, expect, it } from 'vitest';
import { addMentionIds, commentToHtml, hideMentionIds, mentionsIn, mentionsPerson, parseCommentMarkup, safeHref } from '../../shared/comments/commentMarkup.ts';

describe('comment markup', () => {
  it('parses bold, italics, links, mentions and line breaks', () => {
    expect(parseCommentMarkup('See **this** and *that*\n[the report](https://example.org/r) @[Ana Costa]')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'text', text: 'this', bold: true },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'that', italic: true },
      { type: 'break' },
      { type: 'link', text: 'the report', href: 'https://example.org/r' },
      { type: 'text', text: ' ' },
      { type: 'mention', name: 'Ana Costa' },
    ]);
    expect(mentionsIn('@[Ana] and @[Ben] and @[Ana]')).toEqual(['Ana', 'Ben']);
  });

  it('carries the mentioned person\'s id, shows only the name in the box, and matches by id', () => {
    expect(parseCommentMarkup('@[Ben Ortiz](p123) see [x](https://a.example)')).toEqual([
      { type: 'mention', name: 'Ben Ortiz', id: 'p123' },
      { type: 'text', text: ' see ' },
      { type: 'link', text: 'x', href: 'https://a.example/' },
    ]);
    const stored = addMentionIds('To @[Ben Ortiz] and @[Nobody Known]', new Map([['Ben Ortiz', 'p123']]));
    expect(stored).toBe('To @[Ben Ortiz](p123) and @[Nobody Known]');
    expect(hideMentionIds(stored)).toEqual({ text: 'To @[Ben Ortiz] and @[Nobody Known]', ids: new Map([['Ben Ortiz', 'p123']]) });
    expect(mentionsPerson(stored, { id: 'p123', name: 'Ben O.' })).toBe(true);
    expect(mentionsPerson(stored, { id: 'p999', name: 'Ben Ortiz' })).toBe(false);
    expect(mentionsPerson(stored, { id: 'p5', name: 'Nobody Known' })).toBe(true);
  });

  it('never makes a link of anything but http(s)', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeHref('https://ok.example/path?q=1')).toBe('https://ok.example/path?q=1');
    const tokens = parseCommentMarkup('[click](javascript:alert(1))');
    expect(tokens.every((token) => token.type !== 'link')).toBe(true);
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "[x](https://a.example/\" onmouseover=\"alert(1))",
    '**<iframe src=javascript:alert(1)>**',
    '@[<b onclick=alert(1)>]',
  ])('keeps %s inert in HTML output', (payload) => {
    const html = commentToHtml(payload);
    // Only our own tags may remain; every other "<" or ">" must have been escaped.
    const ownTagsRemoved = html.replace(/<a href="https?:\/\/[^"<>]*" rel="noopener noreferrer">|<\/a>|<\/?(strong|em)>|<br>|<span class="mention">|<\/span>/g, '');
    expect(ownTagsRemoved).not.toMatch(/[<>]/);
    expect(html).not.toMatch(/href="(?!https?:)/i);
  });
});
