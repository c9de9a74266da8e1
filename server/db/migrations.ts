import type { Db } from './db';

/**
 * The schema, as numbered migrations applied in order and recorded in
 * `schema_migrations`. Never edit a released migration: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'orgs, tokens, events, policies',
    sql: `
      CREATE TABLE orgs (
        id text PRIMARY KEY,
        created_at timestamptz NOT NULL
      );
      -- Only the SHA-256 of a bearer token is kept: a leaked database leaks no credentials.
      CREATE TABLE tokens (
        hash text PRIMARY KEY,
        org text NOT NULL REFERENCES orgs (id),
        role text NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
        agent text,
        label text,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX tokens_org ON tokens (org);
      -- (org, id) is the key: a client retry of the same event id is a duplicate, never a second row.
      -- No foreign key to orgs: the org always comes from a token, and ingest is the hot path.
      CREATE TABLE events (
        org text NOT NULL,
        id text NOT NULL,
        type text NOT NULL,
        at timestamptz NOT NULL,
        ticket_id text NOT NULL,
        helpdesk text NOT NULL,
        agent text NOT NULL,
        team text,
        data jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (org, id)
      );
      CREATE INDEX events_org_at ON events (org, at);
      CREATE INDEX events_org_team_at ON events (org, team, at);
      CREATE INDEX events_org_handoffs ON events (org, at DESC, id DESC) WHERE type = 'handoff';
      CREATE TABLE policies (
        org text NOT NULL REFERENCES orgs (id),
        revision integer NOT NULL CHECK (revision > 0),
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text,
        PRIMARY KEY (org, revision)
      );
    `,
  },
  {
    version: 2,
    name: 'csat indexes for the previous-period comparison',
    // Post-handoff CSAT is compared with the period before, of which only csat events are read:
    // without these, that read visits every row of the earlier period.
    sql: `
      CREATE INDEX events_csat_org_team_at ON events (org, team, at) WHERE type = 'csat';
      CREATE INDEX events_csat_org_at ON events (org, at) WHERE type = 'csat';
    `,
  },
  {
    version: 3,
    name: 'token ids, expiry, revocation and last use',
    // Issue 12: tokens get a public id (what `tierline token list` prints and `revoke` takes, never
    // derived from the hash), an expiry (NULL: never), a revocation time (rows are kept so the list
    // shows what was revoked and when) and when they were last used (written at most once a minute).
    // Tokens issued before this migration keep working and never expire: expiring them now would lock
    // out running installations without warning; `tierline token list` shows them as "never".
    sql: `
      ALTER TABLE tokens
        ADD COLUMN id text,
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN last_used_at timestamptz;
      UPDATE tokens SET id = 'tok_' || substr(md5(random()::text || clock_timestamp()::text || hash), 1, 16);
      ALTER TABLE tokens ALTER COLUMN id SET NOT NULL;
      CREATE UNIQUE INDEX tokens_id ON tokens (id);
    `,
  },
];

/** Any constant works; it only has to be the same for every Tierline instance sharing a database. */
const MIGRATION_LOCK = 7_411_220_611;

/**
 * Brings the schema up to date and returns the versions it applied (none when
 * already current). Instances starting together behind a load balancer take an
 * advisory lock, so each migration runs exactly once.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
