import { readInstalled } from '@/lib/page/reader';

// Injected by the side panel right after the page script, in the same call: its value is the article.
export default defineUnlistedScript(readInstalled);
