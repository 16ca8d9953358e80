import { describe, expect, it } from 'vitest';
import { commentToHtml, mentionsIn, parseCommentMarkup, safeHref } from '../../shared/comments/commentMarkup.ts';

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
