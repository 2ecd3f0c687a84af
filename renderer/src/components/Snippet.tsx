import { splitMarked } from '../../../shared/search';

/** A search snippet with its matches in <mark>: rendered as text, never as HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <>
      {splitMarked(text).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
