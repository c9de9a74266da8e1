import { z } from 'zod';
import { hashingSchema } from './features';

/**
 * The triage model file: what `tierline train` writes and the worker loads.
 * It travels like policy (options import, sync endpoint, managed URL), so it
 * is validated like policy. `version` is the file format.
 */

/**
 * 2: word and character blocks are idf-weighted and L2-normalised separately
 * (version 1 normalised them before idf), the classifier may be an SVM, and
 * calibration adds a uniform share `smoothing`.
 */
export const TRIAGE_MODEL_VERSION = 2;

export const calibrationReportSchema = z
  .object({
    examples: z.number().int().nonnegative(),
    accuracy: z.number().min(0).max(1),
    nllBefore: z.number(),
    nllAfter: z.number(),
    eceBefore: z.number().min(0).max(1),
    eceAfter: z.number().min(0).max(1),
  })
  .strict();

export const triageModelSchema = z
  .object({
    kind: z.literal('tierline-triage-model'),
    version: z.literal(TRIAGE_MODEL_VERSION),
    /** Class labels in weight order; at most 255 so a class fits one byte. */
    labels: z.array(z.string().min(1)).min(2).max(255),
    hashing: hashingSchema.refine((h) => h.bits <= 20 && h.charMin <= h.charMax, 'bits ≤ 20 and charMin ≤ charMax'),
    bias: z.array(z.number()),
    weights: z
      .object({
        encoding: z.literal('csr-int8-v1'),
        entries: z.number().int().nonnegative(),
        scales: z.array(z.number().positive()),
        data: z.string(),
      })
      .strict(),
    /** Inverse document frequency per bucket, from the training texts. */
    idf: z.object({ encoding: z.literal('uint8-linear-v1'), max: z.number().min(1), data: z.string() }).strict(),
    /** Temperature fitted on the calibration fold: probabilities = softmax(logits / T). */
    temperature: z.number().positive(),
    /** Share of uniform probability mixed in after the temperature: p = (1 − ε)·softmax(logits / T) + ε / labels. */
    smoothing: z.number().min(0).max(0.5),
    /** ISO time, passed in by the caller (the core never reads the clock). */
    trainedAt: z.iso.datetime({ offset: true }),
    training: z
      .object({
        examples: z.number().int().nonnegative(),
        /** True when the weights were retrained on every example after calibration. */
        refit: z.boolean(),
        seed: z.number().int(),
        /** One-vs-rest squared-hinge SVM or softmax regression; both give logits that softmax(· / T) turns into probabilities. */
        method: z.enum(['svm', 'softmax']),
        /** The SVM's C and pass cap. */
        c: z.number().positive().optional(),
        maxPasses: z.number().int().positive().optional(),
        /** Softmax regression's SGD settings. */
        epochs: z.number().int().positive().optional(),
        learningRate: z.number().positive().optional(),
        l2: z.number().nonnegative().optional(),
        maxEntries: z.number().int().positive(),
      })
      .strict(),
    calibration: calibrationReportSchema,
  })
  .strict()
  .refine((m) => m.bias.length === m.labels.length && m.weights.scales.length === m.labels.length, 'bias and weights.scales need one entry per label');

export type TriageModelFile = z.infer<typeof triageModelSchema>;
