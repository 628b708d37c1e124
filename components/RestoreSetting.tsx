/** The choice to have highlights painted on revisits without opening the panel, with what it costs in access. */
export function RestoreSetting({ enabled, onChange }: { enabled: boolean | null; onChange: (on: boolean) => void }) {
  if (enabled === null) return null;
  return (
    <div class="restore-setting">
      {enabled ? (
        <p class="muted">
          Your highlights are painted whenever you revisit a page, even with Backstory closed.{' '}
          <button type="button" class="link-button" onClick={() => onChange(false)}>
            Turn off
          </button>
        </p>
      ) : (
        <>
          <p class="muted">
            Want your highlights painted whenever you revisit a page, without opening Backstory? That needs permission to read the pages you
            open; nothing leaves your device.
          </p>
          <button type="button" onClick={() => onChange(true)}>
            Restore highlights automatically
          </button>
        </>
      )}
    </div>
  );
}
