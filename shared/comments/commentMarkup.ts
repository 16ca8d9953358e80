/**
 * The small, safe markup of comment text: **bold**, *italic* or _italic_, [label](https://…),
 * bare http(s) links, @mentions (`@[Name](person-id)`, or `@[Name]` from before ids) and line breaks. Comments are parsed into these tokens and
 * rendered as elements or escaped text — never as HTML — so nothing a comment contains can run
 * script or inject markup anywhere it is shown.
 */
export type CommentToken =
  | { type: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { type: 'link'; text: string; href: string; bold?: boolean; italic?: boolean }
  | { type: 'mention'; name: string; id?: string }
  | { type: 'break' };

const URL_PATTERN = /^https?:\/\/[^\s<>"'`]+$/i;

/** Only http(s) URLs become links; anything else (javascript:, data:, …) stays text. */
export function safeHref(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!URL_PATTERN.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const INLINE = /\*\*([^*\n]+)\*\*|\*([^*\n]+)\*|_([^_\n]+)_|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"'`)\]]+)|@\[([^\]\n]{1,80})\](?:\(([A-Za-z0-9_-]{1,64})\))?/g;

function parseLine(line: string, tokens: CommentToken[], style: { bold?: boolean; italic?: boolean } = {}): void {
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) tokens.push({ type: 'text', text: line.slice(last, index), ...style });
    const [whole, bold, italicStar, italicUnderscore, label, href, bare, mention, mentionId] = match;
    if (bold !== undefined) parseLine(bold, tokens, { ...style, bold: true });
    else if (italicStar !== undefined || italicUnderscore !== undefined) {
      parseLine((italicStar ?? italicUnderscore)!, tokens, { ...style, italic: true });
    } else if (label !== undefined && href !== undefined) {
      const safe = safeHref(href);
      tokens.push(safe ? { type: 'link', text: label, href: safe, ...style } : { type: 'text', text: whole, ...style });
    } else if (bare !== undefined) {
      const safe = safeHref(bare);
      tokens.push(safe ? { type: 'link', text: bare, href: safe, ...style } : { type: 'text', text: bare, ...style });
    } else if (mention !== undefined) {
      tokens.push(mentionId ? { type: 'mention', name: mention, id: mentionId } : { type: 'mention', name: mention });
    }
    last = index + whole.length;
  }
  if (last < line.length) tokens.push({ type: 'text', text: line.slice(last), ...style });
}

export function parseCommentMarkup(body: string): CommentToken[] {
  const tokens: CommentToken[] = [];
  body.split(/\r?\n/).forEach((line, index) => {
    if (index > 0) tokens.push({ type: 'break' });
    parseLine(line, tokens);
  });
  return tokens;
}

/** Names mentioned as `@[Name]` in a comment body. */
export function mentionsIn(body: string): string[] {
  return [...new Set(parseCommentMarkup(body).flatMap((token) => (token.type === 'mention' ? [token.name] : [])))];
}

/**
 * Whether a comment mentions this person: by their stable id (a renamed person is still found, and
 * two people with one name are told apart); a mention written without an id matches by name.
 */
export function mentionsPerson(body: string, person: { id: string; name: string }): boolean {
  return parseCommentMarkup(body).some(
    (token) => token.type === 'mention' && (token.id !== undefined ? token.id === person.id : token.name === person.name),
  );
}

const MENTION_WITH_ID = /@\[([^\]\n]{1,80})\]\(([A-Za-z0-9_-]{1,64})\)/g;
const MENTION_WITHOUT_ID = /@\[([^\]\n]{1,80})\](?!\()/g;

/** A body as the comment box shows it (`@[Name]`), with the ids it carried, by name. */
export function hideMentionIds(body: string): { text: string; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const text = body.replace(MENTION_WITH_ID, (_whole, name: string, id: string) => {
    ids.set(name, id);
    return `@[${name}]`;
  });
  return { text, ids };
}

/** The box's text as stored: every `@[Name]` whose person is known gets their id. */
export function addMentionIds(text: string, ids: ReadonlyMap<string, string>): string {
  return text.replace(MENTION_WITHOUT_ID, (whole, name: string) => {
    const id = ids.get(name);
    return id ? `@[${name}](${id})` : whole;
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Safe HTML for exports: every character of user text is escaped; only our own tags are emitted. */
export function commentToHtml(body: string): string {
  return parseCommentMarkup(body)
    .map((token) => {
      if (token.type === 'break') return '<br>';
      if (token.type === 'mention') return `<span class="mention">@${escapeHtml(token.name)}</span>`;
      let html = escapeHtml(token.text);
      if (token.type === 'link') html = `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${html}</a>`;
      if (token.italic) html = `<em>${html}</em>`;
      if (token.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

/** Plain text of a comment (for search, notifications and exports that take no markup). */
export function commentToPlainText(body: string): string {
  return parseCommentMarkup(body)
    .map((token) => (token.type === 'break' ? '\n' : token.type === 'mention' ? `@${token.name}` : token.text))
    .join('');
}
