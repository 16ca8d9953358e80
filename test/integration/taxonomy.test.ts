import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TAXONOMY_DOCUMENT_ID } from '../../shared/syncPath.ts';
import { readTaxonomy, upsertTerm } from '../../shared/taxonomy/taxonomyDoc.ts';
import { apiRequest } from '../helpers/apiRequest.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/connectClient.ts';
import { startTestServer, type TestServer } from '../helpers/startTestServer.ts';

let server: TestServer;
const clients: TestClient[] = [];
const address = (workspaceId: string) => ({ workspaceId, documentId: TAXONOMY_DOCUMENT_ID });

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('workspace taxonomy document', () => {
  it('is seeded once with the starter taxonomy and shared live between members', async () => {
    const a = connectClient(server, address('bpf-cybersecurity'));
    const b = connectClient(server, address('bpf-cybersecurity'));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const seeded = readTaxonomy(a.doc);
    expect(seeded.terms.get('ungge-2015-i')?.parentId).toBe('ungge-2015');
    const count = seeded.terms.size;

    upsertTerm(a.doc, { id: 'theme-capacity', kind: 'norm', label: 'Capacity building', description: 'A theme added by the group' });
    await waitFor(() => readTaxonomy(b.doc).terms.has('theme-capacity'), 'new term at the other member');

    a.destroy();
    b.destroy();
    clients.length = 0;
    await server.restart(); // a restart must not seed again
    const c = connectClient(server, address('bpf-cybersecurity'));
    clients.push(c);
    await c.synced;
    expect(readTaxonomy(c.doc).terms.size).toBe(count + 1);
  });

  it('gives a workspace created through the API its own starter taxonomy', async () => {
    const response = await apiRequest(server, `/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'bpf-2027', name: 'BPF 2027' }),
    });
    expect(response.status).toBe(201);
    const { session } = (await response.json()) as { session: string };
    const c = connectClient({ wsUrl: server.wsUrl, token: session }, address('bpf-2027'));
    clients.push(c);
    await c.synced;
    expect(readTaxonomy(c.doc).terms.has('gov')).toBe(true);
  });
});
