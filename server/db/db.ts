/**
 * The one storage seam of the sync endpoint: the embedded database (PGlite)
 * and PostgreSQL both speak PostgreSQL's SQL, so every query is written once
 * and only the connection differs.
 */

/** Runs one statement. Parameters are `$1`, `$2`, … as in PostgreSQL. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (a migration). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Which engine answers: the error messages and the benchmark name it. */
  readonly dialect: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Says `rows` were just written to `table`, for upkeep the engine does not do by itself:
   * PGlite runs no autovacuum, so its Db vacuums events now and then (index-only scans
   * need the visibility map). Never waits and never throws.
   */
  stored(table: 'events', rows: number): void;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE for a unique-constraint violation, whichever driver reports it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}
