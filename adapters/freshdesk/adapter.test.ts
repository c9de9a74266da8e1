// @vitest-environment happy-dom
import { testAdapter } from '../conformance';
import { freshdesk } from './adapter';
import { freshdeskFixtures } from './fixtures';

testAdapter(freshdesk, freshdeskFixtures);
