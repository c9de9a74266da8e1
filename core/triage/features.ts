import { z } from 'zod';
import { combineHashes, hashSlice } from './hash';

/**
 * Text → hashed sparse vector. Words (unigrams + bigrams) carry meaning;
 * character n-grams inside word boundaries ("<refund>" → "<r", "re", ...,
 * "fund>") survive typos and inflections ("refunded", "refnd"), which real
 * tickets are full of. Features are hashed into a fixed number of buckets
 * with a sign bit so collisions cancel out on average instead of piling up.
 */

export const hashingSchema = z
  .object({
    /** log2 of the bucket count. */
    bits: z.number().int().min(8).max(24),
    charMin: z.number().int().min(1).max(8),
    charMax: z.number().int().min(1).max(8),
    wordBigrams: z.boolean(),
    /** Relative weight of the character n-gram block against the word block. */
    charWeight: z.number().positive(),
  })
  .strict();
export type HashingParams = z.infer<typeof hashingSchema>;

export const DEFAULT_HASHING: HashingParams = { bits: 18, charMin: 2, charMax: 5, wordBigrams: true, charWeight: 1 };

/** A sparse vector: bucket indices (ascending, unique) and their values, L2-normalised. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

const WORD_SEED = 0x3c6ef372;
const CHAR_SEED = 0x1b873593;
const BIGRAM_SEED = 0x5bd1e995;

/**
 * Lowercase, fold accents ("café" → "cafe"), drop apostrophes ("can't" → "cant")
 * and split on anything that is not a letter or digit.
 *
 * @example tokenize("Can't log in — Café app") // → ['cant', 'log', 'in', 'cafe', 'app']
 */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The hashed, sublinear-tf (1 + ln tf), L2-normalised feature vector of a
 * text; with `idf` (one weight per bucket) each bucket is also weighted by
 * its inverse document frequency before normalising.
 *
 * @example vectorize('Refund my order', DEFAULT_HASHING).indices.length // → > 0
 */
export function vectorize(text: string, params: HashingParams, idf?: ArrayLike<number>): SparseVector {
  const words = tokenize(text);
  // Raw feature hash → term frequency, kept per block so the blocks can be weighted.
  const wordCounts = new Map<number, number>();
  const charCounts = new Map<number, number>();
  const add = (counts: Map<number, number>, hash: number) => counts.set(hash, (counts.get(hash) ?? 0) + 1);
  let previous = -1;
  for (const word of words) {
    const wordHash = hashSlice(word, 0, word.length, WORD_SEED);
    add(wordCounts, wordHash);
    if (params.wordBigrams && previous !== -1) add(wordCounts, combineHashes(previous, wordHash ^ BIGRAM_SEED));
    previous = wordHash;
    const padded = `<${word}>`;
    for (let n = params.charMin; n <= params.charMax; n++) {
      for (let start = 0; start + n <= padded.length; start++) add(charCounts, hashSlice(padded, start, start + n, CHAR_SEED + n));
    }
  }
  const buckets = new Map<number, number>();
  const mask = (1 << params.bits) - 1;
  const fold = (counts: Map<number, number>, weight: number) => {
    let norm = 0;
    for (const tf of counts.values()) norm += (1 + Math.log(tf)) ** 2;
    if (norm === 0) return;
    const scale = weight / Math.sqrt(norm);
    for (const [hash, tf] of counts) {
      // The top bit chooses the sign; the low bits choose the bucket.
      const sign = hash & 0x80000000 ? -1 : 1;
      const bucket = hash & mask;
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + sign * scale * (1 + Math.log(tf)));
    }
  };
  fold(wordCounts, 1);
  fold(charCounts, params.charWeight);
  const indices = Int32Array.from(buckets.keys()).sort();
  const values = new Float32Array(indices.length);
  let norm = 0;
  for (let i = 0; i < indices.length; i++) {
    const bucket = indices[i] as number;
    const v = (buckets.get(bucket) as number) * (idf ? (idf[bucket] as number) : 1);
    values[i] = v;
    norm += v * v;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * inv;
  }
  return { indices, values };
}

/**
 * Smoothed inverse document frequency per bucket, ln((1 + N) / (1 + df)) + 1,
 * from vectors built without idf.
 */
export function inverseDocumentFrequency(vectors: readonly SparseVector[], buckets: number): Float32Array {
  const df = new Float64Array(buckets);
  for (const x of vectors) for (const b of x.indices) df[b] = (df[b] as number) + 1;
  const idf = new Float32Array(buckets);
  const n = vectors.length;
  for (let b = 0; b < buckets; b++) idf[b] = Math.log((1 + n) / (1 + (df[b] as number))) + 1;
  return idf;
}

/** Re-weights an idf-free vector by idf and L2-normalises it again (cheaper than re-hashing the text). */
export function applyIdf(x: SparseVector, idf: ArrayLike<number>): SparseVector {
  const values = new Float32Array(x.values.length);
  let norm = 0;
  for (let k = 0; k < values.length; k++) {
    const v = (x.values[k] as number) * (idf[x.indices[k] as number] as number);
    values[k] = v;
    norm += v * v;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) * inv;
  return { indices: x.indices, values };
}
