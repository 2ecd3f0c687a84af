/** A workbook read into plain grids of values, sheet by sheet: what a returned survey is checked from. Runs in the export worker. */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../../../shared/report/survey';

function plain(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** The sheets of an .xlsx as grids of plain values; null when the bytes are not a workbook exceljs can read. */
export async function readGrids(bytes: Buffer): Promise<SheetGrid[] | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  return wb.worksheets.map((ws) => {
    const rows: SheetGrid['rows'] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: SheetGrid['rows'][number] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = plain(cell.value)));
      rows[n - 1] = Array.from(cells, (x) => x ?? null);
    });
    return { name: ws.name, state: ws.state as SheetGrid['state'], rows: Array.from(rows, (r) => r ?? []) };
  });
}
