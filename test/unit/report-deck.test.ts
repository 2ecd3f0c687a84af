/** The deck model, read without drawing a file: sections, figures, fitting, notes, anonymising, branding. */
import { describe, expect, it } from 'vitest';
import { availableSections, buildDeck } from '../../shared/report/build-deck';
import { GRID, SLIDE, slideCount, type Block, type Deck, type Slide, type Table } from '../../shared/report/deck';
import { fit, lineCapacity, lineCount, lineHeight, subSize, tableHeight, wrap } from '../../shared/report/deck-sections';
import { reportFixture } from './report-fixture';

const slides = (deck: Deck) => deck.sections.flatMap((s) => s.slides);
const blocks = <K extends Block['kind']>(slide: Slide, kind: K) => slide.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const section = (deck: Deck, id: string) => deck.sections.find((s) => s.id === id)!;

describe('the deck model', () => {
  const deck = buildDeck(reportFixture());

  it('has every section drawn from the results, in deck order, and none that needs a roadmap scenario', () => {
    expect(deck.sections.map((s) => s.id)).toEqual(['title', 'summary', 'radar', 'heatmap', 'gaps', 'modules', 'consensus', 'actions', 'evidence']);
    expect(availableSections()).not.toContain('roadmap');
    // 1 + 1 + 1 + 1 + 1 + 2 modules + 1 + 1 + 14 evidence items at 12 a slide.
    expect(slideCount(deck)).toBe(11);
  });

  it('keeps deck order whatever order the sections are asked in', () => {
    const some = buildDeck(reportFixture(), { sections: ['evidence', 'title', 'gaps'] });
    expect(some.sections.map((s) => s.id)).toEqual(['title', 'gaps', 'evidence']);
  });

  it('leads the summary with the headline numbers of the results model', () => {
    const summary = section(deck, 'summary').slides[0]!;
    const kpis = blocks(summary, 'kpis')[0]!.items;
    // Scored: 2, 3, 1 in M1 and 4 in M2 (M1.3 not applicable): current 10/4, target (4+3+3+5)/4, gaps (2+0+2+1)/4.
    expect(kpis.map((k) => [k.label, k.value])).toEqual([
      ['Maturity today', '2.5'],
      ['Target', '3.8'],
      ['Mean gap', '+1.3'],
      ['Capabilities scored', '5 of 16'],
      ['Backed by evidence', '25%'],
      ['Disagreements', '1'],
    ]);
    expect(kpis[3]!.detail).toBe('1 of them not applicable');
    const messages = blocks(summary, 'messages')[0]!.items;
    expect(messages).toHaveLength(3);
    expect(messages[0]!.headline).toBe('Maturity stands at 2.5 of 5, against a target of 3.8');
    expect(messages[0]!.detail).toBe('Strongest in M2 Scalable Data Ingestion and Pipeline Orchestration (4.0); weakest in M1 Strategic Alignment of Data Infrastructure with Business Objectives (2.0).');
    expect(messages[1]!.headline).toBe('2 capabilities sit two or more levels below target');
    // Trend: M1.1 1 and M2.1 3 in 2026 Q2 (mean 2.0), the four scores of 2026 Q4 (2.5).
    expect(messages[2]!.headline).toBe('Up 0.5 since 2026 Q2: from 2.0 to 2.5');
  });

  it('draws the radar as a native chart of every module: current, target and previous, nothing where a module has no data', () => {
    const chart = blocks(section(deck, 'radar').slides[0]!, 'chart')[0]!.chart;
    expect(chart.type).toBe('radar');
    expect(chart.categories).toHaveLength(9);
    expect(chart.categories[0]).toBe('M1 Strategic Alignment');
    expect(chart.series.map((s) => s.name)).toEqual(['Current (2026 Q4)', 'Target (2026 Q4)', 'Previous (2026 Q2)']);
    expect(chart.series[0]!.values).toEqual([2, 4, null, null, null, null, null, null, null]);
    expect(chart.series[1]!.values[0]).toBeCloseTo(10 / 3, 12);
    expect(chart.series[2]!.values.slice(0, 3)).toEqual([1, 3, null]);
    expect(chart.axis).toMatchObject({ min: 1, max: 5, step: 1 });
  });

  it('colours the heat map by level: scored cells by their level, N/A grey, unscored blank', () => {
    const t = blocks(section(deck, 'heatmap').slides[0]!, 'table')[0]!.table;
    expect(t.rows).toHaveLength(2);
    const [m1] = t.rows;
    expect(m1![1]).toMatchObject({ text: '2', fill: deck.theme.levels[1], color: deck.theme.levelText[1] });
    expect(m1![1]!.sub).toBe('Pipeline SLAs');
    expect(m1![3]).toMatchObject({ text: 'N/A', fill: deck.theme.notApplicable });
    expect(m1![5]!.text).toBe('–');
    expect(m1![5]!.fill).toBeUndefined();
  });

  it('ranks the gaps by the rule and draws them as stacked bars: current level and gap to target', () => {
    const slide = section(deck, 'gaps').slides[0]!;
    const chart = blocks(slide, 'chart')[0]!.chart;
    // M1.1: 2 × priority 5 × high 1.0 = 10; M1.4: 2 × 3 (default) × low 0.6 = 3.6; M2.1: 1 × 2 × medium 0.8 = 1.6.
    expect(chart).toMatchObject({ type: 'bar', horizontal: true, stacked: true });
    expect(chart.categories).toEqual(['M1.1 Pipeline SLAs', 'M1.4 Lineage-backed investment case', 'M2.1 Kafka partitioning and replication']);
    expect(chart.series.map((s) => s.values)).toEqual([
      [2, 1, 4],
      [2, 2, 1],
    ]);
    const rows = blocks(slide, 'table')[0]!.table.rows;
    expect(rows.map((r) => [r[2]!.text, r[3]!.text, r[5]!.text])).toEqual([
      ['2 → 4', '5', '10.0'],
      ['1 → 3', '3*', '3.6'],
      ['4 → 5', '2', '1.6'],
    ]);
    expect(slide.footnote).toContain('* priority not set.');
  });

  it('has a slide per module in scope with its capabilities and their key evidence', () => {
    const modules = section(deck, 'modules').slides;
    expect(modules.map((s) => s.kicker)).toEqual(['Module M1', 'Module M2']);
    const rows = blocks(modules[0]!, 'table')[0]!.table.rows;
    expect(rows).toHaveLength(8);
    expect(rows[0]!.map((c) => c.text).slice(0, 6)).toEqual(['M1.1', 'Pipeline SLAs', '2', '4', '+2', 'high']);
    // The two freshest items first (Evidence 01 is stale), then how many more and how many are stale.
    expect(rows[0]![6]!.text).toMatch(/^Evidence 02: interview with Ana Lopez; Evidence 03: interview with/);
    expect(rows[0]![6]!.sub).toBe('+12 more; 1 of 14 stale');
    expect(rows[2]![2]!.text).toBe('N/A');
    expect(modules[0]!.lead).toBe('2.0 today against a target of 3.3: 2 capabilities are below target; evidence backs 33% of the scores.');
  });

  it('names the people two levels from the median where the room disagreed', () => {
    const slide = section(deck, 'consensus').slides[0]!;
    const row = blocks(slide, 'table')[0]!.table.rows[0]!;
    // M1.1: votes 1, 2, 4: median 2, range 1-4; Chloe (Finance) is two levels out.
    expect(row.map((c) => c.text)).toEqual(['M1.1 Pipeline SLAs', '3', '1 – 4', '2', '2', 'Chloe Martin (Finance)']);
  });

  it('splits the evidence register across slides, twelve items a slide, stale dates flagged', () => {
    const ev = section(deck, 'evidence').slides;
    expect(ev.map((s) => s.title)).toEqual(['Evidence register (1 of 2)', 'Evidence register (2 of 2)']);
    expect(ev.map((s) => blocks(s, 'table')[0]!.table.rows.length)).toEqual([12, 2]);
    const first = blocks(ev[0]!, 'table')[0]!.table.rows[0]!;
    expect(first[4]).toMatchObject({ text: '1 Oct 2026', color: deck.theme.warning, bold: true });
  });

  it('flags overdue actions', () => {
    const rows = blocks(section(deck, 'actions').slides[0]!, 'table')[0]!.table.rows;
    expect(rows.map((r) => [r[0]!.text, r[3]!.text, r[4]!.text])).toEqual([
      ['M1.1 Pipeline SLAs', '1 Nov 2026', 'Open'],
      ['M2.1 Kafka partitioning and replication', '–', 'Done'],
    ]);
    expect(rows[0]![3]!.color).toBe(deck.theme.warning);
    expect(rows[1]![2]!.text).toBe('Unassigned');
  });

  it('has speaker notes on every slide', () => {
    for (const s of slides(deck)) expect(s.notes.join(' ').length, s.title).toBeGreaterThan(30);
    const notes = section(deck, 'gaps').slides[0]!.notes.join('\n');
    expect(notes).toContain('2. M1.4 Lineage-backed investment case: gap 2 × priority 3 (default) × confidence 0.6 × weight 1 = 3.60.');
  });
});

describe('nothing runs over a slide', () => {
  const long = 'An unusually long evidence title that a consultant pasted from a document management system, with its full path and revision history '.repeat(3);
  const input = reportFixture();
  input.evidence = input.evidence.map((e) => ({ ...e, title: long, source: long }));
  input.actions = input.actions.map((a) => ({ ...a, text: long, owner: long }));
  const deck = buildDeck(input);

  const tables = slides(deck).flatMap((s) => blocks(s, 'table').map((b) => ({ slide: s.title, box: b.box, table: b.table })));

  it('keeps every table inside its box and every box inside the body of the slide', () => {
    for (const { slide, box, table } of tables) {
      expect(tableHeight(table), slide).toBeLessThanOrEqual(box.h + 0.35);
      expect(box.y + tableHeight(table), slide).toBeLessThanOrEqual(SLIDE.h - 0.6);
      expect(box.x + table.columns.reduce((a, c) => a + c.width, 0), slide).toBeLessThanOrEqual(SLIDE.w - GRID.right + 0.01);
    }
  });

  it('cuts each cell to the lines its column holds, and sizes each row for them', () => {
    for (const { slide, table } of tables) {
      table.rows.forEach((row, r) => {
        let needed = 0;
        row.forEach((cell, i) => {
          const w = table.columns[i]!.width;
          const lines = lineCount(cell.text, w, table.fontSize, !!cell.bold) * lineHeight(table.fontSize) + (cell.sub ? lineCount(cell.sub, w, subSize(table.fontSize)) * lineHeight(subSize(table.fontSize)) : 0);
          needed = Math.max(needed, lines);
          expect(lineCount(cell.text, w, table.fontSize, !!cell.bold), `${slide}: ${cell.text}`).toBeLessThanOrEqual(2);
        });
        expect((table as Table).rowHeights[r]!, slide).toBeGreaterThanOrEqual(needed);
      });
    }
    const register = tables.find((t) => t.slide.startsWith('Evidence register'))!;
    expect(register.table.rows[0]![0]!.text.endsWith('…')).toBe(true);
  });

  it('fits text by words, and cuts a word only when it alone is longer than a line', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    const cut = fit('The quick brown fox jumps over the lazy dog near the river bank', 1.2, 10, 2);
    expect(cut.endsWith('…')).toBe(true);
    expect(lineCount(cut, 1.2, 10)).toBeLessThanOrEqual(2);
    expect(fit('Short enough', 3, 10)).toBe('Short enough');
  });

  it('counts the lines a text takes as wrapping it does, whatever its spaces', () => {
    const words = ['a', 'lineage', 'of', 'supercalifragilisticexpialidocious', 'KPI', 'data-quality', ''];
    const spaces = [' ', '  ', '\t', '\n', '\u00a0', ' \u2003 '];
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: 1 + (k % 13) }, (_, i) => words[(k * 7 + i * 3) % words.length]! + spaces[(k + i) % spaces.length]!).join('');
      for (const width of [0.6, 1.1, 2.4]) {
        const per = lineCapacity(width, 10);
        expect(lineCount(text, width, 10), JSON.stringify([text, width])).toBe(Math.max(1, wrap(text, per).length));
      }
    }
  });

  it('sets a title that is too long for its line in a smaller size, then cuts it', () => {
    const modules = buildDeck(reportFixture(), { sections: ['modules'] }).sections[0]!.slides;
    expect(modules[0]!.title).toBe('Strategic Alignment of Data Infrastructure with Business Objectives');
    expect(modules[0]!.titleSize).toBe(19);
    expect(modules[1]!.titleSize).toBeUndefined();
  });
});

describe('anonymising and branding', () => {
  it('names nobody anywhere in the deck, notes and free text included', () => {
    const deck = buildDeck(reportFixture(), { anonymise: true, businessUnitNames: { u000000002: 'Unit B' } });
    const text = JSON.stringify(deck);
    for (const name of ['Ana Lopez', 'Ben Carter', 'Chloe Martin', 'Finance']) expect(text, name).not.toContain(name);
    const row = blocks(section(deck, 'consensus').slides[0]!, 'table')[0]!.table.rows[0]!;
    expect(row[5]!.text).toBe('Participant C (Unit B)');
    const actions = blocks(section(deck, 'actions').slides[0]!, 'table')[0]!.table.rows[0]!;
    expect(actions[1]!.text).toBe('Agree SLAs with Participant B for the forecasting feeds');
    expect(actions[2]!.text).toBe('Participant A');
  });

  it('draws in the engagement’s colours, with its logo and footer', () => {
    const deck = buildDeck(
      reportFixture({ branding: { primaryColor: '#0B6E4F', accentColor: '#F2A541', footer: 'Board only', logo: { mime: 'image/png', dataBase64: 'AAAA', width: 300, height: 100 } } }),
    );
    expect(deck.theme).toMatchObject({ primary: '0B6E4F', accent: 'F2A541', header: '0B6E4F', headerText: 'FFFFFF' });
    expect(deck.theme.levels[4]).toBe('0B6E4F');
    expect(deck.footer).toBe('Board only');
    expect(deck.logo).toEqual({ dataUrl: 'image/png;base64,AAAA', width: 300, height: 100 });
    expect(buildDeck(reportFixture()).footer).toBe('Confidential: prepared for Acme Bank');
  });
});

describe('an assessment with nothing scored yet', () => {
  const base = reportFixture();
  const deck = buildDeck(reportFixture({ results: { ...base.results, ratings: {}, votes: [], evidence: {}, previous: null }, votes: [], evidence: [], history: [] }));

  it('says so instead of drawing zeros', () => {
    const summary = blocks(section(deck, 'summary').slides[0]!, 'messages')[0]!.items;
    expect(summary[0]).toEqual({ headline: 'Nothing is scored yet', detail: 'Nothing scored yet: 0 of 16 scored' });
    expect(section(deck, 'gaps').slides[0]!.title).toBe('No capability is below its target');
    expect(section(deck, 'consensus').slides[0]!.title).toBe('No votes were recorded for this assessment');
    expect(section(deck, 'evidence').slides[0]!.title).toBe('Evidence register: nothing linked yet');
    const radar = blocks(section(deck, 'radar').slides[0]!, 'chart')[0]!.chart;
    expect(radar.series.map((s) => s.values.every((v) => v === null))).toEqual([true, true]);
  });
});
