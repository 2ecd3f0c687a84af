/**
 * Keyboard focus on a chart's marks: the chart is one tab stop; arrow keys move between its marks
 * (`data-mark`), Home and End jump to the first and last. Marks laid out in rows (`data-row`,
 * `data-col`) move up and down by row, to the nearest column.
 */
import type { KeyboardEvent } from 'react';

/** `horizontal: false` leaves Left and Right to the chart (the Gantt moves a bar with them). */
export function marksKeyDown(e: KeyboardEvent<SVGSVGElement>, options: { horizontal?: boolean } = {}): void {
  if (options.horizontal === false && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return;
  const marks = [...e.currentTarget.querySelectorAll<SVGElement>('[data-mark]')];
  const i = marks.indexOf(document.activeElement as SVGElement);
  if (i < 0) return;
  const at = marks[i]!;
  const row = at.dataset.row === undefined ? null : Number(at.dataset.row);
  const col = Number(at.dataset.col ?? 0);
  const inRow = (r: number) => marks.filter((m) => Number(m.dataset.row) === r);
  const nearest = (r: number) => {
    const candidates = inRow(r);
    if (!candidates.length) return -1;
    const best = candidates.reduce((a, b) => (Math.abs(Number(b.dataset.col) - col) < Math.abs(Number(a.dataset.col) - col) ? b : a));
    return marks.indexOf(best);
  };
  let j = i;
  switch (e.key) {
    case 'ArrowRight':
      j = i + 1;
      break;
    case 'ArrowLeft':
      j = i - 1;
      break;
    case 'ArrowDown':
      j = row === null ? i + 1 : nearest(row + 1);
      break;
    case 'ArrowUp':
      j = row === null ? i - 1 : nearest(row - 1);
      break;
    case 'Home':
      j = 0;
      break;
    case 'End':
      j = marks.length - 1;
      break;
    default:
      return;
  }
  e.preventDefault();
  const next = marks[j];
  if (!next || j === i) return;
  at.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

/** Props of one focusable mark: the first is the chart's tab stop. */
export function markProps(index: number, label: string, extra: { row?: number; col?: number; role?: string } = {}) {
  return {
    'data-mark': '',
    tabIndex: index === 0 ? 0 : -1,
    role: extra.role ?? 'img',
    'aria-label': label,
    ...(extra.row !== undefined ? { 'data-row': extra.row } : {}),
    ...(extra.col !== undefined ? { 'data-col': extra.col } : {}),
  };
}
