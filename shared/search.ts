/** Search snippets mark matched words between two control characters that never occur in user text. */
export const MARK_START = String.fromCharCode(2);
export const MARK_END = String.fromCharCode(3);

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');

export function stripMarks(text: string): string {
  return text.replace(MARKS, '');
}

/** Splits a snippet into plain and matched runs, for rendering matches as <mark> without HTML. */
export function splitMarked(snippet: string): { text: string; match: boolean }[] {
  const runs: { text: string; match: boolean }[] = [];
  let match = false;
  let current = '';
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      if (current) runs.push({ text: current, match });
      current = '';
      match = ch === MARK_START;
    } else current += ch;
  }
  if (current) runs.push({ text: current, match });
  return runs;
}

export function mark(text: string): string {
  return `${MARK_START}${text}${MARK_END}`;
}
