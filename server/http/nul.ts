import type { JsonPath } from './errors';

/**
 * The path of the first string holding a NUL character, or null. PostgreSQL
 * cannot store U+0000 in text or jsonb, so such input is refused as invalid
 * (400/422) instead of failing in the database (500).
 */
export function findNul(value: unknown, path: JsonPath = []): JsonPath | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findNul(v, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNul(k, [...path, k]) ?? findNul(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}
