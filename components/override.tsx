import { useMemo, useState } from 'preact/hooks';
import type { TierId } from '../core/ticket';
import type { Owner, TicketView } from '../core/view/ticket-view';
import { formatBreach, ownerLabel, severityLabel, tierLabel } from './format';

export interface OverrideChoice {
  tier: TierId;
  role: string;
  reason: string;
}

/** What an override would change, worked out by the caller from the same view builder the worker uses. */
export interface OverridePreview {
  owner: Owner;
  handoff: TicketView['handoff'];
  /** Fired triggers the new owner would not follow (it sits below or beside their target). */
  overruled: TicketView['triggers'];
}

export interface OverrideProps {
  /** The roles an agent may pick, by tier; each carries its tier, so one pick sets both. */
  roles: { id: string; name: string; tier: TierId }[];
  view: TicketView;
  preview(choice: { tier: TierId; role: string }): OverridePreview;
  onSave(choice: OverrideChoice): Promise<void>;
  onUndo(): Promise<void>;
}

function handoffLine(handoff: TicketView['handoff']): string {
  if (!handoff) return 'Handoff: none, the ticket already sits with this owner.';
  return `Handoff: ${ownerLabel(handoff.from)} → ${ownerLabel(handoff.to)} (${handoff.items.length} checklist items).`;
}

/**
 * Override with no default: the agent picks a tier and role by name, sees what
 * changes (owner, handoff target, the triggers it would not follow; the clock
 * stays with severity), gives a reason and saves. The whole overlay then
 * follows the override until it is undone.
 */
export function Override({ roles, view, preview, onSave, onUndo }: OverrideProps) {
  const [open, setOpen] = useState(false);
  const [pick, setPick] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const picked = roles.find((r) => r.id === pick);
  // The preview builds a whole view: once per choice, not on every keystroke of the reason.
  const changes = useMemo(() => (picked ? preview({ tier: picked.tier, role: picked.id }) : undefined), [picked, preview]);
  const canSave = picked !== undefined && reason.trim().length > 0 && !busy;
  const tiers = [...new Set(roles.map((r) => r.tier))];

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setOpen(false);
      setPick('');
      setReason('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  function save(event: Event) {
    event.preventDefault();
    if (!picked || !canSave) return;
    void run(() => onSave({ tier: picked.tier, role: picked.id, reason: reason.trim() }));
  }

  return (
    <div class="tl-override" data-testid="tl-override">
      {view.override && (
        <p class="tl-muted" role="status" data-testid="tl-override-status">
          Overridden to {ownerLabel(view.override.to)}: {view.override.reason}. The policy says {ownerLabel(view.policyOwner)}.{' '}
          <button type="button" class="tl-link" data-testid="tl-override-undo" disabled={busy} onClick={() => void run(onUndo)}>
            Undo override
          </button>
        </p>
      )}
      <button type="button" class="tl-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Override owner
      </button>
      {open && (
        <form class="tl-override-form" onSubmit={save}>
          <label>
            New owner
            <select value={pick} required onChange={(e) => setPick(e.currentTarget.value)} data-testid="tl-override-owner">
              <option value="" disabled>
                Choose a tier and role…
              </option>
              {tiers.map((tier) => (
                <optgroup key={tier} label={tierLabel(tier)}>
                  {roles
                    .filter((r) => r.tier === tier)
                    .map((r) => (
                      <option key={r.id} value={r.id} disabled={r.tier === view.owner.tier && r.id === view.owner.role}>
                        {tierLabel(r.tier)} · {r.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          {changes && (
            <ul class="tl-override-preview" data-testid="tl-override-preview" aria-label="What changes">
              <li>
                Owner: {ownerLabel(changes.owner)} (now {ownerLabel(view.owner)}).
              </li>
              <li>{handoffLine(changes.handoff)}</li>
              <li>
                Clock: unchanged, {severityLabel(view.decision.severityName).toLowerCase()} sets it ({formatBreach(view.decision.clock, view.businessDayMinutes)}).
              </li>
              {changes.overruled.map((trigger) => (
                <li key={trigger.id} class="tl-warn" data-testid="tl-override-overruled">
                  Not followed: {trigger.description}
                  {trigger.toTier ? ` (sends it to ${tierLabel(trigger.toTier)})` : ''}.
                </li>
              ))}
            </ul>
          )}
          <label>
            Reason
            <input type="text" required value={reason} placeholder="Why the policy is wrong here" onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit" class="tl-button tl-primary" disabled={!canSave}>
            Save override
          </button>
        </form>
      )}
      {error && (
        <p class="tl-error" role="alert">
          The override was not saved: {error}
        </p>
      )}
    </div>
  );
}
