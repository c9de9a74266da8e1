import type { TierlineEventInput } from '../../core/events';
import type { PolicyInput } from '../../core/policy/schema';
import { decisionEvent, handoffEvent, smallPolicy } from './fixtures';

/**
 * Every shape the hostile test of issue 12 found the database (or a later read)
 * could refuse, plus the neighbours of each. The hardening suite sends each one
 * through the API on both engines and expects a 4xx, never a 5xx.
 */
export interface BadInput {
  name: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  path: string;
  /** Which token sends it: agents post events, leads read, admins publish. */
  as: 'agent' | 'lead' | 'admin';
  /** Sent as JSON text unless `raw` is given. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** The JSON path the error must name, when the input has one. */
  errorPath?: (string | number)[];
}

const at = '2026-03-01T09:00:00Z';
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A batch of one event with `patch` applied on top of a valid handoff (or `event`). */
function oneEvent(name: string, patch: Record<string, unknown>, errorPath: (string | number)[], event: TierlineEventInput = handoffEvent({ at })): BadInput {
  return { name, method: 'POST', path: '/v1/events', as: 'agent', body: { events: [{ ...event, ...patch }] }, errorPath: ['events', 0, ...errorPath] };
}

/** The same, with `data` patched. */
function oneData(name: string, event: TierlineEventInput, data: Record<string, unknown>, errorPath: (string | number)[]): BadInput {
  return oneEvent(name, { data: { ...event.data, ...data } }, ['data', ...errorPath], event);
}

const override: TierlineEventInput = {
  ...decisionEvent({ at }),
  type: 'override',
  data: { from: { tier: 'T1', role: 'frontline-agent' }, to: { tier: 'T2', role: 'support-engineer' }, reason: 'needs logs' },
};
const escalation: TierlineEventInput = { ...decisionEvent({ at }), type: 'escalation', data: { from: 'T1', to: 'T2' } };
const reassignment: TierlineEventInput = { ...decisionEvent({ at }), type: 'reassignment', data: { from: { tier: 'T1' }, to: { tier: 'T2' } } };
const reopen: TierlineEventInput = { ...decisionEvent({ at }), type: 'reopen', data: { solvedAt: '2026-02-28T09:00:00Z' } };
const confirmation: TierlineEventInput = {
  ...decisionEvent({ at }),
  type: 'summary-confirmation',
  data: { packetStage: 'T1-T2', from: 'T1', to: 'T2', accurate: false },
};
const decision = decisionEvent({ at });

/** `length` letters that do not compress, so the database's index sees every byte. */
function incompressible(length: number): string {
  let x = 7;
  return Array.from({ length }, () => {
    x = (x * 48_271) % 2_147_483_647;
    return String.fromCharCode(97 + (x % 26));
  }).join('');
}

const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';
const NUL = '\u0000';

export const BAD_EVENTS: BadInput[] = [
  // Instants the database refuses, or stores and later cannot read back.
  oneEvent('an event in year 1 with a +01:00 offset (year 1 BC in UTC)', { at: '0001-01-01T00:30:00+01:00' }, ['at']),
  oneEvent('an event in year 0000', { at: '0000-01-01T00:00:00Z' }, ['at']),
  oneEvent('an event in year 9999', { at: '9999-12-31T23:59:59Z' }, ['at']),
  oneEvent('an event with the offset +23:59', { at: '2026-03-01T09:00:00+23:59' }, ['at']),
  oneEvent('an event with the offset -15:00', { at: '2026-03-01T09:00:00-15:00' }, ['at']),
  oneEvent('an event with the offset +14:01', { at: '2026-03-01T09:00:00+14:01' }, ['at']),
  oneEvent('an event a second before 1970', { at: '1969-12-31T23:59:59Z' }, ['at']),
  oneEvent('an event at 2200-01-01', { at: '2200-01-01T00:00:00Z' }, ['at']),
  oneData('a reopen solved in year 0000', reopen, { solvedAt: '0000-01-01T00:00:00Z' }, ['solvedAt']),
  oneData('a reopen solved at the offset +23:59', reopen, { solvedAt: '2026-02-28T09:00:00+23:59' }, ['solvedAt']),
  // Strings over the index row limit, or over the bound for their kind.
  oneEvent('a team of 3,000 characters (over the index row limit)', { team: incompressible(3_000) }, ['team']),
  oneEvent('a team of 1,500 two-byte characters', { team: 'é'.repeat(1_500) }, ['team']),
  oneEvent('a team one character over the bound', { team: 't'.repeat(201) }, ['team']),
  oneEvent('an agent of 3,000 characters', { agent: incompressible(3_000) }, ['agent']),
  oneEvent('a ticket id of 10,000 characters', { ticketId: 'x'.repeat(10_000) }, ['ticketId']),
  oneEvent('an event id of 65 characters', { id: 'x'.repeat(65) }, ['id']),
  oneData('an override reason of 10,000 characters', override, { reason: 'r'.repeat(10_000) }, ['reason']),
  oneData('a handoff missing 1,000 items', handoffEvent({ at }), { missing: Array.from({ length: 1_000 }, (_, i) => `item-${i}`) }, ['missing']),
  oneData('a decision trigger id of 300 characters', decision, { triggers: ['t'.repeat(300)] }, ['triggers', 0]),
  oneData('a packet id of 1,000 characters', handoffEvent({ at }), { packetId: 'p'.repeat(1_000) }, ['packetId']),
  oneData('a decision role of 3,000 characters', decision, { role: 'r'.repeat(3_000) }, ['role']),
  oneData('an escalation role of 3,000 characters', escalation, { role: 'r'.repeat(3_000) }, ['role']),
  // Lone surrogates: jsonb (and UTF-8) cannot hold half a pair.
  oneEvent('a lone high surrogate in team', { team: `emea${LONE_HIGH}` }, ['team']),
  oneEvent('a lone low surrogate in agent', { agent: `a${LONE_LOW}` }, ['agent']),
  oneEvent('a lone surrogate in ticketId', { ticketId: `${LONE_HIGH}4711` }, ['ticketId']),
  oneEvent('a reversed surrogate pair in team', { team: `${LONE_LOW}${LONE_HIGH}` }, ['team']),
  oneData('a lone surrogate in an override reason', override, { reason: `x${LONE_HIGH}` }, ['reason']),
  oneData('a lone surrogate in a missing item', handoffEvent({ at }), { missing: ['logs', `a${LONE_LOW}`] }, ['missing', 1]),
  oneData('a lone surrogate in a decision trigger', decision, { triggers: [LONE_HIGH] }, ['triggers', 0]),
  oneData('a lone surrogate in a reassignment group', reassignment, { from: { tier: 'T1', group: `g${LONE_HIGH}` } }, ['from', 'group']),
  oneData('a lone surrogate in a summary confirmation note', confirmation, { note: `n${LONE_LOW}` }, ['note']),
  // NUL: neither text nor jsonb can hold it.
  oneEvent('a NUL in team', { team: `a${NUL}b` }, ['team']),
  oneEvent('a NUL in agent', { agent: `a${NUL}` }, ['agent']),
  oneEvent('a NUL in the event id', { id: `00000000-${NUL}` }, ['id']),
  oneData('a NUL in a missing item', handoffEvent({ at }), { missing: [`lo${NUL}gs`] }, ['missing', 0]),
  oneData('a NUL in an override role, two levels under data', override, { from: { tier: 'T1', role: `r${NUL}` } }, ['from', 'role']),
  oneData('a NUL in an escalation reason', escalation, { reason: `because${NUL}` }, ['reason']),
  oneData('a NUL in a decision category', decision, { category: `billing${NUL}` }, ['category']),
];

const policyWith = (patch: Partial<PolicyInput> & Record<string, unknown>): PolicyInput => ({ ...smallPolicy, ...patch });
const put = (name: string, body: unknown, errorPath?: (string | number)[]): BadInput => ({
  name,
  method: 'PUT',
  path: '/v1/policy',
  as: 'admin',
  body,
  ...(errorPath ? { errorPath } : {}),
});
const deepCondition = (depth: number): unknown => {
  let when: unknown = { field: 'severity', op: 'eq', value: 'normal' };
  for (let i = 0; i < depth; i++) when = { not: when };
  return when;
};
const trigger = (when: unknown) => ({ id: 'slow', kind: 'time', description: 'Waited too long', when, route: { tier: 'T2' }, action: 'Escalate.' });

export const BAD_POLICIES: BadInput[] = [
  put('a calendar in the time zone "Mars/Olympus"', policyWith({ calendars: [{ id: 'office', timeZone: 'Mars/Olympus', hours: { mon: [{ start: '09:00', end: '17:00' }] } }] }), ['calendars', 0, 'timeZone']),
  // `(a+)+$` was stored too; whether it is refused is the pattern engine's call (see the parity test), a backreference always is.
  put('a trigger matching a backreference pattern', policyWith({ triggers: [trigger({ field: 'subject', op: 'matches', value: '(a)\\1' })] as never }), ['triggers', 0, 'when', 'value']),
  put('AI gates inverted for a category with a space in its name (a lint error)', policyWith({ ai: { categories: { 'billing team': { autoRouteAt: 0.5, humanBelow: 0.9 } } } as never }), ['ai', 'categories', 'billing team']),
  put('a severity on a calendar that is not defined (a lint error)', policyWith({ severities: [{ id: 'normal', name: 'Normal', response: '4h', escalation: '1d', calendar: 'nowhere' }] }), ['severities', 0, 'calendar']),
  put('a lone surrogate in the policy name', policyWith({ name: `Acme${LONE_HIGH}` }), ['name']),
  put('a lone surrogate in a record key', policyWith({ ai: { categories: { [`billing${LONE_LOW}`]: { autoRouteAt: 0.95 } } } as never }), ['ai', 'categories', `billing${LONE_LOW}`]),
  put('a NUL in a handoff item label', policyWith({ handoff: { base: [{ id: 'summary', label: `Sum${NUL}mary` }], stages: {} } }), ['handoff', 'base', 0, 'label']),
  put('a condition nested 1,500 deep', policyWith({ triggers: [trigger(deepCondition(1_500))] as never })),
  put('the policy as a JSON string instead of an object', JSON.stringify(smallPolicy)),
  put('an array instead of a policy', [smallPolicy]),
];

const handoffs = (query: string, name: string, param?: string): BadInput => ({
  name,
  method: 'GET',
  path: `/v1/handoffs${query}`,
  as: 'lead',
  ...(param ? { errorPath: [param] } : {}),
});
const metrics = (query: string, name: string, param?: string): BadInput => ({ ...handoffs('', name, param), path: `/v1/metrics${query}` });

export const BAD_QUERIES: BadInput[] = [
  handoffs('?cursor=nonsense', 'a cursor that is not base64 JSON', 'cursor'),
  handoffs(`?cursor=${cursor(['not a date', 'x'])}`, 'a cursor whose time is not a time', 'cursor'),
  handoffs(`?cursor=${cursor(['0000-01-01 00:00:00+00', 'x'])}`, 'a cursor in year 0000', 'cursor'),
  handoffs(`?cursor=${cursor(['2026-03-01 09:00:00+23:59', 'x'])}`, 'a cursor with the offset +23:59', 'cursor'),
  handoffs(`?cursor=${cursor(['2026-03-01T09:00:00.000000Z', `x${NUL}`])}`, 'a cursor whose id holds a NUL', 'cursor'),
  handoffs(`?cursor=${cursor(['2026-03-01T09:00:00.000000Z', `x${LONE_HIGH}`])}`, 'a cursor whose id holds a lone surrogate', 'cursor'),
  handoffs(`?cursor=${cursor({ at: 1, id: 2 })}`, 'a cursor of the wrong shape', 'cursor'),
  handoffs('?to=9999-12-31', 'to in year 9999', 'to'),
  handoffs('?from=0000-01-01', 'from in year 0000', 'from'),
  handoffs('?from=0001-01-01T00:00:00Z', 'from in year 1', 'from'),
  handoffs('?from=1969-12-31', 'from before 1970', 'from'),
  handoffs('?to=2200-01-01', 'to as the whole day 2200-01-01', 'to'),
  handoffs('?from=2026-01-01T00:00:00%2B23:59', 'from with the offset +23:59', 'from'),
  handoffs('?limit=1e3', 'limit written as 1e3', 'limit'),
  handoffs('?limit=0x10', 'limit in hexadecimal', 'limit'),
  handoffs('?limit=1.5', 'a fractional limit', 'limit'),
  handoffs('?limit=', 'an empty limit', 'limit'),
  handoffs('?team=a%00b', 'a team filter holding a NUL', 'team'),
  metrics('?from=0000-01-01&to=0000-02-01', 'a metrics period in year 0000', 'from'),
  metrics('?from=9999-01-01&to=9999-12-31', 'a metrics period in year 9999', 'from'),
  metrics('?to=9999-12-31', 'a metrics period ending in year 9999', 'to'),
  metrics('?from=0001-01-01', 'a metrics period starting in year 1', 'from'),
  metrics('?from=1969-12-01&to=1970-01-10', 'a metrics period starting before 1970', 'from'),
  metrics('?from=2026-01-01T00:00:00%2B23:59&to=2026-02-01', 'a metrics bound with the offset +23:59', 'from'),
  metrics('?team=a%00b', 'a metrics team filter holding a NUL', 'team'),
];

const post = (name: string, headers: Record<string, string>, raw?: string): BadInput => ({
  name,
  method: 'POST',
  path: '/v1/events',
  as: 'agent',
  raw: raw ?? JSON.stringify({ events: [handoffEvent({ at })] }),
  headers,
});

export const BAD_BODIES: BadInput[] = [
  post('events sent as text/plain', { 'Content-Type': 'text/plain' }),
  post('events sent as multipart/form-data', { 'Content-Type': 'multipart/form-data; boundary=x' }),
  post('events sent as a form', { 'Content-Type': 'application/x-www-form-urlencoded' }),
  post('events sent without a Content-Type', {}),
  post('events that claim gzip but are plain JSON', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }),
  post('events in an encoding the server does not decode (br)', { 'Content-Type': 'application/json', 'Content-Encoding': 'br' }),
  post('events in a charset other than UTF-8', { 'Content-Type': 'application/json; charset=latin1' }),
  { ...put('a policy sent as text/plain', undefined), raw: JSON.stringify(smallPolicy), headers: { 'Content-Type': 'text/plain' } },
  { ...put('a policy that claims gzip', undefined), raw: JSON.stringify(smallPolicy), headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } },
  post('a body nested 100,000 arrays deep', { 'Content-Type': 'application/json' }, `{"events":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`),
  post('a batch whose events are not objects', { 'Content-Type': 'application/json' }, '{"events":[null, "x", 1]}'),
];

export const ALL_BAD_INPUTS: BadInput[] = [...BAD_EVENTS, ...BAD_POLICIES, ...BAD_QUERIES, ...BAD_BODIES];
