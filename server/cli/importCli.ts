import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportQuerySchema, type ImportResponse } from '../../shared/import/ImportRequest.ts';
import { SERVER_OPTIONS, cliRequest, runCli } from './cliRequest.ts';

const USAGE = `Import a DOCX, Markdown or HTML file as a new document of a running Normspace server.

  npm run import -- --workspace W --file FILE [--kind contribution] [--title T]

  --kind          outcome-document, background-paper, session-report, contribution (default), meeting-notes
  --server        server URL (default $NORMSPACE_URL or http://127.0.0.1:3000); --token or $NORMSPACE_TOKEN`;

runCli(async () => {
  const { values } = parseArgs({ options: { ...SERVER_OPTIONS, file: { type: 'string' }, kind: { type: 'string' }, title: { type: 'string' } } });
  if (values.help || !values.workspace || !values.file) {
    console.log(USAGE);
    if (!values.help) process.exit(2);
    return;
  }
  const query = ImportQuerySchema.safeParse({ kind: values.kind, title: values.title, fileName: path.basename(values.file) });
  if (!query.success) throw new Error(query.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const params = new URLSearchParams(Object.entries(query.data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const response = await cliRequest(values.server, values.token, `/api/workspaces/${encodeURIComponent(values.workspace)}/imports?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: fs.readFileSync(values.file),
  });
  const result = (await response.json()) as ImportResponse;
  console.log(`created “${result.document.title}” (${result.document.kind}): ${new URL(`/w/${values.workspace}/d/${result.document.id}`, values.server)}`);
  for (const warning of result.warnings) console.log(`note: ${warning}`);
});
