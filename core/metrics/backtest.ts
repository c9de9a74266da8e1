import { TIER_IDS, type TierId } from '../ticket';

/**
 * Backtesting a policy: where it would have routed past tickets against where
 * they really ended. Pure counting; the CLI runs `decide` to get the rows.
 */

export interface BacktestRow {
  ticketId: string;
  /** The tier the policy decides. */
  decided: TierId;
  /** The tier the ticket really ended at. */
  actual: TierId;
  decidedRole?: string;
  actualRole?: string;
  /** Where the ticket started (its current tier, else the policy's entry tier). */
  entry: TierId;
}

export interface TierScore {
  tier: TierId;
  /** Tickets that really ended here. */
  actual: number;
  /** Tickets the policy sends here. */
  decided: number;
  correct: number;
  /** Of the tickets sent here, the share that belonged here (null when none were sent). */
  precision: number | null;
  /** Of the tickets that belonged here, the share sent here (null when none belonged). */
  recall: number | null;
}

export interface BacktestSummary {
  tickets: number;
  misrouted: number;
  /** Decided tier ≠ final tier, out of all tickets. */
  misroutingRate: number;
  /** Rows that name a final role, and how many of them the policy got wrong. */
  roleChecked: number;
  roleMismatches: number;
  roleMismatchRate: number;
  /** Tickets the policy sends above where they started. */
  escalationRate: number;
  /** Tickets that really ended above where they started. */
  actualEscalationRate: number;
  /** confusion[actual][decided] = tickets. */
  confusion: Record<TierId, Record<TierId, number>>;
  perTier: TierScore[];
}

const rank = (tier: TierId) => TIER_IDS.indexOf(tier);

/**
 * @example
 * summarizeBacktest([{ ticketId: '1', decided: 'T2', actual: 'T2', entry: 'T1' }]).misroutingRate // 0
 */
export function summarizeBacktest(rows: readonly BacktestRow[]): BacktestSummary {
  const confusion = Object.fromEntries(TIER_IDS.map((a) => [a, Object.fromEntries(TIER_IDS.map((d) => [d, 0]))])) as Record<TierId, Record<TierId, number>>;
  let misrouted = 0;
  let roleChecked = 0;
  let roleMismatches = 0;
  let escalated = 0;
  let actuallyEscalated = 0;
  for (const row of rows) {
    confusion[row.actual][row.decided]++;
    if (row.decided !== row.actual) misrouted++;
    if (row.actualRole !== undefined) {
      roleChecked++;
      if (row.decidedRole !== row.actualRole) roleMismatches++;
    }
    if (rank(row.decided) > rank(row.entry)) escalated++;
    if (rank(row.actual) > rank(row.entry)) actuallyEscalated++;
  }
  const share = (n: number, d: number) => (d > 0 ? n / d : 0);
  const perTier = TIER_IDS.map((tier): TierScore => {
    const actual = TIER_IDS.reduce((sum, d) => sum + confusion[tier][d], 0);
    const decided = TIER_IDS.reduce((sum, a) => sum + confusion[a][tier], 0);
    const correct = confusion[tier][tier];
    return { tier, actual, decided, correct, precision: decided > 0 ? correct / decided : null, recall: actual > 0 ? correct / actual : null };
  });
  return {
    tickets: rows.length,
    misrouted,
    misroutingRate: share(misrouted, rows.length),
    roleChecked,
    roleMismatches,
    roleMismatchRate: share(roleMismatches, roleChecked),
    escalationRate: share(escalated, rows.length),
    actualEscalationRate: share(actuallyEscalated, rows.length),
    confusion,
    perTier,
  };
}
