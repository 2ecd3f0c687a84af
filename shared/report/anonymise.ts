/**
 * Anonymising an export that leaves the client: every participant becomes "Participant A", "B", ...
 * (in the order they were added to the engagement), business units may be renamed, and where a
 * participant's or a renamed unit's name appears in free text (rationale, evidence source, action
 * owner) it is replaced by the same pseudonym.
 */
import { letters } from './format';

export interface AnonymiseOptions {
  anonymise: boolean;
  /** New names for business units, by id (used whether or not participants are anonymised). */
  businessUnitNames?: Readonly<Record<string, string>>;
}

export interface Anonymiser {
  readonly enabled: boolean;
  /** The name to show for a participant id (the id itself when unknown). */
  person(participantId: string): string;
  /** The name to show for a business unit id; null for none. */
  unit(businessUnitId: string | null): string | null;
  /** Free text with every known name replaced. */
  text(s: string): string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function anonymiser(
  participants: readonly { id: string; name: string }[],
  units: readonly { id: string; name: string }[],
  options: AnonymiseOptions,
): Anonymiser {
  const renamedUnits = new Map<string, string>();
  for (const u of units) {
    const renamed = options.businessUnitNames?.[u.id]?.trim();
    renamedUnits.set(u.id, renamed || u.name);
  }
  const people = new Map<string, string>();
  // Ids are assigned in creation order, so sorting by id keeps "Participant A" the first person added.
  const ordered = [...participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ordered.forEach((p, i) => people.set(p.id, options.anonymise ? `Participant ${letters(i)}` : p.name));

  const replacements: [RegExp, string][] = [];
  const add = (from: string, to: string) => {
    const f = from.trim();
    if (f.length < 2 || f === to) return;
    replacements.push([new RegExp(`(?<![\\p{L}\\p{N}])${escape(f)}(?![\\p{L}\\p{N}])`, 'giu'), to]);
  };
  if (options.anonymise) for (const p of participants) add(p.name, people.get(p.id)!);
  for (const u of units) add(u.name, renamedUnits.get(u.id)!);
  // Longer names first, so "Ana Lopez" is replaced before a unit or person called "Ana".
  replacements.sort((a, b) => b[0].source.length - a[0].source.length);

  return {
    enabled: options.anonymise,
    person: (id) => people.get(id) ?? id,
    unit: (id) => (id === null ? null : (renamedUnits.get(id) ?? null)),
    text: (s) => (replacements.length ? replacements.reduce((acc, [re, to]) => acc.replace(re, to), s) : s),
  };
}
