import { setUpForTests } from '@/lib/panel/e2e';
import { setUpHighlightCapture } from '@/lib/panel/highlights';
import { setUpAutomaticRestore } from '@/lib/panel/restore';
import { setUpToolbarButton } from '@/lib/panel/toolbar';

export default defineBackground(() => {
  setUpToolbarButton();
  setUpHighlightCapture();
  setUpAutomaticRestore();
  if (__E2E__) setUpForTests();
});
