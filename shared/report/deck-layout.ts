/**
 * Laying text and tables out on the deck's grid: how much text a box holds at a size, text cut to fit,
 * tables whose rows are as tall as their tallest cell, lists split into pages. Every section builder
 * (deck-sections.ts, deck-roadmap.ts) lays its slides out with these, so nothing overflows a slide.
 */
import { cols, type Cell, type DeckTheme, type Slide, type Table } from './deck';
import { clip } from './format';
import type { Anonymiser } from './anonymise';
import type { ReportFigures, ReportInput } from './input';

export interface SectionContext {
  input: ReportInput;
  figures: ReportFigures;
  theme: DeckTheme;
  anon: Anonymiser;
}

export type SectionBuilder = (c: SectionContext) => Slide[];

// ---- fitting text ------------------------------------------------------------------------------

/** An average character, in em: as wide as DejaVu Sans's and wider than Calibri's or Arial's, so whatever font draws it the text fits. */
const EM = 0.54;
/** The same for bold text. */
const EM_BOLD = 0.6;
/** Left and right cell margins together, in inches. */
const PAD = 0.16;

/** Characters of a line in a box `width` inches wide (margins included) at `size` points. */
export function lineCapacity(width: number, size: number, bold = false): number {
  return Math.max(2, Math.floor((width - PAD) / ((size / 72) * (bold ? EM_BOLD : EM))));
}

/** Lines of `per` characters the text wraps into, breaking at spaces (a longer word breaks where it must). */
export function wrap(text: string, per: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (!word) continue;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= per) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (rest.length > per) {
      lines.push(rest.slice(0, per));
      rest = rest.slice(per);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** Whether a UTF-16 code unit is white space as a regular expression's `\s` means it. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** How many lines `wrap` gives, counted in one pass over the text without building them. */
function countLines(text: string, per: number): number {
  let lines = 0;
  let len = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    const word = i - start;
    if (!word) continue;
    const next = len ? len + 1 + word : word;
    if (next <= per) {
      len = next;
      continue;
    }
    if (len) lines++;
    let rest = word;
    while (rest > per) {
      lines++;
      rest -= per;
    }
    len = rest;
  }
  return len ? lines + 1 : lines;
}

/** Text cut (with an ellipsis) to what `lines` lines of a box `width` inches wide hold at `size` points. */
export function fit(text: string, width: number, size: number, lines = 1, bold = false): string {
  const per = lineCapacity(width, size, bold);
  const t = text.replace(/\s+/g, ' ').trim();
  if (countLines(t, per) <= lines) return t;
  let max = per * lines;
  let out = clip(t, max);
  let fits = countLines(out, per) <= lines;
  while (max > 1 && !fits) {
    const next = clip(t, --max);
    // Most shorter cuts end at the same word: the same text fits or not alike.
    if (next !== out) fits = countLines(next, per) <= lines;
    out = next;
  }
  return out;
}

/** Lines the text takes in a box `width` inches wide at `size` points. */
export function lineCount(text: string, width: number, size: number, bold = false): number {
  return Math.max(1, countLines(text, lineCapacity(width, size, bold)));
}

/** Inches a line of `size` points takes (PowerPoint's single spacing). */
export const lineHeight = (size: number) => (size * 1.2) / 72;

/** The size of a cell's second line. */
export const subSize = (size: number) => Math.max(6, size - 2.5);

/** Top and bottom cell margins together, with a little room. */
const VPAD = 0.1;

const STOP_WORDS = new Set(['of', 'and', 'with', 'the', 'for', 'to', 'in', '&']);

/** A module's name in two or three words for tight places (radar axes): "Strategic Alignment", "Scalable Data Ingestion". */
export function shortName(name: string): string {
  const words = name.split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    if (out.join(' ').length >= 14 || out.length >= 3) break;
    out.push(w.replace(/[,;:]+$/, ''));
  }
  while (out.length > 1 && STOP_WORDS.has(out[out.length - 1]!.toLowerCase())) out.pop();
  return out.join(' ');
}

/** Rows of a list in pages of `size`. */
export function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

export const continued = (title: string, page: number, of: number) => (of > 1 ? `${title} (${page + 1} of ${of})` : title);

/**
 * A list drawn as one full-width table, `perSlide` rows a slide, "(2 of 3)" after the title of each
 * when it takes more than one.
 */
export function tableSlides<T>(
  theme: DeckTheme,
  spec: {
    kicker: string;
    title: string;
    lead: string;
    items: readonly T[];
    perSlide: number;
    columns: ColumnSpec[];
    row: (item: T) => Cell[];
    options: { fontSize?: number; minRowHeight?: number };
    notes: string[];
  },
): Slide[] {
  const box = cols(1, 12);
  const chunks = pages(spec.items, spec.perSlide);
  return chunks.map((chunk, page) => ({
    kind: 'content' as const,
    kicker: spec.kicker,
    title: continued(spec.title, page, chunks.length),
    lead: spec.lead,
    blocks: [{ kind: 'table' as const, box, table: table(theme, box.w, spec.columns, chunk.map(spec.row), spec.options) }],
    notes: spec.notes,
  }));
}

/** Header row height of every table, in inches. */
export const HEADER_HEIGHT = 0.36;

/** Height of a table: its header and every row. */
export function tableHeight(t: Pick<Table, 'rowHeights'>): number {
  return HEADER_HEIGHT + t.rowHeights.reduce((a, h) => a + h, 0);
}

export type ColumnSpec = { header: string; share: number; align?: 'left' | 'center' | 'right'; lines?: number };

/**
 * A table whose columns share `width` in the given proportions: each cell's text is fitted to its
 * column (`lines` lines at most, one by default; a second line `sub` gets two), and each row is as tall
 * as its tallest cell, at least `minRowHeight`.
 */
export function table(theme: DeckTheme, width: number, columns: ColumnSpec[], rows: Cell[][], options: { fontSize?: number; minRowHeight?: number; zebra?: boolean } = {}): Table {
  const total = columns.reduce((a, c) => a + c.share, 0);
  const widths = columns.map((c) => Math.round(((width * c.share) / total) * 1000) / 1000);
  const size = options.fontSize ?? 10;
  const fitted = rows.map((r) =>
    r.map((cell, i) => {
      const w = widths[i]!;
      const text = fit(cell.text, w, size, columns[i]!.lines ?? 1, !!cell.bold);
      const sub = cell.sub ? fit(cell.sub, w, subSize(size), 2) : undefined;
      return { ...cell, text, ...(sub !== undefined ? { sub } : {}), ...(cell.align ? {} : columns[i]!.align ? { align: columns[i]!.align } : {}) };
    }),
  );
  const rowHeights = fitted.map((r) =>
    Math.max(
      options.minRowHeight ?? 0.34,
      ...r.map((cell, i) => lineCount(cell.text, widths[i]!, size, !!cell.bold) * lineHeight(size) + (cell.sub ? lineCount(cell.sub, widths[i]!, subSize(size)) * lineHeight(subSize(size)) : 0) + VPAD),
    ),
  );
  return {
    columns: columns.map((c, i) => ({ header: c.header, width: widths[i]!, ...(c.align ? { align: c.align } : {}) })),
    rows: fitted,
    fontSize: size,
    rowHeights: rowHeights.map((h) => Math.round(h * 1000) / 1000),
    zebra: options.zebra ?? true,
  };
}

