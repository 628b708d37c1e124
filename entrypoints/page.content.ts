import { runPageScript } from '@/lib/page/script';

// Injected on demand by the side panel (scripting.executeScript); never on its own.
export default defineContentScript({ registration: 'runtime', matches: [], main: runPageScript });
