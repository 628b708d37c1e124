import { setUpToolbarButton } from '@/lib/panel/toolbar';

export default defineBackground(() => {
  setUpToolbarButton();
});
