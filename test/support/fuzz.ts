/**
 * A seeded generator of command inputs, driven by the contract's zod schemas: it walks a schema and makes a
 * value that mostly fits (so handlers run, not only validation) and sometimes does not (a wrong type, a
 * missing or unknown field, a value just out of range). Leaves are drawn from a pool of interesting
 * values, and the schema itself says which of them fit. Deterministic for a seed.
 */
import type { z } from 'zod';
import { seededRandom } from './random';

export type Random = () => number;

/** The project's seeded generator, typed for the fuzzer. */
export function seeded(seed: number): Random {
  return seededRandom(seed);
}

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Strings that have broken parsers before: empty, blank, long, control characters, markup, paths, SQL, scripts. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '   \t\n ',
  'x',
  'a'.repeat(121),
  'a'.repeat(20_001),
  '\u0000',
  'nul\u0000inside',
  '\u202Eevil',
  '😀 émoji ünïcødé 漢字',
  '\uD800',
  "Robert'); DROP TABLE engagement;--",
  '%ZZ',
  '../../../etc/passwd',
  '..\\..\\library.sqlite',
  '<script>alert(1)</script>',
  '{"__proto__":{"polluted":true}}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  'M0.0',
  'M99.99',
  'M',
  'EUR',
  'eur',
  'euro',
  'https://example.com/report?id=1',
  'javascript:alert(1)',
  'file:///etc/passwd',
];

const FORMAT_STRINGS = [
  '2026-11-20',
  '2024-02-29',
  '2025-02-29',
  'M1',
  'M3',
  'M9',
  'M12',
  'M1.1',
  'M2.6',
  'M9.8',
  'USD',
  'GBP',
  'open',
  'in_progress',
  'done',
  'low',
  'medium',
  'high',
  'document',
  'link',
  'internal',
  'restricted',
  'Finance',
  'Dana Ito',
  'Q4 review',
  'evidence.txt',
  'acme-12345678.mwb',
  'acme-12345678 (1).mwb',
  '20261120T090000000Z-daily.mwb',
  '20261120T090000000Z-migration-v20.mwb',
  'aGVsbG8gd29ybGQ=',
  'not base64!',
];

const NUMBERS = [-1, 0, 1, 2, 3, 4, 5, 6, 10, 12, 13, 50, 200, 201, 500, 1000, 1001, 2048, 2049, 1440, 1441, 1.5, -0.5, 1e12, Number.MAX_SAFE_INTEGER];

const OTHER_VALUES: unknown[] = [null, true, false, 0, '', [], {}, [1, 2], { a: 1 }, 'text', 42];

export interface Pools {
  /** Ids that exist (so a command reaches its handler's real work) and some that do not. */
  ids: string[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Candidates the schema accepts, from a pool; the schema is the judge of what fits. */
function fitting(schema: z.ZodType, pool: readonly unknown[]): unknown[] {
  return pool.filter((v) => schema.safeParse(v).success);
}

export class InputGenerator {
  constructor(
    private readonly r: Random,
    private readonly pools: Pools,
  ) {}

  /** A value for `schema`; `fit` is the chance that each part is made to fit. */
  value(schema: z.ZodType, key = '', fit = 0.9, depth = 0): unknown {
    const r = this.r;
    const def = defOf(schema);
    if (r() > fit && depth > 0) return pick(r, OTHER_VALUES);
    switch (def.type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, field] of Object.entries(def.shape ?? {})) {
          const kind = defOf(field).type;
          const optional = kind === 'optional' || kind === 'default';
          if (optional && r() < 0.5) continue;
          if (!optional && r() < (1 - fit) / 3) continue; // a required field left out
          out[k] = this.value(field, k, fit, depth + 1);
        }
        if (r() < (1 - fit) / 3) out[pick(r, ['colour', '__proto__', 'constructor', 'extra'])] = 'unexpected';
        return out;
      }
      case 'optional':
      case 'default':
        return this.value(def.innerType!, key, fit, depth);
      case 'nullable':
        return r() < 0.2 ? null : this.value(def.innerType!, key, fit, depth);
      case 'pipe':
        return this.value(def.in!, key, fit, depth);
      case 'union':
        return this.value(pick(r, def.options!), key, fit, depth);
      case 'array': {
        const n = r() < 0.05 ? 501 : Math.floor(r() * 4);
        return Array.from({ length: n }, () => this.value(def.element!, key, fit, depth + 1));
      }
      case 'enum': {
        const options = Object.values(def.entries ?? {});
        return r() < fit ? pick(r, options) : pick(r, ['', 'other', options[0]!.toUpperCase()]);
      }
      case 'literal':
        return r() < fit ? pick(r, def.values!) : pick(r, OTHER_VALUES);
      case 'boolean':
        return r() < 0.5;
      case 'null':
        return null;
      case 'number': {
        const ok = fitting(schema, NUMBERS);
        return r() < fit && ok.length ? pick(r, ok) : pick(r, NUMBERS);
      }
      case 'string': {
        const idLike = /id$/i.test(key);
        const pool = idLike ? [...this.pools.ids, ...FORMAT_STRINGS] : [...FORMAT_STRINGS, ...HOSTILE_STRINGS, `${key} ${Math.floor(r() * 1e6)}`];
        const ok = fitting(schema, pool);
        return r() < fit && ok.length ? pick(r, ok) : pick(r, [...pool, ...HOSTILE_STRINGS]);
      }
      default:
        return pick(r, OTHER_VALUES);
    }
  }
}
