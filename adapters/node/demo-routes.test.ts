import { describe, expect, it } from 'vitest';
import { ALL_FIXTURES, readDemoRoutes } from './demo-routes';

describe('readDemoRoutes', () => {
  it('serves two current ticket pages per helpdesk with the API the adapters call', () => {
    const routes = readDemoRoutes();
    expect(routes['acme.zendesk.com /agent/tickets/1001']).toMatch(/^<!--/);
    expect(routes['acme.zendesk.com /agent/tickets/1002']).toContain('data-entity-id="1002"');
    expect(routes['acme.freshdesk.com /a/tickets/2002']).toContain('ticket-subject-heading');
    expect(routes['acme.atlassian.net /browse/SUP-101']).toContain('SUP-101');
    expect(routes['acme.atlassian.net /jira/servicedesk/projects/SUP/queues/custom/1/SUP-102']).toContain('SUP-102');
    expect(routes['acme.zendesk.com /api/v2/tickets/1001.json']).toHaveProperty('ticket.id', 1001);
    expect(routes['acme.atlassian.net /rest/api/3/issue/SUP-101']).toHaveProperty('key', 'SUP-101');
    for (const fx of ALL_FIXTURES) expect(fx.pages.filter((p) => p.current && !/hostile|missing/.test(p.file)).length).toBeGreaterThanOrEqual(2);
  });
});
