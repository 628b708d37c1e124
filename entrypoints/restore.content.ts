import { restoreHighlightsOnLoad } from '@/lib/page/restore';

// Registered by the background only when the reader turns on automatic restore (lib/panel/restore.ts).
export default defineContentScript({ registration: 'runtime', matches: [], main: restoreHighlightsOnLoad });
