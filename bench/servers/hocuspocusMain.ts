/**
 * Hocuspocus 3 as the bench runs it: its stock Server with the SQLite extension on a database file
 * in DATA_DIR (the extension's default, `:memory:`, would keep nothing). Default debounce settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const dataDir = process.env.DATA_DIR ?? './hocuspocus-data';
fs.mkdirSync(dataDir, { recursive: true });

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: path.join(dataDir, 'hocuspocus.sqlite') })],
});
await server.listen();
console.log(`running at ws://127.0.0.1:${port}`);
