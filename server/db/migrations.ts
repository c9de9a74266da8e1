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
  {
    version: 4,
    name: 'metric facts of each event, stored on ingest',
    // Issue 11: GET /v1/metrics aggregates these over the period's rows (on the (org, team, at) and
    // (org, at) indexes) instead of reading every event's JSON into core/metrics.
    // tierline_event_facts is what one event adds to core/metrics' Tally (compute.ts), as bits:
    //   its ticket's flags: 1 handled, 2 routed, 4 misrouted, 8 escalated, 16 reopened within 48 h,
    //   32 repeated after a handoff, 64 transferred (the ticket rates OR these per ticket);
    //   what it counts: 128 decision, 256 override, 512 escalation, 1024 escalation marked unnecessary,
    //   2048 handoff, 4096 handoff with every item, 8192 post-handoff rating, 16384 satisfied (4 or 5);
    //   where to look in data: 32768 source "rules", 65536 source "model" (any other source, or none, is
    //   read from data), 131072 a category, 262144 missing items.
    // tierline_event_score is the completeness of a handoff or the score of a rating, in thousandths, as
    // core/metrics sums them. The insert stores both, computed by core/metrics/event-facts.ts from the parsed
    // event; rows stored before this migration keep NULL and these functions compute them when read, so the
    // table is not rewritten. A solvedAt PostgreSQL cannot read counts as not reopened within 48 h.
    sql: `
      CREATE FUNCTION tierline_instant(iso text) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN iso::timestamptz;
      EXCEPTION WHEN others THEN
        RETURN NULL;
      END $$;
      CREATE FUNCTION tierline_event_facts(type text, at timestamptz, data jsonb) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT CASE type
          WHEN 'decision' THEN 128 | 3
          WHEN 'override' THEN 256 | 1
          WHEN 'reassignment' THEN CASE WHEN data->'misroute' = 'true' THEN 7 ELSE 3 END
          WHEN 'escalation' THEN 512 | 73 | CASE WHEN data->'unnecessary' = 'true' THEN 1024 ELSE 0 END
          WHEN 'handoff' THEN 2048 | 65 | CASE
            WHEN jsonb_typeof(data->'missing') IS DISTINCT FROM 'array' THEN 0
            WHEN jsonb_array_length(data->'missing') > 0 THEN 262144
            WHEN (data->>'completeness')::float8 >= 100 THEN 4096
            ELSE 0 END
          WHEN 'reopen' THEN CASE
            WHEN floor(extract(epoch FROM at) * 1000) - floor(extract(epoch FROM
              CASE WHEN data->>'solvedAt' ~ '^(19|2[01])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$'
                THEN (data->>'solvedAt')::timestamptz ELSE tierline_instant(data->>'solvedAt') END) * 1000) BETWEEN 0 AND 172800000
            THEN 17 ELSE 1 END
          WHEN 'csat' THEN 1 | CASE WHEN data->'afterHandoff' = 'true' THEN 8192 | CASE WHEN (data->>'score')::float8 >= 4 THEN 16384 ELSE 0 END ELSE 0 END
          WHEN 'repeat-explanation' THEN CASE WHEN data->'afterHandoff' = 'true' THEN 33 ELSE 1 END
          ELSE 0
        END
        | CASE WHEN type IN ('decision', 'override') THEN
            CASE data->>'source' WHEN 'rules' THEN 32768 WHEN 'model' THEN 65536 ELSE 0 END
            | CASE WHEN data->>'category' IS NOT NULL THEN 131072 ELSE 0 END
          ELSE 0 END
      $$;
      -- Math.round(x * 1000) for x >= 0, as core/metrics sums scores: round() on a double rounds half to even.
      CREATE FUNCTION tierline_thousandths(x double precision) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
        SELECT (floor(x * 1000) + CASE WHEN x * 1000 - floor(x * 1000) >= 0.5 THEN 1 ELSE 0 END)::integer
      $$;
      CREATE FUNCTION tierline_event_score(type text, data jsonb) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE type
          WHEN 'handoff' THEN tierline_thousandths((data->>'completeness')::float8)
          WHEN 'csat' THEN tierline_thousandths((data->>'score')::float8)
        END
      $$;
      ALTER TABLE events ADD COLUMN facts integer, ADD COLUMN score integer;
    `,
  },
  {
    version: 5,
    name: 'facts on every row; the team metrics read from one covering index',
    // Issue 11: the 90-day team metrics on PGlite read every event's heap row (a quarter of the table's
    // pages for one team in ten) and worked out the facts of rows from before migration 4 on each read.
    // - Those rows get their facts now, once, so every row has them (NOT NULL: an instance still running
    //   code from before migration 4 gets an error and its client's outbox sends again).
    // - (org, team, at) carries what the counts read (agent, ticket_id, facts, score), so the query is an
    //   index-only scan; the few rows whose names the counts need (a category, missing items, a source
    //   the bits do not name) have a partial index of their own, whose predicate metric-counts.ts repeats.
    // - (org, at) becomes a BRIN index (minmax-multi, so a late event does not widen its range): events
    //   arrive about in time order, a whole organisation's period reads its block ranges, and the insert
    //   no longer maintains a second btree over every row.
    // - Index-only scans need the visibility map: autovacuum visits events after 1 % new rows instead of
    //   20 %, and PGlite, which runs no autovacuum, is vacuumed by the endpoint (db/pglite.ts).
    sql: `
      UPDATE events SET facts = tierline_event_facts(type, at, data), score = tierline_event_score(type, data) WHERE facts IS NULL;
      ALTER TABLE events ALTER COLUMN facts SET NOT NULL;
      DROP INDEX events_org_team_at;
      CREATE INDEX events_org_team_at ON events (org, team, at) INCLUDE (agent, ticket_id, facts, score);
      CREATE INDEX events_named ON events (org, team, at) WHERE facts & 393216 <> 0 OR (facts & 384 <> 0 AND facts & 98304 = 0);
      DROP INDEX events_org_at;
      CREATE INDEX events_at ON events USING brin (at timestamptz_minmax_multi_ops);
      ALTER TABLE events SET (autovacuum_vacuum_insert_scale_factor = 0.01);
      ANALYZE events;
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
