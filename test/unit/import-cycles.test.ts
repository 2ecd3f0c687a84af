/** No import circle anywhere in the project, type-only imports included. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { findCycles } from '../../scripts/import-cycles.mjs';

const find = findCycles as (root: string) => string[][];
const scratch = mkdtempSync(join(tmpdir(), 'mw-cycles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('import circles', () => {
  it('finds a circle made only of type imports, and one through an index file', () => {
    mkdirSync(join(scratch, 'a'), { recursive: true });
    writeFileSync(join(scratch, 'context.ts'), "import type { Files } from './files';\nexport interface Ctx { f: Files }\n");
    writeFileSync(join(scratch, 'files.ts'), "import type { Ctx } from './context';\nexport interface Files { c: Ctx }\n");
    writeFileSync(join(scratch, 'a', 'index.ts'), "export { b } from '../b';\n");
    writeFileSync(join(scratch, 'b.ts'), "import { x } from './a';\nexport const b = x;\n");
    writeFileSync(join(scratch, 'leaf.ts'), "// import { nothing } from './context';\nexport const leaf = 1;\n");
    expect(find(scratch)).toEqual(expect.arrayContaining([['context.ts', 'files.ts'], ['a/index.ts', 'b.ts']]));
    expect(find(scratch)).toHaveLength(2);
  });

  it('there is none in the project', () => {
    expect(find(resolve(__dirname, '../..'))).toEqual([]);
  });
});
