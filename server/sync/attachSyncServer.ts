import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCodes } from '../../shared/closeCodes.ts';
import { SYNC_PATH_PREFIX, parseSyncPath, type RoomAddress } from '../../shared/syncPath.ts';
import type { AccessService } from '../access/AccessService.ts';
import { authorizeConnection } from '../auth/authorizeConnection.ts';
import type { Config } from '../config.ts';
import { clientAddress } from '../http/clientAddress.ts';
import type { Logger } from '../logger.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import { Connection } from './Connection.ts';
import { ConnectionLimiter } from './ConnectionLimiter.ts';
import type { RoomRegistry } from './RoomRegistry.ts';

export interface SyncServer {
  readonly connectionCount: number;
  /** Closes every connection (clients reconnect to the next server) and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * The sync endpoint: `GET /sync/<workspace>/<document>` upgraded to a websocket. The connection is
 * authorised before the upgrade completes; refusals are reported with a named close code so the
 * stock provider stops retrying and the UI can say why.
 */
export function attachSyncServer(
  server: Server,
  deps: { rooms: RoomRegistry; workspaces: WorkspaceService; access: AccessService; config: Config; log: Logger },
): SyncServer {
  const { rooms, workspaces, access, config, log } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxPayloadBytes, perMessageDeflate: false });
  const connections = new Set<Connection>();
  // Members are counted once their session is checked; attempts without a valid one, per address and apart.
  const memberLimiter = new ConnectionLimiter(config.maxConnectionsPerMember, config.connectionsPerMinutePerMember);
  const failureLimiter = new ConnectionLimiter(Number.POSITIVE_INFINITY, config.failedConnectionsPerMinutePerIp);
  let closing = false;

  const refuse = (socket: Duplex, request: IncomingMessage, close: { code: number; reason: string }) => {
    if (socket.destroyed) return;
    wss.handleUpgrade(request, socket, Buffer.alloc(0), (ws) => ws.close(close.code, close.reason));
  };

  const accept = async (request: IncomingMessage, socket: Duplex, head: Buffer, address: RoomAddress) => {
    const ip = clientAddress(request, config.trustProxy); // behind a trusted proxy: the address it reports
    const decision = await authorizeConnection(request, address, { workspaces, access });
    if (!decision.ok) {
      if (decision.close.code === CloseCodes.Unauthorized.code) {
        // counted per address only when the session is missing or invalid: these can never lock out a member
        const verdict = failureLimiter.tryOpen(ip);
        if (verdict.ok) failureLimiter.closed(ip);
        else {
          log.warn({ ip }, 'sync connection refused: too many attempts without a valid session');
          return refuse(socket, request, { code: CloseCodes.RateLimited.code, reason: 'Too many attempts without a valid session' });
        }
      }
      log.info({ workspace: address.workspaceId, code: decision.close.code }, 'sync connection refused');
      return refuse(socket, request, decision.close);
    }
    const { memberId } = decision.principal;
    const verdict = memberLimiter.tryOpen(memberId);
    if (!verdict.ok) {
      log.warn({ member: memberId, reason: verdict.reason }, 'sync connection refused: too many connections');
      return refuse(socket, request, { code: CloseCodes.RateLimited.code, reason: 'Too many connections' });
    }
    let counted = true;
    const uncount = () => {
      if (counted) memberLimiter.closed(memberId);
      counted = false;
    };
    try {
      const room = await rooms.acquire(address, { build: false });
      if (socket.destroyed) {
        uncount();
        return rooms.release(room);
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        const connection = new Connection(ws, room, decision.principal, decision.access, config, log, (closed) => {
          connections.delete(closed);
          uncount();
          rooms.release(room);
          log.debug({ conn: closed.id, doc: room.key }, 'disconnected');
        });
        connections.add(connection);
        log.debug({ conn: connection.id, doc: room.key, access: decision.access }, 'connected');
        void connection.start().catch((error: unknown) => {
          log.error({ err: error }, 'connection start failed');
          connection.close(CloseCodes.ServerError.code, CloseCodes.ServerError.reason);
        });
      });
    } catch (error) {
      uncount();
      throw error;
    }
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const url = request.url ?? '';
      if (!url.startsWith(`${SYNC_PATH_PREFIX}/`)) {
        // nothing else here upgrades: answer rather than leave the socket open
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      if (closing) return refuse(socket, request, CloseCodes.ShuttingDown);
      const parsed = parseSyncPath(url);
      if (!parsed.ok) {
        log.info({ reason: parsed.error }, 'sync connection refused: bad path');
        const code = parsed.malformed ? CloseCodes.BadMessage.code : CloseCodes.NotFound.code;
        return refuse(socket, request, { code, reason: parsed.error });
      }
      const { address } = parsed;
      accept(request, socket, head, address).catch((error: unknown) => {
        log.error({ err: error, workspace: address.workspaceId, document: address.documentId }, 'sync connection failed');
        try {
          refuse(socket, request, CloseCodes.ServerError);
        } catch {
          socket.destroy();
        }
      });
    } catch (error) {
      // nothing a client sends may take the server down: this connection ends, logged
      log.error({ err: error }, 'sync upgrade failed');
      socket.destroy();
    }
  };
  server.on('upgrade', onUpgrade);

  // Members removed, given another role or renamed (from the API or the admin CLI) lose their
  // connections at once: removed members for good (4403), others reconnect (4509) and get what their
  // role allows now, under the name their records must now carry.
  const stopWatchingAccess = access.onChange(() => {
    void reviewConnections().catch((error: unknown) => log.error({ err: error }, 'reviewing connections after an access change failed'));
  });
  const reviewConnections = async () => {
    const byMember = new Map<string, Connection[]>();
    for (const connection of connections) {
      const list = byMember.get(connection.principal.memberId) ?? [];
      list.push(connection);
      byMember.set(connection.principal.memberId, list);
    }
    for (const [memberId, list] of byMember) {
      const member = await access.store.getMember(memberId);
      for (const connection of list) {
        if (!member || member.removedAt !== null) {
          connection.close(CloseCodes.Forbidden.code, 'Removed from this workspace');
        } else if (member.role !== connection.principal.role || member.name !== connection.principal.name) {
          connection.close(CloseCodes.AccessChanged.code, CloseCodes.AccessChanged.reason);
        }
      }
    }
  };

  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.isAlive) {
        connection.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.ping();
    }
  }, config.pingIntervalMs);
  heartbeat.unref();

  return {
    get connectionCount() {
      return connections.size;
    },
    async close() {
      closing = true;
      clearInterval(heartbeat);
      stopWatchingAccess();
      server.off('upgrade', onUpgrade);
      for (const connection of [...connections]) connection.close(CloseCodes.ShuttingDown.code, CloseCodes.ShuttingDown.reason);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
