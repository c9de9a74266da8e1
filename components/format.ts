import type { TierId } from '../core/ticket';

/** "T2" → "Tier 2": agents read tiers as words, the policy stores ids. */
export function tierLabel(tier: TierId): string {
  return `Tier ${tier.slice(1)}`;
}

/** Business minutes as "45m", "3h 05m" or "2d 4h": short enough for a fixed-size badge. */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(Math.abs(minutes)));
  if (m < 60) return `${m}m`;
  const hours = Math.floor(m / 60);
  if (hours < 24) return `${hours}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** "breaches in 12m", "breached 5m ago", or "clock paused". */
export function formatBreach(clock: { remainingMinutes: number; breached: boolean; paused: boolean }): string {
  if (clock.paused) return 'clock paused';
  if (clock.breached || clock.remainingMinutes < 0) return `breached ${formatMinutes(clock.remainingMinutes)} ago`;
  return `breaches in ${formatMinutes(clock.remainingMinutes)}`;
}
