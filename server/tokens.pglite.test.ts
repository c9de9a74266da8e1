import { openPgliteDb } from './db/pglite';
import { describeTokenSuite } from './testing/token-suite';

// One in-memory embedded database for the whole file: opening PGlite takes seconds.
describeTokenSuite('the embedded database (PGlite)', () => openPgliteDb());
