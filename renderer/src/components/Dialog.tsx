import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  /** When set, the dialog is a form; submit runs this. */
  onSubmit?: () => void | Promise<void>;
  submitLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  /** The label of the button that closes without submitting. */
  cancelLabel?: string;
  wide?: boolean;
}

/** A modal built on <dialog>: focus is trapped, Escape closes, and the title labels it. */
export function Dialog({ open, title, onClose, children, onSubmit, submitLabel = 'Save', danger, busy, error, cancelLabel = 'Cancel', wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit?.();
  };

  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} onCancel={onClose} className={wide ? 'dialog wide' : 'dialog'}>
      {open && (
        <form method="dialog" onSubmit={submit} noValidate>
          <h2 id={titleId}>{title}</h2>
          <div className="dialog-body">{children}</div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn ghost" onClick={onClose}>
              {cancelLabel}
            </button>
            {onSubmit && (
              <button type="submit" className={danger ? 'btn danger' : 'btn primary'} disabled={busy}>
                {submitLabel}
              </button>
            )}
          </div>
        </form>
      )}
    </dialog>
  );
}

interface FieldProps {
  label: string;
  children: ReactNode;
  hint?: string;
}

export function Field({ label, children, hint }: FieldProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}
