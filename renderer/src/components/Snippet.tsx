const OPEN = '\u0002';
const CLOSE = '\u0003';

/** Splits an engine snippet into plain and matched runs; matches are wrapped in \u0002 ... \u0003. */
export function snippetParts(text: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let run = '';
  const push = () => {
    if (run) parts.push({ text: run, match });
    run = '';
  };
  for (const ch of text) {
    if (ch === OPEN || ch === CLOSE) {
      push();
      match = ch === OPEN;
    } else run += ch;
  }
  push();
  return parts;
}

/** A search snippet with its matches in <mark>: rendered as text, never as HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
