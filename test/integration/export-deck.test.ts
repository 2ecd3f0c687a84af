/**
 * The workshop deck for real: written by the engine's worker, converted to PDF by LibreOffice (once,
 * shared by the assertions), its pages and texts read back with poppler, its parts read from the zip.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/report/outcomes';
import { startHarness, tempDir, type Harness } from '../support/engine';
import { seedEngagement, type Seeded } from '../support/export-seed';
import { pageToPng, pdfText, toPdf } from '../support/office';
import { solidPng } from '../support/png';
import { readZip } from '../support/zip';

let h: Harness;
let s: Seeded;
let deck: ExportResult;
let pages: string[];
const out = tempDir('mw-deck-');
const artifacts = resolve('test-results', 'export');

beforeAll(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  s = await seedEngagement(h);
  deck = await h.call('export.deck', { engagementId: s.engagementId, assessmentId: s.assessmentId });
  pages = pdfText(toPdf(deck.path, out));
}, 120_000);
afterAll(async () => {
  await h.stop();
});

const slideParts = (file: string) => [...readZip(file).keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));

describe('the deck of an assessment', () => {
  it('is written to the exports folder under a readable name, and the result names it', () => {
    expect(deck.path).toBe(join(h.dataDir, 'exports', 'Northwind Bank - 2026 Q4 - Maturity deck - 2026-11-25.pptx'));
    expect(deck.bytes).toBe(statSync(deck.path).size);
    expect(deck.ms).toBeGreaterThan(0);
    expect(deck.download).toBe(`/api/download/${encodeURIComponent('Northwind Bank - 2026 Q4 - Maturity deck - 2026-11-25.pptx')}`);
    expect(readdirPartials(join(h.dataDir, 'exports'))).toEqual([]);
  });

  it('has every section in order: one slide per module, the evidence register over two slides', () => {
    // title, summary, radar, heat map, gaps, 9 modules, consensus (5 disagreements on one slide, and the
    // slide of agreed scores that differ from the room), actions (11 on one slide), evidence (24 items, 12 a slide).
    expect(pages).toHaveLength(1 + 1 + 1 + 1 + 1 + 9 + 2 + 1 + 2);
    expect(slideParts(deck.path)).toHaveLength(pages.length);
    expect(pages[0]).toContain('Data platform maturity assessment');
    expect(pages[0]).toContain('Northwind Bank');
    expect(pages[1]).toContain('EXECUTIVE SUMMARY');
    expect(pages[2]).toContain('Maturity by module');
    expect(pages[3]).toContain('Heat map');
    expect(pages[4]).toContain('largest gaps');
    expect(pages[14]).toContain('Where the room disagreed');
    expect(pages[16]).toContain('Action items');
    expect(pages[17]).toContain('Evidence register (1 of 2)');
    expect(pages[18]).toContain('Evidence register (2 of 2)');
  });

  it('shows the numbers of the results model', () => {
    // Seeded levels: module base + capability offset (-1 0 1 0 1 -1 0 0), clamped to 1-5. Current levels
    // add up to 162 over 72 capabilities (2.25); targets (one or two levels up, at most 5) to 240 (3.33).
    expect(pages[1]).toContain('Maturity stands at 2.3 of 5, against a target of 3.3');
    for (const kpi of ['2.3', '3.3', '+1.1', '72 of 72', 'Maturity today', 'Mean gap', 'Capabilities scored']) expect(pages[1]).toContain(kpi);
    // M7 (base 1): current 1 1 2 1 2 1 1 1 = 10/8 = 1.25; targets 2 3 3 2 4 2 1 2 = 19/8 = 2.375; 7 of 8 below target.
    const m7 = pages.find((p) => p.includes('MODULE M7'))!;
    expect(m7).toContain('Metadata Management and Data Discovery');
    expect(m7).toContain('1.3 today against a target of 2.4: 7 capabilities are below target');
    // Every module has a slide, with its eight capabilities.
    for (const m of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const page = pages.find((p) => p.includes(`MODULE M${m} `))!;
      for (let c = 1; c <= 8; c++) expect(page).toContain(`M${m}.${c}`);
    }
  });

  it('draws every chart as a native chart part with its data, not as a picture', () => {
    const zip = readZip(deck.path);
    const charts = [...zip.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    const xml = charts.map((c) => zip.get(c)!.text());
    expect(xml.some((x) => x.includes('<c:radarChart>'))).toBe(true);
    expect(xml.some((x) => x.includes('<c:barChart>'))).toBe(true);
    // The radar's series: current, target and the previous assessment.
    const radar = xml.find((x) => x.includes('<c:radarChart>'))!;
    expect(radar).toContain('Current (2026 Q4)');
    expect(radar).toContain('Previous (2026 Q2)');
    // Each chart carries its data as an embedded workbook, so it can be edited in PowerPoint.
    expect([...zip.keys()].filter((n) => /^ppt\/embeddings\/.+\.xlsx$/.test(n))).toHaveLength(2);
    expect([...zip.keys()].filter((n) => /^ppt\/media\/.+/.test(n))).toEqual([]);
  });

  it('has speaker notes on every slide, with the numbers behind it', () => {
    const zip = readZip(deck.path);
    const notes = [...zip.keys()].filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes).toHaveLength(pages.length);
    const text = (n: string) => zip.get(n)!.text().replace(/<[^>]+>/g, ' ');
    for (const n of notes) expect(text(n).replace(/\s+/g, '').length, n).toBeGreaterThan(40);
    const all = notes.map(text).join('\n');
    expect(all).toContain('M7 Metadata Management and Data Discovery: today 1.3, target 2.4');
    expect(all).toContain('Ranking rule: Score = gap × priority × confidence factor × weight');
  });

  it('keeps a rendered slide as a picture for review', () => {
    mkdirSync(artifacts, { recursive: true });
    const png = pageToPng(join(out, 'Northwind Bank - 2026 Q4 - Maturity deck - 2026-11-25.pdf'), 4, join(artifacts, 'deck-heat-map'), 100);
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });
});

describe('sections, anonymising and branding', () => {
  let branded: ExportResult;
  let brandedPages: string[];
  beforeAll(async () => {
    await h.call('engagement.setBranding', {
      engagementId: s.engagementId,
      primaryColor: '#0b6e4f',
      accentColor: '#F2A541',
      footer: 'Strictly confidential: Northwind board only',
      logo: { name: 'logo.png', mime: 'image/png', dataBase64: solidPng(240, 80, [11, 110, 79]).toString('base64') },
    });
    branded = await h.call('export.deck', {
      engagementId: s.engagementId,
      assessmentId: s.assessmentId,
      sections: ['consensus', 'title', 'actions'],
      anonymise: true,
      businessUnitNames: { [s.units[0]!.id]: 'Unit North' },
      path: join(out, 'board.pptx'),
    });
    brandedPages = pdfText(toPdf(branded.path, out));
  }, 120_000);

  it('writes where it is told, with the sections asked for in deck order', () => {
    expect(branded.path).toBe(join(out, 'board.pptx'));
    expect(branded.download).toBeNull();
    // title, consensus (disagreements, agreed against the room), actions.
    expect(brandedPages).toHaveLength(4);
    expect(brandedPages[0]).toContain('Data platform maturity assessment');
    expect(brandedPages[1]).toContain('Where the room disagreed');
    expect(brandedPages[3]).toContain('Action items');
  });

  it('names nobody: participants become Participant A, B, ..., renamed units carry their new name', () => {
    const zip = readZip(branded.path);
    const everything = [...brandedPages, ...[...zip.keys()].filter((n) => n.startsWith('ppt/')).map((n) => zip.get(n)!.text())].join('\n');
    for (const p of s.people) expect(everything, p.name).not.toContain(p.name);
    expect(everything).not.toContain('Retail Banking');
    // Eva Novak (added fifth, of Retail Banking) sits two levels from the median in the seeded votes.
    expect(brandedPages[1]).toContain('Participant E (Unit North)');
  });

  it('is drawn in the engagement’s colours, with its logo and its confidentiality footer on every content slide', () => {
    const zip = readZip(branded.path);
    expect([...zip.keys()].filter((n) => /^ppt\/media\/.+\.png$/.test(n)).length).toBeGreaterThanOrEqual(1);
    const masters = [...zip.keys()].filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => zip.get(n)!.text()).join('');
    expect(masters).toContain('0B6E4F');
    expect(masters).toContain('F2A541');
    for (const page of brandedPages) expect(page).toContain('Strictly confidential: Northwind board only');
  });

  it('refuses roadmap sections without a scenario, and a scenario that does not exist', async () => {
    const noScenario = await h.fail('export.deck', { engagementId: s.engagementId, assessmentId: s.assessmentId, sections: ['summary', 'roadmap'] });
    expect(noScenario.status).toBe(400);
    expect(noScenario.error.message).toContain('sections: roadmap needs a roadmap scenario (scenarioId)');
    const unknown = await h.fail('export.deck', { engagementId: s.engagementId, assessmentId: s.assessmentId, scenarioId: 'a'.repeat(32) });
    expect(unknown.error.code).toBe('not_found');
  });
});

function readdirPartials(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.partial')) : [];
}
