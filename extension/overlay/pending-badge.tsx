import { render } from 'preact';
import { TierBadgePending } from '../../components/tier-badge';

const PENDING = '[data-testid="tl-badge-pending"]';

/**
 * Puts the pending badge in the badge's container while the worker decides (issue 13), so the shadow root is styled,
 * the header laid out around the badge's box and Preact's code run before the answer comes: the answer's render is
 * then a small diff. `settle` removes the pending badge if no feature drew over it (the badge switched off by an
 * admin, a page that is not a readable ticket), so it never outstays the answer.
 *
 * @example const pending = showPendingBadge(mounts.badge()); …draw the badge…; pending.settle();
 */
export function showPendingBadge(container: HTMLElement | null): { settle(): void } {
  if (container && !container.firstChild) render(<TierBadgePending />, container);
  return {
    settle() {
      if (container?.querySelector(PENDING)) render(null, container);
    },
  };
}
