import { describe, expect, it } from 'vitest';
import { type ListenOptions, type MessageName, onValidated } from './protocol';

const EXTENSION_ID = 'jglkbkmpocllbbcbgnaadklnbbopaemd';

/** A stand-in for @webext-core's onMessage that lets the test deliver a message with a chosen sender. */
function fakeBus() {
  const listeners = new Map<string, (message: { data: unknown; sender: { id?: string } }) => unknown>();
  const onMessage = ((name: string, listener: (message: { data: unknown; sender: { id?: string } }) => unknown) => {
    listeners.set(name, listener);
    return () => listeners.delete(name);
  }) as unknown as NonNullable<ListenOptions['onMessage']>;
  const deliver = async (name: MessageName, data: unknown, sender: { id?: string } = { id: EXTENSION_ID }) => {
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no listener for ${name}`);
    return listener({ data, sender });
  };
  return { onMessage, deliver };
}

const ticket = { id: '42', helpdesk: 'zendesk', subject: 'Refund of $2,400 disputed' };

describe('onValidated', () => {
  it('hands the handler the parsed payload, with the ticket defaults filled in', async () => {
    const bus = fakeBus();
    const seen: unknown[] = [];
    onValidated('ticketSeen', (data) => void seen.push(data.ticket), { extensionId: EXTENSION_ID, onMessage: bus.onMessage });
    await bus.deliver('ticketSeen', { ticket });
    expect(seen).toEqual([expect.objectContaining({ id: '42', subject: 'Refund of $2,400 disputed', comments: [], tags: [] })]);
  });

  it('refuses a message from another extension before looking at it', async () => {
    const bus = fakeBus();
    let called = false;
    onValidated(
      'getStatus',
      () => {
        called = true;
        return undefined as never;
      }, { extensionId: EXTENSION_ID, onMessage: bus.onMessage });
    await expect(bus.deliver('getStatus', undefined, { id: 'abcdefghijklmnopabcdefghijklmnop' })).rejects.toThrow(/refused/);
    await expect(bus.deliver('getStatus', undefined, {})).rejects.toThrow(/outside the extension/);
    expect(called).toBe(false);
  });

  it('rejects a payload that does not match its schema and says which field', async () => {
    const bus = fakeBus();
    onValidated('saveDraft', () => undefined, { extensionId: EXTENSION_ID, onMessage: bus.onMessage });
    await expect(bus.deliver('saveDraft', { key: { helpdesk: 'servicenow', ticketId: '1' }, values: {} })).rejects.toThrow(/key\.helpdesk/);
    await expect(bus.deliver('saveDraft', { key: { helpdesk: 'zendesk', ticketId: '1' }, values: { problem: 7 } })).rejects.toThrow(/values\.problem/);
  });

  it('accepts an event without id and time, leaving them for the worker to fill', async () => {
    const bus = fakeBus();
    const got: unknown[] = [];
    onValidated(
      'recordEvent',
      ({ event }) => {
        got.push(event);
        return { id: 'filled-later' };
      }, { extensionId: EXTENSION_ID, onMessage: bus.onMessage });
    const answer = await bus.deliver('recordEvent', { event: { type: 'override', ticketId: '42', helpdesk: 'zendesk', data: { reason: 'VIP' } } });
    expect(answer).toEqual({ id: 'filled-later' });
    await expect(bus.deliver('recordEvent', { event: { type: 'lunch', ticketId: '42', helpdesk: 'zendesk', data: {} } })).rejects.toThrow(/event\.type/);
  });
});
