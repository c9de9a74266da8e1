/**
 * The extension's id, fixed by the manifest key (wxt.config.ts's EXTENSION_ID;
 * a test keeps the two equal). The server does not import the extension's build config.
 */
export const EXTENSION_ID = 'jglkbkmpocllbbcbgnaadklnbbopaemd';

/** Chrome's origin is fixed by the id; Firefox gives each installation its own random UUID, so any moz-extension origin is allowed. */
export function isAllowedOrigin(origin: string, extra: readonly string[] = []): boolean {
  return origin === `chrome-extension://${EXTENSION_ID}` || /^moz-extension:\/\/[0-9a-f-]{36}$/i.test(origin) || extra.includes(origin);
}
