import { unstorableText } from '../../core/events';
import type { Issue, JsonPath } from './errors';

/**
 * The first string (value or key) in a JSON value that PostgreSQL cannot store —
 * a NUL character or a lone surrogate, by core/events' one definition — or null.
 * Such input is refused as invalid (400/422) instead of failing in the database
 * (500). Events need no walk (their schema checks every string it keeps); the
 * policy, stored whole as jsonb, does.
 */
export function findUnstorableText(value: unknown, path: JsonPath = []): Issue | null {
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    return problem ? { path, message: problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findUnstorableText(v, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnstorableText(k, [...path, k]) ?? findUnstorableText(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}
