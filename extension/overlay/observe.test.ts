// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { observe, watchAncestors } from './observe';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('observe', () => {
  it('reports the active ticket pane now and each time another becomes active, until aborted', async () => {
    document.body.replaceChildren();
    const a = Object.assign(document.createElement('div'), { id: 'a' });
    const b = Object.assign(document.createElement('div'), { id: 'b' });
    a.setAttribute('data-is-active', 'true');
    b.setAttribute('data-is-active', 'false');
    document.body.append(a, b);
    const seen: (string | null)[] = [];
    const controller = new AbortController();
    observe('[data-is-active="true"]', (el) => seen.push(el?.id ?? null), { signal: controller.signal });
    a.setAttribute('data-is-active', 'false');
    b.setAttribute('data-is-active', 'true');
    await settle();
    controller.abort();
    a.setAttribute('data-is-active', 'true');
    b.remove();
    await settle();
    expect(seen).toEqual(['a', 'b']);
  });

  it('stays quiet while unrelated parts of the page churn', async () => {
    document.body.replaceChildren();
    const pane = document.createElement('main');
    pane.className = 'pane';
    document.body.append(pane);
    let calls = 0;
    const controller = new AbortController();
    observe('.pane', () => calls++, { signal: controller.signal });
    for (let i = 0; i < 20; i++) pane.append(document.createElement('p'));
    await settle();
    controller.abort();
    expect(calls).toBe(1);
  });
});

describe('observe when the helpdesk re-renders', () => {
  it('reports a pane replaced by a new one, and one appearing after none matched', async () => {
    document.body.replaceChildren();
    const app = document.createElement('div');
    document.body.append(app);
    const seen: (string | null)[] = [];
    const controller = new AbortController();
    observe('.pane', (el) => seen.push(el?.id ?? null), { signal: controller.signal });
    const first = Object.assign(document.createElement('main'), { id: 'first', className: 'pane' });
    app.append(first);
    await settle();
    const second = Object.assign(document.createElement('main'), { id: 'second', className: 'pane' });
    app.replaceChildren(second);
    await settle();
    controller.abort();
    expect(seen).toEqual([null, 'first', 'second']);
  });
});

describe('watchAncestors', () => {
  it('notices when an ancestor is removed, not when a sibling subtree churns', async () => {
    document.body.replaceChildren();
    const header = document.createElement('header');
    const log = document.createElement('section');
    const badge = document.createElement('span');
    header.append(badge);
    document.body.append(header, log);
    let changes = 0;
    const controller = new AbortController();
    watchAncestors(badge, () => changes++, controller.signal);
    for (let i = 0; i < 10; i++) log.append(document.createElement('p'));
    await settle();
    expect(changes).toBe(0);
    header.remove();
    await settle();
    controller.abort();
    expect(changes).toBe(1);
    expect(badge.isConnected).toBe(false);
  });
});
