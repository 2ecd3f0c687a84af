/** How exports write numbers, names and files; anonymising; colours and logos of the branding. */
import { describe, expect, it } from 'vitest';
import { anonymiser } from '../../shared/report/anonymise';
import { containRight, contrast, imageSize, levelScale, readableOnWhite, textOn, tint } from '../../shared/report/branding';
import { shortName } from '../../shared/report/deck-sections';
import { clip, exportFileName, fmtDate, fmtLevel, fmtMean, fmtPercent, fmtSigned, letters, listing, safeFileName } from '../../shared/report/format';
import { solidPng } from '../support/png';

describe('numbers and words', () => {
  it('writes means, differences and levels, and a dash for nothing', () => {
    expect([fmtMean(2.25), fmtMean(null), fmtSigned(1.04), fmtSigned(-0.25), fmtSigned(0.04), fmtLevel(2, true), fmtLevel(-1), fmtPercent(0.675)]).toEqual([
      '2.3',
      '–',
      '+1.0',
      '−0.3',
      '0.0',
      '+2',
      '−1',
      '68%',
    ]);
    expect(fmtDate('2026-11-05')).toBe('5 Nov 2026');
    expect(listing(['A', 'B', 'C'])).toBe('A, B and C');
    expect([letters(0), letters(25), letters(26), letters(27)]).toEqual(['A', 'Z', 'AA', 'AB']);
  });

  it('cuts text at a word near the limit', () => {
    expect(clip('Data quality dashboard screenshot', 20)).toBe('Data quality…');
    expect(clip('Short', 20)).toBe('Short');
  });

  it('shortens module names for radar axes', () => {
    expect(shortName('Strategic Alignment of Data Infrastructure with Business Objectives')).toBe('Strategic Alignment');
    expect(shortName('Scalable Data Ingestion and Pipeline Orchestration')).toBe('Scalable Data Ingestion');
    expect(shortName('Data Governance, Compliance, and Access Control')).toBe('Data Governance');
  });

  it('names export files readably, and safely for every file system', () => {
    expect(exportFileName('deck', { client: 'Northwind', assessment: '2026 Q4', date: '2026-11-25' })).toBe('Northwind - 2026 Q4 - Maturity deck - 2026-11-25.pptx');
    expect(exportFileName('survey', { client: 'Northwind', assessment: '2026 Q4', who: 'Ana Lopez', date: '2026-11-25' })).toBe('Northwind - 2026 Q4 - Survey for Ana Lopez - 2026-11-25.xlsx');
    expect(exportFileName('engagement', { client: 'A/B: "Test" <Co>', date: '2026-11-25' })).toBe('A-B- -Test- -Co- - Engagement - 2026-11-25.mwb');
    expect(safeFileName('..\\secret')).toBe('secret');
    expect(safeFileName('...')).toBe('export');
  });
});

describe('anonymising', () => {
  const people = [
    { id: 'p2', name: 'Ben Carter' },
    { id: 'p1', name: 'Ana' },
  ];
  const units = [{ id: 'u1', name: 'Finance' }];

  it('letters people in the order they were added, and replaces their names as whole words only', () => {
    const a = anonymiser(people, units, { anonymise: true, businessUnitNames: { u1: 'Unit F' } });
    expect([a.person('p1'), a.person('p2'), a.person('unknown')]).toEqual(['Participant A', 'Participant B', 'unknown']);
    expect(a.text('Ana asked ben carter about the banana budget in Finance')).toBe('Participant A asked Participant B about the banana budget in Unit F');
    expect(a.unit('u1')).toBe('Unit F');
  });

  it('changes nothing but renamed units when off', () => {
    const a = anonymiser(people, units, { anonymise: false });
    expect([a.person('p1'), a.text('Ana in Finance'), a.unit('u1'), a.unit(null)]).toEqual(['Ana', 'Ana in Finance', 'Finance', null]);
  });
});

describe('branding', () => {
  it('reads the size of a PNG and a JPEG, and refuses anything else', () => {
    expect(imageSize(solidPng(240, 80, [1, 2, 3]))).toEqual({ mime: 'image/png', width: 240, height: 80 });
    // A minimal JPEG: SOI, an APP0 segment, then a baseline frame header of 48 x 32.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x30, 0x01, 0x01, 0x11, 0x00]);
    expect(imageSize(jpeg)).toEqual({ mime: 'image/jpeg', width: 48, height: 32 });
    expect(imageSize(Buffer.from('GIF89a......'))).toBeNull();
  });

  it('keeps a logo’s proportions in its box, against the box’s right edge', () => {
    expect(containRight({ width: 300, height: 100 }, 10, 1, 2, 0.5)).toEqual({ x: 10.5, y: 1, w: 1.5, h: 0.5 });
  });

  it('picks readable text and lines for any colour', () => {
    expect(textOn('#1F3A5F')).toBe('FFFFFF');
    expect(textOn('#F2E8CF')).toBe('1A202C');
    expect(contrast(`#${readableOnWhite('#FFE066')}`, '#FFFFFF')).toBeGreaterThanOrEqual(3);
    expect(readableOnWhite('#1F3A5F')).toBe('1F3A5F');
    expect(tint('#000000', 0.5)).toBe('808080');
    const scale = levelScale('#1F3A5F', '#D9822B');
    expect(scale[4]).toBe('1F3A5F');
    expect(new Set(scale).size).toBe(5);
  });
});
