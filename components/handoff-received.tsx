import { useEffect, useRef, useState } from 'preact/hooks';
import type { TierId } from '../core/ticket';
import { tierLabel } from './format';

export interface HandoffReceivedSummary {
  problem: string;
  done: string;
  needed: string;
  customerContext: string;
}

export interface SummaryConfirmation {
  accurate: boolean;
  /** What was missing, when the summary was not accurate. */
  note?: string;
}

export interface HandoffReceivedProps {
  from: TierId;
  to: TierId;
  /** The sending agent as the note names them, when it does. */
  sender?: string;
  summary: HandoffReceivedSummary;
  onConfirm(confirmation: SummaryConfirmation): Promise<void> | void;
}

const PARTS: [keyof HandoffReceivedSummary, string][] = [
  ['problem', 'Problem'],
  ['done', "What's been done"],
  ['needed', "What's needed"],
  ['customerContext', 'Customer context'],
];

/**
 * The handoff packet as the receiving agent sees it, with one click to confirm
 * the summary or two (plus a reason) to say what it missed. The parts come
 * from a helpdesk note anyone with agent access could have edited: text nodes only.
 */
export function HandoffReceived({ from, to, sender, summary, onConfirm }: HandoffReceivedProps) {
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reasonInput = useRef<HTMLInputElement>(null);

  // Keyboard users land in the reason field as soon as it opens.
  useEffect(() => {
    if (reporting) reasonInput.current?.focus();
  }, [reporting]);

  async function send(confirmation: SummaryConfirmation) {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm(confirmation);
      setDone(confirmation.accurate ? 'Thanks — summary confirmed as accurate.' : 'Thanks — recorded what was missing.');
      setReporting(false);
    } catch {
      setError('Could not record your answer. Try again.');
    } finally {
      setBusy(false);
    }
  }

  const answered = PARTS.filter(([key]) => summary[key].trim() !== '');
  return (
    <section class="tl-received" data-testid="tl-handoff-received" aria-labelledby="tl-received-title">
      <h3 id="tl-received-title" class="tl-received-title">
        Handoff received from {tierLabel(from)}
      </h3>
      <p class="tl-muted">
        {tierLabel(from)} → {tierLabel(to)}
        {sender ? ` · sent by ${sender}` : ''}
      </p>
      {answered.length === 0 ? (
        <p class="tl-muted">The handoff note carries no summary.</p>
      ) : (
        <dl class="tl-received-summary">
          {answered.map(([key, label]) => (
            <div key={key} data-part={key}>
              <dt>{label}</dt>
              <dd>{summary[key]}</dd>
            </div>
          ))}
        </dl>
      )}
      {done ? (
        <p class="tl-ok" role="status">
          {done}
        </p>
      ) : (
        <div>
          <button type="button" class="tl-button tl-primary" disabled={busy} onClick={() => send({ accurate: true })}>
            Summary is accurate
          </button>
          <button type="button" class="tl-button" aria-expanded={reporting} disabled={busy} onClick={() => setReporting(!reporting)}>
            Something is missing
          </button>
          {reporting && (
            <form
              class="tl-override-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (reason.trim() !== '') void send({ accurate: false, note: reason.trim() });
              }}
            >
              <label>
                What is missing?
                <input ref={reasonInput} type="text" required maxLength={2000} value={reason} placeholder="e.g. the error code the customer sent" onInput={(e) => setReason(e.currentTarget.value)} />
              </label>
              <button type="submit" class="tl-button tl-primary" disabled={busy || reason.trim() === ''}>
                Send
              </button>
            </form>
          )}
          {error && (
            <p class="tl-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
