/**
 * LibreOffice (headless) and poppler for the export tests: convert a .pptx or .xlsx to PDF, read its
 * pages and text, render a page to PNG. `.ci/run` installs them where they are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * One LibreOffice profile per test process, so parallel test files never share (and lock) one. It
 * recalculates every formula of a workbook as it loads it (as Excel does with the workbook's
 * full-calculation flag), so a PDF shows what the formulas compute, not the values cached in the file.
 */
const profile = join(tmpdir(), `mw-libreoffice-${process.pid}`);

function ensureProfile(): void {
  const user = join(profile, 'user');
  const file = join(user, 'registrymodifications.xcu');
  if (existsSync(file)) return;
  mkdirSync(user, { recursive: true });
  const recalc = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${recalc('OOXMLRecalcMode')}\n${recalc('ODFRecalcMode')}\n</oor:items>\n`,
  );
}

/** Converts `file` to PDF in `outDir`; returns the PDF's path. */
export function toPdf(file: string, outDir: string): string {
  ensureProfile();
  mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file], {
    timeout: 180_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pdf = join(outDir, `${basename(file, extname(file))}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}`);
  return pdf;
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/**
 * The text of the PDF, one string per page. By default in reading order with whitespace runs collapsed
 * to one space (slides); `layout` keeps each printed line on its own line (sheets, whose rows matter).
 */
export function pdfText(pdf: string, options: { layout?: boolean } = {}): string[] {
  const args = options.layout ? ['-layout', pdf, '-'] : [pdf, '-'];
  const pages = execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return options.layout ? pages.map((p) => p.replace(/[ \t]+/g, ' ')) : pages.map((p) => p.replace(/\s+/g, ' '));
}

/** Renders page `page` (from 1) to `${prefix}.png`; returns the PNG's path. */
export function pageToPng(pdf: string, page: number, prefix: string, dpi = 80): string {
  mkdirSync(join(prefix, '..'), { recursive: true });
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-png', '-r', String(dpi), '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

