import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { HelpdeskAdapter } from '../../adapters/types';
import type { FeatureContext } from './context';
import { FEATURES } from './index';
import { byFrame, defineFeature, FEATURE_IDS, type Feature, runFeatures } from './registry';

const SUPPORT_FILES = new Set(['context.ts', 'index.ts', 'registry.ts']);

const ticketPageAdapter = { getPageKind: (url: URL) => (url.pathname.startsWith('/agent/tickets/') ? 'ticket' : null) } as unknown as HelpdeskAdapter;

function contextAt(url: string): FeatureContext {
  return { url: new URL(url), adapter: ticketPageAdapter } as unknown as FeatureContext;
}

function feature(id: Feature['id'], init: Feature['init'] = () => true): Feature {
  return defineFeature({ id, include: [(url, { adapter }) => adapter.getPageKind(url) !== null], init });
}

describe('the feature registry', () => {
  it('holds one feature per file, each with the id of its file name', () => {
    const files = readdirSync('extension/features').filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.') && !SUPPORT_FILES.has(f));
    expect(files.map((f) => f.replace(/\.tsx?$/, '')).sort()).toEqual([...FEATURE_IDS].sort());
    expect(FEATURES.map((f) => f.id).sort()).toEqual([...FEATURE_IDS].sort());
  });

  it('does not start a feature an admin switched off', async () => {
    const init = vi.fn(() => true);
    const result = await runFeatures([feature('override', init)], new AbortController().signal, contextAt('https://acme.zendesk.com/agent/tickets/1'), { disabled: ['override'] });
    expect(init).not.toHaveBeenCalled();
    expect(result.skipped).toEqual(['override']);
  });

  it('does not start features on pages their predicates exclude', async () => {
    const init = vi.fn(() => true);
    const result = await runFeatures([feature('tier-badge', init)], new AbortController().signal, contextAt('https://acme.zendesk.com/agent/dashboard'));
    expect(init).not.toHaveBeenCalled();
    expect(result.skipped).toEqual(['tier-badge']);
  });

  it('keeps the other features running when one throws', async () => {
    const result = await runFeatures(
      [
        feature('tier-badge', () => {
          throw new Error('header moved');
        }),
        feature('trigger-warnings'),
        feature('ai-suggestion', () => false),
      ],
      new AbortController().signal,
      contextAt('https://acme.zendesk.com/agent/tickets/1'),
    );
    expect(result.started).toEqual(['trigger-warnings']);
    expect(result.skipped).toEqual(['ai-suggestion']);
    expect(result.failed.map((f) => f.id)).toEqual(['tier-badge']);
  });

  it('draws the badge before the first frame after the answer and every other feature just after it, in registry order', () => {
    const { first, later } = byFrame(FEATURES);
    expect(first.map((f) => f.id)).toEqual(['tier-badge']);
    expect(later.map((f) => f.id)).toEqual(FEATURES.map((f) => f.id).filter((id) => id !== 'tier-badge'));
  });
});
