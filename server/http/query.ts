import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/**
 * A period bound: an instant (`2026-03-01T00:00:00Z`) or a calendar day in UTC
 * (`2026-03-01`). A day as `to` includes that whole day, so `from=2026-01-01&to=2026-03-31` is the first quarter.
 */
export const boundSchema = (edge: 'from' | 'to') =>
  z.union([isoDateTime, isoDate]).transform((v) => {
    const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
    return v.length === 10 && edge === 'to' ? new Date(d.getTime() + 86_400_000) : d;
  });

export const nameSchema = z.string().min(1).max(200);
export const formatSchema = z.enum(['json', 'csv']).optional();
