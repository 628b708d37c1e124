export default defineBackground(() => {
  // Opening the panel on the toolbar click is Chrome's job; Firefox opens its sidebar_action itself.
  if (import.meta.env.CHROME || import.meta.env.EDGE) {
    void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
  }
});
