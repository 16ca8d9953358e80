import type { ClientProtocol } from '../servers/ServerUnderTest.ts';
import type { AgentScript } from '../traces/replayConcurrentInMemory.ts';
import type { TraceRef } from '../traces/Trace.ts';

/** One client a worker opens: its id (unique in the run), the server's URL and the room. */
export interface ClientSpec {
  id: number;
  protocol: ClientProtocol;
  url: string;
  room: string;
  /**
   * Presence (awareness) as an editor shares it: `spread` (default) sets the user at a random moment
   * of the first 15 s, so that renewals (every 15 s) do not all fall together; `now` sets it at once;
   * `none` for an audience that only watches.
   */
  presence?: 'spread' | 'now' | 'none';
}

/** A writer's Yjs clock in a room (how far a reader must have got to hold all of its edits). */
export interface RoomClock {
  room: string;
  client: number;
  clock: number;
}

/** The edits one writer made: edit i inserted one character at clock `clocks[i]` at time `times[i]`. */
export interface SendLog extends RoomClock {
  clocks: number[];
  times: number[];
}

export interface ClientFingerprint {
  id: number;
  room: string;
  /** sha1 of the document content and state vector: equal fingerprints = converged. */
  hash: string;
}

/** Every call a worker answers: its request fields and its reply. */
export interface WorkerCalls {
  /** Opens clients (a few at a time) and waits for their first sync. */
  connect: {
    request: { clients: ClientSpec[]; concurrency: number; timeoutMs: number };
    reply: { connectMs: number[]; failed: number };
  };
  /** Each client appends its own paragraph (writers type into it). */
  addParagraphs: { request: { ids: number[] }; reply: { clocks: RoomClock[] } };
  /** Each client appends paragraphs of text, one transaction each; replies with encoded sizes. */
  writeContent: { request: { ids: number[]; paragraphs: string[] }; reply: { encodedBytes: number[]; clocks: RoomClock[] } };
  /** Writers type one character into their paragraph `editsPerSecond` times a second. */
  typeAtRate: {
    request: { ids: number[]; startAt: number; durationMs: number; editsPerSecond: number };
    reply: { sends: SendLog[] };
  };
  /** Waits until every client here holds the targets of its room. */
  waitForClocks: {
    request: { targets: RoomClock[]; timeoutMs: number; ids?: number[] };
    reply: { reached: number; total: number; missingClocks: number };
  };
  /** Latency of every send to every other client of its room held here. */
  collectLatencies: {
    /** Edits sent before `measureFrom` (warm-up) count for losses but not in the latencies. */
    request: { sends: SendLog[]; measureFrom: number };
    reply: { latencies: Float64Array; lastArrivals: Float64Array[]; missing: number; fingerprints: ClientFingerprint[] };
  };
  disconnect: { request: { ids?: number[] }; reply: { closed: number } };
  /** Starts watching a client's first paragraph for the trace's end content. */
  watchText: { request: { id: number; trace: TraceRef; timeoutMs: number }; reply: { watching: true } };
  /** Resolves when the watch started by `watchText` completes (or times out). */
  watchResult: { request: { id: number }; reply: { complete: boolean; doneAt: number; receivedAt: number; textLength: number } };
  /** Types a sequential trace into a new paragraph, each transaction its own update. */
  replaySequential: {
    request: { id: number; trace: TraceRef; chunk: number };
    reply: { startedAt: number; typedAt: number; client: number; finalClock: number };
  };
  /** Sends one agent's updates of a concurrent trace, each once its dependencies have arrived. */
  replayAgent: {
    request: { id: number; script: AgentScript; otherClientId: number; startAt: number; timeoutMs: number };
    reply: { startedAt: number; sentAt: number; blocked: number; complete: boolean };
  };
  /** Opens a document and times its arrival: until the data was received, and until it was applied. */
  coldLoad: {
    request: { client: ClientSpec; trace: TraceRef; timeoutMs: number };
    reply: { complete: boolean; receivedMs: number; appliedMs: number; textLength: number };
  };
}

export type WorkerCallName = keyof WorkerCalls;
export type WorkerRequest<K extends WorkerCallName = WorkerCallName> = K extends WorkerCallName
  ? { kind: K } & WorkerCalls[K]['request']
  : never;
export type WorkerReply<K extends WorkerCallName> = WorkerCalls[K]['reply'];

export type ToWorker = { id: number; request: WorkerRequest } | { id: 0; exit: true };
export type FromWorker = { ready: true } | { id: number; ok: true; reply: unknown } | { id: number; ok: false; error: string };
