import { describe, expect, it } from 'vitest';
import { EXTENSION_ID as MANIFEST_ID } from '../wxt.config';
import { EXTENSION_ID, isAllowedOrigin } from './cors';

describe('the origins the endpoint allows', () => {
  it('uses the extension id the manifest key pins', () => {
    expect(EXTENSION_ID).toBe(MANIFEST_ID);
  });

  it('allows the Chrome extension, any Firefox installation and configured extras, and nothing else', () => {
    expect(isAllowedOrigin(`chrome-extension://${MANIFEST_ID}`)).toBe(true);
    expect(isAllowedOrigin('moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toBe(true);
    expect(isAllowedOrigin('https://dashboard.acme.example', ['https://dashboard.acme.example'])).toBe(true);
    expect(isAllowedOrigin('https://dashboard.acme.example')).toBe(false);
    expect(isAllowedOrigin('moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.evil.example')).toBe(false);
    expect(isAllowedOrigin('null')).toBe(false);
  });

  it('allows a Firefox origin only as a UUID written 8-4-4-4-12 in lowercase hex', () => {
    for (const origin of [
      `moz-extension://${'-'.repeat(36)}`,
      'moz-extension://0f1e2d3c4b5a69788796a5b4c3d2e1f0abcd',
      'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f',
      'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0a',
      'moz-extension://0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0',
      'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1g0',
      'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/',
      'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0:443',
      'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\n',
    ]) {
      expect(isAllowedOrigin(origin), origin).toBe(false);
    }
  });

  it('allows no Chrome extension but ours, however well formed its id', () => {
    expect(isAllowedOrigin(`chrome-extension://${'a'.repeat(32)}`)).toBe(false);
    expect(isAllowedOrigin(`chrome-extension://${EXTENSION_ID}/`)).toBe(false);
    expect(isAllowedOrigin(`chrome-extension://${EXTENSION_ID.toUpperCase()}`)).toBe(false);
  });
});
