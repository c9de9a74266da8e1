// @vitest-environment happy-dom
import { testAdapter } from '../conformance';
import { zendesk } from './adapter';
import { zendeskFixtures } from './fixtures';

testAdapter(zendesk, zendeskFixtures);
