import { openPgliteDb } from './db/pglite';
import { describeMetricsSuite } from './testing/metrics-suite';

// In memory: a fresh embedded database for each database the suite asks for.
describeMetricsSuite('the embedded database (PGlite)', () => openPgliteDb());
