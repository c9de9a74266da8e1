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

export const DEFAULT_HASHING: HashingParams = { bits: 18, charMin: 3, charMax: 5, wordBigrams: true, charWeight: 1 };

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
 * A text's hashed n-grams before weighting, one sparse block per kind: values
 * are signed sublinear term frequencies (1 + ln tf). Kept apart so each block
 * is idf-weighted and L2-normalised on its own (as scikit-learn's separate
 * word and char_wb TF-IDF vectorisers would), and computed once per text
 * however many models are fitted on it.
 */
export interface BlockFeatures {
  word: SparseVector;
  char: SparseVector;
}

/** Hashed word uni+bigrams and character n-grams of a text (see `BlockFeatures`). */
export function extractFeatures(text: string, params: HashingParams): BlockFeatures {
  const words = tokenize(text);
  // Raw feature hash → term frequency per block.
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
  const mask = (1 << params.bits) - 1;
  return { word: toBuckets(wordCounts, mask), char: toBuckets(charCounts, mask) };
}

/** Feature hashes → buckets: the top bit chooses the sign, the low bits the bucket; values are 1 + ln tf. */
function toBuckets(counts: Map<number, number>, mask: number): SparseVector {
  // A reusable dense accumulator instead of a Map per text: this runs once per training text.
  const sums = scratchOf(mask + 1);
  const touched = new Int32Array(counts.size);
  let k = 0;
  for (const [hash, tf] of counts) {
    const bucket = hash & mask;
    if (sums.mark[bucket] === 0) {
      sums.mark[bucket] = 1;
      touched[k++] = bucket;
    }
    sums.value[bucket] = (sums.value[bucket] as number) + (hash & 0x80000000 ? -1 : 1) * (1 + Math.log(tf));
  }
  const indices = touched.slice(0, k).sort();
  const values = new Float32Array(k);
  for (let i = 0; i < k; i++) {
    const bucket = indices[i] as number;
    values[i] = sums.value[bucket] as number;
    sums.value[bucket] = 0;
    sums.mark[bucket] = 0;
  }
  return { indices, values };
}

let scratch: { value: Float64Array; mark: Uint8Array } | undefined;
/** The accumulator for `size` buckets; always left zeroed after use. */
function scratchOf(size: number): { value: Float64Array; mark: Uint8Array } {
  if (scratch?.value.length !== size) scratch = { value: new Float64Array(size), mark: new Uint8Array(size) };
  return scratch;
}

/**
 * Weighs extracted features: each block times idf (when given), L2-normalised,
 * the character block times `charWeight`; the blocks are summed and the whole
 * L2-normalised again so every text has unit length.
 */
export function weighFeatures(features: BlockFeatures, params: HashingParams, idf?: ArrayLike<number>): SparseVector {
  const word = normalised(features.word, idf, 1);
  const char = normalised(features.char, idf, params.charWeight);
  // Merge two ascending index lists, summing the rare buckets both blocks hit.
  const indices = new Int32Array(word.indices.length + char.indices.length);
  const values = new Float32Array(indices.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < word.indices.length || j < char.indices.length) {
    const a = i < word.indices.length ? (word.indices[i] as number) : 0x7fffffff;
    const b = j < char.indices.length ? (char.indices[j] as number) : 0x7fffffff;
    if (a === b) {
      indices[k] = a;
      values[k++] = (word.values[i++] as number) + (char.values[j++] as number);
    } else if (a < b) {
      indices[k] = a;
      values[k++] = word.values[i++] as number;
    } else {
      indices[k] = b;
      values[k++] = char.values[j++] as number;
    }
  }
  return normalised({ indices: indices.slice(0, k), values: values.slice(0, k) }, undefined, 1);
}

function normalised(x: SparseVector, idf: ArrayLike<number> | undefined, weight: number): SparseVector {
  const values = new Float32Array(x.values.length);
  let norm = 0;
  for (let k = 0; k < values.length; k++) {
    const v = (x.values[k] as number) * (idf ? (idf[x.indices[k] as number] as number) : 1);
    values[k] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? weight / Math.sqrt(norm) : 0;
  for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) * scale;
  return { indices: x.indices, values };
}

/**
 * The hashed feature vector of a text: sublinear tf × idf (when `idf`, one
 * weight per bucket, is given), each block L2-normalised, then the whole.
 *
 * @example vectorize('Refund my order', DEFAULT_HASHING).indices.length // → > 0
 */
export function vectorize(text: string, params: HashingParams, idf?: ArrayLike<number>): SparseVector {
  return weighFeatures(extractFeatures(text, params), params, idf);
}

/**
 * Smoothed inverse document frequency per bucket, ln((1 + N) / (1 + df)) + 1,
 * from vectors built without idf.
 */
export function inverseDocumentFrequency(vectors: readonly (SparseVector | BlockFeatures)[], buckets: number): Float32Array {
  const df = new Float64Array(buckets);
  // A bucket both blocks of one text hit is still one document.
  const seenIn = new Int32Array(buckets).fill(-1);
  vectors.forEach((x, doc) => {
    for (const block of 'word' in x ? [x.word, x.char] : [x]) {
      for (const b of block.indices) {
        if (seenIn[b] === doc) continue;
        seenIn[b] = doc;
        df[b] = (df[b] as number) + 1;
      }
    }
  });
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
