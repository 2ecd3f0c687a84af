export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

export function stats(samplesMs: number[]): Stats {
  const s = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export async function sample(n: number, fn: (i: number) => unknown | Promise<unknown>, warmup = Math.min(50, n)): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return stats(out);
}

export const ms = (x: number) => `${x < 1 ? x.toFixed(3) : x.toFixed(2)} ms`;

export function row(label: string, s: Stats, extra = ''): string {
  return `${label.padEnd(52)} p50 ${ms(s.p50).padStart(10)}   p95 ${ms(s.p95).padStart(10)}   n=${s.n}${extra ? `   ${extra}` : ''}`;
}
