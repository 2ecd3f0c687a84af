/**
 * What every results chart has around it: a title, a paragraph saying in numbers what it shows (the
 * chart's accessible description), a "Show as table" toggle with the same numbers, and saving as SVG or
 * PNG. When there is nothing to draw, the frame says what is missing instead of drawing zeros.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { useApp } from '../stores/app';
import { savePng, saveSvg } from './save';

export interface ChartA11y {
  titleId: string;
  descId: string;
}

interface ChartFrameProps {
  title: string;
  /** What the chart shows, in numbers: read by screen readers and shown under the title. */
  description: string;
  /** The same numbers as a table. */
  table: ReactNode;
  /** File name for saving, without extension. */
  fileName: string;
  /** What is missing (a line or several); when given, it is shown instead of the chart. */
  empty?: string | readonly string[] | null;
  /** Controls shown beside the title (e.g. a metric switch). */
  controls?: ReactNode;
  /** Shown under the chart (a legend in words, a rule). */
  footer?: ReactNode;
  className?: string;
  children: (a11y: ChartA11y) => ReactNode;
}

export function ChartFrame({ title, description, table, fileName, empty, controls, footer, className, children }: ChartFrameProps) {
  const base = useId();
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  const [asTable, setAsTable] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const notify = useApp((s) => s.notify);
  const missing = empty == null ? [] : typeof empty === 'string' ? [empty] : empty;
  const hasChart = missing.length === 0;

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
    <figure className={`chart ${className ?? ''}`} aria-labelledby={titleId}>
      <figcaption className="chart-head">
        <div className="chart-titles">
          <h3 id={titleId} className="chart-title">{title}</h3>
          <p id={descId} className="chart-desc">{description}</p>
        </div>
        <div className="chart-tools">
          {controls}
          {hasChart && (
            <>
              <button type="button" className="btn small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
                Show as table
              </button>
              <button type="button" className="btn small" disabled={asTable} onClick={() => void save('svg')}>
                Save as SVG
              </button>
              <button type="button" className="btn small" disabled={asTable} onClick={() => void save('png')}>
                Save as PNG
              </button>
            </>
          )}
        </div>
      </figcaption>
      <div ref={body} className="chart-body">
        {!hasChart ? (
          <ul className="chart-empty" aria-label={`${title}: what is missing`}>
            {missing.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : asTable ? (
          <div className="chart-table" tabIndex={0} role="region" aria-label={`${title} as a table`}>
            {table}
          </div>
        ) : (
          children({ titleId, descId })
        )}
      </div>
      {hasChart && footer}
    </figure>
  );
}
