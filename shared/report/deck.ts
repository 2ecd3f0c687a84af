/**
 * The deck as data: sections of slides, each slide a title and blocks placed on one grid (text,
 * headline numbers, native charts, tables with coloured cells, shapes), with its speaker notes.
 * Nothing here knows PowerPoint: electron/core/export/pptx.ts draws a `Deck` with pptxgenjs, and the
 * unit tests read one without opening a file.
 *
 * A section is a function from the report input to slides (`deck-sections.ts`). Sections that need a
 * roadmap scenario are listed in `DECK_SECTIONS` with `needs: 'scenario'`; they add slides of the same
 * kinds (a Gantt is a `shapes` block, cost per quarter a stacked `bar` chart, chargeback a `table`).
 */

/** Colours are `RRGGBB`. */
export type Hex = string;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** 16:9 in inches (PowerPoint's "Widescreen"). */
export const SLIDE = { w: 13.333, h: 7.5 } as const;

/** The grid every content slide is laid out on: 12 columns between the margins, the body between title and footer. */
export const GRID = { left: 0.6, right: 0.6, gutter: 0.25, columns: 12, top: 1.75, bottom: 6.45 } as const;

const COLUMN = (SLIDE.w - GRID.left - GRID.right - GRID.gutter * (GRID.columns - 1)) / GRID.columns;

/** The box spanning grid columns `start` (1-12) for `span` columns, from `y` for `h` inches (the body by default). */
export function cols(start: number, span: number, y: number = GRID.top, h: number = GRID.bottom - y): Box {
  const x = GRID.left + (start - 1) * (COLUMN + GRID.gutter);
  return { x: round(x), y: round(y), w: round(span * COLUMN + (span - 1) * GRID.gutter), h: round(h) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export interface Paragraph {
  text: string;
  bold?: boolean;
  italic?: boolean;
  color?: Hex;
  /** Points; the block's size otherwise. */
  size?: number;
  bullet?: boolean;
  /** Space after the paragraph, in points. */
  after?: number;
}

export interface Kpi {
  value: string;
  label: string;
  detail?: string;
}

export interface ChartSeries {
  name: string;
  /** One per category; null where there is nothing to draw (never 0). */
  values: (number | null)[];
  color: Hex;
}

export interface Chart {
  type: 'radar' | 'bar' | 'line';
  /** Bars stacked (bar charts only). */
  stacked?: boolean;
  /** Bars running left to right (bar charts only). */
  horizontal?: boolean;
  categories: string[];
  series: ChartSeries[];
  axis: { min?: number; max?: number; step?: number; format?: string; title?: string };
  legend: 'bottom' | 'right' | 'top' | 'none';
  /** Excel number format of the value labels; none shown when absent. */
  labels?: string;
  /** What the chart shows, for a screen reader (PowerPoint's alt text). */
  altText: string;
}

export interface Cell {
  text: string;
  /** A second, smaller line under the text. */
  sub?: string;
  fill?: Hex;
  color?: Hex;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface Table {
  /** Widths in inches; they add up to the block's width. */
  columns: { header: string; width: number; align?: 'left' | 'center' | 'right' }[];
  rows: Cell[][];
  /** Points. */
  fontSize: number;
  /** Inches, per body row: each as tall as its tallest cell. */
  rowHeights: number[];
  /** Alternate rows shaded where a cell has no fill of its own. */
  zebra: boolean;
}

export interface Shape {
  type: 'rect' | 'roundRect' | 'line' | 'arrow';
  /**
   * Relative to the block's box, in inches. A line or an arrow runs from (x, y) to (x + w, y + h): `w` and
   * `h` may be negative, and an arrow's head is at that end.
   */
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: Hex;
  line?: Hex;
  /** Points; 0 draws no outline. */
  lineWidth?: number;
  text?: string;
  fontSize?: number;
  textColor?: Hex;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  /** Its name in PowerPoint's selection pane: "Bar 3 Lakehouse migration". */
  name?: string;
}

export type Block =
  | { kind: 'text'; box: Box; size: number; paragraphs: Paragraph[] }
  | { kind: 'kpis'; box: Box; columns: number; items: Kpi[] }
  | { kind: 'messages'; box: Box; items: { headline: string; detail: string }[] }
  | { kind: 'chart'; box: Box; chart: Chart }
  | { kind: 'table'; box: Box; table: Table }
  | { kind: 'legend'; box: Box; items: { color: Hex; label: string }[] }
  | { kind: 'shapes'; box: Box; shapes: Shape[] };

export interface Slide {
  /** `title`: the cover; `content`: everything else, on the grid. */
  kind: 'title' | 'content';
  /** The small line above the title: the section it belongs to. */
  kicker: string;
  title: string;
  /** Points, when the title is set smaller than usual to fit its line. */
  titleSize?: number;
  /** The one-sentence takeaway under the title. */
  lead?: string;
  blocks: Block[];
  /** A source or rule line above the footer. */
  footnote?: string;
  /** Speaker notes, one talking point per line, with the numbers behind the slide. */
  notes: string[];
}

export const deckSectionIds = [
  'title',
  'summary',
  'radar',
  'heatmap',
  'gaps',
  'modules',
  'consensus',
  'roadmap',
  'costs',
  'chargeback',
  'projected',
  'scenarios',
  'actions',
  'evidence',
] as const;
export type DeckSectionId = (typeof deckSectionIds)[number];

export interface DeckSectionInfo {
  id: DeckSectionId;
  title: string;
  /** `results`: drawn from the assessment; `scenario`: needs a roadmap scenario. */
  needs: 'results' | 'scenario';
  /** One line for the export dialog. */
  description: string;
}

/** Every section in deck order. */
export const DECK_SECTIONS: readonly DeckSectionInfo[] = [
  { id: 'title', title: 'Title', needs: 'results', description: 'Client, assessment and date' },
  { id: 'summary', title: 'Executive summary', needs: 'results', description: 'Headline numbers and three messages' },
  { id: 'radar', title: 'Radar of the modules', needs: 'results', description: 'Current, target and previous module means' },
  { id: 'heatmap', title: 'Heat map', needs: 'results', description: 'Modules by capabilities, coloured by level' },
  { id: 'gaps', title: 'Top gaps', needs: 'results', description: 'The gap ranking and its rule' },
  { id: 'modules', title: 'One slide per module', needs: 'results', description: 'Each capability with its scores and key evidence' },
  { id: 'consensus', title: 'Consensus and disagreements', needs: 'results', description: 'Where the room’s votes spread' },
  { id: 'roadmap', title: 'Roadmap', needs: 'scenario', description: 'Initiatives by quarter, with dependencies' },
  { id: 'costs', title: 'Cost per quarter', needs: 'scenario', description: 'Capex, opex and labour, stacked' },
  { id: 'chargeback', title: 'Chargeback', needs: 'scenario', description: 'Cost by business unit' },
  { id: 'projected', title: 'Projected maturity', needs: 'scenario', description: 'Module means as the roadmap lands' },
  { id: 'scenarios', title: 'Scenario comparison', needs: 'scenario', description: 'Scenarios side by side' },
  { id: 'actions', title: 'Action items', needs: 'results', description: 'Who does what by when' },
  { id: 'evidence', title: 'Evidence register', needs: 'results', description: 'Appendix: every evidence item linked' },
];

/** The palette a deck is drawn in, derived from the engagement's branding. */
export interface DeckTheme {
  primary: Hex;
  /** The primary colour made readable as text on white. */
  primaryText: Hex;
  accent: Hex;
  accentText: Hex;
  text: Hex;
  muted: Hex;
  line: Hex;
  /** Light background for panels and zebra rows. */
  panel: Hex;
  /** Header cells of tables. */
  header: Hex;
  headerText: Hex;
  /** Maturity levels 1-5, light to dark. */
  levels: [Hex, Hex, Hex, Hex, Hex];
  /** Text on each level colour. */
  levelText: [Hex, Hex, Hex, Hex, Hex];
  notApplicable: Hex;
  warning: Hex;
  font: string;
}

export interface DeckSection {
  id: DeckSectionId;
  title: string;
  slides: Slide[];
}

export interface Deck {
  /** Document properties. */
  title: string;
  subject: string;
  company: string;
  client: string;
  /** Client and assessment, shown in every footer. */
  footerCentre: string;
  /** The confidentiality line. */
  footer: string;
  theme: DeckTheme;
  logo: { dataUrl: string; width: number; height: number } | null;
  sections: DeckSection[];
}

/** How many slides a deck has. */
export function slideCount(deck: Pick<Deck, 'sections'>): number {
  return deck.sections.reduce((n, s) => n + s.slides.length, 0);
}
