import * as z from 'zod/mini';
import { ticketSchema } from '../core/ticket-schema';

/** What an adapter hands on (the style guide's `TicketSnapshot`), validated where it crosses a boundary. Not in ./types.ts: the tab imports that. */
export const ticketSnapshotSchema = z.object({ ticket: ticketSchema, unreadable: z.array(z.string()) });
