import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * Time-ordered random id (UUIDv7-like, 32 lower-case hex characters): 48 bits of milliseconds,
 * a 16-bit counter that keeps ids made in the same millisecond in order, then 64 random bits.
 * Ids sort by creation time and files from two laptops can be merged without collisions.
 */
export function newId(nowMs: number = Date.now()): string {
  if (nowMs <= lastMs) {
    counter = (counter + 1) & 0xffff;
    if (counter === 0) lastMs += 1;
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    counter = randomBytes(1)[0]! & 0x7f;
  }
  return (
    nowMs.toString(16).padStart(12, '0').slice(-12) +
    counter.toString(16).padStart(4, '0') +
    randomBytes(8).toString('hex')
  );
}
