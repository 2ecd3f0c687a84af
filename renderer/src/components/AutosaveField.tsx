import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

interface AutosaveFieldProps {
  id?: string;
  label: string;
  value: string;
  onSave(value: string): void;
  multiline?: boolean;
  placeholder?: string;
  /** Milliseconds of quiet typing before saving. */
  delay?: number;
  hideLabel?: boolean;
  className?: string;
}

/**
 * A text field that saves itself: after a pause in typing, on blur, and when it goes away (so moving to the next
 * capability never loses a word). Escape leaves the field so the keyboard shortcuts work again.
 */
export function AutosaveField({ id, label, value, onSave, multiline, placeholder, delay = 700, hideLabel, className }: AutosaveFieldProps) {
  const [draft, setDraft] = useState(value);
  const latest = useRef({ draft: value, saved: value, onSave });
  const timer = useRef<number | undefined>(undefined);
  const focused = useRef(false);
  const autoId = useId();
  const fieldId = id ?? autoId;

  useLayoutEffect(() => {
    latest.current.onSave = onSave;
  });
  useEffect(() => {
    latest.current.saved = value;
    if (!focused.current) {
      latest.current.draft = value;
      setDraft(value);
    }
  }, [value]);

  const flush = () => {
    window.clearTimeout(timer.current);
    const { draft: text, saved } = latest.current;
    if (text !== saved) {
      latest.current.saved = text;
      latest.current.onSave(text);
    }
  };
  // Reads refs only, so the first render's flush is the right one to run on unmount.
  useEffect(() => () => flush(), []);

  const change = (text: string) => {
    latest.current.draft = text;
    setDraft(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, delay);
  };
  const common = {
    id: fieldId,
    value: draft,
    placeholder,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      flush();
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.currentTarget.blur();
      }
    },
  };
  return (
    // A label beside the field (not around it), so the field's name stays its label and not its text.
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={fieldId} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => change(e.target.value)} />
      )}
    </div>
  );
}
