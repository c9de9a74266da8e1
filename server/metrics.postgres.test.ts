import { afterAll, describe } from 'vitest';
import { openPostgresDb } from './db/postgres';
import { describeMetricsSuite } from './testing/metrics-suite';
import { dropSchema, uniqueSchema } from './testing/postgres';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.warn('server/metrics.postgres.test.ts: SKIPPED — set TEST_DATABASE_URL to run the metrics suite on PostgreSQL (.ci/run always does).');

describe.skipIf(!url)(url ? 'PostgreSQL at TEST_DATABASE_URL' : 'PostgreSQL — SKIPPED because TEST_DATABASE_URL is not set', () => {
  // A schema of this file's own per database the suite asks for, so nothing is shared with other test files.
  const schemas: string[] = [];
  describeMetricsSuite('PostgreSQL', (label) => {
    const schema = uniqueSchema(label);
    schemas.push(schema);
    return openPostgresDb(url ?? '', { schema });
  });
  afterAll(async () => {
    if (url) for (const schema of schemas) await dropSchema(url, schema);
  });
});
