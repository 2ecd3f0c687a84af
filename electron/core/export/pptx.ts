/**
 * Draws a deck model (shared/report/deck.ts) with pptxgenjs: two slide masters in the engagement's
 * colours (cover, content with logo, confidentiality footer and slide number), native editable charts,
 * tables with coloured cells, shapes, and speaker notes. Runs in the export worker.
 */
import PptxGenJS from 'pptxgenjs';
import { containRight } from '../../../shared/report/branding';
import { LEAD_SIZE, LOGO_ROOM, TITLE_SIZE } from '../../../shared/report/build-deck';
import { HEADER_HEIGHT, subSize } from '../../../shared/report/deck-sections';
import { SLIDE, type Block, type Cell, type Chart, type Deck, type DeckTheme, type Slide } from '../../../shared/report/deck';

type Pptx = InstanceType<typeof PptxGenJS>;
type PptxSlide = ReturnType<Pptx['addSlide']>;
type TextRun = PptxGenJS.TextProps;

export type Progress = (done: number, total: number, label: string) => void;

const MASTER = { title: 'MW_TITLE', content: 'MW_CONTENT' } as const;
const MARGIN = 0.6;
const FOOTER_Y = 7.0;

function defineMasters(pptx: Pptx, deck: Deck): void {
  const t = deck.theme;
  const logo = deck.logo;
  const logoBox = logo ? containRight(logo, SLIDE.w - MARGIN - 1.7, 0.32, 1.7, 0.5) : null;
  pptx.defineSlideMaster({
    title: MASTER.content,
    background: { color: 'FFFFFF' },
    margin: [0.3, MARGIN, 0.3, MARGIN],
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.w, h: 0.08, fill: { color: t.primary }, line: { color: t.primary, width: 0 } } },
      { line: { x: MARGIN, y: FOOTER_Y - 0.08, w: SLIDE.w - 2 * MARGIN, h: 0, line: { color: t.line, width: 0.75 } } },
      { text: { text: deck.footer, options: { x: MARGIN, y: FOOTER_Y, w: 5.6, h: 0.3, fontFace: t.font, fontSize: 8, color: t.muted, margin: 0, valign: 'middle' } } },
      { text: { text: deck.footerCentre, options: { x: 6.3, y: FOOTER_Y, w: 5.2, h: 0.3, fontFace: t.font, fontSize: 8, color: t.muted, margin: 0, align: 'right', valign: 'middle' } } },
      ...(logo && logoBox ? [{ image: { data: logo.dataUrl, x: logoBox.x, y: logoBox.y, w: logoBox.w, h: logoBox.h } }] : []),
    ],
    slideNumber: { x: SLIDE.w - MARGIN - 0.6, y: FOOTER_Y, w: 0.6, h: 0.3, fontFace: t.font, fontSize: 8, color: t.muted, align: 'right' },
  });
  pptx.defineSlideMaster({
    title: MASTER.title,
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.w, h: 4.75, fill: { color: t.primary }, line: { color: t.primary, width: 0 } } },
      { rect: { x: 0.9, y: 1.45, w: 0.9, h: 0.07, fill: { color: t.accent }, line: { color: t.accent, width: 0 } } },
      { text: { text: deck.footer, options: { x: 0.9, y: FOOTER_Y, w: 8, h: 0.3, fontFace: t.font, fontSize: 9, color: t.muted, margin: 0 } } },
      ...(logo ? [{ image: { data: logo.dataUrl, ...containRight(logo, SLIDE.w - 0.9 - 2.6, 5.3, 2.6, 1.0) } }] : []),
    ],
  });
}

function slideHeader(s: PptxSlide, slide: Slide, t: DeckTheme, hasLogo: boolean): void {
  const w = SLIDE.w - 2 * MARGIN - (hasLogo ? LOGO_ROOM : 0);
  s.addText(slide.kicker.toUpperCase(), { x: MARGIN, y: 0.36, w, h: 0.28, fontFace: t.font, fontSize: 10, bold: true, color: t.accentText, margin: 0 });
  s.addText(slide.title, { x: MARGIN, y: 0.64, w, h: 0.62, fontFace: t.font, fontSize: slide.titleSize ?? TITLE_SIZE, bold: true, color: t.primaryText, margin: 0, valign: 'top', fit: 'shrink' });
  if (slide.lead) s.addText(slide.lead, { x: MARGIN, y: 1.28, w: SLIDE.w - 2 * MARGIN, h: 0.36, fontFace: t.font, fontSize: LEAD_SIZE, color: t.muted, margin: 0, valign: 'top' });
  if (slide.footnote) s.addText(slide.footnote, { x: MARGIN, y: 6.5, w: SLIDE.w - 2 * MARGIN, h: 0.36, fontFace: t.font, fontSize: 8, color: t.muted, margin: 0, valign: 'bottom' });
}

function drawTitle(s: PptxSlide, slide: Slide, t: DeckTheme): void {
  s.addText(slide.kicker, { x: 0.9, y: 1.7, w: 11, h: 0.4, fontFace: t.font, fontSize: 16, color: 'FFFFFF', margin: 0 });
  s.addText(slide.title, { x: 0.9, y: 2.15, w: 11.5, h: 1.1, fontFace: t.font, fontSize: 38, bold: true, color: 'FFFFFF', margin: 0, valign: 'top', fit: 'shrink' });
  if (slide.lead) s.addText(slide.lead, { x: 0.9, y: 3.35, w: 11.5, h: 0.7, fontFace: t.font, fontSize: 26, color: 'FFFFFF', margin: 0, valign: 'top', fit: 'shrink' });
}

function runsOf(cell: Cell, size: number, t: DeckTheme): string | TextRun[] {
  if (cell.sub === undefined || cell.sub === '') return cell.text;
  return [
    { text: cell.text, options: { bold: cell.bold, breakLine: true } },
    { text: cell.sub, options: { fontSize: subSize(size), bold: false, color: cell.color ?? t.muted } },
  ];
}

function drawBlock(pptx: Pptx, s: PptxSlide, b: Block, t: DeckTheme): void {
  const box = b.box;
  switch (b.kind) {
    case 'text':
      s.addText(
        b.paragraphs.map((p, i) => ({
          text: p.text,
          options: {
            bold: p.bold,
            italic: p.italic,
            color: p.color ?? t.text,
            fontSize: p.size ?? b.size,
            bullet: p.bullet ? { indent: 14 } : undefined,
            breakLine: i < b.paragraphs.length - 1,
            paraSpaceAfter: p.after ?? 4,
          },
        })),
        { ...box, fontFace: t.font, fontSize: b.size, color: t.text, valign: 'top', margin: 0 },
      );
      return;
    case 'kpis': {
      const rows = Math.ceil(b.items.length / b.columns);
      const gap = 0.18;
      const w = (box.w - gap * (b.columns - 1)) / b.columns;
      const h = Math.min(1.6, (box.h - gap * (rows - 1)) / rows);
      b.items.forEach((k, i) => {
        const x = box.x + (i % b.columns) * (w + gap);
        const y = box.y + Math.floor(i / b.columns) * (h + gap);
        s.addShape(pptx.ShapeType.rect, { x, y, w, h, fill: { color: t.panel }, line: { color: t.panel, width: 0 } });
        s.addShape(pptx.ShapeType.rect, { x, y, w: 0.06, h, fill: { color: t.accent }, line: { color: t.accent, width: 0 } });
        const big = h >= 1.1 ? 30 : 22;
        s.addText(k.value, { x: x + 0.2, y: y + 0.08, w: w - 0.3, h: h * 0.5, fontFace: t.font, fontSize: big, bold: true, color: t.primaryText, margin: 0, valign: 'bottom', fit: 'shrink' });
        s.addText(
          [
            { text: k.label, options: { bold: true, color: t.text, fontSize: 11, breakLine: !!k.detail } },
            ...(k.detail ? [{ text: k.detail, options: { color: t.muted, fontSize: 9 } }] : []),
          ],
          { x: x + 0.2, y: y + h * 0.55, w: w - 0.3, h: h * 0.42, fontFace: t.font, margin: 0, valign: 'top' },
        );
      });
      return;
    }
    case 'messages': {
      const h = box.h / b.items.length;
      b.items.forEach((m, i) => {
        const y = box.y + i * h;
        s.addShape(pptx.ShapeType.ellipse, { x: box.x, y: y + 0.05, w: 0.46, h: 0.46, fill: { color: t.accent }, line: { color: t.accent, width: 0 } });
        s.addText(String(i + 1), { x: box.x, y: y + 0.05, w: 0.46, h: 0.46, fontFace: t.font, fontSize: 14, bold: true, color: 'FFFFFF', align: 'center', valign: 'middle', margin: 0 });
        s.addText(
          [
            { text: m.headline, options: { bold: true, fontSize: 15, color: t.text, breakLine: true, paraSpaceAfter: 4 } },
            { text: m.detail, options: { fontSize: 12, color: t.muted } },
          ],
          { x: box.x + 0.7, y, w: box.w - 0.7, h: h - 0.12, fontFace: t.font, margin: 0, valign: 'top' },
        );
        if (i < b.items.length - 1) s.addShape(pptx.ShapeType.line, { x: box.x + 0.7, y: y + h - 0.06, w: box.w - 0.7, h: 0, line: { color: t.line, width: 0.75 } });
      });
      return;
    }
    case 'chart':
      drawChart(pptx, s, b.chart, box, t);
      return;
    case 'table': {
      const tb = b.table;
      const header = tb.columns.map((c) => ({
        text: c.header,
        options: { bold: true, color: t.headerText, fill: { color: t.header }, align: c.align ?? 'left', fontSize: tb.fontSize - 0.5 },
      }));
      const body = tb.rows.map((row, r) =>
        row.map((cell, i) => ({
          text: runsOf(cell, tb.fontSize, t),
          options: {
            bold: cell.bold,
            italic: cell.italic,
            color: cell.color ?? t.text,
            align: cell.align ?? tb.columns[i]?.align ?? 'left',
            fill: { color: cell.fill ?? (tb.zebra && r % 2 === 1 ? t.panel : 'FFFFFF') },
          },
        })),
      );
      s.addTable([header, ...body] as PptxGenJS.TableRow[], {
        x: box.x,
        y: box.y,
        w: tb.columns.reduce((a, c) => a + c.width, 0),
        colW: tb.columns.map((c) => c.width),
        rowH: [HEADER_HEIGHT, ...tb.rowHeights],
        fontFace: t.font,
        fontSize: tb.fontSize,
        color: t.text,
        valign: 'middle',
        margin: [0.03, 0.07, 0.03, 0.07],
        border: { type: 'solid', pt: 0.5, color: t.line },
        autoPage: false,
      });
      return;
    }
    case 'legend': {
      const w = box.w / b.items.length;
      b.items.forEach((item, i) => {
        const x = box.x + i * w;
        s.addShape(pptx.ShapeType.rect, { x, y: box.y + 0.06, w: 0.2, h: 0.18, fill: { color: item.color }, line: { color: t.line, width: 0.5 } });
        s.addText(item.label, { x: x + 0.26, y: box.y, w: w - 0.3, h: 0.3, fontFace: t.font, fontSize: 9, color: t.muted, margin: 0, valign: 'middle' });
      });
      return;
    }
    case 'shapes':
      for (const sh of b.shapes) {
        if (sh.type === 'line' || sh.type === 'arrow') {
          // A line runs from (x, y) by (w, h); PowerPoint draws it in a box with flips for the direction.
          const pos = { x: box.x + Math.min(sh.x, sh.x + sh.w), y: box.y + Math.min(sh.y, sh.y + sh.h), w: Math.abs(sh.w), h: Math.abs(sh.h) };
          s.addShape(pptx.ShapeType.line, {
            ...pos,
            ...(sh.w < 0 ? { flipH: true } : {}),
            ...(sh.h < 0 ? { flipV: true } : {}),
            ...(sh.name ? { objectName: sh.name } : {}),
            line: { color: sh.line ?? t.muted, width: sh.lineWidth ?? 1, ...(sh.type === 'arrow' ? { endArrowType: 'triangle' as const } : {}) },
          });
          continue;
        }
        const pos = { x: box.x + sh.x, y: box.y + sh.y, w: sh.w, h: sh.h, ...(sh.name ? { objectName: sh.name } : {}) };
        const shape = sh.type === 'roundRect' ? pptx.ShapeType.roundRect : pptx.ShapeType.rect;
        const fill = sh.fill ? { color: sh.fill } : { type: 'none' as const };
        const line = sh.lineWidth === 0 ? { type: 'none' as const } : { color: sh.line ?? sh.fill ?? t.line, width: sh.lineWidth ?? 0.75 };
        const round = sh.type === 'roundRect' ? { rectRadius: Math.min(0.05, sh.h / 2) } : {};
        if (sh.text) {
          s.addText(sh.text, {
            ...pos,
            shape,
            fill,
            line,
            fontFace: t.font,
            fontSize: sh.fontSize ?? 9,
            bold: sh.bold,
            color: sh.textColor ?? t.text,
            align: sh.align ?? 'left',
            valign: sh.valign ?? 'middle',
            margin: 0.05,
            ...round,
          });
        } else {
          s.addShape(shape, { ...pos, fill, line, ...round });
        }
      }
      return;
  }
}

function drawChart(pptx: Pptx, s: PptxSlide, c: Chart, box: Block['box'], t: DeckTheme): void {
  // Horizontal bars list their first category at the bottom: reverse so the first reads at the top.
  const flip = c.type === 'bar' && c.horizontal;
  const order = <T,>(xs: T[]) => (flip ? [...xs].reverse() : xs);
  const data = c.series.map((series) => ({ name: series.name, labels: order(c.categories), values: order(series.values) as number[] }));
  const common: PptxGenJS.IChartOpts = {
    ...box,
    altText: c.altText,
    chartColors: c.series.map((x) => x.color),
    showLegend: c.legend !== 'none',
    legendPos: c.legend === 'bottom' ? 'b' : c.legend === 'right' ? 'r' : 't',
    legendFontSize: 10,
    legendFontFace: t.font,
    legendColor: t.text,
    catAxisLabelFontSize: 9,
    catAxisLabelFontFace: t.font,
    catAxisLabelColor: t.text,
    valAxisLabelFontSize: 9,
    valAxisLabelColor: t.muted,
    valAxisLabelFormatCode: c.axis.format ?? 'General',
    ...(c.axis.min !== undefined ? { valAxisMinVal: c.axis.min } : {}),
    ...(c.axis.max !== undefined ? { valAxisMaxVal: c.axis.max } : {}),
    ...(c.axis.step !== undefined ? { valAxisMajorUnit: c.axis.step } : {}),
    ...(c.axis.title ? { showValAxisTitle: true, valAxisTitle: c.axis.title, valAxisTitleFontSize: 9 } : {}),
    valGridLine: { color: 'E2E5EA', size: 0.5 },
    catGridLine: { style: 'none' },
    showValue: !!c.labels,
    ...(c.labels ? { dataLabelFormatCode: c.labels, dataLabelFontSize: 9, dataLabelColor: 'FFFFFF', dataLabelPosition: 'ctr' as const } : {}),
  };
  if (c.type === 'radar') {
    s.addChart(pptx.ChartType.radar, data, { ...common, radarStyle: 'marker', lineSize: 2, lineDataSymbolSize: 6, catGridLine: { color: 'E2E5EA', size: 0.5 } });
  } else if (c.type === 'line') {
    s.addChart(pptx.ChartType.line, data, { ...common, lineSize: 2, lineDataSymbol: 'circle', lineDataSymbolSize: 6 });
  } else {
    s.addChart(pptx.ChartType.bar, data, { ...common, barDir: c.horizontal ? 'bar' : 'col', barGrouping: c.stacked ? 'stacked' : 'clustered', barGapWidthPct: 55, ...(c.stacked ? { barOverlapPct: 100 } : {}) });
  }
}

/** Draws the deck; reports progress after each section and before writing. (The bench hands in its own pptxgenjs instance.) */
export async function drawDeck(deck: Deck, progress: Progress = () => undefined, pptx: Pptx = new PptxGenJS()): Promise<Buffer> {
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.subject = deck.subject;
  pptx.company = deck.company;
  pptx.author = deck.company;
  pptx.theme = { headFontFace: deck.theme.font, bodyFontFace: deck.theme.font };
  defineMasters(pptx, deck);
  const total = deck.sections.length + 1;
  deck.sections.forEach((section, i) => {
    for (const slide of section.slides) {
      const s = pptx.addSlide({ masterName: slide.kind === 'title' ? MASTER.title : MASTER.content });
      if (slide.kind === 'title') drawTitle(s, slide, deck.theme);
      else slideHeader(s, slide, deck.theme, !!deck.logo);
      for (const block of slide.blocks) drawBlock(pptx, s, block, deck.theme);
      if (slide.notes.length) s.addNotes(slide.notes.join('\n'));
    }
    progress(i + 1, total, section.title);
  });
  // stream() is the export that honours compression (write() stores the parts uncompressed).
  const out = (await pptx.stream({ compression: true })) as Buffer;
  progress(total, total, 'Written');
  return out;
}
