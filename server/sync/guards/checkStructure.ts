import type * as Y from 'yjs';
import type { BatchView, IndexedUpdate, ItemPath } from './BatchView.ts';
import { refused, type Refusal } from './GuardVerdict.ts';
import type { GuardLimits } from './RoomGuard.ts';

/** A new item of an update and where it sits. */
export interface PlacedItem {
  item: Y.Item;
  path: ItemPath;
}

/**
 * The checks every room makes of a peer's update: it leaves nothing pending, introduces at most
 * `maxNewClientsPerUpdate` clients, writes no deeper than `maxNestingDepth` (and, when given, only
 * under the room's root types). On success, the update's new items with their paths (items Yjs would drop
 * are left out), for the room's own rules.
 */
export function checkStructure(
  view: BatchView,
  update: IndexedUpdate,
  limits: GuardLimits,
  /** The only root types peers may write; any when undefined. */
  roots?: readonly string[],
): { ok: true; items: PlacedItem[] } | Refusal {
  const pending = view.pendingReason(update);
  if (pending) return refused(`the change depends on others the server does not have (${pending})`);
  const newClients = view.newClients(update);
  if (newClients > limits.maxNewClientsPerUpdate) {
    return refused(`the change introduces ${newClients} clients (at most ${limits.maxNewClientsPerUpdate})`);
  }
  const items: PlacedItem[] = [];
  for (const item of view.newItems(update)) {
    const path = view.pathOf(item, update, limits.maxNestingDepth);
    if (path === 'too-deep') return refused(`content nested more than ${limits.maxNestingDepth} levels deep`);
    if (path === null) continue;
    if (roots && !roots.includes(path.root)) return refused(`writes to "${path.root.slice(0, 40)}", which this room does not have`);
    items.push({ item, path });
  }
  return { ok: true, items };
}
