import { setUpForTests } from '@/lib/panel/e2e';
import { setUpHighlightCapture } from '@/lib/panel/highlights';
import { setUpToolbarButton } from '@/lib/panel/toolbar';

export default defineBackground(() => {
  setUpToolbarButton();
  setUpHighlightCapture();
  if (__E2E__) setUpForTests();
});
