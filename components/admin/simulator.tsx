import { useMemo, useState } from 'preact/hooks';
import { isOpenAt } from '../../core/clock/business-time';
import { instantOf, offsetAt } from '../../core/clock/zone';
import type { ParseError } from '../../core/policy/parse';
import type { Policy } from '../../core/policy/schema';
import { decide } from '../../core/route/decide';
import type { Decision, Reason } from '../../core/route/decision';
import { parseTicket } from '../../core/ticket-parse';
import { businessCalendarOf, SAMPLE_TICKETS, simulatedNow } from './sample-tickets';

type Outcome = { ok: true; decision: Decision } | { ok: false; errors: ParseError[] };

/** Routes one ticket with the draft policy, exactly as the overlay would. */
export function simulate(policy: Policy, ticketJson: string, now: Date): Outcome {
  const parsed = parseTicket(ticketJson);
  if (!parsed.ok) return parsed;
  return { ok: true, decision: decide(policy, parsed.ticket, { now }) };
}

const ABOUT: Record<Reason['about'], string> = { tier: 'Tier', role: 'Role', severity: 'Severity', trigger: 'Trigger', clock: 'Clock', 'issue-type': 'Issue type' };

/** "2026-03-09T11:00" for a datetime-local field showing the instant in the calendar's zone. */
export function localInputValue(at: Date, timeZone: string): string {
  return new Date(at.getTime() + offsetAt(timeZone, at.getTime())).toISOString().slice(0, 16);
}

/** The instant a datetime-local value means in the calendar's zone; undefined while the field is incomplete. */
export function fromLocalInput(value: string, timeZone: string): Date | undefined {
  const local = Date.parse(`${value}:00Z`);
  return Number.isNaN(local) ? undefined : new Date(instantOf(timeZone, local));
}

function DecisionView({ decision, policy }: { decision: Decision; policy: Policy }) {
  const calendar = policy.calendars.find((c) => c.id === decision.clock.calendar);
  return (
    <div class="tl-decision" data-testid="tl-sim-decision" aria-live="polite">
      <p class="tl-decision-head">
        <strong>{policy.tiers.find((t) => t.id === decision.tier)?.name ?? `Tier ${decision.tier.slice(1)}`}</strong> · {decision.roleName} · {decision.severityName}
        {decision.bypass && <span class="tl-pill tl-warn">bypasses Tier 1–2</span>}
      </p>
      <p>
        {Math.round(decision.clock.timeInQueueMinutes)} business minutes in queue on the “{calendar?.name || 'business hours'}” calendar;{' '}
        {decision.clock.paused ? 'clock paused' : decision.clock.breached ? 'escalation clock breached' : `${Math.round(decision.clock.remainingMinutes)} minutes left`}.
      </p>
      {decision.triggers.length > 0 && (
        <>
          <h3>Triggers that fired</h3>
          <ul>
            {decision.triggers.map((t) => (
              <li key={t.id}>
                <strong>{t.description}</strong> → {t.action}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Every reason</h3>
      <ul data-testid="tl-sim-reasons">
        {decision.reasons.map((r, i) => (
          <li key={`${r.rule}-${i}`}>
            <span class="tl-pill">{ABOUT[r.about]}</span> {r.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Choose a sample ticket or paste one; the decision updates with the draft
 * policy. It decides at a simulated time inside business hours (changeable),
 * and the samples are dated relative to it.
 */
export function Simulator({ policy, now }: { policy: Policy | undefined; now: () => Date }) {
  const calendar = policy ? businessCalendarOf(policy) : undefined;
  const zone = calendar?.timeZone ?? 'UTC';
  const [at, setAt] = useState(() => (policy ? simulatedNow(policy, now()) : now()));
  const [sample, setSample] = useState(SAMPLE_TICKETS[0]!.id);
  const sampleText = (id: string, when: Date) => JSON.stringify((SAMPLE_TICKETS.find((s) => s.id === id) ?? SAMPLE_TICKETS[0]!).ticket(when), null, 2);
  const [text, setText] = useState(() => sampleText(sample, at));
  const outcome = useMemo(() => (policy ? simulate(policy, text, at) : undefined), [policy, text, at]);
  const open = calendar ? isOpenAt(calendar, at) : true;

  const changeTime = (value: string) => {
    const next = fromLocalInput(value, zone);
    if (!next) return;
    // A sample follows the clock; a pasted or edited ticket is left as it is.
    if (text === sampleText(sample, at)) setText(sampleText(sample, next));
    setAt(next);
  };

  return (
    <div class="tl-simulator">
      <div class="tl-inline">
        <label class="tl-field">
          <span>Sample ticket</span>
          <select
            value={sample}
            data-testid="tl-sim-sample"
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value;
              setSample(id);
              setText(sampleText(id, at));
            }}
          >
            {SAMPLE_TICKETS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label class="tl-field">
          <span>Simulated time ({zone})</span>
          <input type="datetime-local" value={localInputValue(at, zone)} data-testid="tl-sim-time" onChange={(e) => changeTime((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <p class="tl-muted" data-testid="tl-sim-when">
        {new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(at)} ({zone}):{' '}
        {open ? `inside ${calendar ? `“${calendar.name || 'business hours'}”` : 'business hours'}` : `outside “${calendar?.name || 'business hours'}”: queue clocks are stopped`}. Sample tickets are dated relative to this time.
      </p>
      <label class="tl-field tl-wide">
        <span>Ticket JSON (the normalized ticket)</span>
        <textarea class="tl-code" rows={10} value={text} data-testid="tl-sim-ticket" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      {!policy && <p class="tl-error">Fix the policy's errors to simulate.</p>}
      {outcome && !outcome.ok && (
        <ul class="tl-findings" aria-label="Ticket errors">
          {outcome.errors.map((e) => (
            <li key={e.path} class="tl-finding tl-error">
              <code>{e.path}</code> {e.message} Fix: {e.fix}
            </li>
          ))}
        </ul>
      )}
      {outcome?.ok && policy && <DecisionView decision={outcome.decision} policy={policy} />}
    </div>
  );
}
