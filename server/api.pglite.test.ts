import { openPgliteDb } from './db/pglite';
import { describeApiSuite } from './testing/api-suite';

// One in-memory embedded database for the whole file: opening PGlite takes seconds.
describeApiSuite('the embedded database (PGlite)', () => openPgliteDb());
