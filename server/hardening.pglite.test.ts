import { openPgliteDb } from './db/pglite';
import { describeHardeningSuite } from './testing/hardening-suite';

// One in-memory embedded database for the whole file: opening PGlite takes seconds.
describeHardeningSuite('the embedded database (PGlite)', () => openPgliteDb());
