// Frees the Bolt connection of a console session whose query Neo4j no longer answers, so the pool cannot leak.
//
// Closing a session sends RESET and returns the connection to the pool only when Neo4j answers it. A server thread that
// never comes back (a query stuck where Neo4j does not check for termination) would keep that connection, and with it
// a pool slot, forever. The driver has no public call to drop one connection, so this reaches into neo4j-driver 6
// internals, checked by shape at run time: it treats the connection as closed by the server (which fails whatever
// waits on it, so the pool discards it) and closes the socket (so Neo4j sees the client go and ends the transaction).
import type { Session } from 'neo4j-driver';

interface ChannelLike {
  _handleConnectionTerminated?: () => void;
  _conn?: { destroy?: () => void };
}
interface ConnectionLike {
  _delegate?: ConnectionLike;
  _ch?: ChannelLike;
}

/** The session's read connection, once a transaction has begun on it (null when the driver's shape is unknown). */
export async function connectionOf(session: Session): Promise<unknown> {
  const holder = (session as unknown as { _readConnectionHolder?: { getConnection?: () => Promise<unknown> } })._readConnectionHolder;
  if (typeof holder?.getConnection !== 'function') return null;
  return holder.getConnection().catch(() => null);
}

/** Drops `connection` as if the server had closed it. Returns false when the driver's internals are not as expected. */
export function abandonConnection(connection: unknown): boolean {
  const conn = connection as ConnectionLike | null;
  const channel = (conn?._delegate ?? conn)?._ch;
  if (typeof channel?._handleConnectionTerminated !== 'function') return false;
  channel._handleConnectionTerminated();
  channel._conn?.destroy?.();
  return true;
}
