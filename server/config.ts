import { z } from 'zod';
import { TrustProxySchema, type TrustProxy } from './http/clientAddress.ts';

/**
 * Every tunable of the server, with its environment variable, default and meaning.
 * The README's configuration table is generated from this list (`npm run config:docs`).
 */
export const configOptions = {
  port: { env: 'PORT', default: 3000, doc: 'TCP port of the web app, API and sync endpoint (0 picks a free one).', schema: z.coerce.number().int().min(0).max(65535) },
  host: { env: 'HOST', default: '127.0.0.1', doc: 'Interface to listen on; use 0.0.0.0 to accept other machines.', schema: z.string().min(1) },
  dataDir: { env: 'DATA_DIR', default: './data', doc: 'Directory of the embedded SQLite store (created if missing, never overwritten).', schema: z.string().min(1) },
  logLevel: { env: 'LOG_LEVEL', default: 'info', doc: 'pino log level: fatal, error, warn, info, debug, trace or silent.', schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) },
  defaultWorkspace: { env: 'DEFAULT_WORKSPACE', default: 'bpf-cybersecurity', doc: 'Id of the workspace created with a demo document on first start.', schema: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/) },
  maxPayloadBytes: { env: 'MAX_PAYLOAD_BYTES', default: 8 * 1024 * 1024, doc: 'Largest websocket message accepted; larger ones close that connection (close code 1009).', schema: z.coerce.number().int().min(1024) },
  maxDocumentBytes: { env: 'MAX_DOCUMENT_BYTES', default: 64 * 1024 * 1024, doc: 'Largest encoded size a document may grow to; updates beyond it are refused (4413).', schema: z.coerce.number().int().min(1024) },
  maxMessagesPerSecond: { env: 'MAX_MESSAGES_PER_SECOND', default: 200, doc: 'Per-connection message rate (token bucket, burst of 4× this); beyond it the connection closes (4429).', schema: z.coerce.number().int().min(1) },
  maxConnectionsPerMember: { env: 'MAX_CONNECTIONS_PER_MEMBER', default: 200, doc: 'Open sync connections one member may have at once (counted after their session is checked); more are refused (4429).', schema: z.coerce.number().int().min(1) },
  connectionsPerMinutePerMember: { env: 'CONNECTIONS_PER_MINUTE_PER_MEMBER', default: 600, doc: 'New sync connections per minute for one member (token bucket); more are refused (4429).', schema: z.coerce.number().int().min(1) },
  failedConnectionsPerMinutePerIp: { env: 'FAILED_CONNECTIONS_PER_MINUTE_PER_IP', default: 60, doc: 'Sync connections without a valid session allowed per minute from one client address; beyond it they are refused with 4429 instead of 4401. Never counts against a member whose session is valid.', schema: z.coerce.number().int().min(1) },
  maxUnreadBytes: { env: 'MAX_UNREAD_BYTES', default: 16 * 1024 * 1024, doc: 'Bytes the server may have sent to one connection that its client has not read yet, besides one copy of the document (a large document on a slow link is still being read); a client further behind is disconnected (4508) and nothing more is prepared for it.', schema: z.coerce.number().int().min(64 * 1024) },
  maxPresenceBytes: { env: 'MAX_PRESENCE_BYTES', default: 16 * 1024, doc: 'Largest presence (awareness) message a client may send; larger ones close the connection (4413).', schema: z.coerce.number().int().min(1024) },
  maxPresenceClientsPerConnection: { env: 'MAX_PRESENCE_CLIENTS_PER_CONNECTION', default: 4, doc: 'Presence entries (awareness client ids) one connection may introduce; others it sends are ignored.', schema: z.coerce.number().int().min(1) },
  maxNewClientsPerUpdate: { env: 'MAX_NEW_CLIENTS_PER_UPDATE', default: 64, doc: 'Yjs client ids one update may introduce to a document; more are refused (4422).', schema: z.coerce.number().int().min(1) },
  maxNestingDepth: { env: 'MAX_NESTING_DEPTH', default: 64, doc: 'Deepest nesting of elements (lists in quotes in tables…) an update may create in a document; deeper ones are refused (4422).', schema: z.coerce.number().int().min(8) },
  maxBodyBytes: { env: 'MAX_BODY_BYTES', default: 1024 * 1024, doc: 'Largest JSON API request body.', schema: z.coerce.number().int().min(1024) },
  compactAfterUpdates: { env: 'COMPACT_AFTER_UPDATES', default: 500, doc: 'Compact a document\'s update log into a snapshot after this many appended updates…', schema: z.coerce.number().int().min(1) },
  compactAfterBytes: { env: 'COMPACT_AFTER_BYTES', default: 4 * 1024 * 1024, doc: '…or after this many appended bytes, whichever comes first.', schema: z.coerce.number().int().min(1) },
  unloadGraceMs: { env: 'UNLOAD_GRACE_MS', default: 30_000, doc: 'How long a document stays in memory after its last client leaves.', schema: z.coerce.number().int().min(0) },
  dormantAfterMs: { env: 'DORMANT_AFTER_MS', default: 60_000, doc: 'A document nobody has changed for this long (clients still connected) frees its in-memory copy; it is read back from disk on the next change or new client.', schema: z.coerce.number().int().min(50) },
  ackIntervalMs: { env: 'ACK_INTERVAL_MS', default: 250, doc: 'How often (at most) the server tells a writer which of its changes are stored, via a sync step 1.', schema: z.coerce.number().int().min(0) },
  pingIntervalMs: { env: 'PING_INTERVAL_MS', default: 30_000, doc: 'Websocket ping interval; a connection that misses one pong is dropped.', schema: z.coerce.number().int().min(1000) },
  publicUrl: { env: 'PUBLIC_URL', default: '', doc: 'Address people open Normspace at, used in printed invite links (default: http://HOST:PORT).', schema: z.union([z.literal(''), z.url()]) },
  trustProxy: { env: 'TRUST_PROXY', default: false as TrustProxy, doc: 'Which reverse proxies may name the client in X-Forwarded-For (for per-address limits and logs): off; true (any); a hop count (the nearest n, whatever their address: only when nothing else can reach the server); or comma-separated addresses and CIDR ranges of the proxies, e.g. 127.0.0.1,10.0.0.0/8.', schema: TrustProxySchema },
  sessionTtlDays: { env: 'SESSION_TTL_DAYS', default: 90, doc: 'How long a browser stays signed in after joining with an invite link.', schema: z.coerce.number().int().min(1).max(3650) },
  ownerLinkTtlHours: { env: 'OWNER_LINK_TTL_HOURS', default: 72, doc: 'Validity of the owner link printed at start while the workspace has no owner.', schema: z.coerce.number().int().min(1) },
  inviteAttemptsPerMinute: { env: 'INVITE_ATTEMPTS_PER_MINUTE', default: 20, doc: 'Invite links one client address may inspect or redeem per minute (both count); beyond it the API answers 429 with Retry-After.', schema: z.coerce.number().int().min(1) },
  accessPollMs: { env: 'ACCESS_POLL_MS', default: 1000, doc: 'How often the server looks for member and invite changes made by the admin CLI.', schema: z.coerce.number().int().min(50) },
  staticDir: { env: 'STATIC_DIR', default: './dist/client', doc: 'Built web app to serve (from `npm run build`).', schema: z.string().min(1) },
  warmExports: { env: 'WARM_EXPORTS', default: 'on', doc: 'on: the export worker writes a small sample report as DOCX and PDF just after start (about 0.5 s of CPU, off the main thread) so the first real export does not pay for compiling the writers; off: the worker starts with the first export.', schema: z.enum(['on', 'off']) },
  maxImportBytes: { env: 'MAX_IMPORT_BYTES', default: 20 * 1024 * 1024, doc: 'Largest file accepted for import (DOCX, Markdown, HTML).', schema: z.coerce.number().int().min(1024) },
  maxImportMarkupCharacters: { env: 'MAX_IMPORT_MARKUP_CHARACTERS', default: 3_000_000, doc: 'Longest HTML or Markdown an import parses, in characters: the file itself, and the HTML a Word or Markdown file converts to (parsing takes about 2.5 s and 500 MB per million characters of HTML).', schema: z.coerce.number().int().min(1000) },
  maxImportUnzippedBytes: { env: 'MAX_IMPORT_UNZIPPED_BYTES', default: 32 * 1024 * 1024, doc: 'Most bytes the XML parts of a Word file may unpack to, as declared in the zip and as actually inflated (inflating stops there); images and other binary parts are never unpacked.', schema: z.coerce.number().int().min(1024) },
  maxImportZipEntries: { env: 'MAX_IMPORT_ZIP_ENTRIES', default: 1000, doc: 'Most files a Word (.docx) zip may hold.', schema: z.coerce.number().int().min(10) },
  maxImportCompressionRatio: { env: 'MAX_IMPORT_COMPRESSION_RATIO', default: 100, doc: 'Highest compression ratio of a Word file\'s XML part that unpacks to more than 1 MiB (Word writes about 5–30:1; zip bombs 1,000:1).', schema: z.coerce.number().min(2) },
  maxImportNesting: { env: 'MAX_IMPORT_NESTING', default: 64, doc: 'Deepest nesting an import accepts: elements in HTML, quotes and lists in Markdown, blocks in the document made; deeper files are refused (422).', schema: z.coerce.number().int().min(8).max(1000) },
  maxImportMarkdownDelimiters: { env: 'MAX_IMPORT_MARKDOWN_DELIMITERS', default: 500, doc: 'Asterisks and underscores one Markdown paragraph may hold before they all become literal characters, without emphasis (marked matches emphasis in time that grows with their square).', schema: z.coerce.number().int().min(10) },
  importTimeoutMs: { env: 'IMPORT_TIMEOUT_MS', default: 30_000, doc: 'Longest an import may spend converting its file in the import worker thread; past it the worker is stopped and replaced, and the import is refused (422).', schema: z.coerce.number().int().min(100) },
  importWorkerHeapMb: { env: 'IMPORT_WORKER_HEAP_MB', default: 2048, doc: 'Heap limit of the import worker thread (V8 old generation, MB); an import that needs more stops the worker (replaced for the next one) and is refused (422).', schema: z.coerce.number().int().min(64) },
} as const;

type Options = typeof configOptions;
export type Config = { -readonly [K in keyof Options]: z.infer<Options[K]['schema']> };

export const defaultConfig: Config = Object.fromEntries(
  Object.entries(configOptions).map(([key, option]) => [key, option.default]),
) as Config;

/** Reads the configuration from environment variables; throws one error listing every bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, option] of Object.entries(configOptions)) {
    const raw = env[option.env];
    if (raw === undefined || raw === '') {
      config[key] = option.default;
      continue;
    }
    const parsed = (option.schema as z.ZodType).safeParse(raw);
    if (parsed.success) config[key] = parsed.data;
    else problems.push(`${option.env}=${JSON.stringify(raw)}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return { ...(config as Config), ...overrides };
}
