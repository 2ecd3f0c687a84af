/**
 * Whether a key press belongs to a field the user is typing in: an input, a textarea, a select, or editable
 * content. Single-key shortcuts (scores, `?`) and the assessment's undo leave such keys to the field.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target.isContentEditable) return true;
  // The nearest `contenteditable` attribute decides (`false` switches editing off inside an editable area).
  const editable = target.closest('[contenteditable]');
  return editable !== null && editable.getAttribute('contenteditable')?.toLowerCase() !== 'false';
}
