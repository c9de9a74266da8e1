/**
 * The text pipeline's cost, against the issue's targets:
 *  - reading a ticket's text (readTicketText: own words, language, words,
 *    stems, index, amounts, head-counts) once, on a cache miss: ≤ 1 ms for a
 *    2,000-word ticket;
 *  - a default-policy decision on a ticket whose text is analysed (the worker
 *    re-decides every open ticket each minute): ≤ 50 µs.
 *
 * Tickets of ~50, ~300 and ~2,000 words in English and German, generated from
 * a seeded PRNG: customer prose, a signature, a quoted earlier reply, and for
 * the longer ones a follow-up, an agent's public reply and an internal note.
 * Every cold run reads a text never read before (its reference number
 * differs); the stem caches are warm, as in a worker that has read tickets
 * before. Each measurement runs twice, back to back, and the spread between
 * the two runs is printed beside each ratio: a margin smaller than the spread
 * is noise.
 *
 * CPU time per call, median and p95 over many calls. The first decision on a
 * new ticket (analysis plus every phrase set matched once) is printed too: it
 * has no target, but it is what a new ticket costs the worker.
 */
import { defaultPolicy } from '../policy/default-policy';
import { createRouter } from '../route/decide';
import { type Ticket, ticketSchema } from '../ticket';
import { createPrng } from '../triage/prng';
import { readTicketText } from './ticket-text';

const SIZES = [50, 300, 2000] as const;
const COLD_SAMPLES = Number(process.env.BENCH_TEXT_SAMPLES ?? 300);
/** Decisions per ticket per round, on DECIDED_TICKETS tickets of each kind. */
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 200);
const DECIDED_TICKETS = 10;
const ANALYSIS_BUDGET_US = 1000;
const DECISION_BUDGET_US = 50;
const NOW = Date.parse('2026-03-10T10:16:00+01:00');

type Lang = 'en' | 'de';

/** What customers, agents and sign-offs sound like; amounts, head-counts, negations and trigger words included, as in real tickets. */
const WORDS: Record<Lang, { subjects: string[]; prose: string[]; agent: string[]; notes: string[]; header: string; signature: string[] }> = {
  en: {
    subjects: ['Export to CSV fails since the update', 'Cannot log in after password reset', 'Invoice shows the wrong amount', 'Salesforce sync stopped overnight', 'Dashboard very slow for our team', 'Question about adding seats'],
    prose: [
      'Hi team, since yesterday afternoon the export to CSV stops at about 80 percent and then nothing happens.',
      'We tried it in Chrome and Firefox, on two different laptops, and the result is the same every time.',
      'This is blocking our month-end reporting, so I would really appreciate a quick answer.',
      'Our finance team noticed that the March invoice was charged twice, once for $2,400 and again two days later.',
      'About 40 users in the sales department cannot open the pipeline view at the moment.',
      'No data was lost as far as we can tell, but the numbers in the weekly report do not add up anymore.',
      'I already cleared the cache, logged out and back in, and reinstalled the browser extension.',
      'The error message says "Request failed with status 502" and then the page reloads by itself.',
      'Could you please check whether something changed on your side with the last release?',
      'We have around 1,200 employees on the enterprise plan, and only the admins see this problem.',
      'Steps to reproduce: open a project, click on settings, choose integrations and press save.',
      'It worked fine until the update on Monday morning, nothing was changed in our configuration.',
      'Is there a workaround we can use until the fix is released?',
      'Our IT department asked me to mention that single sign-on is configured with Okta.',
      'The webhook to our ticketing system fires twice for every new contact, which creates duplicates.',
      'I am attaching two screenshots and the HAR file from the browser console.',
      'Honestly this is the third time I am writing about this and nobody has gotten back to me.',
      'Please let me know if you need any more information or access to our test account.',
      'The API returns an empty list for contacts created after 9 am, although they show up in the app.',
      'When I try to reset my password the link in the email has already expired.',
    ],
    agent: [
      'Thank you for reaching out to us about this.',
      'I have forwarded your request to our technical team and they are looking into it.',
      'Could you please send us the exact time the error occurred and your account id?',
      'In the meantime you can use the classic export under settings as a workaround.',
      'We are sorry for the inconvenience this causes your team.',
      'If your account was compromised, please reset your password right away.',
    ],
    notes: ['Checked the logs: the export job times out after 30 seconds for this account.', 'Customer is on the enterprise plan, renewal in May.', 'Looks related to the release on Monday, asked engineering in the channel.'],
    header: 'On Tue, 10 Mar 2026 at 09:12, Tierline Support <support@example.com> wrote:',
    signature: ['Best regards,', 'Jane Doe', 'Head of Revenue Operations | Acme Corp', '+1 415 555 0100'],
  },
  de: {
    subjects: ['Export nach CSV bricht seit dem Update ab', 'Anmeldung nach Passwort-Reset nicht möglich', 'Rechnung zeigt falschen Betrag', 'Salesforce-Synchronisation seit heute Nacht gestoppt', 'Dashboard sehr langsam für unser Team', 'Frage zu zusätzlichen Lizenzen'],
    prose: [
      'Hallo zusammen, seit gestern Nachmittag bricht der Export nach CSV bei etwa 80 Prozent ab und dann passiert nichts mehr.',
      'Wir haben es in Chrome und Firefox auf zwei verschiedenen Rechnern versucht, das Ergebnis ist jedes Mal gleich.',
      'Das blockiert unseren Monatsabschluss, deshalb wäre ich für eine schnelle Antwort sehr dankbar.',
      'Unserer Buchhaltung ist aufgefallen, dass die Rechnung für März doppelt abgebucht wurde, einmal 1.500,00 € und zwei Tage später noch einmal.',
      'Etwa 40 Mitarbeiter im Vertrieb können die Pipeline-Ansicht im Moment nicht öffnen.',
      'Soweit wir sehen, sind keine Daten verloren gegangen, aber die Zahlen im Wochenbericht stimmen nicht mehr.',
      'Ich habe den Cache schon geleert, mich ab- und wieder angemeldet und die Browser-Erweiterung neu installiert.',
      'Die Fehlermeldung lautet „Request failed with status 502“ und danach lädt die Seite von selbst neu.',
      'Könnten Sie bitte prüfen, ob sich mit dem letzten Release auf Ihrer Seite etwas geändert hat?',
      'Wir haben rund 1.200 Mitarbeiter im Enterprise-Tarif, und nur die Administratoren sehen das Problem.',
      'Schritte zum Nachstellen: ein Projekt öffnen, auf Einstellungen klicken, Integrationen wählen und speichern.',
      'Bis zum Update am Montagmorgen hat alles funktioniert, an unserer Konfiguration wurde nichts geändert.',
      'Gibt es eine Übergangslösung, die wir nutzen können, bis der Fehler behoben ist?',
      'Unsere IT-Abteilung bat mich zu erwähnen, dass Single Sign-on mit Okta eingerichtet ist.',
      'Der Webhook zu unserem Ticketsystem wird für jeden neuen Kontakt zweimal ausgelöst, dadurch entstehen Duplikate.',
      'Im Anhang finden Sie zwei Screenshots und die HAR-Datei aus der Browser-Konsole.',
      'Ehrlich gesagt schreibe ich jetzt zum dritten Mal deswegen und niemand hat sich bei mir gemeldet.',
      'Bitte melden Sie sich, falls Sie weitere Informationen oder Zugang zu unserem Testkonto brauchen.',
      'Die API liefert eine leere Liste für Kontakte, die nach 9 Uhr angelegt wurden, obwohl sie in der App erscheinen.',
      'Wenn ich mein Passwort zurücksetzen will, ist der Link in der E-Mail schon abgelaufen.',
    ],
    agent: [
      'Vielen Dank für Ihre Nachricht.',
      'Ich habe Ihre Anfrage an unser technisches Team weitergeleitet, die Kollegen sehen sich das an.',
      'Könnten Sie uns bitte die genaue Uhrzeit des Fehlers und Ihre Konto-ID schicken?',
      'In der Zwischenzeit können Sie den klassischen Export unter Einstellungen als Übergangslösung nutzen.',
      'Wir entschuldigen uns für die Unannehmlichkeiten.',
      'Falls Ihr Konto kompromittiert wurde, setzen Sie bitte sofort Ihr Passwort zurück.',
    ],
    notes: ['Logs geprüft: der Export-Job bricht für dieses Konto nach 30 Sekunden ab.', 'Kunde im Enterprise-Tarif, Verlängerung im Mai.', 'Hängt wohl mit dem Release vom Montag zusammen, im Kanal bei der Entwicklung nachgefragt.'],
    header: 'Am 10.03.2026 um 09:12 schrieb Tierline Support <support@example.com>:',
    signature: ['Mit freundlichen Grüßen', 'Jana Müller', 'Leitung Vertriebsinnendienst | Beispiel GmbH', '+49 30 5550100'],
  },
};

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * A ticket of about `words` words in `lang`. The same `seed` gives the same
 * sentences; `ref` only changes a reference number in every message, so each
 * run reads texts never read before while the work stays the same.
 */
function generateTicket(lang: Lang, words: number, seed: number, ref: number): Ticket {
  const random = createPrng(seed);
  const w = WORDS[lang];
  const pick = (xs: readonly string[]) => xs[Math.floor(random() * xs.length)] as string;
  /** Sentences until `budget` words, in paragraphs of two to four. */
  const prose = (pool: readonly string[], budget: number): string => {
    const paragraphs: string[] = [];
    let sentences: string[] = [];
    let count = 0;
    while (count < budget) {
      const s = pick(pool);
      sentences.push(s);
      count += countWords(s);
      if (sentences.length >= 2 + Math.floor(random() * 3)) {
        paragraphs.push(sentences.join(' '));
        sentences = [];
      }
    }
    if (sentences.length) paragraphs.push(sentences.join(' '));
    return paragraphs.join('\n\n');
  };
  const quote = (budget: number) => `${w.header}\n${prose(w.agent, budget).split('\n').map((l) => `> ${l}`).join('\n')}`;
  const signed = (text: string, n: number) => `${text} (${lang === 'en' ? 'ref.' : 'Ref.'} TL-${ref}-${n})\n\n${w.signature.join('\n')}`;
  // Shares of the words: the long tickets are a thread; the short one is a first message.
  const long = words >= 300;
  const description = `${signed(prose(w.prose, words * (long ? 0.4 : 0.55)), 1)}\n\n${quote(words * (long ? 0.1 : 0.2))}`;
  const comments = long
    ? [
        { author: 'agent' as const, public: true, body: `${prose(w.agent, words * 0.1)} (TL-${ref}-2)` },
        { author: 'customer' as const, public: true, body: `${signed(prose(w.prose, words * 0.2), 3)}\n\n${quote(words * 0.05)}` },
        { author: 'agent' as const, public: false, body: `${prose(w.notes, words * 0.05)} (TL-${ref}-4)` },
      ]
    : [];
  return ticketSchema.parse({
    id: `B-${lang}-${words}-${ref}`,
    helpdesk: 'zendesk',
    subject: `${pick(w.subjects)} (TL-${ref})`,
    description,
    comments,
    requester: { customerTier: 'enterprise' },
    priority: 'normal',
    status: 'open',
    createdAt: new Date(NOW - 3 * 3_600_000).toISOString(),
    tierEnteredAt: new Date(NOW - 2 * 3_600_000).toISOString(),
  });
}

const ticketWords = (t: Ticket) => countWords([t.subject, t.description, ...t.comments.map((c) => c.body)].join('\n'));

// --- measuring ---------------------------------------------------------------------------------

/**
 * CPU microseconds of this process (user + system, every thread: GC helpers
 * count): the machine is shared, and wall time would measure the neighbours too.
 */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** What reading the CPU clock twice costs (about a microsecond: it is a system call), taken off every sample. */
const CLOCK_COST = (() => {
  const samples: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const start = cpuNow();
    samples.push(cpuNow() - start);
  }
  return samples.reduce((a, b) => a + b, 0) / samples.length;
})();

/** CPU microseconds per call of `run(i)` for i in [0, n). */
function timeEach(n: number, run: (i: number) => unknown): number[] {
  const out = new Array<number>(n);
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const start = cpuNow();
    const value = run(i);
    out[i] = Math.max(0, cpuNow() - start - CLOCK_COST);
    if (value) sink++;
  }
  if (sink < 0) console.log(sink);
  return out;
}

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

interface Stats {
  median: number;
  p95: number;
}
const stats = (samples: readonly number[]): Stats => ({ median: quantile(samples, 0.5), p95: quantile(samples, 0.95) });

const route = createRouter(defaultPolicy);
const seedOf = (lang: Lang, words: number, i: number) => (lang === 'en' ? 1 : 2) * 1_000_000 + words * 1000 + i;

interface Row {
  lang: Lang;
  size: number;
  words: number;
  cold: Stats;
  first: Stats;
  decide: Stats;
}

/** One run of every measurement of a row: fresh references, so every cold text is new to this process. */
function measure(lang: Lang, size: number, round: number): Row {
  const ref = (k: number) => round * 10_000_000 + size * 10_000 + k;
  const coldTickets = Array.from({ length: COLD_SAMPLES }, (_, i) => generateTicket(lang, size, seedOf(lang, size, i), ref(i)));
  const firstTickets = Array.from({ length: COLD_SAMPLES }, (_, i) => generateTicket(lang, size, seedOf(lang, size, i), ref(COLD_SAMPLES + i)));
  const cold = stats(timeEach(coldTickets.length, (i) => readTicketText(coldTickets[i] as Ticket)));
  // What a new ticket costs the worker: the analysis and the first decision's phrase matching.
  const first = stats(timeEach(firstTickets.length, (i) => route(firstTickets[i] as Ticket, { now: NOW }).tier));
  // The same ticket objects re-decided a minute apart, as the worker does: their text is analysed.
  const decided = firstTickets.slice(0, DECIDED_TICKETS);
  const decide = stats(
    timeEach(DECISIONS * decided.length, (i) => route(decided[i % decided.length] as Ticket, { now: NOW + Math.floor(i / decided.length) * 60_000 }).tier),
  );
  return { lang, size, words: Math.round(coldTickets.reduce((s, t) => s + ticketWords(t), 0) / coldTickets.length), cold, first, decide };
}

// A warm-up round, not measured: the JIT and the stem caches warm up (a running worker has read tickets before).
const warmSamples = Math.min(COLD_SAMPLES, 50);
for (const lang of ['en', 'de'] as const) for (const size of SIZES) for (let i = 0; i < warmSamples; i++) route(generateTicket(lang, size, seedOf(lang, size, i), 90_000_000 + size * 1000 + i), { now: NOW });
// The two runs of a row back to back, so their spread is the noise of that measurement, not the machine's drift over minutes.
const one: Row[] = [];
const two: Row[] = [];
for (const lang of ['en', 'de'] as const) {
  for (const size of SIZES) {
    one.push(measure(lang, size, 1));
    two.push(measure(lang, size, 2));
  }
}

const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : us >= 100 ? `${us.toFixed(0)} µs` : `${us.toFixed(1)} µs`);
/** How far apart the two runs' medians are, as a share of the smaller. */
const spread = (a: number, b: number) => `${((Math.abs(a - b) / Math.min(a, b)) * 100).toFixed(0)}%`;
console.log(`Node ${process.version}; CPU time per call (less ${CLOCK_COST.toFixed(1)} µs for reading the clock); ${COLD_SAMPLES} cold texts per row and run, ${DECISIONS * DECIDED_TICKETS} decisions per row and run; two runs\n`);
console.log('| measurement | language | words | median (run 1 / run 2) | p95 (run 1 / run 2) | median / target | spread of the runs | within target |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
let missed = 0;
for (const [label, key, budget] of [
  ['readTicketText, cold', 'cold', ANALYSIS_BUDGET_US],
  ['first decision (cold analysis + phrase matching)', 'first', undefined],
  ['decision on an analysed ticket', 'decide', DECISION_BUDGET_US],
] as const) {
  for (let r = 0; r < one.length; r++) {
    const a = one[r] as Row;
    const b = two[r] as Row;
    const [sa, sb] = [a[key], b[key]];
    // The analysis target is stated for 2,000 words: smaller tickets are held to it too.
    const ratio = budget ? `${(Math.max(sa.median, sb.median) / budget).toFixed(2)}× of ${fmt(budget)}` : '–';
    const within = budget ? (Math.max(sa.p95, sb.p95) <= budget ? 'yes (p95)' : Math.max(sa.median, sb.median) <= budget ? 'median only' : 'NO') : '–';
    if (within === 'NO') missed++;
    console.log(`| ${label} | ${a.lang} | ${a.words} | ${fmt(sa.median)} / ${fmt(sb.median)} | ${fmt(sa.p95)} / ${fmt(sb.p95)} | ${ratio} | ${spread(sa.median, sb.median)} | ${within} |`);
  }
}
console.log(`\n${missed === 0 ? 'Every median is within its target.' : `${missed} row(s) miss their target.`}`);
