import type { TicketComment } from '../../core/ticket';
import type { MountGetter, Resolver } from '../types';
import { readText, readValue, toIsoDateTime } from './text';

/**
 * Resolver helpers: several resolvers per field, tried in order, so the current
 * UI and older generations of a helpdesk front-end are read side by side.
 */

/** The first non-empty value any resolver reads inside `root`. */
export function resolveFirst<T>(root: ParentNode, resolvers: readonly Resolver<T>[]): T | undefined {
  for (const { selector, resolve } of resolvers) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const value = resolve(el);
      if (value !== undefined && value !== '') return value;
    }
  }
  return undefined;
}

/** Every value read by the first resolver that finds any element. */
export function resolveAll<T>(root: ParentNode, resolvers: readonly Resolver<T>[]): T[] | undefined {
  for (const { selector, resolve } of resolvers) {
    const elements = Array.from(root.querySelectorAll(selector));
    if (elements.length === 0) continue;
    return elements.map((el) => resolve(el)).filter((v): v is T => v !== undefined && v !== '');
  }
  return undefined;
}

/** A resolver reading an element's visible text (or a control's value). */
export const text = (selector: string): Resolver<string> => ({ selector, resolve: (el) => readValue(el) || undefined });

/** A resolver reading an attribute. */
export const attr = (selector: string, name: string): Resolver<string> => ({ selector, resolve: (el) => el.getAttribute(name)?.trim() || undefined });

/** A resolver reading text without the element's children elements' text (toggl's trick for Freshdesk headings). */
export const ownText = (selector: string): Resolver<string> => ({
  selector,
  resolve: (el) =>
    Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim() || undefined,
});

export { readText };

/** The first element matching one of the selectors: the container itself, else inside it (a document only inside). */
export function findIn(container: ParentNode, selectors: readonly string[]): Element | null {
  // `in`, not `instanceof Element`: the CLI reads pages parsed in another realm, where no global Element exists.
  if ('matches' in container) for (const sel of selectors) if ((container as Element).matches(sel)) return container as Element;
  for (const sel of selectors) {
    const el = container.querySelector(sel);
    if (el) return el;
  }
  return null;
}

export const MOUNT_ATTRIBUTE = 'data-tierline-mount';

export interface MountSpec {
  /** Which overlay part: its mount carries `data-tierline-mount="<part>"`. */
  part: 'badge' | 'checklist';
  /** Finds the helpdesk element to mount beside, inside the container; `null` when the container is not a ticket page of this helpdesk. */
  findAnchor: (container: Element) => Element | null;
  /** Insert after the anchor (a header) or as its last child (a sidebar). */
  position: 'after' | 'append';
}

/**
 * A mount getter from a spec: returns the mount already next to the anchor,
 * or creates an empty `<div data-tierline-mount>` there (an empty block adds
 * no height, so the host page does not shift until the overlay draws).
 */
export function createMountGetter(spec: MountSpec): MountGetter {
  return (container) => {
    const anchor = spec.findAnchor(container);
    if (!anchor) return null;
    const selector = `[${MOUNT_ATTRIBUTE}="${spec.part}"]`;
    const existing = spec.position === 'after' ? anchor.nextElementSibling : anchor.lastElementChild;
    if (existing?.matches(selector)) return existing as HTMLElement;
    const doc = anchor.ownerDocument;
    const mount = doc.createElement('div');
    mount.setAttribute(MOUNT_ATTRIBUTE, spec.part);
    if (spec.position === 'after') anchor.after(mount);
    else anchor.append(mount);
    return mount;
  };
}

/** Every element matching any of the selectors, selector by selector (one per UI generation). */
export function queryAllOf(root: ParentNode, selectors: readonly string[]): Element[] {
  return selectors.flatMap((sel) => Array.from(root.querySelectorAll(sel)));
}

/** The resolvers that read one comment item. */
export interface CommentResolvers {
  body: readonly Resolver<string>[];
  author: readonly Resolver<string>[];
  time: readonly Resolver<string>[];
}

/**
 * The comments read from a thread's items, in page order; an item without a
 * body is skipped. Each helpdesk marks internal notes and customer messages
 * its own way, so `classify` says who wrote the item and whether it is public.
 */
export function readDomComments(
  items: readonly Element[],
  resolvers: CommentResolvers,
  classify: (item: Element, authorName: string | undefined) => Pick<TicketComment, 'author' | 'public'>,
): TicketComment[] {
  return items.flatMap((item) => {
    const body = resolveFirst(item, resolvers.body);
    if (body === undefined) return [];
    const authorName = resolveFirst(item, resolvers.author);
    return [{ ...classify(item, authorName), body, at: toIsoDateTime(resolveFirst(item, resolvers.time)), authorName }];
  });
}
