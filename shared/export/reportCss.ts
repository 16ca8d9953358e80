import type { PageSize } from './ExportRequest.ts';

/** The stylesheet of HTML and PDF reports: a readable page on screen, a publishable one in print. */
export function reportCss(pageSize: PageSize): string {
  return `
@page { size: ${pageSize === 'letter' ? 'letter' : 'A4'}; margin: 22mm 20mm 24mm; }
:root { color-scheme: light; }
body { font-family: "Liberation Serif", "Times New Roman", Georgia, serif; font-size: 11.5pt; line-height: 1.5; color: #1a1a1a; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1, h2, h3, h4, h5, h6 { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; line-height: 1.25; color: #12305a; break-after: avoid; }
h1 { font-size: 1.7em; margin: 1.4em 0 0.5em; }
h2 { font-size: 1.35em; margin: 1.3em 0 0.4em; }
h3 { font-size: 1.12em; margin: 1.2em 0 0.3em; }
p { margin: 0 0 0.7em; orphans: 3; widows: 3; }
a { color: #1d4f91; }
blockquote { margin: 0.8em 0; padding: 0.2em 1em; border-left: 3px solid #9aa9bf; color: #333; font-style: italic; }
pre { background: #f4f5f7; padding: 0.7em 1em; overflow-x: auto; font-size: 0.9em; white-space: pre-wrap; }
code { font-family: "Liberation Mono", Consolas, monospace; font-size: 0.92em; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.2em; font-size: 0.92em; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 1px solid #b8c0cc; padding: 0.35em 0.55em; vertical-align: top; text-align: left; }
th { background: #e8edf4; font-family: "Liberation Sans", Arial, sans-serif; }
td p, th p { margin: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
hr { border: 0; border-top: 1px solid #b8c0cc; margin: 1.5em 0; }
mark.tag { background: #fff3c4; color: inherit; padding: 0 0.05em; }
sup.note-ref, sup.comment-ref { font-size: 0.7em; line-height: 0; }
sup.note-ref a, sup.comment-ref a { text-decoration: none; }
sup.comment-ref a { color: #8a4b00; }
.title-page { min-height: 80vh; display: flex; flex-direction: column; justify-content: center; border-bottom: 1px solid #b8c0cc; margin-bottom: 2em; break-after: page; }
.title-page h1 { font-size: 2.4em; margin: 0 0 0.4em; }
.title-page .subtitle { font-size: 1.25em; color: #3b4a5e; margin: 0 0 2em; }
.title-page .meta { color: #555; }
.title-page ol { color: #333; }
nav.toc { break-after: page; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc li.level-2 { padding-left: 1.5em; }
nav.toc li.level-3 { padding-left: 3em; }
nav.toc a { text-decoration: none; color: inherit; }
section.chapter + section.chapter { break-before: page; }
section.notes, section.comments { font-size: 0.92em; border-top: 1px solid #b8c0cc; margin-top: 2em; }
section.notes ol, section.comments ol { padding-left: 1.8em; }
.comment-thread blockquote { font-size: 0.95em; }
.comment { margin: 0.2em 0 0.4em; }
.comment .who { font-weight: bold; }
.comment .when { color: #555; font-size: 0.9em; }
.comment.reply { margin-left: 1.2em; }
section.annex { break-before: page; }
section.annex table { font-size: 0.85em; }
.matrix th:not(:first-child) { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; vertical-align: bottom; max-height: 12em; }
@media print { body { max-width: none; margin: 0; padding: 0; } a { color: inherit; } mark.tag { background: #fff3c4; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
}
