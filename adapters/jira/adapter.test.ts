// @vitest-environment happy-dom
import { testAdapter } from '../conformance';
import { jira } from './adapter';
import { jiraFixtures } from './fixtures';

testAdapter(jira, jiraFixtures);
