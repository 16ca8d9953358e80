import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type Struct = DecodedUpdate['structs'][number];

/** Where an item sits: a root type of the document, or inside the type an item holds. */
export type Parent = { root: string } | { item: Y.Item };

/**
 * The path of an item from its root type: the root's name, then for each level the item holding the
 * type below and the key it sits under in a map (null in an array or text). `items[i]` is the item
 * at `keys[i]`; the last one is the item itself.
 */
export interface ItemPath {
  root: string;
  keys: (string | null)[];
  items: Y.Item[];
}

/** A decoded update with its structs indexed by client, for lookups by id. */
class IndexedUpdate {
  readonly byClient = new Map<number, Struct[]>();
  /** First clock after the structs of each client. */
  readonly end = new Map<number, number>();

  constructor(readonly decoded: DecodedUpdate) {
    for (const struct of decoded.structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
      this.end.set(struct.id.client, struct.id.clock + struct.length);
    }
  }

  find(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return undefined;
  }
}

/**
 * A read-only view of "the stored document plus the updates accepted before this one in the same
 * batch", used to check a peer's update before anything of it is stored or applied. It answers,
 * without applying the update: which of its items are new, where each sits (path from its root
 * type, resolved through the document, the earlier updates and the update itself, as Yjs would
 * when integrating), which live items its delete set removes, and whether it would leave anything
 * pending (items or deletions whose dependencies nobody has: Yjs would keep those in memory and
 * retry them on every later update).
 */
export class BatchView {
  private readonly earlier: IndexedUpdate[] = [];
  /** Paths found so far (the document's items keep theirs for the whole batch). */
  private readonly paths = new WeakMap<Y.Item, ItemPath | null>();

  constructor(readonly doc: Y.Doc) {}

  /** Adds an update that passed its checks, so the next ones are checked against it too. */
  accept(update: IndexedUpdate): void {
    this.earlier.push(update);
  }

  /** Indexes an update to inspect (pass the result to the other methods, then to `accept`). */
  index(decoded: DecodedUpdate): IndexedUpdate {
    return new IndexedUpdate(decoded);
  }

  /** First clock of `client` that neither the document nor an earlier update of the batch has. */
  knownState(client: number): number {
    let state = Y.getState(this.doc.store, client);
    for (const update of this.earlier) state = Math.max(state, update.end.get(client) ?? 0);
    return state;
  }

  /** Clients that the update writes and that are new to the document (and to the batch). */
  newClients(update: IndexedUpdate): number {
    let count = 0;
    for (const client of update.byClient.keys()) if (this.knownState(client) === 0) count += 1;
    return count;
  }

  /**
   * Why the update would leave something pending, or undefined when everything it needs is known:
   * its first struct of each client must follow what is known of that client, every id it refers
   * to (origins, parents) must be known or in the update, and every deleted range must be known.
   */
  pendingReason(update: IndexedUpdate): string | undefined {
    // how far each client's structs reach without a gap (a Skip struct, from merged updates, is one)
    const reach = new Map<number, number>();
    for (const [client, structs] of update.byClient) {
      let frontier = this.knownState(client);
      for (const struct of structs) {
        if (struct instanceof Y.Skip) continue;
        if (struct.id.clock > frontier) return `has client ${client}'s changes from clock ${struct.id.clock}, after a gap (known up to ${frontier})`;
        frontier = Math.max(frontier, struct.id.clock + struct.length);
      }
      reach.set(client, frontier);
    }
    const state = (client: number) => reach.get(client) ?? this.knownState(client);
    for (const struct of update.decoded.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const parent = struct.parent as unknown;
      for (const id of [struct.origin, struct.rightOrigin, parent instanceof Y.ID ? parent : null]) {
        if (id && id.clock >= state(id.client)) return `refers to ${id.client}:${id.clock}, which is unknown`;
      }
    }
    for (const [client, ranges] of update.decoded.ds.clients) {
      for (const { clock, len } of ranges) {
        if (clock + len > state(client)) return `deletes ${client}:${clock}+${len}, which is unknown`;
      }
    }
    return undefined;
  }

  /** Items of the update that the document and the batch do not have yet (the parts they write). */
  *newItems(update: IndexedUpdate): Generator<Y.Item> {
    for (const struct of update.decoded.structs) {
      if (!(struct instanceof Y.Item)) continue; // GC and Skip structs hold no content
      if (struct.id.clock + struct.length <= this.knownState(struct.id.client)) continue;
      yield struct;
    }
  }

  /**
   * The struct with this id as Yjs will use it: the stored document's when it has that clock (a
   * client may re-send stored content claiming another place for it; Yjs ignores such a copy and
   * keeps the stored one, so must the checks), else an earlier update's of the batch, else the
   * update's own.
   */
  private find(id: Y.ID, update: IndexedUpdate): Struct | undefined {
    if (id.clock < Y.getState(this.doc.store, id.client)) return Y.getItem(this.doc.store, id);
    for (let index = this.earlier.length - 1; index >= 0; index--) {
      const found = this.earlier[index]!.find(id);
      if (found) return found;
    }
    return update.find(id);
  }

  /**
   * Where an item sits, as Yjs decides when integrating it: an explicit parent (a root name or the
   * id of the item holding the type), else the parent and key of the item it was inserted next to.
   * Undefined when Yjs would drop the item's content (its neighbour is garbage-collected).
   */
  parentOf(item: Y.Item, update: IndexedUpdate): { parent: Parent; key: string | null } | undefined {
    const parent = item.parent as unknown;
    if (parent instanceof Y.AbstractType) {
      // an item of the document: already integrated
      const holder = parent._item;
      if (holder) return { parent: { item: holder }, key: item.parentSub };
      const root = Y.findRootTypeKey(parent);
      return { parent: { root }, key: item.parentSub };
    }
    if (typeof parent === 'string') return { parent: { root: parent }, key: item.parentSub };
    if (parent instanceof Y.ID) {
      const holder = this.find(parent, update);
      return holder instanceof Y.Item ? { parent: { item: holder }, key: item.parentSub } : undefined;
    }
    const neighbourId = item.origin ?? item.rightOrigin;
    const neighbour = neighbourId ? this.find(neighbourId, update) : undefined;
    if (!(neighbour instanceof Y.Item)) return undefined;
    return this.parentOf(neighbour, update);
  }

  /**
   * The item's path from its root type; null when Yjs would drop it (see `parentOf`), 'too-deep'
   * when it sits more than `maxDepth` levels below its root (checked without walking further).
   */
  pathOf(item: Y.Item, update: IndexedUpdate, maxDepth = Infinity): ItemPath | null | 'too-deep' {
    const chain: { item: Y.Item; key: string | null }[] = [];
    let current: Y.Item = item;
    let base: ItemPath | null | undefined;
    for (;;) {
      const cached = this.paths.get(current);
      if (cached !== undefined) {
        base = cached;
        break;
      }
      const location = this.parentOf(current, update);
      if (!location) {
        base = null;
        break;
      }
      chain.push({ item: current, key: location.key });
      if (chain.length > maxDepth) return 'too-deep';
      if ('root' in location.parent) {
        base = { root: location.parent.root, keys: [], items: [] };
        break;
      }
      current = location.parent.item;
    }
    if (base === null) {
      for (const { item: link } of chain) this.paths.set(link, null);
      return null;
    }
    let path = base;
    for (let index = chain.length - 1; index >= 0; index--) {
      const { item: link, key } = chain[index]!;
      path = { root: path.root, keys: [...path.keys, key], items: [...path.items, link] };
      if (path.keys.length > maxDepth) return 'too-deep';
      this.paths.set(link, path);
    }
    return path.keys.length > maxDepth ? 'too-deep' : path;
  }

  /** Whether the item is written by the update itself (not stored, not earlier in the batch). */
  isIn(item: Y.Item, update: IndexedUpdate): boolean {
    return update.find(item.id) === item && this.find(item.id, update) === item;
  }
}

export type { IndexedUpdate };

/**
 * The value a map entry holds, as every reader of the map sees it: the last of its content (a
 * crafted entry may hold several; Yjs reads the last), or undefined when it holds no plain value.
 */
export function mapValue(item: Y.Item): unknown {
  const content = item.content;
  if (content instanceof Y.ContentAny) return content.arr[content.arr.length - 1];
  return undefined;
}
