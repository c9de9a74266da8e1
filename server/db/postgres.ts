import pg from 'pg';
import type { Db, Queryable } from './db';

/**
 * Opens PostgreSQL through a connection pool. `schema` puts every table in that
 * schema (created if missing) — the tests use it so parallel test files never share rows.
 */
export async function openPostgresDb(url: string, options: { schema?: string; max?: number } = {}): Promise<Db> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const query = async <T extends object>(client: Pick<pg.Pool, 'query'>, sql: string, params: readonly unknown[] = []) =>
    (await client.query<T & pg.QueryResultRow>(sql, [...params])).rows as T[];
  return {
    dialect: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    // Without parameters pg uses the simple protocol, which runs several statements.
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      const tx: Queryable = {
        query: (sql, params) => query(client, sql, params),
        exec: async (sql) => {
          await client.query(sql);
        },
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    // Autovacuum keeps events' visibility map current (migration 5 lowers its insert threshold).
    stored: () => {},
    close: () => pool.end(),
  };
}
