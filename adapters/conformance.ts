import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../core/policy/default-policy';
import { ticketSchema } from '../core/ticket';
import type { AdapterFixtures } from './fixture-manifest';
import { createFixtureFetch } from './node/fixture-fetch';
import { parseHtmlPage } from './node/parse-html';
import { ticketSnapshotSchema } from './snapshot-schema';
import { AdapterApiError, type FetchLike, type HelpdeskAdapter, type WriteBackPlan } from './types';

/**
 * The shared adapter conformance suite, run by every `adapters/<host>/adapter.test.ts`:
 * fixtures say what they model; every page and API fixture reads into a ticket
 * that passes the schema; mount getters create, are idempotent, and refuse a
 * foreign container; write-back requests have the right shape, move the ticket
 * to a tier and a role (sideways too) and can leave the note out; the signed-in
 * agent reads from the helpdesk's current-user API.
 */

async function listFiles(dir: URL, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(new URL(`${e.name}/`, dir), `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`]))),
  );
  return nested.flat();
}

const read = (fixtures: AdapterFixtures, file: string) => readFile(new URL(file, fixtures.dir), 'utf8');

export function testAdapter(adapter: HelpdeskAdapter, fixtures: AdapterFixtures): void {
  describe(`${adapter.name} adapter conformance`, () => {
    it('has a fixture manifest that lists every fixture file, and every listed file exists', async () => {
      const onDisk = (await listFiles(fixtures.dir)).sort();
      const listed = [...new Set([...fixtures.pages.map((p) => p.file), ...Object.values(fixtures.apiRoutes)])].sort();
      expect(listed).toEqual(onDisk);
      expect(fixtures.pages.filter((p) => p.current).length).toBeGreaterThanOrEqual(2);
      expect(fixtures.pages.some((p) => !p.current)).toBe(true);
    });

    it('opens every fixture with a comment saying what it models and which documentation it follows', async () => {
      for (const file of await listFiles(fixtures.dir)) {
        const text = await read(fixtures, file);
        const comment = file.endsWith('.json') ? String((JSON.parse(text) as { _comment?: unknown })._comment ?? '') : (/^<!--([\s\S]*?)-->/.exec(text)?.[1] ?? '');
        expect(comment, file).toMatch(/Models/);
        expect(comment.length, file).toBeGreaterThan(80);
      }
    });

    it('gives every fixture page a ticket page kind and the ticket reference it shows', () => {
      for (const page of fixtures.pages) {
        const url = new URL(page.url);
        expect(adapter.getPageKind(url), page.file).not.toBeNull();
        expect(adapter.getTicketRef(url), page.file).toBe(page.ref);
      }
    });

    describe.each(fixtures.pages)('the page $file', (page) => {
      it('reads into a ticket that passes the schema, listing what it could not read', async () => {
        const doc = parseHtmlPage(await read(fixtures, page.file), page.url);
        const snapshot = adapter.readTicketFromDom(doc, new URL(page.url), defaultPolicy);
        const { ticket, unreadable } = snapshot;
        expect(ticketSnapshotSchema.parse(snapshot)).toEqual(snapshot);
        expect(ticketSchema.parse(ticket)).toEqual(ticket);
        expect(ticket.id).toBe(page.ref);
        expect(ticket.helpdesk).toBe(adapter.id);
        expect(ticket.unreadable).toEqual(unreadable);
        expect(ticket.subject).not.toBe('');
      });

      it('mounts the badge and the checklist once, and finds the same mounts again', async () => {
        const doc = parseHtmlPage(await read(fixtures, page.file), page.url);
        for (const part of page.mounts ?? (['badge', 'checklist'] as const)) {
          const first = adapter.mounts[part](doc.body);
          expect(first, `${part} on ${page.file}`).not.toBeNull();
          expect(adapter.mounts[part](doc.body)).toBe(first);
          expect(doc.querySelectorAll(`[data-tierline-mount="${part}"]`)).toHaveLength(1);
          expect(first?.childNodes).toHaveLength(0);
        }
      });
    });

    it('mounts in the element the content script observes, as it does in the whole page', async () => {
      for (const page of fixtures.pages.filter((p) => p.current)) {
        const doc = parseHtmlPage(await read(fixtures, page.file), page.url);
        const observed = doc.querySelector(adapter.observeTarget.join(', '));
        if (!observed) continue;
        const fromObserved = adapter.mounts.badge(observed);
        expect(fromObserved, page.file).not.toBeNull();
        expect(adapter.mounts.badge(doc.body)).toBe(fromObserved);
      }
    });

    it('refuses to mount in a container that is not its ticket page', () => {
      const doc = parseHtmlPage('<main><h1>Quarterly report</h1><aside><p>Not a helpdesk</p></aside></main>', 'https://example.org/');
      for (const part of ['badge', 'checklist'] as const) {
        expect(adapter.mounts[part](doc.body)).toBeNull();
        expect(adapter.mounts[part](doc.querySelector('aside') as Element)).toBeNull();
      }
      expect(doc.querySelectorAll('[data-tierline-mount]')).toHaveLength(0);
    });

    it('names observe targets that exist on every current page', async () => {
      expect(adapter.observeTarget.length).toBeGreaterThan(0);
      for (const page of fixtures.pages.filter((p) => p.current)) {
        const doc = parseHtmlPage(await read(fixtures, page.file), page.url);
        expect(doc.querySelector(adapter.observeTarget.join(', ')), page.file).not.toBeNull();
      }
    });

    describe.each(fixtures.apiTickets)('the API of ticket %s', (ref) => {
      it('reads into a ticket that passes the schema, with same-origin session requests only', async () => {
        const fetch = createFixtureFetch(fixtures);
        const { ticket, unreadable } = await adapter.readTicketFromApi({ ref, fetch, origin: fixtures.origin, policy: defaultPolicy });
        expect(ticketSchema.parse(ticket)).toEqual(ticket);
        expect(ticket.id).toBe(ref);
        expect(ticket.unreadable).toEqual(unreadable);
        expect(ticket.comments.length).toBeGreaterThan(0);
        for (const call of fetch.calls) {
          expect(new URL(call.url).origin).toBe(fixtures.origin);
          expect(call.init?.credentials).toBe('same-origin');
        }
      });

      it('rejects with an AdapterApiError when the ticket answers 401', async () => {
        const fetch = createFixtureFetch(fixtures, { status: () => 401 });
        await expect(adapter.readTicketFromApi({ ref, fetch, origin: fixtures.origin, policy: defaultPolicy })).rejects.toBeInstanceOf(AdapterApiError);
      });
    });

    describe('write-back', () => {
      const ref = fixtures.apiTickets[0] ?? fixtures.pages[0]?.ref ?? '1';
      const noteText = 'Summary: duplicate charge of $1,250\nSteps tried: checked Stripe';
      const base = { ref, noteText, policy: defaultPolicy, csrfToken: 'token-123' };
      const up = { ...base, from: { tier: 'T1' as const, role: 'front-line-agent' }, to: { tier: 'T2' as const, role: 'senior-specialist' }, currentTags: ['tier_1', 'billing'] };
      const sideways = { ...base, from: { tier: 'T1' as const, role: 'front-line-agent' }, to: { tier: 'T1' as const, role: 'billing-specialist' }, currentTags: ['tier_1', 'role_front_line_agent', 'billing'] };
      const sent = (plan: WriteBackPlan) => plan.requests.map((r) => JSON.stringify(r.body)).join('\n');

      it('builds requests whose first one carries the note, as JSON to a same-origin path', () => {
        const plan = adapter.buildWriteBack(up);
        expect(plan.requests.length).toBeGreaterThan(0);
        for (const request of plan.requests) {
          expect(['POST', 'PUT']).toContain(request.method);
          expect(request.url.startsWith('/')).toBe(true);
          expect(request.url).toContain(ref);
          expect(request.headers['Content-Type']).toBe('application/json');
          expect(JSON.parse(JSON.stringify(request.body))).toEqual(request.body);
          expect(request.purpose).not.toBe('');
        }
        const first = JSON.stringify(plan.requests[0]?.body);
        expect(first).toContain('duplicate charge of $1,250');
        expect(first).toContain('checked Stripe');
        expect(sent(plan)).toContain('tier_2');
        expect(sent(plan)).toContain('role_senior_specialist');
        expect(plan.requests.at(-1)?.purpose).toMatch(/Senior Specialist \(Tier 2\)$/);
      });

      it('writes a sideways move as one: the role tag in, the other role tag out, the role named', () => {
        const plan = adapter.buildWriteBack(sideways);
        expect(sent(plan)).toContain('role_billing_specialist');
        expect(sent(plan)).toContain('tier_1');
        expect(plan.requests.at(-1)?.purpose).toMatch(/Billing Specialist \(Tier 1\)$/);
        // Whether the helpdesk takes a remove list or the whole list, the front-line role tag goes.
        const bodies = plan.requests.map((r) => r.body);
        const removed = JSON.stringify(bodies).includes('"remove_tags":["role_front_line_agent"]') || JSON.stringify(bodies).includes('{"remove":"role_front_line_agent"}');
        const listWithout = bodies.some((b) => Array.isArray(b.tags) && !b.tags.includes('role_front_line_agent') && b.tags.includes('billing'));
        expect(removed || listWithout).toBe(true);
      });

      it('plans the move alone, without the note, for a retry once the note is on the ticket', () => {
        const plan = adapter.buildWriteBack({ ...sideways, includeNote: false });
        expect(plan.requests.length).toBeGreaterThan(0);
        expect(sent(plan)).not.toContain('duplicate charge');
        expect(sent(plan)).toContain('role_billing_specialist');
        expect(plan.requests.every((r) => !/note|comment/i.test(r.purpose))).toBe(true);
      });
    });

    it('reads the signed-in agent from the helpdesk\'s current-user API, same-origin with the session', async () => {
      expect(adapter.readCurrentUser, 'every helpdesk has a current-user API').toBeDefined();
      expect(fixtures.currentUser, 'the fixtures describe the signed-in agent').toBeDefined();
      const fetch = createFixtureFetch(fixtures);
      expect(await adapter.readCurrentUser?.({ fetch, origin: fixtures.origin })).toEqual(fixtures.currentUser);
      expect(fetch.calls).toHaveLength(1);
      expect(new URL(fetch.calls[0]?.url ?? '').origin).toBe(fixtures.origin);
      expect(fetch.calls[0]?.init?.credentials).toBe('same-origin');
    });

    it('rejects with an AdapterApiError when nobody is signed in or the answer is not a user', async () => {
      const signedOut = createFixtureFetch(fixtures, { status: () => 401 });
      await expect(adapter.readCurrentUser?.({ fetch: signedOut, origin: fixtures.origin })).rejects.toBeInstanceOf(AdapterApiError);
      const notAUser: FetchLike = async () => new Response(JSON.stringify({ user: { id: null, name: 'Anonymous user' } }), { status: 200 });
      await expect(adapter.readCurrentUser?.({ fetch: notAUser, origin: fixtures.origin })).rejects.toBeInstanceOf(AdapterApiError);
    });
  });
}

/** The path of a fixture file, for tests that need it on disk (the CLI). */
export const fixturePath = (fixtures: AdapterFixtures, file: string) => fileURLToPath(new URL(file, fixtures.dir));
