import type { TierId } from '../core/ticket';
import type { Owner, PolicyInForce } from '../core/view/ticket-view';

/**
 * The overlay's words, in one place, so every part says the same thing the
 * same way. Tier says who acts ("Tier 1 · Billing Specialist"), severity says
 * how soon ("Severity: Critical"), a bypass says which tiers a move skips;
 * "critical" is only ever a severity.
 */

/** "T2" → "Tier 2": agents read tiers as words, the policy stores ids. */
export function tierLabel(tier: TierId): string {
  return `Tier ${tier.slice(1)}`;
}

/** "Tier 1 · Billing Specialist". */
export function ownerLabel(owner: Pick<Owner, 'tier' | 'roleName'>): string {
  return `${tierLabel(owner.tier)} · ${owner.roleName}`;
}

/** "Severity: Critical": the clock, never the owner. */
export function severityLabel(name: string): string {
  return `Severity: ${name}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Business time as it is: minutes the calendar's clock ran, with "business day"
 * meaning the calendar's working day (`dayMinutes`), never 24 hours.
 *
 * @example formatBusinessTime(25, 480) // "25 min"
 * @example formatBusinessTime(185, 480) // "3 h 05 min"
 * @example formatBusinessTime(2400, 480) // "5 business days"
 * @example formatBusinessTime(600, 480) // "1 business day 2 h"
 */
export function formatBusinessTime(minutes: number, dayMinutes: number): string {
  const m = Math.max(0, Math.round(Math.abs(minutes)));
  if (m < 60) return `${m} min`;
  if (dayMinutes > 0 && m >= dayMinutes) {
    const days = Math.floor(m / dayMinutes);
    const hours = Math.floor((m % dayMinutes) / 60);
    const unit = dayMinutes === 24 * 60 ? 'day' : 'business day';
    return hours > 0 ? `${plural(days, unit)} ${hours} h` : plural(days, unit);
  }
  const hours = Math.floor(m / 60);
  return m % 60 === 0 ? `${hours} h` : `${hours} h ${String(m % 60).padStart(2, '0')} min`;
}

/** "breaches in 12 min", "breached 5 min ago", or "clock paused (waiting on the customer)". */
export function formatBreach(clock: { remainingMinutes: number; breached: boolean; paused: boolean }, dayMinutes: number): string {
  if (clock.paused) return 'clock paused (waiting on the customer)';
  if (clock.breached || clock.remainingMinutes < 0) return `breached ${formatBusinessTime(clock.remainingMinutes, dayMinutes)} ago`;
  return `breaches in ${formatBusinessTime(clock.remainingMinutes, dayMinutes)}`;
}

/**
 * What a bypass means for this ticket: which tiers the move skips. A move that
 * skips none (Tier 1 → Billing Specialist, also Tier 1) says it goes straight
 * to the role without the usual queue.
 *
 * @example bypassText({ tier: 'T1' }, { tier: 'T4', roleName: 'Security Incident Lead' }) // "Bypass: straight from Tier 1 to Tier 4 · Security Incident Lead, skipping Tier 2–3."
 */
export function bypassText(from: Pick<Owner, 'tier'>, to: Pick<Owner, 'tier' | 'roleName'>): string {
  const a = Number(from.tier.slice(1));
  const b = Number(to.tier.slice(1));
  if (b - a >= 2) {
    const skipped = b - a === 2 ? `Tier ${a + 1}` : `Tier ${a + 1}–${b - 1}`;
    return `Bypass: straight from ${tierLabel(from.tier)} to ${ownerLabel(to)}, skipping ${skipped}.`;
  }
  return `Bypass: straight to ${ownerLabel(to)}, without the usual queue.`;
}

const SOURCE_WORDS: Record<PolicyInForce['source'], string> = {
  managed: 'set by your administrator',
  org: "from your team's endpoint",
  local: 'saved in this browser',
  default: "Tierline's built-in default",
};

/** "Policy “Acme support” · revision 7 · set by your administrator". */
export function policyLabel(policy: PolicyInForce): string {
  return `Policy “${policy.name}” · revision ${policy.revision} · ${SOURCE_WORDS[policy.source]}`;
}

/** Ticket fields as the adapters name them, in words an agent reads. */
const FIELD_WORDS: Record<string, string> = {
  tierEnteredAt: 'when the ticket reached its tier',
  currentTier: 'the current tier',
  customerTier: 'the customer’s plan',
  requester: 'the requester',
  subject: 'the subject',
  description: 'the description',
  status: 'the status',
  priority: 'the priority',
  tags: 'the tags',
  group: 'the group',
  issueType: 'the issue type',
  impactedUsers: 'the number of affected users',
  createdAt: 'when the ticket was opened',
  comments: 'the conversation',
  id: 'the ticket number',
};

/** "tierEnteredAt" → "when the ticket reached its tier"; "comments[3]" → "message 4 of the conversation". */
export function fieldLabel(field: string): string {
  const comment = /^comments\[(\d+)\]$/.exec(field);
  if (comment) return `message ${Number(comment[1]) + 1} of the conversation`;
  return FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
