import { runPageScript } from '@/lib/page/script';

// Injected on demand by the side panel (scripting.executeScript), never on its own. An unlisted
// script, not a content script: WXT's content-script wrapper would announce it to the page.
export default defineUnlistedScript(runPageScript);
