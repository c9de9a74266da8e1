import fc from 'fast-check';
import { defaultPolicyInput } from '../policy/default-policy';
import { type TicketInput, ticketSchema, type Ticket } from '../ticket';

/**
 * Inputs for the fuzz targets (`./targets.ts`): what a hostile or careless sender could hand each boundary, with
 * the shapes that broke it before weighted up — keys that are Object.prototype's members, dates from year 0000 to
 * 9999, conditions thousands of levels deep, patterns built from the pieces of catastrophic ones.
 */

/** Keys and values that name Object.prototype's members, and names the default policy maps. */
export const HOSTILE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'] as const;
const MAPPED = ['tier_2', 'tier_4', 'confirmed_bug', 'security_incident', 'Issue type', 'Plan', 'cf_plan', 'Type', 'Request type', 'Tier 2', 'Support', 'Enterprise', 'Question', 'Billing', 'vip', ''];

export const hostileKey = fc.oneof(fc.constantFrom(...HOSTILE_KEYS, ...MAPPED), fc.string({ maxLength: 12 }));

const WORDS = [
  'hacked', 'URGENT!!!', 'refund', 'invoice', '$2,400', '€1.200,50', '500 users', 'all our users', 'third time', 'not', 'never', 'unacceptable', 'API', 'error 500',
  'webhook', 'data loss', 'outage', 'rechnung', 'facture', 'constructor', 'toString', '__proto__', '>', 'On Monday, Ana wrote:', '--', 'Best regards', '😀', 'ſ', 'İ', '\u0000', '\ud800',
  'a'.repeat(40), '!!!!!!!!', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '\n', '\r\n', '\u2028', '  ',
];

/** Ticket text: prose of support words, arbitrary Unicode, or runs that make backtracking engines stall. */
export const ticketText = (maxWords: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: maxWords }).map((w) => w.join(' ')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: maxWords * 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: maxWords * 2 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'ab', 'a ', '\\w', 'é', '1'), fc.integer({ min: 0, max: maxWords * 8 })).map(([s, n]) => s.repeat(n)) },
  );

/** What customers paste and forward, in the languages they write: repeated, with a number that changes, into texts of up to 60,000 characters. */
const PASTED = [
  'Hi team, the nightly export stopped at 80 percent again and nobody has gotten back to me.',
  'We were charged twice, $2,400 each time!!! This is UNACCEPTABLE.',
  'Seit dem Update können sich 40 Mitarbeiter nicht mehr anmelden, die Rechnung über 1.500,00 € ist auch falsch.',
  'No hemos perdido datos, pero la sincronización con Salesforce falla desde ayer.',
  'Avons-nous été piratés ? Non, rien de tel, mais la facture est erronée.',
  '> On Monday, Ana from Support wrote:',
  '2026-03-09 10:00:01 ERROR sync failed: timeout after 30 s (request id 7f3a9c)',
  'Best regards,\nJane Doe | Head of Revenue Operations | +1 415 555 0100',
];
const pastedText = fc
  .record({ pick: fc.array(fc.constantFrom(...PASTED), { minLength: 1, maxLength: 8 }), chars: fc.integer({ min: 1_000, max: 60_000 }), seed: fc.nat() })
  .map(({ pick, chars, seed }) => {
    let text = '';
    for (let i = 0; text.length < chars; i++) text += `${pick[i % pick.length]} (${seed + i})\n`;
    return text.slice(0, chars);
  });

/** Mostly a few short messages; now and then a long paste, or a thread of hundreds of messages ending in one. */
const messageText = (maxWords: number) => fc.oneof({ weight: 30, arbitrary: ticketText(maxWords) }, { weight: 1, arbitrary: pastedText });

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

/** An ISO 8601 date-time with an offset, anywhere from year 0000 to 9999, as the ticket schema accepts it. */
export const isoInstant = fc
  .record({
    ms: fc.integer({ min: Date.parse('0000-01-02T00:00:00Z'), max: Date.parse('9999-12-30T00:00:00Z') }),
    offsetMinutes: fc.oneof(fc.constant(0), fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
    fraction: fc.boolean(),
  })
  .map(({ ms, offsetMinutes, fraction }) => {
    const local = new Date(ms + offsetMinutes * 60_000);
    const y = local.getUTCFullYear();
    const sign = offsetMinutes < 0 ? '-' : '+';
    const offset = offsetMinutes === 0 && !fraction ? 'Z' : `${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60), 2)}:${pad(Math.abs(offsetMinutes) % 60, 2)}`;
    const date = `${pad(y, 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}`;
    const time = `${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}${fraction ? `.${pad(local.getUTCMilliseconds(), 3)}` : ''}`;
    return `${date}T${time}${offset}`;
  });

/** Near the decision's "now" most of the time, anywhere in 0000–9999 otherwise. */
const ticketInstant = (now: number) => fc.oneof(isoInstant, fc.integer({ min: -400 * 86_400_000, max: 86_400_000 }).map((d) => new Date(now + d).toISOString()));

const fieldValue = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE_KEYS, ...MAPPED), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(hostileKey, { maxLength: 4 }));

const comment = (now: number, body: fc.Arbitrary<string>) =>
  fc.record(
    { author: fc.constantFrom('customer', 'agent', 'system') as fc.Arbitrary<'customer' | 'agent' | 'system'>, public: fc.boolean(), body, at: ticketInstant(now), authorName: fc.string({ maxLength: 12 }) },
    { requiredKeys: ['author', 'body'] },
  );

/** A ticket as an adapter might send it: every field of the schema, with hostile keys, texts and dates. */
export const ticketInput = (now: number): fc.Arbitrary<TicketInput> =>
  fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 12 }),
      helpdesk: fc.constantFrom('zendesk', 'freshdesk', 'jira') as fc.Arbitrary<'zendesk' | 'freshdesk' | 'jira'>,
      url: fc.webUrl(),
      subject: fc.oneof({ weight: 30, arbitrary: ticketText(12) }, { weight: 1, arbitrary: pastedText }),
      description: messageText(120),
      comments: fc.oneof(
        { weight: 30, arbitrary: fc.array(comment(now, messageText(60)), { maxLength: 5 }) },
        { weight: 1, arbitrary: fc.tuple(fc.array(comment(now, ticketText(20)), { maxLength: 400 }), comment(now, messageText(60))).map(([thread, last]) => [...thread, last]) },
      ),
      requester: fc.record(
        {
          id: fc.string({ maxLength: 8 }),
          name: fc.string({ maxLength: 12 }),
          email: fc.string({ maxLength: 20 }),
          organization: hostileKey,
          customerTier: fc.constantFrom('free', 'standard', 'premium', 'enterprise') as fc.Arbitrary<'free' | 'standard' | 'premium' | 'enterprise'>,
          contractValue: fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e308, noNaN: true })),
        },
        { requiredKeys: [] },
      ),
      priority: fc.constantFrom('low', 'normal', 'high', 'urgent') as fc.Arbitrary<'low' | 'normal' | 'high' | 'urgent'>,
      status: fc.constantFrom('new', 'open', 'pending', 'on-hold', 'solved', 'closed') as fc.Arbitrary<'new' | 'open' | 'pending' | 'on-hold' | 'solved' | 'closed'>,
      tags: fc.array(hostileKey, { maxLength: 6 }),
      fields: fc.dictionary(hostileKey, fieldValue, { maxKeys: 5 }),
      group: hostileKey,
      assigneeRole: hostileKey,
      issueType: hostileKey,
      impactedUsers: fc.nat(),
      amount: fc.record({ value: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e308, noNaN: true })), currency: fc.constantFrom('USD', 'EUR', 'XXX', 'JPY') }),
      channel: hostileKey,
      currentTier: fc.constantFrom('T0', 'T1', 'T2', 'T3', 'T4') as fc.Arbitrary<'T0' | 'T1' | 'T2' | 'T3' | 'T4'>,
      tierEnteredAt: ticketInstant(now),
      createdAt: ticketInstant(now),
      updatedAt: ticketInstant(now),
      reopenCount: fc.nat({ max: 1000 }),
      unreadable: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    },
    { requiredKeys: ['id'] },
  );

/** Tickets the schema accepts (defaults filled in), as `decide` receives them. */
export const acceptedTicket = (now: number): fc.Arbitrary<Ticket> =>
  ticketInput(now)
    .map((input) => ticketSchema.safeParse(input))
    .filter((r) => r.success)
    .map((r) => r.data as Ticket);

/** A triage suggestion, sometimes naming a label the policy maps, sometimes a prototype key. */
export const modelSuggestion = fc.record({
  label: fc.oneof(fc.constantFrom(...Object.keys(defaultPolicyInput.ai.labels)), hostileKey),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
});

// --- policies ---------------------------------------------------------------------------------------------------

const leaf = fc.oneof(
  fc.constant({ field: 'priority', op: 'eq', value: 'urgent' }),
  fc.constant({ field: 'tags', op: 'in', value: ['constructor', 'vip'] }),
  fc.record({ field: hostileKey, op: fc.constantFrom('eq', 'exists', 'contains'), value: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.boolean()) }),
  fc.record({ field: fc.constantFrom('text', 'subject', 'description'), op: fc.constant('matches'), value: fc.array(fc.constantFrom('a', '*', '+', '(', ')', '|', '\\w', '\\s', '.', '{2,}', '?', '[a-z]', '\\1', '(?=', '$', '^', '\\'), { minLength: 1, maxLength: 12 }).map((p) => p.join('')) }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A condition nested `depth` levels through all / any / not, built without recursion. */
function nest(inner: unknown, depth: number, kinds: readonly ('all' | 'any' | 'not')[]): unknown {
  let c = inner;
  for (let i = 0; i < depth; i++) {
    const kind = kinds[i % kinds.length] as 'all' | 'any' | 'not';
    c = kind === 'not' ? { not: c } : { [kind]: [c] };
  }
  return c;
}

/** The same nesting written as JSON text, so the text path (JSON.parse) meets it too. */
function nestText(inner: string, depth: number, kinds: readonly ('all' | 'any' | 'not')[]): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = depth - 1; i >= 0; i--) {
    const kind = kinds[i % kinds.length] as 'all' | 'any' | 'not';
    open.push(kind === 'not' ? '{"not":' : `{"${kind}":[`);
    close.push(kind === 'not' ? '}' : ']}');
  }
  return open.join('') + inner + close.reverse().join('');
}

const SLOTS = ['triggers', 'severities', 'sensitive'] as const;

function withCondition(slot: (typeof SLOTS)[number], index: number, when: unknown): Record<string, unknown> {
  const p = structuredClone(defaultPolicyInput) as unknown as Record<string, unknown> & { triggers: { when: unknown }[]; severities: { when?: unknown }[]; ai: { sensitive: { when: unknown }[] } };
  const list = slot === 'triggers' ? p.triggers : slot === 'severities' ? p.severities : p.ai.sensitive;
  (list[index % list.length] as { when?: unknown }).when = when;
  return p;
}

/** Deep documents: a condition nested up to 3,000 levels, as a value or as JSON text. */
const deepPolicy = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 3000 })),
    kinds: fc.array(fc.constantFrom('all', 'any', 'not') as fc.Arbitrary<'all' | 'any' | 'not'>, { minLength: 1, maxLength: 4 }),
    inner: leaf,
    slot: fc.constantFrom(...SLOTS),
    index: fc.nat(),
    asText: fc.boolean(),
  })
  .map(({ depth, kinds, inner, slot, index, asText }) => {
    if (!asText) return withCondition(slot, index, nest(inner, depth, kinds));
    const marker = '"__WHEN__"';
    return JSON.stringify(withCondition(slot, index, '__WHEN__')).replace(marker, nestText(JSON.stringify(inner) ?? 'null', depth, kinds));
  });

/** Wide documents: thousands of alternatives, triggers or keys. */
const widePolicy = fc
  .record({ width: fc.integer({ min: 1, max: 5000 }), inner: leaf, kind: fc.constantFrom('all', 'any', 'triggers', 'groups') })
  .map(({ width, inner, kind }) => {
    if (kind === 'all' || kind === 'any') return withCondition('triggers', 0, { [kind]: Array.from({ length: width }, () => inner) });
    const p = structuredClone(defaultPolicyInput) as unknown as { triggers: { id: string }[]; helpdesks: { zendesk: { groups: Record<string, string> } } };
    if (kind === 'triggers') p.triggers = Array.from({ length: Math.min(width, 1000) }, (_, i) => ({ ...(p.triggers[i % p.triggers.length] as { id: string }), id: `t-${i}` }));
    else for (let i = 0; i < width; i++) p.helpdesks.zendesk.groups[`g${i}`] = 'T2';
    return p;
  });

/** The default policy with one value replaced (by JSON, a hostile key or a deep value) at a random path. */
const mutatedPolicy = fc.record({ path: fc.array(fc.oneof(fc.nat({ max: 20 }), fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 }), value: fc.jsonValue({ maxDepth: 4 }), depth: fc.nat({ max: 200 }) }).map(({ path, value, depth }) => {
  const root = structuredClone(defaultPolicyInput) as unknown;
  let current = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (next === null || typeof next !== 'object') break;
    current = next as Record<string | number, unknown>;
  }
  Object.defineProperty(current, path[path.length - 1] as string | number, { value: nest(value, depth, ['any', 'not']), enumerable: true, writable: true, configurable: true });
  return root;
});

/** Prototype keys in the policy's own maps, written as JSON text (JSON.parse keeps "__proto__" as an own key). */
const prototypeKeysPolicy = fc.record({ key: fc.constantFrom(...HOSTILE_KEYS), value: fc.constantFrom('T2', 'billing', 'enterprise', 'x') }).map(({ key, value }) => {
  const text = JSON.stringify(defaultPolicyInput);
  return text.replace('"groups":{', `"groups":{${JSON.stringify(key)}:${JSON.stringify(value)},`).replace('"labels":{', `"labels":{${JSON.stringify(key)}:{"issueType":"billing"},`);
});

/** Anything `parsePolicy` may be handed: JSON values, text, and deep, wide and mutated policies. */
export const policyDocument: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.oneof(fc.string(), fc.json({ maxDepth: 4 })),
  deepPolicy,
  widePolicy,
  mutatedPolicy,
  prototypeKeysPolicy,
);

/** Anything `parseTicket` may be handed: JSON values, text, tickets with hostile fields, deep values. */
export const ticketDocument = (now: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 6 }),
    fc.oneof(fc.string(), fc.json({ maxDepth: 4 })),
    ticketInput(now),
    fc.record({ ticket: ticketInput(now), key: fc.constantFrom('fields', 'requester', 'tags', 'comments', 'amount'), depth: fc.nat({ max: 3000 }) }).map(({ ticket, key, depth }) => ({ ...ticket, [key]: nest(null, depth, ['all']) })),
    ticketInput(now).map((t) => JSON.stringify(t).replace('"id":', '"__proto__":{"id":"x"},"constructor":1,"id":')),
  );

/** Events as a client might send them: well-formed ones with odd values, and anything else. */
export const eventDocument: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }),
  fc.record(
    {
      id: fc.oneof(fc.uuid(), fc.string({ maxLength: 80 })),
      type: fc.constantFrom('decision', 'override', 'escalation', 'handoff', 'reassignment', 'reopen', 'csat', 'repeat-explanation', 'summary-confirmation', '__proto__', 'constructor'),
      at: fc.oneof(isoInstant, fc.string({ maxLength: 30 })),
      ticketId: fc.string({ maxLength: 300 }),
      helpdesk: fc.constantFrom('zendesk', 'freshdesk', 'jira', 'toString'),
      agent: fc.string({ unit: 'binary', maxLength: 40 }),
      team: fc.string({ maxLength: 3000 }),
      data: fc.oneof(
        fc.record({ tier: fc.constantFrom('T1', 'T2', 'T9'), role: hostileKey, severity: hostileKey, triggers: fc.array(hostileKey), score: fc.double(), from: fc.constantFrom('T1', 'T2'), to: fc.constantFrom('T2', 'T3'), solvedAt: isoInstant }, { requiredKeys: [] }),
        fc.jsonValue({ maxDepth: 4 }),
      ),
    },
    { requiredKeys: ['type'] },
  ),
);
