import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/**
 * The sending end of the message protocol (./protocol.ts), apart from its
 * schemas: content scripts and extension pages import this, so the zod
 * schemas the worker validates with never ship in a helpdesk tab (issue 13).
 */
export const messenger = defineExtensionMessaging<ProtocolMap>();

/** Sends a message to the worker. Rejects with the worker's error (e.g. a validation failure). */
export const sendToWorker = messenger.sendMessage;
