/**
 * A record's own value for a key, never one it inherits: tags, group names, custom field names and their values
 * come from tickets, and a plain object answers "constructor", "toString" or "__proto__" with Object.prototype's
 * members (a function where a tier or issue type was expected).
 *
 * @example ownValue({ tier_2: 'T2' }, 'constructor') // undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
