import { decodeBase64, encodeBase64 } from './base64';
import type { DenseWeights } from './softmax';

/**
 * The compact weight format stored in the model file: the largest weights
 * only (most of a hashed softmax is near-zero noise), quantised to int8 with
 * one scale per class, in bucket order:
 *
 *   repeat: varint(bucket − previous bucket), u8(count), count × (u8 class, i8 value)
 *
 * Decoded into CSR arrays (`start[bucket]..start[bucket+1]`) for O(1) lookup
 * per feature at prediction time.
 */

export interface EncodedWeights {
  encoding: 'csr-int8-v1';
  entries: number;
  scales: number[];
  data: string;
}

export interface CompactWeights {
  classes: number;
  buckets: number;
  bias: Float32Array;
  /** buckets + 1 offsets into `classIds` / `values`. */
  start: Int32Array;
  classIds: Uint8Array;
  values: Float32Array;
}

/**
 * Keeps at most `maxEntries` weights (largest relative to their class scale first) and quantises them.
 *
 * @example encodeWeights(trained, 400_000).entries // → ≤ 400000
 */
export function encodeWeights(model: DenseWeights, maxEntries: number): EncodedWeights {
  const { classes, buckets, weights } = model;
  const scales = new Array<number>(classes).fill(0);
  for (let j = 0; j < weights.length; j++) {
    const c = j % classes;
    const a = Math.abs(weights[j] as number);
    if (a > (scales[c] as number)) scales[c] = a;
  }
  for (let c = 0; c < classes; c++) scales[c] = (scales[c] as number) / 127 || 1;
  // The cut-off is the magnitude (in quantisation steps) of the maxEntries-th weight,
  // found with a histogram instead of sorting millions of floats.
  const histogram = new Float64Array(128 * 16);
  const level = (j: number) => Math.min(histogram.length - 1, Math.floor((Math.abs(weights[j] as number) / (scales[j % classes] as number)) * 16));
  for (let j = 0; j < weights.length; j++) {
    const l = level(j);
    histogram[l] = (histogram[l] as number) + 1;
  }
  let cut = histogram.length;
  let kept = 0;
  while (cut > 8 && kept + (histogram[cut - 1] as number) <= maxEntries) kept += histogram[--cut] as number;
  // Level 8 is half a quantisation step: anything below rounds to zero anyway.
  const bytes: number[] = [];
  let previous = 0;
  let entries = 0;
  for (let b = 0; b < buckets; b++) {
    const row: number[] = [];
    for (let c = 0; c < classes; c++) {
      const j = b * classes + c;
      if (level(j) < cut) continue;
      const q = Math.max(-127, Math.min(127, Math.round((weights[j] as number) / (scales[c] as number))));
      if (q !== 0) row.push(c, q & 255);
    }
    if (row.length === 0) continue;
    let delta = b - previous;
    previous = b;
    while (delta >= 128) {
      bytes.push((delta & 127) | 128);
      delta >>>= 7;
    }
    bytes.push(delta, row.length / 2);
    for (const v of row) bytes.push(v);
    entries += row.length / 2;
  }
  return { encoding: 'csr-int8-v1', entries, scales, data: encodeBase64(Uint8Array.from(bytes)) };
}

/** Decodes stored weights; returns an error string when the data is truncated or out of range. */
export function decodeWeights(encoded: EncodedWeights, bias: readonly number[], buckets: number): CompactWeights | string {
  const bytes = decodeBase64(encoded.data);
  if (!bytes) return 'weights.data is not valid base64';
  const classes = bias.length;
  if (encoded.scales.length !== classes) return `weights.scales has ${encoded.scales.length} entries for ${classes} labels`;
  const start = new Int32Array(buckets + 1);
  const classIds = new Uint8Array(encoded.entries);
  const values = new Float32Array(encoded.entries);
  let p = 0;
  let bucket = 0;
  let e = 0;
  let filled = 0;
  while (p < bytes.length) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[p++] ?? 0;
      delta |= (byte & 127) << shift;
      shift += 7;
    } while (byte & 128 && shift < 35);
    bucket += delta;
    const count = bytes[p++] ?? 0;
    if (bucket >= buckets || e + count > encoded.entries || p + 2 * count > bytes.length) return 'weights.data is truncated or does not match the hashing bits';
    // Every bucket up to this one starts where the previous row ended.
    for (; filled <= bucket; filled++) start[filled] = e;
    for (let k = 0; k < count; k++) {
      const c = bytes[p++] as number;
      const q = ((bytes[p++] as number) << 24) >> 24;
      if (c >= classes) return `weights.data names class ${c} of ${classes}`;
      classIds[e] = c;
      values[e] = q * (encoded.scales[c] as number);
      e++;
    }
  }
  if (e !== encoded.entries) return `weights.entries says ${encoded.entries} but the data holds ${e}`;
  for (; filled <= buckets; filled++) start[filled] = e;
  return { classes, buckets, bias: Float32Array.from(bias), start, classIds, values };
}

export interface EncodedIdf {
  encoding: 'uint8-linear-v1';
  /** idf of level 255; level 0 is idf 1 (a term in every document). */
  max: number;
  data: string;
}

/** One byte per bucket: idf is smooth enough that 255 levels lose nothing measurable. */
export function encodeIdf(idf: Float32Array): EncodedIdf {
  let max = 1;
  for (const v of idf) if (v > max) max = v;
  const bytes = new Uint8Array(idf.length);
  const span = max - 1 || 1;
  for (let b = 0; b < idf.length; b++) bytes[b] = Math.round((((idf[b] as number) - 1) / span) * 255);
  return { encoding: 'uint8-linear-v1', max, data: encodeBase64(bytes) };
}

export function decodeIdf(encoded: EncodedIdf, buckets: number): Float32Array | string {
  const bytes = decodeBase64(encoded.data);
  if (!bytes || bytes.length !== buckets) return `idf.data must hold ${buckets} bytes`;
  const span = encoded.max - 1 || 1;
  return Float32Array.from(bytes, (q) => 1 + (q / 255) * span);
}
