import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { type TicketInput, ticketSchema } from '../ticket';
import { decide } from './decide';
import { decisionSchema } from './decision';
import { buildFacts } from './facts';
import { HEAD_CHARS, MAX_CHARS, TAIL_CHARS } from '../text/bounded';

/** Tuesday 10 March 2026, 10:16 in Berlin: inside the default policy's business hours. */
const TUESDAY_1016 = '2026-03-10T10:16:00+01:00';

function route(input: Omit<TicketInput, 'id'>, now: string = TUESDAY_1016) {
  const decision = decide(defaultPolicy, ticketSchema.parse({ id: 'T-1', ...input }), { now });
  expect(decisionSchema.safeParse(decision).success).toBe(true);
  return decision;
}

const kinds = (d: ReturnType<typeof route>) => d.triggers.map((t) => t.kind);
const reason = (d: ReturnType<typeof route>, about: string) => d.reasons.filter((r) => r.about === about);

describe('decide reads the amount a customer writes', () => {
  it('sends a $2,400 dispute written in the third paragraph to the Billing Specialist, and says the amount came from the text', () => {
    const d = route({
      subject: 'Question about our invoice',
      description: 'Hi,\n\nhope all is well.\n\nWe looked at invoice INV-88 and we are disputing the second charge of $2,400 for the annual plan.\n\nThanks, Ana',
    });
    expect(d).toMatchObject({ tier: 'T1', role: 'billing-specialist', bypass: true });
    const saw = reason(d, 'trigger')[0]?.saw ?? {};
    expect(saw['amount.value']).toBe(2400);
    expect(saw['amount.value (from the text)']).toContain('$2,400');
  });

  it('reads "EUR 1.500,00" and "1.500,00 €" as fifteen hundred', () => {
    for (const written of ['EUR 1.500,00', '1.500,00 €']) {
      const d = route({ subject: 'Doppelt abgebucht', description: `Sie haben ${written} doppelt abgebucht. Wir widersprechen der Abbuchung.` });
      expect(d.role, written).toBe('billing-specialist');
    }
  });

  it('takes the customer’s amount over one in an earlier agent note', () => {
    const d = route({
      subject: 'Refund',
      description: 'We dispute this charge.',
      comments: [
        { author: 'agent', public: false, body: 'Captured €90 on the card.' },
        { author: 'customer', body: 'To be precise: you charged us $2,400 for the annual plan.' },
      ],
    });
    expect(d.role).toBe('billing-specialist');
  });

  it('keeps a dispute under 1,000 with the Front-line Agent', () => {
    const d = route({ subject: 'Overcharged', description: 'You overcharged us $480 this month, please refund.' });
    expect(d).toMatchObject({ tier: 'T1', role: 'front-line-agent', bypass: false });
  });
});

describe('decide reads who said what', () => {
  it('does not raise an incident from a quoted agent macro', () => {
    const d = route({
      subject: 'Re: Password reset',
      description: 'I forgot my password.',
      comments: [{ author: 'customer', body: 'Thanks, the link worked.\n\nOn Tue, 10 Mar 2026, Support <help@x.com> wrote:\n> If your account was compromised, change your password.' }],
    });
    expect(d.bypass).toBe(false);
    expect(kinds(d)).not.toContain('severity');
  });

  it('does not raise an incident from a denial: "nobody hacked us", "no data was lost"', () => {
    expect(route({ subject: 'Locked out', description: 'Nobody hacked us, I just forgot the password.' }).bypass).toBe(false);
    expect(route({ subject: 'Wrong counts', description: 'No data was lost, the counts on the board are wrong.' }).bypass).toBe(false);
  });

  it('reads a German phishing report as a security incident, bypass to the Security Incident Lead', () => {
    const d = route({ subject: 'Phishing-Angriff', description: 'Mehrere Mitarbeiter haben auf eine Phishing-Mail geklickt, ein Konto wurde kompromittiert.' });
    expect(d).toMatchObject({ tier: 'T4', role: 'security-incident-lead', bypass: true, issueType: 'security' });
  });

  it('reads "1,200 employees" in the text as impacted users', () => {
    const d = route({ subject: 'Login broken', description: 'Since 9:00 none of our 1,200 employees can log in with SSO, error SSO_500.' });
    expect(kinds(d)).toContain('systemic');
    expect(reason(d, 'trigger').some((r) => String(r.saw['impactedUsers (from the text)']).includes('1,200 employees'))).toBe(true);
  });
});

describe('decide weighs the evidence for the issue type', () => {
  it('lets the customer’s words outweigh Freshdesk’s default "Question" type', () => {
    const d = route({ helpdesk: 'freshdesk', fields: { Type: 'Question' }, subject: 'Webhooks failing', description: 'Our Salesforce webhook fails with 401 since Monday.' });
    expect(d).toMatchObject({ tier: 'T2', role: 'senior-specialist' });
    expect(kinds(d)).toEqual(['functional']);
  });

  it('never moves a ticket an agent holds at Tier 2 down to the knowledge base on a guess', () => {
    const d = route({ subject: 'Where is the export?', description: 'How do I export the report?', currentTier: 'T2', tierEnteredAt: '2026-03-10T10:00:00+01:00' });
    expect(d).toMatchObject({ tier: 'T2', role: 'senior-specialist' });
    expect(reason(d, 'tier')[0]?.text).toContain('guess');
  });

  it('sends a how-to question nobody holds yet to the knowledge base, even in the entry queue’s group', () => {
    const d = route({ helpdesk: 'zendesk', group: 'Tier 1', subject: 'How do I add a user?', description: 'Where can I find the invite button?' });
    expect(d).toMatchObject({ tier: 'T0', role: 'knowledge-base' });
  });

  it('reports routing by issue type as a functional trigger', () => {
    const d = route({ subject: 'Regression after the update', description: 'Since the 4.2 release the export throws a stack trace.' });
    expect(d).toMatchObject({ tier: 'T3', role: 'engineering-product' });
    expect(kinds(d)).toEqual(['functional']);
  });
});

describe('decide follows the conversation', () => {
  const waitingLong = { requester: { customerTier: 'enterprise' as const }, currentTier: 'T1' as const, status: 'open' as const, tierEnteredAt: '2026-03-10T09:00:00+01:00' };

  it('escalates an enterprise ticket after 15 business minutes at Tier 1', () => {
    expect(kinds(route({ ...waitingLong, subject: 'Report question', description: 'The monthly report shows no data.' }))).toContain('time');
  });

  it('does not escalate on time once the customer wrote that it is solved', () => {
    const d = route({
      ...waitingLong,
      subject: 'Report question',
      description: 'The monthly report shows no data.',
      comments: [{ author: 'customer', body: 'Solved, it was a filter on our side. You can close this.' }],
    });
    expect(kinds(d)).not.toContain('time');
  });

  it('warns about a furious, high-impact first contact without moving it', () => {
    const d = route({
      requester: { customerTier: 'enterprise' },
      subject: 'Unacceptable',
      description: 'This is absolutely unacceptable and outrageous. Your invoice page shows the wrong VAT number and our finance team is furious.',
    });
    const warning = d.triggers.find((t) => t.id === 'sentiment-furious-first-contact');
    expect(warning).toMatchObject({ kind: 'sentiment', warnOnly: true });
    expect(warning?.toTier).toBeUndefined();
    expect(d).toMatchObject({ tier: 'T1', role: 'front-line-agent' });
  });
});

describe('decide reads a very long message at its start and end (core/text/bounded.ts)', () => {
  /** Plain prose with nothing to route on, as a pasted log or a forwarded thread reads to the router. */
  const filler = (chars: number) => 'The export ran at night and wrote its rows to the archive as usual.\n'.repeat(Math.ceil(chars / 68)).slice(0, chars);
  const breach = 'I think we were hacked: someone changed our admin email overnight.';
  const isIncident = (d: ReturnType<typeof route>) => d.role === 'security-incident-lead' && d.bypass;

  it(`finds a breach anywhere in a message of up to ${MAX_CHARS.toLocaleString('en')} characters: in its middle too`, () => {
    for (const at of [0, Math.round(MAX_CHARS / 2), MAX_CHARS - 100]) {
      const description = `${filler(at)}${breach}\n${filler(MAX_CHARS - at - breach.length - 1)}`;
      expect(description.length).toBe(MAX_CHARS);
      expect(isIncident(route({ subject: 'Nightly export', description })), `breach at ${at}`).toBe(true);
    }
  });

  it(`finds a breach in the first ${HEAD_CHARS.toLocaleString('en')} or the last ${TAIL_CHARS.toLocaleString('en')} characters of a 200,000-character message`, () => {
    expect(isIncident(route({ subject: 'Nightly export', description: `${breach}\n${filler(200_000)}` }))).toBe(true);
    expect(isIncident(route({ subject: 'Nightly export', description: `${filler(200_000)}\n${breach}` }))).toBe(true);
  });

  it('does not read the middle of a 200,000-character message', () => {
    expect(isIncident(route({ subject: 'Nightly export', description: `${filler(100_000)}\n${breach}\n${filler(100_000)}` }))).toBe(false);
  });
});

describe('decide reads a long thread at its first and newest messages (core/text/bounded.ts)', () => {
  const breach = 'I think we were hacked: someone changed our admin email overnight.';
  const isIncident = (d: ReturnType<typeof route>) => d.role === 'security-incident-lead' && d.bypass;
  /** 2,000 short exchanges about a nightly export, with `say` written by the customer as message `at`. */
  const thread = (say: string, at: number) =>
    Array.from({ length: 2_000 }, (_, i) => ({
      author: i % 2 === 0 ? ('customer' as const) : ('agent' as const),
      public: true,
      body: i === at ? say : i % 2 === 0 ? `Run ${i}: the export finished late again.` : `Thanks, we are looking at run ${i}.`,
    }));

  it('finds a breach in the first customer message or the newest one of 2,000', () => {
    expect(isIncident(route({ subject: 'Nightly export', description: '', comments: thread(breach, 0) }))).toBe(true);
    expect(isIncident(route({ subject: 'Nightly export', description: 'The nightly export finishes late.', comments: thread(breach, 1_998) }))).toBe(true);
  });

  it('does not read message 1,000 of 2,000, yet counts every customer message', () => {
    const ticket = { subject: 'Nightly export', description: 'The nightly export finishes late.', comments: thread(breach, 1_000) };
    expect(isIncident(route(ticket))).toBe(false);
    expect(buildFacts(defaultPolicy, ticketSchema.parse({ id: 'T-1', ...ticket }), { now: TUESDAY_1016 }).customerMessageCount).toBe(1_001);
  });
});
