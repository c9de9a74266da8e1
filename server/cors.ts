/**
 * The extension's id, fixed by the manifest key (wxt.config.ts's EXTENSION_ID;
 * a test keeps the two equal). The server does not import the extension's build config.
 */
export const EXTENSION_ID = 'jglkbkmpocllbbcbgnaadklnbbopaemd';

/**
 * A Firefox extension origin: each installation gets its own random UUID, written
 * 8-4-4-4-12 in lowercase hex (origins are lowercased by the URL parser).
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/browser_specific_settings
 */
const FIREFOX_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Chrome's origin is fixed by the id (32 letters a–p, pinned by the manifest key), so only
 * ours is allowed; any Firefox installation's UUID origin is; configured extras are.
 */
export function isAllowedOrigin(origin: string, extra: readonly string[] = []): boolean {
  return origin === `chrome-extension://${EXTENSION_ID}` || FIREFOX_ORIGIN.test(origin) || extra.includes(origin);
}
