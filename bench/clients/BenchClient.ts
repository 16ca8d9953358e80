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
  private presenceTimer: NodeJS.Timeout | undefined;

  constructor(readonly spec: ClientSpec) {
    this.arrivals = new ArrivalLog(this.doc);
    this.connection = connectProvider(spec.protocol, spec.url, spec.room, this.doc);
    const awareness = this.connection.awareness;
    const user = () => awareness?.setLocalStateField('user', { name: `client ${spec.id}` });
    if (spec.presence === 'none') awareness?.setLocalState(null);
    else if (spec.presence === 'now') user();
    // like a person opening the editor at their own moment: renewals (every 15 s) spread out
    else this.presenceTimer = setTimeout(user, Math.random() * 15_000);
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
    clearTimeout(this.presenceTimer);
    this.connection.destroy();
    this.doc.destroy();
  }
}
