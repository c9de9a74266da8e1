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
});
