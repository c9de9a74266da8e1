import { useState } from 'preact/hooks';

export interface ChecklistItem {
  id: string;
  label: string;
  hint?: string;
  /** The stage's own requirement (vs one of the six base elements). */
  stage?: boolean;
}

export interface Completeness {
  /** 0–100. */
  score: number;
  /** Labels of the items still missing. */
  missing: string[];
  /** The policy blocks an incomplete packet. */
  blocked: boolean;
}

export type EscalateResult = { ok: true } | { ok: false; message: string };

export interface HandoffChecklistProps {
  /** "Tier 1 → Tier 2 · Billing Specialist". */
  stageLabel: string;
  items: ChecklistItem[];
  /** The restored draft, or the prefill from the ticket. */
  initial: Record<string, string>;
  check(values: Record<string, string>): Completeness;
  /** Called on every edit; the caller debounces saving. */
  onDraftChange(values: Record<string, string>): void;
  onEscalate(values: Record<string, string>): Promise<EscalateResult>;
}

type Phase = { kind: 'editing' } | { kind: 'confirming' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

/**
 * The handoff packet as a checklist: fields prefilled from the ticket, a
 * completeness score, and an Escalate action that asks before writing to the
 * helpdesk. A failed write keeps every field as typed.
 */
export function HandoffChecklist({ stageLabel, items, initial, check, onDraftChange, onEscalate }: HandoffChecklistProps) {
  const [values, setValues] = useState(initial);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const completeness = check(values);

  function edit(id: string, text: string) {
    const next = { ...values, [id]: text };
    setValues(next);
    onDraftChange(next);
  }

  async function escalate() {
    setPhase({ kind: 'sending' });
    const result = await onEscalate(values);
    setPhase(result.ok ? { kind: 'sent' } : { kind: 'failed', message: result.message });
  }

  return (
    <section class="tl-checklist" data-testid="tl-checklist" aria-label="Handoff checklist">
      <header class="tl-checklist-head">
        <span>Handoff {stageLabel}</span>
        <span class="tl-score" data-testid="tl-score">
          {completeness.score}%
        </span>
      </header>
      <meter min={0} max={100} value={completeness.score} class="tl-meter" aria-label="Packet completeness" />
      {items.map((item) => {
        const done = (values[item.id] ?? '').trim().length > 0;
        const inputId = `tl-item-${item.id}`;
        return (
          <div key={item.id} class={`tl-item${done ? ' tl-done' : ''}`}>
            <label for={inputId}>
              <span aria-hidden="true">{done ? '✓' : '○'}</span> {item.label}
              {item.stage && <span class="tl-stage-tag"> stage</span>}
            </label>
            <textarea id={inputId} rows={2} value={values[item.id] ?? ''} placeholder={item.hint} onInput={(e) => edit(item.id, e.currentTarget.value)} />
          </div>
        );
      })}
      {completeness.missing.length > 0 && (
        <p class="tl-muted" data-testid="tl-missing">
          Missing: {completeness.missing.join(', ')}
        </p>
      )}
      {phase.kind === 'confirming' ? (
        <div class="tl-confirm" role="dialog" aria-modal="false" aria-label="Confirm escalation">
          <p>
            Write this packet as an internal note and move the ticket to {stageLabel.split('→')[1]?.trim() ?? 'the next tier'}?
            {completeness.missing.length > 0 && ' The packet is incomplete.'}
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
          disabled={phase.kind === 'sending' || completeness.blocked}
          onClick={() => setPhase({ kind: 'confirming' })}
        >
          {phase.kind === 'sending' ? 'Escalating…' : 'Escalate'}
        </button>
      )}
      {completeness.blocked && <p class="tl-muted">The policy needs a complete packet before escalating.</p>}
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
