import type { JSONContent } from '@tiptap/core';

function text(value: string, marks?: JSONContent['marks']): JSONContent {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}
function paragraph(...content: JSONContent[]): JSONContent {
  return { type: 'paragraph', content };
}
function heading(level: number, value: string): JSONContent {
  return { type: 'heading', attrs: { level }, content: [text(value)] };
}
function bullets(...items: string[]): JSONContent {
  return {
    type: 'bulletList',
    content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] })),
  };
}
function cell(type: 'tableHeader' | 'tableCell', value: string): JSONContent {
  return { type, content: [paragraph(text(value))] };
}
function row(type: 'tableHeader' | 'tableCell', ...values: string[]): JSONContent {
  return { type: 'tableRow', content: values.map((value) => cell(type, value)) };
}

export const DEMO_DOCUMENT_TITLE = 'Welcome: a sample outcome-document chapter';

/** A short demo chapter, written for Normspace, seeded once on the server when a workspace is created. */
export const demoDocument: JSONContent = {
  type: 'doc',
  content: [
    heading(1, 'Mapping shared commitments across cyber norms initiatives'),
    paragraph(
      text('This is a practice draft. Everyone who opens it sees your edits as you type, with your name on your caret. '),
      text('Try it during your next call', [{ type: 'bold' }]),
      text(': write a sentence, select a phrase, or add a row to the table below.'),
    ),
    heading(2, 'Why compare initiatives'),
    paragraph(
      text('Since 2015 governments, companies and civil society have each published their own lists of responsible behaviour in cyberspace. '),
      text('Reading them side by side', [{ type: 'italic' }]),
      text(' shows which expectations are widely shared and which belong to a single initiative.'),
    ),
    bullets(
      'A commitment found in two or more agreements is treated as horizontal.',
      'A commitment found in only one agreement is treated as initiative-specific.',
      'Contributions are counted by stakeholder group so that gaps in participation are visible.',
    ),
    heading(2, 'A first comparison'),
    {
      type: 'table',
      content: [
        row('tableHeader', 'Commitment', 'Where it appears', 'Notes from the group'),
        row('tableCell', 'Protect the integrity of supply chains', 'UN GGE 2015, Paris Call, GCSC, Tech Accord, Charter of Trust', 'Widely shared'),
        row('tableCell', 'No hacking back by private actors', 'Paris Call', 'Only one initiative so far'),
        row('tableCell', 'Respect for human rights online', 'UN GGE 2015, Contract for the Web', 'Check newer texts'),
      ],
    },
    {
      type: 'blockquote',
      content: [
        paragraph(text('Question for the next meeting: should regional conventions be compared with the global initiatives, or kept in an annex?')),
      ],
    },
    paragraph(
      text('Background on the 2015 norms is in the '),
      text('UN GGE report A/70/174', [{ type: 'link', attrs: { href: 'https://undocs.org/A/70/174' } }]),
      text('.'),
    ),
  ],
};
