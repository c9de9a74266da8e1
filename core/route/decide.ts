import type { Policy } from '../policy/schema';
import type { Ticket } from '../ticket';
import type { Decision } from './decision';

/** A triage model's suggestion (see core/triage): a label from `policy.ai.labels` and its calibrated confidence. */
export interface ModelSuggestion {
  label: string;
  confidence: number;
}

export interface DecideOptions {
  /** The moment of the decision (ISO 8601 with offset). The core never reads the clock. */
  now: string;
  /** A triage suggestion; used for the issue type only when the AI gates allow it. */
  model?: ModelSuggestion;
}

export type Router = (ticket: Ticket, options: DecideOptions) => Decision;

/** Compiles a policy's conditions once and returns a pure routing function. */
export function createRouter(policy: Policy): Router {
  void policy;
  return () => {
    throw new Error('createRouter: not implemented yet');
  };
}

/** Routes one ticket under a policy: tier, role, severity, fired triggers, queue clock and reasons. */
export function decide(policy: Policy, ticket: Ticket, options: DecideOptions): Decision {
  return createRouter(policy)(ticket, options);
}
