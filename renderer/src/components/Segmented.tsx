import type { ReactNode } from 'react';

export interface SegmentOption<T> {
  value: T;
  label: ReactNode;
  /** Accessible name when the label is not plain text. */
  name?: string;
  title?: string;
}

interface SegmentedProps<T> {
  label: string;
  options: readonly SegmentOption<T>[];
  value: T | null;
  onChange(value: T | null): void;
  /** Pressing the chosen option again clears it. */
  clearable?: boolean;
  className?: string;
  /** A second highlighted value with its own style, e.g. the target on the current-level picker. */
  secondary?: T | null;
}

/** A row of toggle buttons (aria-pressed) with big hit targets: levels, confidence, priority. */
export function Segmented<T extends string | number>({ label, options, value, onChange, clearable, className, secondary }: SegmentedProps<T>) {
  return (
    <div role="group" aria-label={label} className={`segmented ${className ?? ''}`}>
      {options.map((o) => {
        const pressed = o.value === value;
        return (
          <button
            key={String(o.value)}
            type="button"
            aria-pressed={pressed}
            aria-label={o.name}
            title={o.title}
            className={`seg${secondary === o.value ? ' seg-secondary' : ''}`}
            onClick={() => onChange(pressed && clearable ? null : o.value)}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
