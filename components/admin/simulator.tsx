import { useMemo, useState } from 'preact/hooks';
import type { ParseError } from '../../core/policy/parse';
import type { Policy } from '../../core/policy/schema';
import { decide } from '../../core/route/decide';
import type { Decision } from '../../core/route/decision';
import { parseTicket } from '../../core/ticket-parse';
import { SAMPLE_TICKETS } from './sample-tickets';

type Outcome = { ok: true; decision: Decision } | { ok: false; errors: ParseError[] };

/** Routes one ticket with the draft policy, exactly as the overlay would. */
export function simulate(policy: Policy, ticketJson: string, now: Date): Outcome {
  const parsed = parseTicket(ticketJson);
  if (!parsed.ok) return parsed;
  return { ok: true, decision: decide(policy, parsed.ticket, { now }) };
}

function DecisionView({ decision }: { decision: Decision }) {
  return (
    <div class="tl-decision" data-testid="tl-sim-decision" aria-live="polite">
      <p class="tl-decision-head">
        <strong>Tier {decision.tier.slice(1)}</strong> · {decision.roleName} · {decision.severityName}
        {decision.bypass && <span class="tl-pill tl-warn">bypasses Tier 1–2</span>}
      </p>
      <p>
        {Math.round(decision.clock.timeInQueueMinutes)} business minutes in queue on the {decision.clock.calendar} calendar;{' '}
        {decision.clock.paused ? 'clock paused' : decision.clock.breached ? 'escalation clock breached' : `${Math.round(decision.clock.remainingMinutes)} minutes left`}.
      </p>
      {decision.triggers.length > 0 && (
        <>
          <h3>Triggers that fired</h3>
          <ul>
            {decision.triggers.map((t) => (
              <li key={t.id}>
                <strong>{t.description}</strong> ({t.kind}) → {t.action}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Every reason</h3>
      <ul data-testid="tl-sim-reasons">
        {decision.reasons.map((r, i) => (
          <li key={`${r.rule}-${i}`}>
            <span class="tl-pill">{r.about}</span> {r.text} <code>{r.rule}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Choose a sample ticket or paste one; the decision updates with the draft policy. */
export function Simulator({ policy, now }: { policy: Policy | undefined; now: () => Date }) {
  const [sample, setSample] = useState(SAMPLE_TICKETS[0]!.id);
  const [text, setText] = useState(() => JSON.stringify(SAMPLE_TICKETS[0]!.ticket(now()), null, 2));
  const outcome = useMemo(() => (policy ? simulate(policy, text, now()) : undefined), [policy, text, now]);
  return (
    <div class="tl-simulator">
      <label class="tl-field">
        <span>Sample ticket</span>
        <select
          value={sample}
          onChange={(e) => {
            const id = (e.currentTarget as HTMLSelectElement).value;
            setSample(id);
            const found = SAMPLE_TICKETS.find((s) => s.id === id);
            if (found) setText(JSON.stringify(found.ticket(now()), null, 2));
          }}
        >
          {SAMPLE_TICKETS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
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
      {outcome?.ok && <DecisionView decision={outcome.decision} />}
    </div>
  );
}
