/**
 * Shared steps of the admin end-to-end tests: a real sync endpoint in-process
 * (embedded database, the core's metrics), seeded team events, and axe-core
 * run inside extension pages.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { TierlineEventInput } from '../../core/events';
import { createApp } from '../../server/app';
import { migrate } from '../../server/db/migrations';
import { openPgliteDb } from '../../server/db/pglite';
import { createToken } from '../../server/store/tokens';

export interface SyncEndpoint {
  url: string;
  token(role: 'agent' | 'lead' | 'admin'): Promise<string>;
  close(): Promise<void>;
}

export async function startSyncEndpoint(): Promise<SyncEndpoint> {
  // In memory: a data folder costs PGlite seconds of initdb, and the test keeps nothing.
  const db = await openPgliteDb();
  await migrate(db);
  const app = createApp({ db, limits: { burst: 10_000, perSecond: 10_000 } });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server: s, port: info.port }));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    token: (role) => createToken(db, { org: 'acme', role, now: new Date() }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

const AGENTS = [
  { agent: 'ana', team: 'emea', misses: [] as string[] },
  { agent: 'ben', team: 'emea', misses: ['Reproduction steps'] },
  { agent: 'chloe', team: 'apac', misses: ['System logs', 'Customer tier / SLA'] },
];

/**
 * Eight weeks of a team's events ending at `now`: decisions, escalations (the
 * latest week above the 20% warning line), handoffs whose completeness depends
 * on the agent, misroutes, overrides, reopens, CSAT and repeat explanations.
 */
export function seedTeamEvents(now: Date): TierlineEventInput[] {
  const events: TierlineEventInput[] = [];
  const escalationShare = [0.3, 0.14, 0.12, 0.13, 0.11, 0.15, 0.12, 0.1];
  for (let week = 0; week < 8; week += 1) {
    for (let i = 0; i < 40; i += 1) {
      const who = AGENTS[i % AGENTS.length]!;
      const at = (minutes: number) => new Date(now.getTime() - week * 7 * 86_400_000 - (i + 1) * 3_600_000 + minutes * 60_000).toISOString();
      const ticketId = `W${week}-${i}`;
      const base = { ticketId, helpdesk: 'zendesk' as const, agent: who.agent, team: who.team };
      events.push({ ...base, id: randomUUID(), type: 'decision', at: at(0), data: { tier: 'T1', role: 'frontline-agent', severity: 'normal', category: i % 2 ? 'integration' : 'configuration' } });
      if (i % 10 === 3) events.push({ ...base, id: randomUUID(), type: 'reassignment', at: at(5), data: { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: true } });
      if (i % 12 === 5) events.push({ ...base, id: randomUUID(), type: 'override', at: at(6), data: { from: { tier: 'T1', role: 'frontline-agent' }, to: { tier: 'T2', role: 'technical-specialist' }, reason: 'Needs API logs' } });
      if (i < Math.round(escalationShare[week]! * 40)) {
        const to = i % 4 === 0 ? 'T3' : 'T2';
        events.push({ ...base, id: randomUUID(), type: 'escalation', at: at(10), data: { from: 'T1', to, unnecessary: i % 3 === 0 } });
        events.push({
          ...base,
          id: randomUUID(),
          type: 'handoff',
          at: at(11),
          data: { from: 'T1', to, team: who.team, completeness: who.misses.length ? 100 - 15 * who.misses.length : 100, missing: who.misses },
        });
        events.push({ ...base, id: randomUUID(), type: 'csat', at: at(120), data: { score: who.misses.length ? 3 : 5, afterHandoff: true } });
        if (who.misses.length > 1) events.push({ ...base, id: randomUUID(), type: 'repeat-explanation', at: at(60), data: { afterHandoff: true } });
      }
      if (i % 15 === 7) events.push({ ...base, id: randomUUID(), type: 'reopen', at: at(200), data: { solvedAt: at(100) } });
    }
  }
  return events;
}

export async function postEvents(endpoint: SyncEndpoint, token: string, events: readonly TierlineEventInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const res = await fetch(`${endpoint.url}/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: events.slice(i, i + 500) }),
    });
    if (!res.ok) throw new Error(`seeding events failed: ${res.status} ${await res.text()}`);
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page. Extension pages forbid inline scripts (MV3 CSP), so
 * axe's source is evaluated through DevTools rather than injected as a tag.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * Where a README screenshot goes: into docs/screenshots/ only when asked
 * (`TIERLINE_UPDATE_SCREENSHOTS=1`), so a test run never dirties tracked files.
 */
export function screenshotPath(name: string): string {
  return process.env.TIERLINE_UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : join(tmpdir(), `tierline-${name}`);
}
