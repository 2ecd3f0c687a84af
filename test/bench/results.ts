/**
 * Results on a realistic portfolio (200 engagements x 8 quarterly assessments x 72 capabilities x 10
 * raters, written by the generator): one assessment's results, an engagement's trend over 8
 * assessments and the portfolio benchmark over the 200 engagements, each as the command over HTTP and
 * from the command to the painted screen in Chromium, next to the raw SELECT of the same rows (the floor).
 */
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFramework } from '../../shared/framework';
import { currentRollups } from '../../electron/core/rollups';
import { startHarness, tempDir } from '../support/engine';
import { generatePortfolio } from '../support/portfolio';
import { ms, row, sample, stats, type Stats } from './stats';

export interface ResultsBenchOptions {
  engagements?: number;
  assessments?: number;
  raters?: number;
}

const ratio = (s: Stats, floor: Stats) => `${(s.p50 / floor.p50).toFixed(1)}x floor`;

export async function resultsBench(options: ResultsBenchOptions = {}): Promise<void> {
  const spec = { engagements: options.engagements ?? 200, assessments: options.assessments ?? 8, raters: options.raters ?? 10 };
  console.log(`\n## Results on a portfolio of ${spec.engagements} engagements x ${spec.assessments} assessments x 72 capabilities x ${spec.raters} raters`);
  const dir = tempDir('mw-bench-');
  const dataDir = join(dir, 'data');

  let t0 = performance.now();
  const generated = await generatePortfolio({ dataDir, ...spec });
  const votes = generated.rows.vote ?? 0;
  console.log(`${'(setup) generator wrote the engagement files'.padEnd(52)} ${ms(performance.now() - t0)}   ${votes.toLocaleString('en')} votes`);

  t0 = performance.now();
  const h = await startHarness(dataDir, undefined, 'dist/renderer');
  await currentRollups(h.engine.library);
  const rollups = (h.engine.library.read.get<{ n: number }>('SELECT count(*) AS n FROM assessment_rollup') ?? { n: 0 }).n;
  console.log(`${'(setup) first start: index and roll up every file'.padEnd(52)} ${ms(performance.now() - t0)}   ${rollups} rollups`);

  const [first, second] = generated.engagements;
  const latest = first!.assessments[first!.assessments.length - 1]!;
  const previous = first!.assessments[first!.assessments.length - 2]!;

  // Floors: the raw SELECT of the rows each command reads, on its own connection.
  const file = new Database(join(dataDir, 'engagements', first!.file), { readonly: true });
  const byAssessment = ['rating', 'vote', 'action_item'].map((t) => file.prepare(`SELECT * FROM ${t} WHERE assessment_id = ?`));
  const links = file.prepare('SELECT l.capability_id, e.valid_until FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id WHERE l.assessment_id = ?');
  const people = file.prepare('SELECT id, name FROM participant');
  const resultsFloor = await sample(300, () => {
    for (const s of byAssessment) s.all(latest.id);
    byAssessment[0]!.all(previous.id);
    links.all(latest.id);
    people.all();
  });
  const allAssessments = file.prepare('SELECT * FROM assessment');
  const allRatings = file.prepare('SELECT * FROM rating');
  const trendFloor = await sample(300, () => {
    allAssessments.all();
    allRatings.all();
  });
  const library = new Database(join(dataDir, 'library.sqlite'), { readonly: true });
  const latestRows = library.prepare(
    `SELECT r.engagement_id, i.industry, i.region, r.rollup_json FROM assessment_rollup r JOIN engagement_index i ON i.id = r.engagement_id
     WHERE r.assessment_id = (SELECT x.assessment_id FROM assessment_rollup x WHERE x.engagement_id = r.engagement_id AND x.framework_id = ? AND x.scored > 0
       ORDER BY x.assessed_on DESC, x.assessment_id DESC LIMIT 1)`,
  );
  const portfolioFloor = await sample(300, () => latestRows.all(defaultFramework.id));
  file.close();
  library.close();

  const ref = { engagementId: first!.id, assessmentId: latest.id };
  const resultsCommand = await sample(200, () => h.call('results.assessment', ref));
  const trendCommand = await sample(200, () => h.call('results.trend', { engagementId: first!.id }));
  const portfolioCommand = await sample(200, () => h.call('results.portfolio', { engagementId: first!.id }));

  // In Chromium: from the command (the route changing) to the next painted frame with the new numbers drawn.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${h.server.url}#/`);
  await page.getByRole('heading', { name: 'Engagements' }).waitFor();
  const painted = (hashes: [string, string][], n: number) =>
    page.evaluate(
      async ({ hashes, n }) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const [hash, selector] = hashes[i % hashes.length]!;
          const t0 = performance.now();
          const drawn = new Promise<void>((resolve) => {
            const done = () => document.querySelector(selector);
            if (done()) return resolve();
            const mo = new MutationObserver(() => {
              if (done()) {
                mo.disconnect();
                resolve();
              }
            });
            mo.observe(document.body, { subtree: true, childList: true, attributes: true });
          });
          window.location.hash = hash;
          await drawn;
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          out.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 20));
        }
        return out;
      },
      { hashes, n },
    );
  const e1 = first!.id;
  const e2 = second!.id;
  const resultsPaint = stats(
    (
      await painted(
        [
          [`#/e/${e1}/a/${latest.id}/results`, `[data-results-for="${latest.id}"] svg.radar`],
          [`#/e/${e1}/a/${previous.id}/results`, `[data-results-for="${previous.id}"] svg.radar`],
        ],
        120,
      )
    ).slice(20),
  );
  const trendPaint = stats(
    (
      await painted(
        [
          [`#/e/${e1}/trend`, `[data-trend-for="${e1}"] svg.trend`],
          [`#/e/${e2}/trend`, `[data-trend-for="${e2}"] svg.trend`],
        ],
        120,
      )
    ).slice(20),
  );
  const portfolioPaint = stats(
    (
      await painted(
        [
          [`#/portfolio/${e1}`, `[data-portfolio-for="${e1}"] svg.boxplots`],
          [`#/portfolio/${e2}`, `[data-portfolio-for="${e2}"] svg.boxplots`],
        ],
        120,
      )
    ).slice(20),
  );
  await browser.close();

  console.log(row('floor: raw SELECT of one assessment’s rows', resultsFloor));
  console.log(row('results.assessment via HTTP', resultsCommand, ratio(resultsCommand, resultsFloor)));
  console.log(row('results: command to painted screen (Chromium)', resultsPaint, `${ratio(resultsPaint, resultsFloor)}; target <= 100 ms`));
  console.log(row(`floor: raw SELECT of ${spec.assessments} assessments’ ratings`, trendFloor));
  console.log(row('results.trend via HTTP', trendCommand, ratio(trendCommand, trendFloor)));
  console.log(row('trend: command to painted screen (Chromium)', trendPaint, `${ratio(trendPaint, trendFloor)}; target <= 100 ms`));
  console.log(row(`floor: raw SELECT of ${spec.engagements} latest rollups`, portfolioFloor));
  console.log(row('results.portfolio via HTTP', portfolioCommand, ratio(portfolioCommand, portfolioFloor)));
  console.log(row('portfolio: command to painted screen (Chromium)', portfolioPaint, `${ratio(portfolioPaint, portfolioFloor)}; target <= 300 ms`));

  await h.stop();
  rmSync(dir, { recursive: true, force: true });
}
