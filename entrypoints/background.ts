import { openPanelTabForTests } from '@/lib/panel/e2e';
import { setUpToolbarButton } from '@/lib/panel/toolbar';

export default defineBackground(() => {
  setUpToolbarButton();
  if (__E2E__) openPanelTabForTests();
});
