import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../conditions/schema';
import { defaultPolicy } from './default-policy';
import { countSentences, type Finding, lintPolicy, lintPolicyText, locateJsonError } from './lint';
import { type Policy, type PolicyInput, policySchema } from './schema';

/** The smallest policy that lints clean: two tiers, two roles, one severity, one calendar. */
function minimal(): PolicyInput {
  return {
    schemaVersion: 1,
    name: 'Minimal',
    tiers: [
      { id: 'T1', name: 'Tier 1', boundary: 'Known issues, billing and access requests that have a documented fix.', ownerRole: 'frontline' },
      { id: 'T2', name: 'Tier 2', boundary: 'Configuration, integrations and reproducible bugs with no documented fix.', ownerRole: 'specialist' },
    ],
    roles: [
      { id: 'frontline', name: 'Front-line Agent', tier: 'T1' },
      { id: 'specialist', name: 'Senior Specialist', tier: 'T2' },
    ],
    severities: [{ id: 'normal', name: 'Normal', response: '4h', escalation: '8h', calendar: 'office' }],
    defaultSeverity: 'normal',
    calendars: [{ id: 'office', timeZone: 'Europe/Berlin', hours: { mon: [{ start: '09:00', end: '17:00' }] } }],
    handoff: {
      base: [{ id: 'summary', label: 'Issue summary' }],
      stages: { 'T1-T2': [{ id: 'steps-taken', label: 'Troubleshooting steps taken' }] },
    },
  };
}

function trigger(id: string, when: Condition, more: Partial<NonNullable<PolicyInput['triggers']>[number]> = {}): NonNullable<PolicyInput['triggers']>[number] {
  return { id, kind: 'systemic', description: `Trigger ${id}`, when, route: { tier: 'T2' }, action: 'Escalate to Tier 2.', ...more };
}

/** Lints the minimal policy after `change`; the schema fills defaults but does not judge semantics. */
function lint(change: (p: PolicyInput) => void = () => {}, after: (p: Policy) => void = () => {}): Finding[] {
  const input = minimal();
  change(input);
  const policy = policySchema.parse(input);
  after(policy);
  return lintPolicy(policy);
}

const codes = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe('lintPolicy', () => {
  it('finds no error in the default policy', () => {
    expect(lintPolicy(defaultPolicy).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('finds nothing wrong with a small, complete policy', () => {
    expect(lint()).toEqual([]);
  });

  it('gives every finding a path, a message and a fix', () => {
    const findings = lint((p) => {
      p.tiers[0]!.ownerRole = 'nobody';
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'undefined-role', path: '$.tiers[0].ownerRole' });
    expect(findings[0]!.message).toContain('"nobody"');
    expect(findings[0]!.fix).toContain('$.roles');
  });

  describe('the one-sentence rule', () => {
    it('warns when a tier boundary takes two sentences', () => {
      const findings = lint((p) => {
        p.tiers[1]!.boundary = 'Configuration and integrations. Also some bugs, when Tier 1 cannot reproduce them.';
      });
      expect(codes(findings)).toEqual(['warning boundary-not-one-sentence $.tiers[1].boundary']);
    });

    it('does not count abbreviations and version numbers as sentence ends', () => {
      expect(countSentences('Integrations, e.g. Salesforce and API v2.1 clients, that need backend access.')).toBe(1);
      expect(countSentences('Tier 1 owns billing! Tier 2 owns bugs?')).toBe(2);
    });
  });

  it('warns about more than four tiers staffed by people, but not about a self-service Tier 0', () => {
    const tiers = (human0: boolean) => (p: PolicyInput) => {
      const ids = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;
      p.tiers = ids.map((id) => ({ id, name: id, boundary: `What ${id} owns.`, ownerRole: `owner-${id.toLowerCase()}`, human: id === 'T0' ? human0 : true }));
      p.roles = ids.map((id) => ({ id: `owner-${id.toLowerCase()}`, name: `Owner of ${id}`, tier: id }));
      p.handoff.stages = { 'T0-T1': [{ id: 'user-id', label: 'User ID' }], 'T1-T2': [{ id: 'a', label: 'A' }], 'T2-T3': [{ id: 'b', label: 'B' }], 'T3-T4': [{ id: 'c', label: 'C' }] };
    };
    expect(codes(lint(tiers(true)))).toEqual(['warning too-many-human-tiers $.tiers']);
    expect(lint(tiers(false))).toEqual([]);
  });

  describe('undefined references', () => {
    it('reports an issue type and a trigger that route to roles nobody defined', () => {
      const findings = lint((p) => {
        p.issueTypes = [{ id: 'billing', name: 'Billing', tier: 'T1', role: 'billing-specialist' }];
        p.triggers = [trigger('dispute', { field: 'amount.value', op: 'gt', value: 1000 }, { kind: 'contractual', route: { role: 'billing-team' } })];
      });
      expect(codes(findings)).toEqual(['error undefined-role $.issueTypes[0].role', 'error undefined-role $.triggers[0].route.role']);
    });

    it('reports a severity whose calendar is not defined', () => {
      const findings = lint((p) => {
        p.severities[0]!.calendar = '24x7';
      });
      expect(codes(findings)).toEqual(['error undefined-calendar $.severities[0].calendar']);
    });

    it('reports undefined severities in the default and in triggers', () => {
      const findings = lint((p) => {
        p.defaultSeverity = 'medium';
        p.triggers = [trigger('breach', { field: 'text', op: 'contains', value: 'data breach' }, { kind: 'severity', severity: 'critical' })];
      });
      expect(codes(findings)).toEqual(['error undefined-severity $.defaultSeverity', 'error undefined-severity $.triggers[0].severity']);
    });

    it('reports a trigger that routes to a tier the policy does not have', () => {
      const findings = lint((p) => {
        p.triggers = [trigger('outage', { field: 'impactedUsers', op: 'gte', value: 1000 }, { route: { tier: 'T4', bypass: true } })];
      });
      expect(codes(findings)).toEqual(['error undefined-tier $.triggers[0].route.tier']);
    });

    it('does not report a warn-only trigger ({ "stay": true }) as routing to an undefined tier or role', () => {
      const furious = trigger('furious', { field: 'customerText', op: 'mentions', value: ['unacceptable', 'fed up'] }, { kind: 'sentiment', route: { stay: true } });
      expect(lint((p) => (p.triggers = [furious]))).toEqual([]);
    });

    it('reports a condition that compares the current tier with a tier the policy does not have', () => {
      const findings = lint((p) => {
        p.triggers = [trigger('stale', { all: [{ field: 'currentTier', op: 'eq', value: 'T3' }, { field: 'timeInQueue', op: 'longerThan', value: '2h' }] }, { kind: 'time' })];
      });
      expect(codes(findings)).toEqual(['error undefined-tier $.triggers[0].when.all[0].value']);
    });
  });

  it('warns when a route or an owner puts a role at a tier it does not work at', () => {
    const findings = lint((p) => {
      p.triggers = [trigger('breach', { field: 'text', op: 'contains', value: 'security breach' }, { kind: 'severity', route: { tier: 'T2', role: 'frontline' } })];
    });
    expect(codes(findings)).toEqual(['warning role-tier-mismatch $.triggers[0].route']);
  });

  it('reports a severity and a sensitive case that can never apply', () => {
    const impossible = { all: [{ field: 'priority', op: 'eq', value: 'urgent' }, { field: 'priority', op: 'eq', value: 'low' }] } as Condition;
    const findings = lint((p) => {
      p.severities[0]!.when = impossible;
      p.ai = { sensitive: [{ id: 'legal', description: 'Legal disputes', when: impossible }] };
    });
    expect(codes(findings)).toEqual(['error severity-never-applies $.severities[0].when', 'error sensitive-case-never-applies $.ai.sensitive[0].when']);
  });

  describe('triggers that can never fire', () => {
    const never = (when: Condition) => codes(lint((p) => (p.triggers = [trigger('t', when)])));

    it('reports a field required to equal two different values', () => {
      expect(never({ all: [{ field: 'priority', op: 'eq', value: 'urgent' }, { field: 'priority', op: 'eq', value: 'low' }] })).toEqual(['error trigger-never-fires $.triggers[0].when']);
    });

    it('reports a number required to be above 10 and below 5', () => {
      expect(never({ all: [{ field: 'impactedUsers', op: 'gt', value: 10 }, { field: 'impactedUsers', op: 'lt', value: 5 }] })).toEqual(['error trigger-never-fires $.triggers[0].when']);
    });

    it('reports a duration required to be longer than 2h and shorter than 30m', () => {
      expect(never({ all: [{ field: 'timeInQueue', op: 'longerThan', value: '2h' }, { field: 'timeInQueue', op: 'shorterThan', value: 30 }] })).toEqual(['error trigger-never-fires $.triggers[0].when']);
    });

    it('reports a value excluded by its own negation', () => {
      expect(never({ all: [{ field: 'channel', op: 'eq', value: 'email' }, { not: { field: 'channel', op: 'in', value: ['email', 'web'] } }] })).toEqual(['error trigger-never-fires $.triggers[0].when']);
    });

    it('reports a test on a field that must also be absent', () => {
      expect(never({ all: [{ field: 'amount.value', op: 'gt', value: 1000 }, { field: 'amount.value', op: 'exists', value: false }] })).toEqual(['error trigger-never-fires $.triggers[0].when']);
    });

    it('reports an "in" with an empty list', () => {
      const findings = lint(
        (p) => (p.triggers = [trigger('t', { field: 'channel', op: 'in', value: ['email'] })]),
        (p) => {
          // The schema refuses an empty list; a policy built in code can still carry one.
          (p.triggers[0]!.when as { value: unknown[] }).value = [];
        },
      );
      expect(codes(findings)).toEqual(['error trigger-never-fires $.triggers[0].when']);
    });

    it('reports an "any" whose every alternative is impossible, and spares one with a live alternative', () => {
      const dead = { all: [{ field: 'priority', op: 'eq', value: 'urgent' }, { field: 'priority', op: 'eq', value: 'low' }] } as Condition;
      expect(never({ any: [dead, { all: [{ field: 'impactedUsers', op: 'gt', value: 10 }, { field: 'impactedUsers', op: 'lte', value: 10 }] }] })).toEqual(['error trigger-never-fires $.triggers[0].when']);
      expect(never({ any: [dead, { field: 'priority', op: 'eq', value: 'urgent' }] })).toEqual([]);
    });

    it('accepts two different tags at once, since a ticket carries many tags', () => {
      expect(never({ all: [{ field: 'tags', op: 'eq', value: 'vip' }, { field: 'tags', op: 'eq', value: 'outage' }] })).toEqual([]);
    });

    it('reports a mentions test beside its own negation, and spares a negated phrase that is not implied', () => {
      const breach: Condition = { field: 'text', op: 'mentions', value: ['data breach', 'hack*'] };
      expect(never({ all: [breach, { not: breach }] })).toEqual(['error trigger-never-fires $.triggers[0].when']);
      expect(never({ all: [breach, { not: { field: 'text', op: 'mentions', value: ['hack*', 'data', 'phishing'] } }] })).toEqual(['error trigger-never-fires $.triggers[0].when']);
      expect(never({ all: [breach, { not: { field: 'text', op: 'mentions', value: 'breach of contract' } }] })).toEqual([]);
      expect(never({ all: [breach, { field: 'text', op: 'contains', value: 'hack' }, { field: 'fields.Product', op: 'mentions', value: 'billing portal' }] })).toEqual([]);
    });

    it('reports a pattern that could hang the worker', () => {
      expect(never({ field: 'description', op: 'matches', value: '(a+)+$' })).toEqual(['error unsafe-pattern $.triggers[0].when.value']);
    });
  });

  describe('shadowed triggers', () => {
    const systemic = (id: string, users: number) => trigger(id, { field: 'impactedUsers', op: 'gte', value: users });

    it('warns when an earlier trigger of the same kind fires whenever the later one does', () => {
      const findings = lint((p) => (p.triggers = [systemic('many', 100), systemic('thousands', 1000)]));
      expect(codes(findings)).toEqual(['warning trigger-shadowed $.triggers[1].when']);
      expect(findings[0]!.message).toContain('"many"');
    });

    it('does not warn when the later trigger is the more general one', () => {
      expect(lint((p) => (p.triggers = [systemic('thousands', 1000), systemic('many', 100)]))).toEqual([]);
    });

    it('does not warn across kinds', () => {
      expect(lint((p) => (p.triggers = [systemic('many', 100), { ...systemic('thousands', 1000), kind: 'severity' }]))).toEqual([]);
    });

    it('reads mentions phrases as words: "data breach reported" is shadowed by "data breach", "password" is not by "pass"', () => {
      const mentions = (id: string, value: string | string[]) => trigger(id, { field: 'customerText', op: 'mentions', value }, { kind: 'severity' });
      expect(codes(lint((p) => (p.triggers = [mentions('breach', ['data breach', 'hack*']), mentions('reported', 'data breach reported')])))).toEqual(['warning trigger-shadowed $.triggers[1].when']);
      expect(lint((p) => (p.triggers = [mentions('pass', 'pass'), mentions('password', 'password')]))).toEqual([]);
      expect(lint((p) => (p.triggers = [mentions('working', 'working'), mentions('not-working', 'not working')]))).toEqual([]);
    });

    it('warns about an identical condition under an extra test', () => {
      const enterprise = { field: 'requester.customerTier', op: 'eq', value: 'enterprise' } as const;
      const long = { field: 'timeInQueue', op: 'longerThan', value: '15m' } as const;
      const findings = lint((p) => (p.triggers = [trigger('any-15m', long, { kind: 'time' }), trigger('enterprise-15m', { all: [enterprise, long] }, { kind: 'time' })]));
      expect(codes(findings)).toEqual(['warning trigger-shadowed $.triggers[1].when']);
    });
  });

  describe('vague triggers', () => {
    it('reports "escalate if unsure" written as a text search', () => {
      const findings = lint((p) => (p.triggers = [trigger('unsure', { field: 'comments', op: 'contains', value: ['unsure', 'not sure'] }, { kind: 'functional', description: 'Escalate if unsure' })]));
      expect(codes(findings)).toEqual(['error vague-trigger $.triggers[0].when']);
    });

    it('reports a flag named after a feeling', () => {
      const findings = lint((p) => (p.triggers = [trigger('stuck', { field: 'fields.agent_stuck', op: 'eq', value: true }, { kind: 'functional', description: 'Agent is stuck' })]));
      expect(codes(findings)).toEqual(['error vague-trigger $.triggers[0].when']);
    });

    it('reports "escalate if unsure" written with mentions', () => {
      const findings = lint((p) => (p.triggers = [trigger('unsure', { field: 'text', op: 'mentions', value: ['=unsure', 'not sure … fix'] }, { kind: 'functional', description: 'Escalate if unsure' })]));
      expect(codes(findings)).toEqual(['error vague-trigger $.triggers[0].when']);
    });

    it('accepts a text trigger that looks for a concrete event', () => {
      expect(lint((p) => (p.triggers = [trigger('breach', { field: 'text', op: 'contains', value: ['security breach', 'data leak'] }, { kind: 'severity' })]))).toEqual([]);
    });

    it('accepts a vague description when the condition is measurable', () => {
      expect(lint((p) => (p.triggers = [trigger('cx', { field: 'issueType', op: 'in', value: ['configuration'] }, { description: 'Complex configuration problems' })]), (p) => p.issueTypes.push({ id: 'configuration', name: 'Configuration', tier: 'T2', keywords: [] }))).toEqual([]);
    });
  });

  describe('mentions phrases', () => {
    const phrases = (value: string | string[], field = 'customerText') => lint((p) => (p.triggers = [trigger('t', { field, op: 'mentions', value }, { kind: 'severity' })]));

    it('reports a phrase with no words once its markers are gone, with the path of the phrase and a fix', () => {
      const findings = phrases(['data breach', '… *']);
      expect(codes(findings)).toEqual(['error empty-phrase $.triggers[0].when.value[1]']);
      expect(findings[0]!.message).toContain('never matches');
      expect(findings[0]!.fix).toContain('charged … twice');
    });

    it('reports a phrase of more than eight words', () => {
      expect(codes(phrases('we think that someone has logged into our admin account'))).toEqual(['error long-phrase $.triggers[0].when.value']);
      expect(phrases('someone has logged into our admin account')).toEqual([]);
    });

    it('reports a phrase that is only a stop word, in any of the languages', () => {
      expect(codes(phrases(['the', 'hack*', '=nicht', 'pas']))).toEqual(['error stop-word-phrase $.triggers[0].when.value[0]', 'error stop-word-phrase $.triggers[0].when.value[2]', 'error stop-word-phrase $.triggers[0].when.value[3]']);
    });

    it('checks the phrases of severities and sensitive cases too', () => {
      const findings = lint((p) => {
        p.severities[0]!.when = { field: 'subject', op: 'mentions', value: 'a' };
        p.ai = { sensitive: [{ id: 'legal', description: 'Legal disputes', when: { not: { field: 'customerText', op: 'mentions', value: '*' } } }] };
      });
      expect(codes(findings)).toEqual(['error stop-word-phrase $.severities[0].when.value', 'error empty-phrase $.ai.sensitive[0].when.not.value']);
    });

    it('accepts mentions on a field that is not text, such as a number or a custom field', () => {
      expect(phrases('gold plan', 'fields.Plan')).toEqual([]);
      expect(phrases('100', 'impactedUsers')).toEqual([]);
    });
  });

  it('warns about a stage between two tiers that asks for no context of its own', () => {
    const findings = lint((p) => {
      p.handoff.stages = {};
    });
    expect(codes(findings)).toEqual(['warning stage-without-requirements $.handoff.stages["T1-T2"]']);
  });

  it('warns about handoff requirements for a stage that joins a tier the policy does not have', () => {
    const findings = lint((p) => {
      p.handoff.stages['T2-T3'] = [{ id: 'logs', label: 'System logs' }];
    });
    expect(codes(findings)).toEqual(['warning unused-stage $.handoff.stages["T2-T3"]']);
  });

  it('reports ids used twice', () => {
    const findings = lint((p) => {
      p.roles.push({ id: 'frontline', name: 'Another', tier: 'T1' });
      p.handoff.stages['T1-T2']!.push({ id: 'summary', label: 'Summary again' });
    });
    expect(codes(findings)).toEqual(['error duplicate-id $.roles[2].id', 'error duplicate-id $.handoff.stages["T1-T2"][1].id']);
  });

  it('reports AI gates that send one suggestion both to automation and to a human', () => {
    const findings = lint((p) => {
      p.ai = { autoRouteAt: 0.9, humanBelow: 0.95, categories: { billing: { autoRouteAt: 0.6 } } };
    });
    expect(codes(findings)).toEqual(['error ai-gates-inverted $.ai.humanBelow', 'error ai-gates-inverted $.ai.categories.billing']);
  });

  describe('calendars', () => {
    it('reports a time zone that is not an IANA name', () => {
      const findings = lint((p) => {
        p.calendars[0]!.timeZone = 'Central European Time';
      });
      expect(codes(findings)).toEqual(['error invalid-time-zone $.calendars[0].timeZone']);
    });

    it('reports business hours that end before they start', () => {
      const findings = lint((p) => {
        p.calendars[0]!.hours = { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '17:00', end: '09:00' }] };
      });
      expect(codes(findings)).toEqual(['error empty-hours $.calendars[0].hours.tue[0]']);
    });

    it('accepts hours that run to midnight', () => {
      expect(lint((p) => (p.calendars[0]!.hours = { fri: [{ start: '18:00', end: '24:00' }] }))).toEqual([]);
    });

    it('reports a holiday that is not a real date', () => {
      const findings = lint((p) => {
        p.calendars[0]!.holidays = ['2026-12-25', '2026-02-30'];
      });
      expect(codes(findings)).toEqual(['error invalid-holiday $.calendars[0].holidays[1]']);
    });
  });
});

describe('lintPolicyText', () => {
  it('reports malformed JSON with its line and column', () => {
    const findings = lintPolicyText('{\n  "schemaVersion": 1,\n  "name": "x",,\n}');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'invalid-json', path: '$' });
    expect(findings[0]!.message).toContain('line 3, column 15');
  });

  it('reports schema errors as lint errors with their path and fix', () => {
    const input = minimal();
    (input.tiers[0] as { id: string }).id = 'T9';
    const findings = lintPolicyText(JSON.stringify(input));
    expect(findings.map((f) => `${f.code} ${f.path}`)).toEqual(['invalid-policy $.tiers[0].id']);
    expect(findings[0]!.fix).toContain('"T1"');
  });

  it('lints a valid policy text like the parsed policy', () => {
    const input = minimal();
    input.tiers[0]!.ownerRole = 'ghost';
    expect(codes(lintPolicyText(JSON.stringify(input)))).toEqual(['error undefined-role $.tiers[0].ownerRole']);
  });
});

describe('lintPolicyText on any input', () => {
  it('never throws, and reports anything that is not a policy as errors with a path and a fix', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ ...minimal(), tiers: v }))), (text) => {
        const findings = lintPolicyText(text);
        for (const f of findings) {
          expect(f.path.startsWith('$')).toBe(true);
          expect(f.fix.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('never throws on a policy whose triggers are random conditions', () => {
    const leaf = fc.record({ field: fc.constantFrom('priority', 'tags', 'impactedUsers', 'text', 'currentTier'), op: fc.constantFrom('eq', 'ne', 'gt', 'lt', 'contains', 'mentions', 'exists', 'matches'), value: fc.oneof(fc.string({ minLength: 1 }), fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }), fc.integer(), fc.boolean()) });
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), when: fc.oneof(leaf, fc.record({ all: fc.array(leaf, { minLength: 1, maxLength: 4 }) })) }), { maxLength: 4 }), (triggers) => {
        const input = { ...minimal(), triggers: triggers.map((t) => trigger(t.id, t.when as Condition)) };
        expect(Array.isArray(lintPolicyText(JSON.stringify(input)))).toBe(true);
      }),
    );
  });
});

describe('locateJsonError', () => {
  it('points at an unterminated string on its own line', () => {
    expect(locateJsonError('{\n"a": "b\n}')).toMatchObject({ line: 2, column: 8 });
  });

  it('says nothing about valid JSON', () => {
    expect(locateJsonError('{"a": [1, 2.5e3, true, null, "x"]}')).toBeNull();
  });
});
