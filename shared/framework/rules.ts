/**
 * What makes a framework's levels defensible, as checks: no product a client must buy, no word an
 * assessor cannot measure, each named practice at one level everywhere, level 5 driven by measurement.
 * The built-in frameworks pass every check (tests); a custom framework shows the findings as warnings.
 */
import { capabilityTexts, criteriaLevelKeys, levelKeys, type Capability, type Framework, type LevelKey } from './schema';

export interface Finding {
  capabilityId: string;
  rule: 'product' | 'vague' | 'placement' | 'level5';
  message: string;
}

/** Products that may appear in level texts only with "or equivalent"; they belong in `implementations`. */
export const PRODUCT_NAMES = [
  'ServiceNow', 'PagerDuty', 'Opsgenie', 'Jira', 'Confluence', 'Airflow', 'Dagster', 'Prefect', 'Kafka', 'Spark', 'Flink',
  'Snowflake', 'Databricks', 'BigQuery', 'Redshift', 'Synapse', 'dbt', 'Great Expectations', 'Soda', 'Monte Carlo',
  'Terraform', 'Collibra', 'Alation', 'Atlan', 'DataHub', 'OpenLineage', 'Marquez', 'Purview', 'Datadog', 'Splunk',
  'Grafana', 'Prometheus', 'Tableau', 'Power BI', 'Looker', 'Okta', 'Vault', 'Fivetran', 'Debezium', 'Iceberg', 'Hudi',
  'Delta Lake', 'GitHub', 'GitLab', 'Jenkins', 'Kubernetes', 'AWS', 'Azure', 'GCP', 'Google Cloud', 'S3', 'KMS',
  'Unity Catalog', 'Lake Formation', 'Immuta', 'Privacera', 'Slack', 'Teams', 'MLflow', 'SageMaker', 'Vertex AI',
  'Schema Registry', 'Avro', 'Protobuf', 'Excel', 'SharePoint', 'Cost Explorer', 'CloudHealth', 'Apptio', 'SAP',
] as const;

const QUALIFIED = /\b(or (an? )?(equivalent|similar|comparable)|or equivalents?|such as|e\.g\.|for example)\b/i;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const productRe = new RegExp(`(?<![\\w-])(${PRODUCT_NAMES.map(escapeRe).join('|')})(?![\\w-])`, 'g');

/** Sentences of a text (a text may hold several). */
function sentences(text: string): string[] {
  // "e.g." and "i.e." do not end a sentence.
  return text.split(/(?<!\b(?:e\.g|i\.e)\.)(?<=[.;!?])\s+/).filter(Boolean);
}

/** Product names in `text` that are not qualified by "or equivalent" in the same sentence. */
export function unqualifiedProducts(text: string): string[] {
  const found: string[] = [];
  for (const s of sentences(text)) {
    const names = s.match(productRe);
    if (names && !QUALIFIED.test(s)) found.push(...names);
  }
  return [...new Set(found)];
}

const VAGUE: { re: RegExp; why: string }[] = [
  { re: /\bregularly\b/i, why: '"regularly" has no interval' },
  { re: /\bperiodically\b/i, why: '"periodically" has no interval' },
  { re: /\bfair rotation\b/i, why: '"fair rotation" is not checkable' },
  { re: /\bas needed\b/i, why: '"as needed" is not checkable' },
  { re: /\bwhere appropriate\b/i, why: '"where appropriate" is not checkable' },
];
/** "Against a target" or "threshold" must come with a value or a named owner in the same sentence. */
const TARGET = /\b(against (a|the|their|its) targets?|thresholds?)\b/i;
const MEASURABLE = /\d|\bowner\b|\bowned\b|\bsigned off\b|\bagreed (by|with)\b/i;

export function vagueWording(text: string): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    for (const v of VAGUE) if (v.re.test(s)) out.push(v.why);
    if (TARGET.test(s) && !MEASURABLE.test(s)) out.push(`"${TARGET.exec(s)![0]}" without a value or an owner`);
  }
  return out;
}

/** The texts that define a level: its descriptor, criteria and evidence. */
export function levelTexts(c: Capability, k: LevelKey): string[] {
  const l = c.levels[k];
  return [l.descriptor, ...(l.criteria ?? []).map((x) => x.text), ...(l.evidence ?? [])];
}

/** Level 5 is improvement driven by measurement, not more automation. */
const MEASUREMENT_DRIVEN = /measur|metric|trend|observed|data show|evidence from|results? of|review(ed)? of .* (data|figures)|experiment|post-incident|retrospective/i;

export function checkCapability(fw: Framework, c: Capability): Finding[] {
  const findings: Finding[] = [];
  const texts = [
    ...levelKeys.flatMap((k) => levelTexts(c, k)),
    ...(c.example ? [c.example] : []),
    ...(c.antiPatterns ?? []),
    ...(c.applicability ? [c.applicability] : []),
  ];
  for (const t of texts) {
    for (const p of unqualifiedProducts(t)) findings.push({ capabilityId: c.id, rule: 'product', message: `${p} without "or equivalent": "${t}"` });
    for (const v of vagueWording(t)) findings.push({ capabilityId: c.id, rule: 'vague', message: `${v}: "${t}"` });
  }
  for (const p of fw.practices ?? []) {
    const re = new RegExp(p.pattern, 'i');
    const first = levelKeys.find((k) => levelTexts(c, k).some((t) => re.test(t)));
    if (first && Number(first) !== p.level) {
      findings.push({ capabilityId: c.id, rule: 'placement', message: `${p.name} first appears at level ${first}; the scale places it at level ${p.level}` });
    }
  }
  if (c.levels['5'].criteria && !levelTexts(c, '5').some((t) => MEASUREMENT_DRIVEN.test(t))) {
    findings.push({ capabilityId: c.id, rule: 'level5', message: 'level 5 does not say which measurement drives the improvement' });
  }
  return findings;
}

export function checkFramework(fw: Framework): Finding[] {
  return fw.modules.flatMap((m) => m.capabilities.flatMap((c) => checkCapability(fw, c)));
}

/** Criteria of a capability from level 2 to 5, in order, with their level. */
export function criteriaOf(c: Capability): { level: number; id: string; text: string }[] {
  return criteriaLevelKeys.flatMap((k) => (c.levels[k].criteria ?? []).map((x) => ({ level: Number(k), id: x.id, text: x.text })));
}

/**
 * The level the ticked criteria support: the highest level whose criteria, and those of every level
 * below, are all ticked (1 when level 2 is not complete). Null when the capability has no criteria.
 */
export function suggestedLevel(c: Capability, ticked: ReadonlySet<string> | readonly string[]): number | null {
  if (!c.levels['2'].criteria) return null;
  const set = ticked instanceof Set ? ticked : new Set(ticked as readonly string[]);
  let level = 1;
  for (const k of criteriaLevelKeys) {
    const list = c.levels[k].criteria ?? [];
    if (list.length && list.every((x) => set.has(x.id))) level = Number(k);
    else break;
  }
  return level;
}

export { capabilityTexts };
