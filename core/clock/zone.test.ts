import { describe, expect, it } from 'vitest';
import { offsetAt, prepareZone } from './zone';

describe('prepareZone', () => {
  it('makes a known zone ready and says so; an unknown zone reads as UTC', () => {
    expect(prepareZone('UTC')).toBe(true);
    expect(prepareZone('Europe/Berlin')).toBe(true);
    expect(offsetAt('Europe/Berlin', Date.parse('2026-07-01T12:00:00Z'))).toBe(7_200_000);
    expect(prepareZone('Mars/Olympus_Mons')).toBe(false);
    expect(offsetAt('Mars/Olympus_Mons', Date.parse('2026-07-01T12:00:00Z'))).toBe(0);
  });
});
