import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';

/**
 * Stage 2: Snowball stems (Orama's maintained ports), so "disputing",
 * "disputed" and "dispute" meet at "disput", "Rechnungen" and "Rechnung" at
 * "rechnung". Words are stemmed folded, the same way on both sides.
 *
 * @example stemWord('en', 'disputing') // 'disput'
 */
export const LANGUAGES = ['en', 'de', 'es', 'fr', 'pt', 'it', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

const STEMMERS: Record<Language, (word: string) => string> = { en: english, de: german, es: spanish, fr: french, pt: portuguese, it: italian, nl: dutch };

const CACHE_LIMIT = 20_000;
const caches = new Map<Language, Map<string, string>>(LANGUAGES.map((l) => [l, new Map()]));

export function stemWord(language: Language, folded: string): string {
  // Numbers and one-letter words have no stem worth computing.
  if (folded.length < 3) return folded;
  const cache = caches.get(language) as Map<string, string>;
  const hit = cache.get(folded);
  if (hit !== undefined) return hit;
  const stem = STEMMERS[language](folded);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(folded, stem);
  return stem;
}

/** Forgets every stem computed (for measurements of a first reading). */
export function forgetStems(): void {
  for (const cache of caches.values()) cache.clear();
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
