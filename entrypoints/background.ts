import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring lands with the background-worker issue: store, routing handlers, timers, sync.
});
