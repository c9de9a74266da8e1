import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';
import { decodeIdf, decodeWeights, encodeIdf, encodeWeights } from './codec';

describe('base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Array.from(decodeBase64(encodeBase64(bytes)) ?? [])).toEqual(Array.from(bytes));
      }),
    );
  });

  it('matches the standard alphabet', () => {
    expect(encodeBase64(new TextEncoder().encode('Tierline!'))).toBe('VGllcmxpbmUh');
  });

  it('refuses characters outside the alphabet', () => {
    expect(decodeBase64('ab$d')).toBeNull();
  });
});

describe('weights codec', () => {
  const classes = 3;
  const buckets = 64;
  const weights = new Float32Array(buckets * classes);
  for (let j = 0; j < weights.length; j++) weights[j] = Math.sin(j * 1.7) * (j % 5 === 0 ? 2 : 0.05);
  const dense = { classes, buckets, weights, bias: Float32Array.from([0.1, -0.2, 0.3]) };

  it('decodes every kept weight to within half a quantisation step', () => {
    const encoded = encodeWeights(dense, 10_000);
    const compact = decodeWeights(encoded, Array.from(dense.bias), buckets);
    if (typeof compact === 'string') throw new Error(compact);
    for (let b = 0; b < buckets; b++) {
      const row = new Array<number>(classes).fill(0);
      for (let e = compact.start[b] as number; e < (compact.start[b + 1] as number); e++) row[compact.classIds[e] as number] = compact.values[e] as number;
      for (let c = 0; c < classes; c++) expect(Math.abs((row[c] as number) - (weights[b * classes + c] as number))).toBeLessThanOrEqual((encoded.scales[c] as number) / 2 + 1e-6);
    }
  });

  it('keeps no more weights than asked, the largest first', () => {
    const encoded = encodeWeights(dense, 20);
    expect(encoded.entries).toBeLessThanOrEqual(20);
    const compact = decodeWeights(encoded, Array.from(dense.bias), buckets);
    if (typeof compact === 'string') throw new Error(compact);
    const smallestKept = Math.min(...Array.from(compact.values, Math.abs));
    expect(smallestKept).toBeGreaterThan(1);
  });

  it('reports truncated data instead of decoding garbage', () => {
    const encoded = encodeWeights(dense, 10_000);
    const truncated = { ...encoded, data: encodeBase64((decodeBase64(encoded.data) as Uint8Array).slice(0, 10)) };
    expect(typeof decodeWeights(truncated, Array.from(dense.bias), buckets)).toBe('string');
  });

  it('stores idf in one byte per bucket within 1/255 of its range', () => {
    const idf = Float32Array.from({ length: 50 }, (_, i) => 1 + i / 7);
    const decoded = decodeIdf(encodeIdf(idf), 50);
    if (typeof decoded === 'string') throw new Error(decoded);
    decoded.forEach((v, i) => {
      expect(Math.abs(v - (idf[i] as number))).toBeLessThanOrEqual(7 / 255 + 1e-6);
    });
  });
});
