/**
 * A full disk (item 6): opening needs no write, a failed write or create says what failed and how much
 * room is left, and nothing is left half written. Runs on a real full filesystem (a small tmpfs).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentRollups } from '../../electron/core/rollups';
import { startHarness, type Harness } from '../support/engine';
import { integrityCheck } from '../support/files';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';

let disk: SmallDisk | null = null;
let h: Harness | null = null;
beforeEach(() => {
  disk = mountSmallDisk(6);
});
afterEach(async () => {
  if (h) {
    await h.server.close();
    h.engine.close();
    h = null;
  }
  disk?.unmount();
});

const needsMount = 'mounting a small tmpfs needs root (or CAP_SYS_ADMIN)';

async function engagementOnFullDisk(ctx: { skip: (note?: string) => void }) {
  if (!disk) return ctx.skip(needsMount);
  h = await startHarness(join(disk.dir, 'data'));
  const e = await h.call('engagement.create', { client: 'Acme Retail' });
  await h.call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
  // Closed whole, so nothing of it is held open with room to spare.
  await h.restart();
  disk.fill();
  return { h, disk, e };
}

describe('a full disk', () => {
  it('still opens and reads an engagement', async (ctx) => {
    const setup = await engagementOnFullDisk(ctx);
    if (!setup) return;
    const opened = await setup.h.raw('engagement.open', { engagementId: setup.e.id });
    expect(opened.status).toBe(200);
    expect(opened.body.result.businessUnits.map((u: { name: string }) => u.name)).toEqual(['Finance']);
    expect((await setup.h.raw('engagement.list', {})).status).toBe(200);
  });

  it('refuses a write with disk_full naming what failed and the space left, and writes nothing', async (ctx) => {
    const setup = await engagementOnFullDisk(ctx);
    if (!setup) return;
    const { status, body } = await setup.h.raw('businessUnit.add', { engagementId: setup.e.id, name: 'Operations' });
    expect(status).toBe(507);
    expect(body.error.code).toBe('disk_full');
    expect(body.error.message).toContain('businessUnit.add');
    expect(body.error.message).toMatch(/\((\d+ bytes|\d+ KB) left\)/);
    expect(body.error.details).toMatchObject({ freeBytes: expect.any(Number) });
    expect(body.error.details.freeBytes).toBeLessThan(64 * 1024);
    setup.disk.free();
    expect((await setup.h.call('engagement.get', { engagementId: setup.e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance']);
    await setup.h.call('businessUnit.add', { engagementId: setup.e.id, name: 'Operations' });
    await setup.h.restart();
    expect((await setup.h.call('engagement.get', { engagementId: setup.e.id })).businessUnits.map((u) => u.name)).toEqual(['Finance', 'Operations']);
  });

  it('fails a create with disk_full and leaves no file behind', async (ctx) => {
    const setup = await engagementOnFullDisk(ctx);
    if (!setup) return;
    const dir = join(setup.h.dataDir, 'engagements');
    // The portfolio rollups open the existing file in the background after a start: let that happen first.
    await currentRollups(setup.h.engine.library);
    const before = readdirSync(dir);
    const { status, body } = await setup.h.raw('engagement.create', { client: 'Globex' });
    expect(status).toBe(507);
    expect(body.error.code).toBe('disk_full');
    expect(body.error.message).toMatch(/left\)/);
    expect(readdirSync(dir)).toEqual(before);
    expect((await setup.h.call('engagement.list', {})).map((x) => x.client)).toEqual(['Acme Retail']);
    setup.disk.free();
    await setup.h.call('engagement.create', { client: 'Globex' });
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.mwb'))) expect(integrityCheck(join(dir, f))).toBe('ok');
  });
});
