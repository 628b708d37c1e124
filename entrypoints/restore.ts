import { restoreHighlightsOnLoad } from '@/lib/page/restore';

// Registered by the background only when the reader turns on automatic restore (lib/panel/restore.ts).
// An unlisted script, not a content script: WXT's content-script wrapper would announce it to the page.
export default defineUnlistedScript(restoreHighlightsOnLoad);
