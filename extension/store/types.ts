import type { z } from 'zod';
import type { overrideDataSchema } from '../../core/events';

export type OverrideData = z.output<typeof overrideDataSchema>;
