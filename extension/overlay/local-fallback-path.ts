/** Where the build puts the lazily imported fallback (extension/overlay/local-fallback.ts), relative to the extension root. */
export const LOCAL_FALLBACK_CHUNK = 'chunks/local-fallback.js';
