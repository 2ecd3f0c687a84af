/**
 * Draws a workbook model (shared/report/workbook.ts) with exceljs: header rows in the engagement's
 * colour, frozen and filtered, live formulas with their cached results, validations, conditional
 * formats, number formats, print titles and a footer. Runs in the export worker.
 */
import ExcelJS from 'exceljs';
import { headerRow, isFormula, type CellValue, type Sheet, type Workbook } from '../../../shared/report/workbook';
import type { Progress } from './pptx';

const argb = (hex: string) => `FF${hex.replace(/^#/, '').toUpperCase()}`;

function toExcel(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  if (isFormula(v)) return { formula: v.formula, result: v.result === null ? '' : v.result } as ExcelJS.CellFormulaValue;
  return new Date(`${v.date}T00:00:00Z`);
}

/** Points of height a row needs for its wrapped text (about one character per unit of column width, 15 points a line), or undefined for one line. */
function wrappedHeight(sheet: Sheet, values: readonly CellValue[]): number | undefined {
  let lines = 1;
  sheet.columns.forEach((c, j) => {
    const v = values[j];
    if (!c.wrap || typeof v !== 'string' || !v) return;
    lines = Math.max(lines, Math.ceil(v.length / Math.max(1, c.width - 2)));
  });
  return lines > 1 ? Math.min(409, lines * 15 + 3) : undefined;
}

function drawSheet(wb: ExcelJS.Workbook, sheet: Sheet, model: Workbook): void {
  const header = headerRow(sheet);
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.state ?? 'visible',
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: [{ state: 'frozen', ySplit: header, xSplit: sheet.frozenColumns, showGridLines: false }],
    pageSetup: {
      orientation: sheet.landscape ? 'landscape' : 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${header}:${header}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&8${model.footer.replace(/&/g, '&&')}&R&8Page &P of &N`, oddHeader: `&L&8&A&R&8${model.title.replace(/&/g, '&&')}` },
  });
  ws.columns = sheet.columns.map((c) => ({
    width: c.width,
    ...(c.hidden ? { hidden: true } : {}),
    style: {
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      alignment: { vertical: 'top', wrapText: !!c.wrap, ...(c.align ? { horizontal: c.align } : {}) },
      ...(sheet.protect && c.editable ? { protection: { locked: false } } : {}),
    },
  }));

  sheet.preamble.forEach((p, i) => {
    const row = ws.getRow(i + 1);
    p.cells.forEach((v, j) => {
      if (v === null) return;
      const cell = row.getCell(j + 1);
      cell.value = toExcel(v);
      const format = p.formats?.[j];
      if (format) cell.numFmt = format;
    });
    if (p.style === 'title') row.getCell(1).font = { bold: true, size: 14, color: { argb: argb(model.theme.primary) } };
    if (p.style === 'label') row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top', wrapText: false };
    if (p.cells.length > 1) row.getCell(2).alignment = { vertical: 'top', wrapText: false };
  });

  const head = ws.getRow(header);
  sheet.columns.forEach((c, j) => {
    const cell = head.getCell(j + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: argb(model.theme.headerText) } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(model.theme.primary) } };
    cell.alignment = { vertical: 'middle', wrapText: true, ...(c.align ? { horizontal: c.align } : {}) };
    cell.border = { bottom: { style: 'thin', color: { argb: argb(model.theme.primary) } } };
  });
  head.height = 30;

  sheet.rows.forEach((values, i) => {
    const row = ws.getRow(header + 1 + i);
    values.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = toExcel(v);
    });
    const style = sheet.rowStyles?.[i];
    if (style) {
      for (let j = 1; j <= sheet.columns.length; j++) {
        const cell = row.getCell(j);
        if (style.bold) cell.font = { bold: true };
        if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
        if (style.topBorder) cell.border = { top: { style: 'thin', color: { argb: 'FF8A94A6' } } };
      }
    }
    const height = sheet.rowHeights?.[i] ?? wrappedHeight(sheet, values);
    if (height) row.height = height;
  });

  const lastRow = header + Math.max(sheet.rows.length, 1);
  if (sheet.autoFilter && sheet.columns.length) {
    ws.autoFilter = { from: { row: header, column: 1 }, to: { row: lastRow, column: sheet.columns.length } };
  }
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) {
    validations.add(v.range, {
      type: v.type,
      allowBlank: true,
      ...(v.type === 'list' ? { formulae: [`"${v.list!.join(',')}"`] } : { operator: 'between', formulae: [v.min, v.max] }),
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Not a valid value',
      error: v.error,
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    });
  }
  for (const f of sheet.conditionalFormats) {
    if (f.type === 'colorScale') {
      ws.addConditionalFormatting({
        ref: f.range,
        rules: [{ type: 'colorScale', priority: 1, cfvo: f.stops.map((s) => ({ type: 'num', value: s.value })), color: f.stops.map((s) => ({ argb: argb(s.color) })) } as ExcelJS.ConditionalFormattingRule],
      });
    } else {
      ws.addConditionalFormatting({
        ref: f.range,
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: [f.formula],
            style: {
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(f.fill) } },
              ...(f.font || f.bold ? { font: { ...(f.font ? { color: { argb: argb(f.font) } } : {}), ...(f.bold ? { bold: true } : {}) } } : {}),
            },
          },
        ],
      });
    }
  }
  if (sheet.protect) {
    void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: false, autoFilter: false, insertRows: false, deleteRows: false });
  }
}

/** Draws the workbook; reports progress after each sheet and before writing. (The bench hands in its own exceljs workbook.) */
export async function drawWorkbook(model: Workbook, progress: Progress = () => undefined, wb: ExcelJS.Workbook = new ExcelJS.Workbook()): Promise<Buffer> {
  wb.creator = 'Maturity Workbench';
  wb.title = model.title;
  wb.subject = model.subject;
  wb.company = model.company;
  wb.created = new Date(model.created);
  wb.modified = new Date(model.created);
  wb.calcProperties.fullCalcOnLoad = true;
  const total = model.sheets.length + 1;
  model.sheets.forEach((sheet, i) => {
    drawSheet(wb, sheet, model);
    progress(i + 1, total, sheet.name);
  });
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  progress(total, total, 'Written');
  return out;
}
