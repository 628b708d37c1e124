import type { ComponentChildren } from 'preact';

/** A clear sentence about what happened, and what the reader can do about it. */
export function StatusMessage({ title, children, busy = false }: { title: string; children?: ComponentChildren; busy?: boolean }) {
  return (
    <div class="status" role={busy ? 'status' : 'alert'} aria-busy={busy}>
      <h1 class="status-title">{title}</h1>
      {children}
    </div>
  );
}
