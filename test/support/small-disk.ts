/**
 * A real full disk: a small tmpfs mounted for the test, filled to the last block. Mounting needs root (or
 * CAP_SYS_ADMIN); where it is not allowed, `mountSmallDisk` answers null and the tests that need it say so.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Writes filler files until the disk refuses another byte. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
  unmount(): void;
}

export function mountSmallDisk(sizeMb: number): SmallDisk | null {
  if (process.platform !== 'linux') return null;
  const dir = mkdtempSync(join(tmpdir(), 'mw-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const fillers = () => readdirSync(dir).filter((f) => f.startsWith('filler-'));
  return {
    dir,
    fill() {
      const block = Buffer.alloc(4096, 0x2e);
      for (let n = fillers().length; ; n++) {
        const fd = openSync(join(dir, `filler-${n}`), 'w');
        try {
          for (;;) writeSync(fd, block);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
        } finally {
          closeSync(fd);
        }
        // The last blocks may take smaller writes.
        const fd2 = openSync(join(dir, `filler-${n}-tail`), 'w');
        try {
          for (;;) writeSync(fd2, Buffer.alloc(1));
        } catch {
          return;
        } finally {
          closeSync(fd2);
        }
      }
    },
    free() {
      for (const f of fillers()) rmSync(join(dir, f), { force: true });
    },
    unmount() {
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
