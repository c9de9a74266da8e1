// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { billingTicket, viewOf } from '../../components/__fixtures__/views';
import { TierBadge } from '../../components/tier-badge';
import { showPendingBadge } from './pending-badge';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

describe('the pending badge', () => {
  it('holds the badge box without naming an owner while the worker decides', () => {
    showPendingBadge(root);
    const pending = root.querySelector('[data-testid="tl-badge-pending"]');
    expect(pending?.classList.contains('tl-badge-wrap')).toBe(true);
    expect(pending?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('[data-owner]')).toBeNull();
  });

  it('gives way to the badge drawn from the answer, and settling then leaves the badge alone', () => {
    const pending = showPendingBadge(root);
    render(<TierBadge view={viewOf(billingTicket)} decidedBy="worker" />, root);
    pending.settle();
    expect(root.querySelector('[data-testid="tl-badge-pending"]')).toBeNull();
    expect(root.querySelector('[data-testid="tl-badge"]')?.getAttribute('data-owner')).toBeTruthy();
  });

  it('leaves nothing behind when no badge was drawn (the badge switched off, an unreadable page)', () => {
    showPendingBadge(root).settle();
    expect(root.innerHTML).toBe('');
  });

  it('does not draw over what the container already shows', () => {
    render(<TierBadge view={viewOf(billingTicket)} decidedBy="worker" />, root);
    showPendingBadge(root);
    expect(root.querySelector('[data-testid="tl-badge-pending"]')).toBeNull();
  });

  it('does nothing without a container (no header and no drawer yet)', () => {
    expect(() => showPendingBadge(null).settle()).not.toThrow();
  });
});
