/** Client-generated event ids, so a retried send is a duplicate and never a second row. */
export function newEventId(): string {
  return crypto.randomUUID();
}
