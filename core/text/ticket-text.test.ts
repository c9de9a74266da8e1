import { describe, expect, it } from 'vitest';
import { type TicketInput, ticketSchema } from '../ticket';
import { compilePhrase, findPhrase } from './phrase';
import { forgetReadTexts, readTicketText } from './ticket-text';

const ticket = (input: Omit<TicketInput, 'id'>) => ticketSchema.parse({ id: '4711', ...input });

const DESCRIPTION = 'Hi,\nyou charged us $2,400 twice this month. All 40 users on our plan saw the second charge.\n\nBest regards,\nJane Doe\nFinance Lead';

const billing = ticket({
  subject: 'Charged twice for March',
  description: DESCRIPTION,
  comments: [
    // Zendesk shows the description again as the first comment.
    { author: 'customer', body: DESCRIPTION },
    { author: 'agent', public: true, body: 'Sorry about that! We will refund EUR 500 to all 300 users within 5 days.' },
    { author: 'agent', public: false, body: 'Stripe shows the duplicate charge of $2,400.' },
    { author: 'system', body: 'Ticket assigned to Billing, 2 users notified.' },
    { author: 'customer', body: 'Still no refund.\n\nOn Tue, 10 Mar 2026, Support <help@x.com> wrote:\n> We will refund EUR 500 to all 300 users within 5 days.' },
  ],
});

describe('readTicketText', () => {
  it('cuts each message to its own words and labels who wrote it', () => {
    expect(readTicketText(billing).parts.map((p) => [p.speaker, p.doc.text])).toEqual([
      ['subject', 'Charged twice for March'],
      ['first-message', 'Hi,\nyou charged us $2,400 twice this month. All 40 users on our plan saw the second charge.'],
      ['agent-reply', 'Sorry about that! We will refund EUR 500 to all 300 users within 5 days.'],
      ['agent-note', 'Stripe shows the duplicate charge of $2,400.'],
      ['customer', 'Still no refund.'],
    ]);
  });

  it('groups the customer\'s words, the agents\' notes and everything but agents\' replies', () => {
    const text = readTicketText(billing);
    expect(text.customer.map((d) => d.text)).toEqual(['Charged twice for March', 'Hi,\nyou charged us $2,400 twice this month. All 40 users on our plan saw the second charge.', 'Still no refund.']);
    expect(text.agentNotes.map((d) => d.text)).toEqual(['Stripe shows the duplicate charge of $2,400.']);
    expect(text.all.map((d) => d.text)).not.toContain('Sorry about that! We will refund EUR 500 to all 300 users within 5 days.');
    expect(text.all).toHaveLength(4);
  });

  it('reads money from the customer and the agents\' notes, never from an agent\'s reply', () => {
    expect(readTicketText(billing).amounts).toEqual([
      { value: 2400, currency: 'USD', written: '$2,400', start: 19, speaker: 'first-message', excerpt: 'Hi, you charged us $2,400 twice this month. All 40 users on our…' },
      { value: 2400, currency: 'USD', written: '$2,400', start: 37, speaker: 'agent-note', excerpt: 'Stripe shows the duplicate charge of $2,400.' },
    ]);
  });

  it('reads head-counts from the customer, not the "all 300 users" of an agent\'s reply or a system note', () => {
    expect(readTicketText(billing).headcounts).toEqual([
      { count: 40, written: 'All 40 users', start: 44, speaker: 'first-message', excerpt: '…charged us $2,400 twice this month. All 40 users on our plan saw the second charge.' },
    ]);
  });

  it('keeps the customer\'s latest message apart, and the subject as the document a subject condition reads', () => {
    const text = readTicketText(billing);
    expect(text.lastCustomer?.text).toBe('Still no refund.');
    expect(text.subjects.map((d) => d.text)).toEqual([billing.subject]);
  });

  it('has no latest customer message when the customer wrote once', () => {
    const text = readTicketText(
      ticket({
        subject: 'Export kaputt',
        description: 'Hallo, seit gestern können wir keine Daten exportieren. Alle 1.200 Mitarbeiter sind betroffen.\n\nMit freundlichen Grüßen\nMax Mustermann',
        comments: [{ author: 'agent', public: true, body: 'Danke, wir schauen uns das an.' }],
      }),
    );
    expect(text.lastCustomer).toBeUndefined();
    expect(text.headcounts.map((h) => [h.count, h.written, h.speaker])).toEqual([[1200, 'Alle 1.200 Mitarbeiter', 'first-message']]);
  });

  it('detects the language from the customer\'s words, not the agent\'s English macro', () => {
    const text = readTicketText(
      ticket({
        subject: 'Export kaputt',
        description: 'Hallo, seit gestern können wir keine Daten mehr exportieren. Bitte helfen Sie uns schnell.',
        comments: [{ author: 'agent', public: true, body: 'Hi there, thanks for reaching out! We are looking into this and will get back to you.' }],
      }),
    );
    expect([text.language, text.languageSource]).toEqual(['de', 'detected']);
    expect(text.parts.every((p) => p.doc.language === 'de')).toBe(true);
  });

  it('uses the language the policy fixes', () => {
    const text = readTicketText(ticket({ subject: 'Export kaputt', description: 'Seit gestern können wir keine Daten exportieren.' }), { language: 'fr' });
    expect([text.language, text.languageSource]).toEqual(['fr', 'policy']);
    expect(text.parts.every((p) => p.doc.language === 'fr')).toBe(true);
  });

  it('makes the first customer comment the first message when the description is empty', () => {
    const text = readTicketText(
      ticket({
        description: '',
        comments: [
          { author: 'customer', body: 'La factura de 1.500,00 € se cobró dos veces.\n\nSaludos cordiales,\nAna García' },
          { author: 'customer', body: '¿Alguna novedad?' },
        ],
      }),
    );
    expect(text.parts.map((p) => [p.speaker, p.doc.text])).toEqual([
      ['first-message', 'La factura de 1.500,00 € se cobró dos veces.'],
      ['customer', '¿Alguna novedad?'],
    ]);
    expect(text.language).toBe('es');
    expect(text.amounts.map((a) => [a.value, a.currency, a.speaker])).toEqual([[1500, 'EUR', 'first-message']]);
    expect(text.lastCustomer?.text).toBe('¿Alguna novedad?');
  });

  it('never reads a quoted agent macro as the customer\'s report', () => {
    const text = readTicketText(
      ticket({
        subject: 'Password reset',
        description: 'I cannot reset my password.',
        comments: [{ author: 'customer', body: 'Done, works now.\n\nLe 10 mars 2026, Support a écrit :\n> If your account was compromised, contact security.' }],
      }),
    );
    const compromised = compilePhrase('compromised');
    expect(text.customer.map((d) => findPhrase(d, compromised))).toEqual([undefined, undefined, undefined]);
  });

  it('analyses a ticket once: reading it again gives the same result', () => {
    expect(readTicketText(billing)).toBe(readTicketText(billing));
  });

  it('knows a copy of a ticket by its messages, and a changed message or language as new', () => {
    const first = readTicketText(billing);
    // The worker decides a fresh copy of each open ticket every minute.
    expect(readTicketText(structuredClone(billing))).toBe(first);
    const edited = structuredClone(billing);
    (edited.comments[4] as { body: string }).body = 'Still no refund!';
    expect(readTicketText(edited)).not.toBe(first);
    expect(readTicketText(edited).parts.at(-1)?.doc.text).toBe('Still no refund!');
    expect(readTicketText(billing, { language: 'en' })).not.toBe(first);
    expect(readTicketText(billing, { language: 'en' }).languageSource).toBe('policy');
  });

  it('reads every ticket anew once the texts read are forgotten', () => {
    const first = readTicketText(billing);
    forgetReadTexts();
    const again = readTicketText(billing);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('lists money in message order, each amount with who wrote it', () => {
    const text = readTicketText(
      ticket({
        subject: 'Refund',
        description: 'Please refund us.',
        comments: [
          { author: 'agent', public: false, body: 'Captured €90 twice on the card.' },
          { author: 'customer', body: 'To be precise: you charged us $2,400 for the annual plan.' },
        ],
      }),
    );
    expect(text.amounts.map((a) => [a.value, a.currency, a.speaker])).toEqual([
      [90, 'EUR', 'agent-note'],
      [2400, 'USD', 'customer'],
    ]);
  });
});
