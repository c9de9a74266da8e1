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
  const rows = model.rows ?? Int32Array.from({ length: buckets }, (_, b) => b);
  const scales = new Array<number>(classes).fill(0);
  for (const b of rows) {
    for (let c = 0, j = b * classes; c < classes; c++, j++) {
      const a = Math.abs(weights[j] as number);
      if (a > (scales[c] as number)) scales[c] = a;
    }
  }
  for (let c = 0; c < classes; c++) scales[c] = (scales[c] as number) / 127 || 1;
  const inverse = scales.map((s) => 16 / s);
  // The cut-off is the magnitude, in sixteenths of a quantisation step, of the
  // maxEntries-th weight, found with a histogram instead of sorting millions of floats.
  const top = 128 * 16 - 1;
  const histogram = new Float64Array(top + 1);
  for (const b of rows) {
    for (let c = 0, j = b * classes; c < classes; c++, j++) {
      const w = weights[j] as number;
      if (w !== 0) {
        const l = Math.min(top, Math.floor(Math.abs(w) * (inverse[c] as number)));
        histogram[l] = (histogram[l] as number) + 1;
      }
    }
  }
  let cut = top + 1;
  let kept = 0;
  // Level 8 is half a quantisation step: anything below rounds to zero anyway.
  while (cut > 8 && kept + (histogram[cut - 1] as number) <= maxEntries) kept += histogram[--cut] as number;
  const writer = createByteWriter(kept * 2 + 1024);
  let previous = 0;
  let entries = 0;
  const row: number[] = [];
  for (const b of rows) {
    const j = b * classes;
    row.length = 0;
    for (let c = 0; c < classes; c++) {
      const w = weights[j + c] as number;
      if (w === 0 || Math.abs(w) * (inverse[c] as number) < cut) continue;
      const q = Math.max(-127, Math.min(127, Math.round(w / (scales[c] as number))));
      if (q !== 0) row.push(c, q & 255);
    }
    if (row.length === 0) continue;
    let delta = b - previous;
    previous = b;
    while (delta >= 128) {
      writer.push((delta & 127) | 128);
      delta >>>= 7;
    }
    writer.push(delta);
    writer.push(row.length / 2);
    for (const v of row) writer.push(v);
    entries += row.length / 2;
  }
  const all = writer.bytes();
  return { encoding: 'csr-int8-v1', entries, scales, data: encodeBase64(all) };
}

/** An append-only byte buffer that doubles when full. */
function createByteWriter(initial: number) {
  let buffer = new Uint8Array(Math.max(16, initial));
  let length = 0;
  return {
    push(value: number) {
      if (length === buffer.length) {
        const grown = new Uint8Array(buffer.length * 2);
        grown.set(buffer);
        buffer = grown;
      }
      buffer[length++] = value;
    },
    bytes: () => buffer.slice(0, length),
  };
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
  const idf = new Float32Array(buckets);
  for (let b = 0; b < buckets; b++) idf[b] = 1 + ((bytes[b] as number) / 255) * span;
  return idf;
}
