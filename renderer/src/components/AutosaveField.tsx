import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { textLimits } from '../../../shared/domain';
import { formatCount } from '../format';

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
  /** The most characters the engine keeps; known for the rationale, owners and actions when left out. */
  maxLength?: number;
}

/** The limits of the text fields the workspace saves as they are typed, by field id or label. */
const KNOWN_LIMITS: Record<string, number> = {
  rationale: textLimits.rationale,
  owner: textLimits.owner,
  action: textLimits.actionText,
};

/** The counter shows once this share of the limit is used. */
const COUNTER_FROM = 0.8;

/**
 * A text field that saves itself: after a pause in typing, on blur, and when it goes away (so moving to the next
 * capability never loses a word). Escape leaves the field so the keyboard shortcuts work again. Near its limit a
 * counter shows; past it, what was typed stays in the field, is not saved, and the field says by how much it is over.
 */
export function AutosaveField({ id, label, value, onSave, multiline, placeholder, delay = 700, hideLabel, className, maxLength }: AutosaveFieldProps) {
  const limit = maxLength ?? KNOWN_LIMITS[(id ?? label).toLowerCase()];
  const [draft, setDraft] = useState(value);
  const latest = useRef({ draft: value, saved: value, onSave, limit });
  const timer = useRef<number | undefined>(undefined);
  const focused = useRef(false);
  const autoId = useId();
  const fieldId = id ?? autoId;
  const noteId = `${fieldId}-limit`;

  useLayoutEffect(() => {
    latest.current.onSave = onSave;
    latest.current.limit = limit;
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
    const { draft: text, saved, limit: max } = latest.current;
    // Too long to keep: it stays in the field, unsaved, until it is shortened.
    if (max !== undefined && text.trim().length > max) return;
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
  const length = draft.trim().length;
  const over = limit !== undefined && length > limit;
  const near = limit !== undefined && length >= limit * COUNTER_FROM;
  const common = {
    id: fieldId,
    value: draft,
    placeholder,
    dir: 'auto' as const,
    'aria-invalid': over || undefined,
    'aria-describedby': near ? noteId : undefined,
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
      {near && limit !== undefined && (
        <span id={noteId} className={over ? 'field-limit over' : 'field-limit'} role={over ? 'alert' : undefined}>
          {over
            ? `${label} is ${formatCount(length - limit)} characters too long (${formatCount(length)} of ${formatCount(limit)}): shorten it to save. What you typed is kept here.`
            : `${formatCount(length)} / ${formatCount(limit)} characters`}
        </span>
      )}
    </div>
  );
}
