/**
 * What every roadmap chart has around it: a title, a sentence saying in numbers what it shows (the
 * chart's accessible description), "Show as table" with the same numbers, and saving as SVG or PNG.
 * When there is nothing to draw, it says what is missing instead of drawing zeros.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { useApp } from '../stores/app';
import { savePng, saveSvg } from './figure-save';

export interface FigureA11y {
  titleId: string;
  descId: string;
}

interface FigureProps {
  title: string;
  description: string;
  table: ReactNode;
  fileName: string;
  empty?: string | null;
  controls?: ReactNode;
  footer?: ReactNode;
  className?: string;
  children: (a11y: FigureA11y) => ReactNode;
}

export function Figure({ title, description, table, fileName, empty, controls, footer, className, children }: FigureProps) {
  const base = useId();
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  const [asTable, setAsTable] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const notify = useApp((s) => s.notify);

  const save = async (kind: 'svg' | 'png') => {
    const svg = body.current?.querySelector<SVGSVGElement>('svg.chart-svg');
    if (!svg) return;
    try {
      if (kind === 'svg') saveSvg(svg, title, fileName);
      else await savePng(svg, title, fileName);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };

  return (
    <figure className={`chart rm-figure ${className ?? ''}`} aria-labelledby={titleId}>
      <figcaption className="chart-head">
        <div className="chart-titles">
          <h3 id={titleId} className="chart-title">{title}</h3>
          <p id={descId} className="chart-desc">{empty ?? description}</p>
        </div>
        {!empty && (
          <div className="chart-tools">
            {controls}
            <button type="button" className="btn small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
              Show as table
            </button>
            <button type="button" className="btn small" disabled={asTable} onClick={() => void save('svg')}>
              SVG
            </button>
            <button type="button" className="btn small" disabled={asTable} onClick={() => void save('png')}>
              PNG
            </button>
          </div>
        )}
      </figcaption>
      {!empty && (
        <div ref={body} className="chart-body">
          {asTable ? (
            <div className="chart-table" tabIndex={0} role="region" aria-label={`${title} as a table`}>
              {table}
            </div>
          ) : (
            children({ titleId, descId })
          )}
        </div>
      )}
      {!empty && footer}
    </figure>
  );
}

/**
 * Arrow keys move between a chart's focusable marks (`data-mark`): up and down always, left and right
 * too unless the chart uses them itself (the Gantt moves a bar with them); Home and End jump to the ends.
 */
export function moveBetweenMarks(e: KeyboardEvent<SVGSVGElement>, horizontal = true): void {
  const marks = [...e.currentTarget.querySelectorAll<SVGElement>('[data-mark]')];
  const i = marks.indexOf(document.activeElement as SVGElement);
  if (i < 0) return;
  const step: Record<string, number> = horizontal ? { ArrowDown: 1, ArrowUp: -1, ArrowRight: 1, ArrowLeft: -1 } : { ArrowDown: 1, ArrowUp: -1 };
  let j: number;
  if (e.key in step) j = i + step[e.key]!;
  else if (e.key === 'Home') j = 0;
  else if (e.key === 'End') j = marks.length - 1;
  else return;
  e.preventDefault();
  const next = marks[Math.max(0, Math.min(marks.length - 1, j))];
  if (!next || next === marks[i]) return;
  marks[i]!.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

/** Props of one focusable mark: the first is the chart's tab stop. */
export function markProps(index: number, label: string) {
  return { 'data-mark': '', tabIndex: index === 0 ? 0 : -1, role: 'img', 'aria-label': label } as const;
}
