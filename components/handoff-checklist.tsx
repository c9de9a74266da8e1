import { useRef, useState } from 'preact/hooks';
import { readConfirmed, withConfirmed } from './checklist-draft';

export interface ChecklistItem {
  id: string;
  label: string;
  hint?: string;
  /** The stage's own requirement (vs one of the six base elements). */
  stage?: boolean;
}

export interface Completeness {
  /** 0–100: items the agent wrote, or prefilled and confirmed. */
  score: number;
  /** 0–100: items holding any value, prefill not yet checked included. */
  filledScore: number;
  /** How many items the packet needs, and how many of them the agent wrote or confirmed. */
  required: number;
  confirmed: number;
  /** Labels of the items still missing. */
  missing: string[];
  /** Labels of the prefilled items the agent has not checked yet. */
  toCheck: string[];
  /** The policy blocks an incomplete packet. */
  blocked: boolean;
}

export type EscalateResult = { ok: true } | { ok: false; message: string };

export interface HandoffChecklistProps {
  /** "Tier 1 → Tier 2 · Billing Specialist". */
  stageLabel: string;
  /** Where the escalation moves the ticket, for the confirm dialog: "Tier 2 · Senior Specialist". */
  targetLabel: string;
  /** The target as `tier:role`, on the checklist and its confirm dialog for audits and tests. */
  target?: string;
  items: ChecklistItem[];
  /** The restored draft, or the prefill from the ticket. */
  initial: Record<string, string>;
  /** Ids whose initial value came from the ticket, not the agent: "prefilled — check" until confirmed or edited. */
  prefilled?: readonly string[];
  /** Completeness of the values (reserved keys included: they carry the confirmations). */
  check(values: Record<string, string>): Completeness;
  /** Called on every edit; the caller debounces saving. */
  onDraftChange(values: Record<string, string>): void;
  onEscalate(values: Record<string, string>): Promise<EscalateResult>;
}

type Phase = { kind: 'editing' } | { kind: 'confirming' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

/**
 * The handoff packet as a checklist: fields prefilled from the ticket that the
 * agent checks ("prefilled — check" until confirmed), a completeness score of
 * what the agent wrote or confirmed, and an Escalate action that asks before
 * writing to the helpdesk, once. A failed write keeps every field as typed.
 */
export function HandoffChecklist({ stageLabel, targetLabel, target, items, initial, prefilled = [], check, onDraftChange, onEscalate }: HandoffChecklistProps) {
  const [values, setValues] = useState(initial);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  // Two clicks before the next render must not write two notes.
  const inFlight = useRef(false);
  const completeness = check(values);
  const confirmed = readConfirmed(values);
  const fromTicket = new Set(prefilled);

  function change(next: Record<string, string>) {
    setValues(next);
    onDraftChange(next);
  }

  function edit(id: string, text: string) {
    const next = { ...values, [id]: text };
    // Editing a prefilled value makes it the agent's own.
    change(fromTicket.has(id) ? withConfirmed(next, [...confirmed, id]) : next);
  }

  function confirm(id: string, yes: boolean) {
    change(withConfirmed(values, yes ? [...confirmed, id] : [...confirmed].filter((c) => c !== id)));
  }

  async function escalate() {
    if (inFlight.current) return;
    inFlight.current = true;
    setPhase({ kind: 'sending' });
    const result = await onEscalate(values);
    if (!result.ok) inFlight.current = false;
    setPhase(result.ok ? { kind: 'sent' } : { kind: 'failed', message: result.message });
  }

  const toCheck = completeness.toCheck.length;
  return (
    <section class="tl-checklist" data-testid="tl-checklist" data-target={target} aria-label="Handoff checklist">
      <header class="tl-checklist-head">
        <span>Handoff {stageLabel}</span>
        <span class="tl-score" data-testid="tl-score">
          {completeness.score}%
        </span>
      </header>
      <meter min={0} max={100} value={completeness.score} class="tl-meter" aria-label="Packet completeness, confirmed items" />
      <p class="tl-muted tl-score-detail" data-testid="tl-score-detail">
        {completeness.confirmed} of {completeness.required} confirmed{toCheck > 0 && ` · ${toCheck} prefilled to check`}
      </p>
      {items.map((item) => {
        const value = values[item.id] ?? '';
        const filled = value.trim().length > 0;
        const isPrefilled = filled && fromTicket.has(item.id);
        const unchecked = isPrefilled && !confirmed.has(item.id);
        const done = filled && !unchecked;
        const inputId = `tl-item-${item.id}`;
        return (
          <div key={item.id} class={`tl-item${done ? ' tl-done' : ''}${unchecked ? ' tl-prefilled' : ''}`}>
            <label for={inputId}>
              <span aria-hidden="true">{done ? '✓' : unchecked ? '?' : '○'}</span> {item.label}
              {item.stage && <span class="tl-stage-tag"> stage</span>}
              {unchecked && (
                <span class="tl-prefilled-tag" data-testid={`tl-prefilled-${item.id}`}>
                  {' '}
                  prefilled — check
                </span>
              )}
            </label>
            <textarea id={inputId} rows={2} value={value} placeholder={item.hint} onInput={(e) => edit(item.id, e.currentTarget.value)} />
            {isPrefilled && (
              <label class="tl-looks-right">
                <input type="checkbox" data-testid={`tl-confirm-${item.id}`} checked={!unchecked} onChange={(e) => confirm(item.id, e.currentTarget.checked)} /> Looks right
              </label>
            )}
          </div>
        );
      })}
      {completeness.missing.length > 0 && (
        <p class="tl-muted" data-testid="tl-missing">
          Missing: {completeness.missing.join(', ')}
        </p>
      )}
      {toCheck > 0 && (
        <p class="tl-muted" data-testid="tl-to-check">
          To check: {completeness.toCheck.join(', ')}
        </p>
      )}
      {phase.kind === 'confirming' ? (
        <div class="tl-confirm" role="dialog" aria-modal="false" aria-label="Confirm escalation" data-target={target}>
          <p>
            Write this packet as an internal note and move the ticket to {targetLabel}?
            {completeness.missing.length > 0 && ' The packet is incomplete.'}
            {toCheck > 0 && ` ${toCheck} prefilled ${toCheck === 1 ? 'item is' : 'items are'} not checked yet.`}
          </p>
          <button type="button" class="tl-button tl-primary" onClick={escalate}>
            Escalate now
          </button>
          <button type="button" class="tl-button" onClick={() => setPhase({ kind: 'editing' })}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="tl-button tl-primary"
          data-testid="tl-escalate"
          disabled={phase.kind === 'sending' || phase.kind === 'sent' || completeness.blocked}
          onClick={() => setPhase({ kind: 'confirming' })}
        >
          {phase.kind === 'sending' ? 'Escalating…' : phase.kind === 'sent' ? 'Escalated' : 'Escalate'}
        </button>
      )}
      {completeness.blocked && phase.kind !== 'sent' && (
        <p class="tl-muted">The policy needs a complete packet before escalating{toCheck > 0 ? ': fill in what is missing and check what was prefilled.' : '.'}</p>
      )}
      {phase.kind === 'sent' && (
        <p class="tl-ok" role="status" data-testid="tl-escalate-result">
          Escalated: the packet is on the ticket as an internal note.
        </p>
      )}
      {phase.kind === 'failed' && (
        <p class="tl-error" role="alert" data-testid="tl-escalate-result">
          Escalation failed: {phase.message}. Your draft is kept; try again.
        </p>
      )}
    </section>
  );
}
