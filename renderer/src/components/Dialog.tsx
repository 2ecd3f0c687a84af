import { createContext, use, useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface FrameProps {
  open: boolean;
  onClose(): void;
  /** Mounted only while the dialog is open: a form inside starts afresh each time it opens. */
  children: ReactNode;
  wide?: boolean;
}

const DialogContext = createContext<{ titleId: string; onClose(): void } | null>(null);

/**
 * A modal built on <dialog>: focus is trapped, Escape closes, the title of the form inside labels it, and closing
 * gives focus back to where it was. Its contents exist only while it is open.
 */
export function DialogFrame({ open, onClose, children, wide }: FrameProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} onCancel={onClose} className={wide ? 'dialog wide' : 'dialog'}>
      <DialogContext value={{ titleId, onClose }}>{open && children}</DialogContext>
    </dialog>
  );
}

interface FormProps {
  title: string;
  children: ReactNode;
  /** When set, the dialog is a form; submit runs this. */
  onSubmit?: () => void | Promise<void>;
  submitLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  /** The label of the button that closes without submitting. */
  cancelLabel?: string;
}

/** The title, body, error line and buttons of a dialog; goes inside a DialogFrame. */
export function DialogForm({ title, children, onSubmit, submitLabel = 'Save', danger, busy, error, cancelLabel = 'Cancel' }: FormProps) {
  const frame = use(DialogContext);
  if (!frame) throw new Error('DialogForm belongs inside a DialogFrame.');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit?.();
  };
  return (
    <form method="dialog" onSubmit={submit} noValidate>
      <h2 id={frame.titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn ghost" onClick={frame.onClose}>
          {cancelLabel}
        </button>
        {onSubmit && (
          <button type="submit" className={danger ? 'btn danger' : 'btn primary'} disabled={busy}>
            {submitLabel}
          </button>
        )}
      </div>
    </form>
  );
}

type DialogProps = Omit<FrameProps, 'children'> & FormProps;

/** A modal form whose state lives with the caller. */
export function Dialog({ open, onClose, wide, ...form }: DialogProps) {
  return (
    <DialogFrame open={open} onClose={onClose} wide={wide}>
      <DialogForm {...form} />
    </DialogFrame>
  );
}

interface FieldProps {
  label: string;
  children: ReactNode;
  hint?: ReactNode;
  /** What is wrong with the value, in a person's words, shown under the field. */
  error?: string | null;
}

export function Field({ label, children, hint, error }: FieldProps) {
  return (
    <label className={error ? 'field invalid' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
