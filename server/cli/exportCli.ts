import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ExportRequestSchema } from '../../shared/export/ExportRequest.ts';
import { EXPORT_FORMATS } from '../../shared/export/exportFormats.ts';
import { SERVER_OPTIONS, cliRequest, runCli } from './cliRequest.ts';

const USAGE = `Export documents from a running Normspace server.

  npm run export -- --workspace W --doc D [--doc D2 …] --format F [--out FILE] [options]

  --format        ${EXPORT_FORMATS.join(', ')}
  --doc, -d       a document id; repeat for chapters, in order
  --out, -o       file to write (default: the server's file name, in the current directory)
  --title         report title
  --title-page, --toc, --comments    include a title page, a table of contents, open comment threads
  --tags          none | footnotes | annex
  --annex         norm-classes | matrix | coverage | passages-by-norm (repeatable)
  --page-size     a4 | letter
  --tagged        PDF tagged for screen readers (slower)
  --server        server URL (default $NORMSPACE_URL or http://127.0.0.1:3000); --token or $NORMSPACE_TOKEN`;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      ...SERVER_OPTIONS,
      doc: { type: 'string', short: 'd', multiple: true, default: [] },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      title: { type: 'string' },
      'title-page': { type: 'boolean', default: false },
      toc: { type: 'boolean', default: false },
      comments: { type: 'boolean', default: false },
      tags: { type: 'string' },
      annex: { type: 'string', multiple: true, default: [] },
      'page-size': { type: 'string' },
      tagged: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.workspace || !values.format) {
    console.log(USAGE);
    if (!values.help) process.exit(2);
    return;
  }
  const request = ExportRequestSchema.safeParse({
    format: values.format,
    documents: values.doc,
    title: values.title,
    titlePage: values['title-page'],
    tableOfContents: values.toc,
    comments: values.comments,
    tags: values.tags,
    annexes: values.annex,
    pageSize: values['page-size'],
    taggedPdf: values.tagged,
  });
  if (!request.success) throw new Error(request.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; '));
  const started = performance.now();
  const response = await cliRequest(values.server, values.token, `/api/workspaces/${encodeURIComponent(values.workspace)}/exports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request.data),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const out = values.out ?? /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `export.${values.format}`;
  fs.writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.byteLength} bytes, ${Math.round(performance.now() - started)} ms)`);
});
