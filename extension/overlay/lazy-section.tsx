import { render } from 'preact';
import type { OverlayUi } from '../features/context';

export interface LazySection<T> {
  /** What the agent is told is loading or missing: "handoff checklist". */
  what: string;
  /** The chunk's loader (`ctx.lazy.drawer`). */
  load: () => Promise<T>;
  /** Draws the section into `host` with the chunk's code; it cleans up through `signal`. */
  draw: (code: T, host: HTMLElement) => void;
}

/**
 * Draws a drawer section whose code is a lazily imported chunk (issue 13): a
 * "Loading" line at once, the chunk fetched when the drawer is first open, the
 * section once it is in. Nothing waits for it: the badge and the other
 * sections draw meanwhile. A chunk that cannot load (Tierline was updated or
 * reloaded under this open page) leaves a notice the agent can see; drafts are
 * kept by the worker, so none is lost.
 *
 * @example drawLazySection(signal, ctx.ui, container, { what: 'override', load: ctx.lazy.drawer, draw: (code, host) => code.drawOverride(signal, ctx, host) })
 */
export function drawLazySection<T>(signal: AbortSignal, ui: Pick<OverlayUi, 'whenOpen'>, container: HTMLElement, section: LazySection<T>): void {
  const { what } = section;
  render(
    <p class="tl-muted" data-testid="tl-section-loading">
      Loading the {what}…
    </p>,
    container,
  );
  signal.addEventListener('abort', () => render(null, container), { once: true });
  const failed = (error: unknown) => {
    if (signal.aborted) return;
    console.warn(`Tierline could not load its ${what}`, error);
    render(
      <p class="tl-error" role="alert" data-testid="tl-section-failed">
        Tierline could not load its {what}: it was probably updated while this page was open. Reload the page to use it; your saved handoff draft is kept.
      </p>,
      container,
    );
  };
  ui.whenOpen(signal)
    .then(section.load)
    .then((code) => {
      if (signal.aborted) return;
      render(null, container);
      // The chunk draws with its own copy of Preact, so it gets an element of its own that this script's Preact never drew.
      const host = container.ownerDocument.createElement('div');
      container.append(host);
      try {
        section.draw(code, host);
      } catch (error) {
        host.remove();
        throw error;
      }
      signal.addEventListener('abort', () => host.remove(), { once: true });
    })
    .catch(failed);
}
