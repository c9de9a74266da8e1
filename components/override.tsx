import { useState } from 'preact/hooks';
import type { TierId } from '../core/ticket';
import { tierLabel } from './format';

export interface OverrideChoice {
  tier: TierId;
  role: string;
  reason: string;
}

export interface OverrideProps {
  /** The roles an agent may pick; each carries its tier, so one pick sets both. */
  roles: { id: string; name: string; tier: TierId }[];
  current: { tier: TierId; role: string };
  onSave(choice: OverrideChoice): Promise<void> | void;
}

/**
 * Override in two clicks: open, then pick + reason and save. Overrides are
 * cheap on purpose: if correcting a misroute is cumbersome, agents stop doing it.
 */
export function Override({ roles, current, onSave }: OverrideProps) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState(roles.find((r) => r.id !== current.role)?.id ?? current.role);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | undefined>();
  const picked = roles.find((r) => r.id === role);
  const canSave = picked !== undefined && reason.trim().length > 0;

  async function save(event: Event) {
    event.preventDefault();
    if (!picked || !canSave) return;
    await onSave({ tier: picked.tier, role: picked.id, reason: reason.trim() });
    setSaved(`${tierLabel(picked.tier)} · ${picked.name}`);
    setOpen(false);
    setReason('');
  }

  return (
    <div class="tl-override" data-testid="tl-override">
      <button type="button" class="tl-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Override tier or role
      </button>
      {saved && !open && <p class="tl-muted" role="status">Overridden to {saved}.</p>}
      {open && (
        <form class="tl-override-form" onSubmit={save}>
          <label>
            New owner
            <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {tierLabel(r.tier)} · {r.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Reason
            <input type="text" required value={reason} placeholder="Why the policy is wrong here" onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit" class="tl-button tl-primary" disabled={!canSave}>
            Save override
          </button>
        </form>
      )}
    </div>
  );
}
