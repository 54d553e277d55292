// One connection of the pool for a piece of work that needs it to itself (a transaction, a session setting).
import type pg from 'pg';

/** Runs `work` on a client of its own (transactions need one connection) and gives it back. */
export async function withClient<T>(db: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  // A checked-out client has no listener of the pool's: a connection lost mid-query would end the server.
  let lost: Error | undefined;
  const onLost = (err: Error): void => void (lost = err);
  client.on('error', onLost);
  try {
    return await work(client);
  } finally {
    client.off('error', onLost);
    client.release(lost);
  }
}
