/**
 * Writes a realistic portfolio of engagement files straight into a data folder, deterministically from
 * a seed: module profiles per industry, a maturity offset per client, quarterly improvement with noise,
 * raters' votes scattered around the agreed level, evidence (some of it stale), action items, a few
 * not-applicable capabilities and a latest assessment still in progress at some clients. Each file is
 * created with the engine's own migrations and written in one transaction. The library index is not
 * written: the engine finds the files at start-up, as it does any file copied into the folder.
 *
 * Used small by the tests and at full size (200 engagements x 8 quarters x 72 capabilities x 10 raters)
 * by the bench; `node scripts/portfolio-generator.mjs` runs it from the command line.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { engagementMigrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/sqlite';
import { defaultFramework } from '../../shared/framework';
import { seededRandom } from './random';

export interface PortfolioSpec {
  dataDir: string;
  engagements: number;
  /** Quarterly assessments per engagement, the last one in the quarter of `endDate`. */
  assessments: number;
  /** Participants per engagement, each voting on every scored capability. */
  raters: number;
  seed?: number;
  /** Date of the latest assessment, YYYY-MM-DD (default 2026-11-20). */
  endDate?: string;
}

export interface GeneratedEngagement {
  id: string;
  client: string;
  industry: string;
  region: string;
  file: string;
  assessments: { id: string; label: string; date: string }[];
}

export interface GeneratedPortfolio {
  engagements: GeneratedEngagement[];
  /** Rows written, by table. */
  rows: Record<string, number>;
}

/** Mean agreed level per module (M1 … M9) by industry: where each kind of client tends to be strong. */
export const INDUSTRY_PROFILES: Record<string, readonly number[]> = {
  Banking: [3.0, 2.8, 3.0, 2.6, 3.4, 2.6, 2.8, 3.2, 2.4],
  Insurance: [2.8, 2.5, 2.8, 2.4, 3.2, 2.4, 2.6, 3.0, 2.3],
  Retail: [2.6, 2.8, 2.4, 2.8, 2.2, 2.6, 2.2, 2.4, 2.6],
  Utilities: [2.2, 2.4, 2.6, 2.0, 2.8, 2.2, 2.0, 2.9, 2.0],
  Manufacturing: [2.3, 2.6, 2.5, 2.2, 2.3, 2.4, 2.0, 2.5, 2.1],
  Healthcare: [2.4, 2.2, 2.6, 2.1, 3.1, 2.0, 2.3, 2.7, 2.2],
  Telecom: [2.9, 3.2, 2.8, 3.0, 2.7, 3.0, 2.6, 2.9, 2.7],
  'Public sector': [2.0, 2.1, 2.3, 1.8, 2.9, 1.9, 2.2, 2.4, 1.9],
};
const INDUSTRY_SUFFIX: Record<string, string> = {
  Banking: 'Bank',
  Insurance: 'Insurance',
  Retail: 'Retail',
  Utilities: 'Energy',
  Manufacturing: 'Industries',
  Healthcare: 'Health',
  Telecom: 'Telecom',
  'Public sector': 'Authority',
};
const REGIONS: readonly [string, string][] = [
  ['Nordics', 'SEK'],
  ['UK & Ireland', 'GBP'],
  ['DACH', 'EUR'],
  ['Benelux', 'EUR'],
  ['France', 'EUR'],
  ['Iberia', 'EUR'],
  ['North America', 'USD'],
];
const NAMES = [
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip', 'Woodgrove', 'Alpine', 'Blue Yonder',
  'Coho', 'Fourth Coffee', 'Lucerne', 'Relecloud', 'Trey', 'Wide World', 'Humongous', 'Southridge', 'VanArsdel', 'Bellows', 'Lamna',
  'Consolidated', 'Liberty', 'Fineline', 'Oakdale', 'Kestrel', 'Harbour', 'Granite', 'Meridian', 'Silverline', 'Evergreen',
];
const FIRST = ['Ingrid', 'Tomas', 'Aisha', 'Marco', 'Lena', 'Pieter', 'Sofia', 'James', 'Chen', 'Amara', 'Jonas', 'Priya', 'Hugo', 'Elif', 'Mateo', 'Nora'];
const LAST = ['Berg', 'Lind', 'Karim', 'Rossi', 'Vogel', 'de Vries', 'García', 'Walsh', 'Wei', 'Okafor', 'Nilsson', 'Shah', 'Martin', 'Demir', 'Silva', 'Keller'];
const ROLES = ['CFO', 'Head of Data Platform', 'Data Engineer', 'Data Steward', 'Analytics Lead', 'Security Officer', 'Product Owner', 'Enterprise Architect', 'BI Developer', 'Domain Lead'];
const EVIDENCE_KINDS = ['document', 'interview_note', 'link', 'screenshot', 'metric', 'system_config'] as const;
const ACTIONS = [
  'Write down the owner and review cadence',
  'Automate the check in the deployment pipeline',
  'Agree the service level with the business owner',
  'Run a drill and record the recovery time',
  'Publish the standard on the data portal',
  'Measure the baseline for the next quarter',
];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function quarterDates(endDate: string, n: number): { label: string; date: string }[] {
  const end = new Date(`${endDate}T12:00:00Z`);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(end);
    d.setUTCMonth(end.getUTCMonth() - 3 * (n - 1 - i));
    return { label: `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`, date: isoDate(d) };
  });
}

export async function generatePortfolio(spec: PortfolioSpec): Promise<GeneratedPortfolio> {
  const rnd = seededRandom(spec.seed ?? 20261120);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  let idSeq = 0;
  // Time-ordered like the engine's ids: a sequence number first, then randomness.
  const newId = () => (++idSeq).toString(16).padStart(12, '0') + hex(20);

  const dir = join(spec.dataDir, 'engagements');
  mkdirSync(dir, { recursive: true });
  const modules = defaultFramework.modules;
  const industries = Object.keys(INDUSTRY_PROFILES);
  const quarters = quarterDates(spec.endDate ?? '2026-11-20', spec.assessments);
  const rows: Record<string, number> = {};
  const count = (table: string, n = 1) => (rows[table] = (rows[table] ?? 0) + n);
  const used = new Set<string>();
  const out: GeneratedEngagement[] = [];

  for (let e = 0; e < spec.engagements; e++) {
    const industry = industries[e % industries.length]!;
    const [region, currency] = pick(REGIONS);
    let client = `${NAMES[Math.floor(e / industries.length) % NAMES.length]} ${INDUSTRY_SUFFIX[industry]}`;
    for (let k = 2; used.has(client); k++) client = `${NAMES[Math.floor(e / industries.length) % NAMES.length]} ${INDUSTRY_SUFFIX[industry]} ${k}`;
    used.add(client);
    const id = newId();
    const file = `${slug(client)}-${id.slice(-8)}.mwb`;
    const created = `${quarters[0]!.date}T08:00:00.000Z`;

    const { db } = await openDatabase(join(dir, file), {
      kind: 'engagement',
      migrations: engagementMigrations,
      backupDir: join(spec.dataDir, 'backups'),
      now: () => new Date(created),
      create: true,
    });
    const ins = (sql: string) => db.prepare(sql);
    const engagement = ins('INSERT INTO engagement (id, client, industry, region, currency, fy_start_month, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const unit = ins('INSERT INTO business_unit (id, name, created_at) VALUES (?, ?, ?)');
    const person = ins('INSERT INTO participant (id, name, role, business_unit_id, created_at) VALUES (?, ?, ?, ?, ?)');
    const assessment = ins(
      'INSERT INTO assessment (id, label, assessed_on, framework_id, framework_version, scope_json, previous_assessment_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const rating = ins(
      `INSERT INTO rating (assessment_id, capability_id, current_level, target_level, not_applicable, confidence, priority, rationale, owner, carried_over, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const vote = ins('INSERT INTO vote (assessment_id, capability_id, participant_id, current_level, target_level, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const evidence = ins(
      `INSERT INTO evidence (id, title, kind, source, collected_on, valid_until, sensitivity, description, url, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'internal', '', ?, ?, ?)`,
    );
    const link = ins('INSERT OR IGNORE INTO evidence_link (evidence_id, assessment_id, capability_id, created_at) VALUES (?, ?, ?, ?)');
    const action = ins(
      'INSERT INTO action_item (id, assessment_id, capability_id, text, owner, due_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );

    const profile = INDUSTRY_PROFILES[industry]!;
    const offset = normal() * 0.45;
    const growth = 0.04 + rnd() * 0.1;
    const capNoise = new Map(modules.flatMap((m) => m.capabilities.map((c) => [c.id, normal() * 0.5] as const)));
    // Where the client wants each capability to be: one to two levels above today, rarely at 5 across the board.
    const aim = new Map(modules.flatMap((m, mi) => m.capabilities.map((c) => [c.id, clamp(Math.round(profile[mi]! + offset + capNoise.get(c.id)! + 1.2 + rnd() * 0.9), 2, 5)] as const)));
    const notApplicable = new Set(modules.flatMap((m) => m.capabilities.filter(() => rnd() < 0.03).map((c) => c.id)));
    const inProgress = rnd() < 0.15;
    const generated: GeneratedEngagement = { id, client, industry, region, file, assessments: [] };

    db.transaction(() => {
      engagement.run(id, client, industry, region, currency, 1 + Math.floor(rnd() * 12), created, created);
      count('engagement');
      const units = ['Finance', 'Operations', 'Technology'].map((name) => {
        const uid = newId();
        unit.run(uid, name, created);
        return uid;
      });
      count('business_unit', units.length);
      const people = Array.from({ length: spec.raters }, (_, i) => {
        const pid = newId();
        const name = `${FIRST[(e + i) % FIRST.length]} ${LAST[(e * 3 + i * 7) % LAST.length]}`;
        person.run(pid, name, ROLES[i % ROLES.length]!, units[i % units.length]!, created);
        return { id: pid, name };
      });
      count('participant', people.length);
      const items = Array.from({ length: 12 + Math.floor(rnd() * 24) }, (_, i) => {
        const eid = newId();
        const kind = pick(EVIDENCE_KINDS);
        const collected = quarters[Math.floor(rnd() * quarters.length)]!.date;
        // Two in five expire within a year of collection: the older ones are stale today.
        const valid = rnd() < 0.4 ? isoDate(new Date(new Date(`${collected}T00:00:00Z`).getTime() + (120 + rnd() * 240) * 86_400_000)) : null;
        evidence.run(eid, `${kind.replace('_', ' ')} ${i + 1}`, kind, pick(['Platform team', 'Finance', 'Security', 'Data office']), collected, valid, kind === 'link' ? 'https://intranet.example/doc' : null, created, created);
        return eid;
      });
      count('evidence', items.length);

      let previous: string | null = null;
      quarters.forEach((q, qi) => {
        const aid = newId();
        const at = `${q.date}T09:00:00.000Z`;
        assessment.run(aid, q.label, q.date, defaultFramework.id, defaultFramework.version, JSON.stringify(modules.map((m) => m.id)), previous, at);
        count('assessment');
        generated.assessments.push({ id: aid, label: q.label, date: q.date });
        const latest = qi === quarters.length - 1;
        const gaps: { capabilityId: string; gap: number }[] = [];
        modules.forEach((m, mi) => {
          for (const c of m.capabilities) {
            if (latest && inProgress && rnd() < 0.4) continue; // not scored yet
            if (notApplicable.has(c.id)) {
              rating.run(aid, c.id, null, null, 1, null, null, '', '', 0, at);
              count('rating');
              continue;
            }
            const level = clamp(Math.round(profile[mi]! + offset + capNoise.get(c.id)! + growth * qi + normal() * 0.3), 1, 5);
            const target = Math.max(level, aim.get(c.id)!);
            const confidence = rnd() < 0.4 ? 'high' : rnd() < 0.67 ? 'medium' : 'low';
            const carried = latest && rnd() < 0.05 ? 1 : 0;
            const rationale = rnd() < 0.1 ? `Level ${level}: ${pick(ACTIONS).toLowerCase()} is still open.` : '';
            rating.run(aid, c.id, level, target, 0, confidence, 1 + Math.floor(rnd() * 5), rationale, pick(people).name, carried, at);
            count('rating');
            for (const p of people) {
              vote.run(aid, c.id, p.id, clamp(Math.round(level + normal() * 0.55), 1, 5), clamp(Math.round(target + normal() * 0.4), 1, 5), at);
            }
            count('vote', people.length);
            if (target > level) gaps.push({ capabilityId: c.id, gap: target - level });
          }
        });
        // Evidence: each item backs one to three capabilities in each of the recent assessments.
        for (const eid of items) {
          if (rnd() < 0.5 && qi < quarters.length - 3) continue;
          for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
            const m = pick(modules);
            count('evidence_link', link.run(eid, aid, pick(m.capabilities).id, at).changes);
          }
        }
        // Actions on the largest gaps; older quarters' actions are mostly done.
        gaps.sort((a, b) => b.gap - a.gap);
        for (const g of gaps.slice(0, 6 + Math.floor(rnd() * 6))) {
          const status = qi < quarters.length - 2 ? (rnd() < 0.85 ? 'done' : 'in_progress') : pick(['open', 'open', 'in_progress', 'done'] as const);
          const due = isoDate(new Date(new Date(`${q.date}T00:00:00Z`).getTime() + 90 * 86_400_000));
          action.run(newId(), aid, g.capabilityId, pick(ACTIONS), rnd() < 0.15 ? '' : pick(people).name, due, status, at, at);
          count('action_item');
        }
        previous = aid;
      });
    })();
    db.close();
    out.push(generated);
  }
  return { engagements: out, rows };
}
