import { afterAll, describe } from 'vitest';
import { openPostgresDb } from './db/postgres';
import { dropSchema, uniqueSchema } from './testing/postgres';
import { describeTokenSuite } from './testing/token-suite';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('server/tokens.postgres.test.ts: SKIPPED — set TEST_DATABASE_URL to run the token suite on PostgreSQL (.ci/run always does).');

describe.skipIf(!url)(url ? 'PostgreSQL at TEST_DATABASE_URL' : 'PostgreSQL — SKIPPED because TEST_DATABASE_URL is not set', () => {
  // A schema of this file's own, so test files running in parallel never share tables.
  const schema = uniqueSchema('tokens');
  describeTokenSuite('PostgreSQL', () => openPostgresDb(url ?? '', { schema }));
  afterAll(async () => {
    if (url) await dropSchema(url, schema);
  });
});
