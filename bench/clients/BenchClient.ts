import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { TEXT_FIELD } from '../../shared/editorExtensions.ts';
import { ArrivalLog } from './ArrivalLog.ts';
import { connectProvider, type ProviderConnection } from './connectProvider.ts';
import type { ClientFingerprint, ClientSpec } from './workerProtocol.ts';

/** One simulated user in a worker: a Y.Doc, its provider and the log of what arrived when. */
export class BenchClient {
  readonly doc = new Y.Doc();
  readonly connection: ProviderConnection;
  readonly arrivals: ArrivalLog;
  /** The paragraph this client types into, once it has one. */
  ownText: Y.XmlText | undefined;

  constructor(readonly spec: ClientSpec) {
    this.arrivals = new ArrivalLog(this.doc);
    this.connection = connectProvider(spec.protocol, spec.url, spec.room, this.doc);
  }

  clock(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  fingerprint(): ClientFingerprint {
    const hash = createHash('sha1')
      .update(this.doc.getXmlFragment(TEXT_FIELD).toString())
      .update(Y.encodeStateVector(this.doc))
      .digest('hex');
    return { id: this.spec.id, room: this.spec.room, hash };
  }

  destroy(): void {
    this.connection.destroy();
    this.doc.destroy();
  }
}
