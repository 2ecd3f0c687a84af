/**
 * What a screen shows before it has its data: a line while it loads, or why it cannot be shown with a way
 * back. One shape for every screen, so a failed open reads the same everywhere.
 */

export function ScreenBusy({ text = 'Opening…' }: { text?: string }) {
  return (
    <section className="page" aria-busy="true">
      <p className="muted">{text}</p>
    </section>
  );
}

export function ScreenUnavailable({ title, error, back }: { title: string; error: string; back?: { label: string; go: () => void } }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="form-error" role="alert">{error}</p>
      {back && (
        <button className="btn" onClick={back.go}>
          {back.label}
        </button>
      )}
    </section>
  );
}
