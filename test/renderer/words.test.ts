/** Errors and dates in a person's words: what the contract refuses said per field, and each region's way of writing a date. */
import { describe, expect, it } from 'vitest';
import { api, describeIssues } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import { fieldOf, formError, personMessage } from '../../renderer/src/errors';
import { localeOfRegion } from '../../renderer/src/format';

/** The error the engine answers for input its contract refuses, built the way the registry builds it. */
function refused(command: 'engagement.create' | 'evidence.add', input: unknown): ApiError {
  const parsed = api[command].input.safeParse(input);
  if (parsed.success) throw new Error('expected the contract to refuse this input');
  const { message, fields } = describeIssues(parsed.error.issues);
  return new ApiError('invalid_input', `${command}: ${message}`, { command, fields });
}

describe('errors in plain words', () => {
  it('say each refused field as a sentence, with no command or path in sight', () => {
    const err = refused('engagement.create', { client: '   ', currency: 'EU' });
    expect(err.message).toContain('engagement.create: client: must not be empty');
    const said = formError(err, ['client', 'currency']);
    expect(said).toEqual({ fields: { client: 'Client name is needed.', currency: 'Currency must be a three-letter code such as EUR or USD.' }, message: null });
    expect(personMessage(err)).toBe('Client name is needed. Currency must be a three-letter code such as EUR or USD.');
  });

  it('put what the form does not show on its error line', () => {
    const err = refused('evidence.add', { engagementId: 'abcdefgh12', title: 'x'.repeat(201), kind: 'document', links: [{ assessmentId: 'abcdefgh12', capabilityId: 'nope' }] });
    const said = formError(err, ['title']);
    expect(said.fields.title).toBe('Title is too long: keep it to 200 characters or fewer.');
    expect(said.message).toBe('Capability is not a capability id such as M3.4.');
    expect(fieldOf('links.0.capabilityId')).toBe('capabilityId');
    expect(fieldOf('file.name')).toBe('file');
  });

  it('keep the engine’s own sentences, without a technical prefix', () => {
    const conflict = new ApiError('conflict', 'An assessment labelled "2026 Q4" already exists in this engagement.', { label: '2026 Q4', fields: [{ path: 'label', message: 'already exists' }] });
    expect(formError(conflict, ['label']).fields.label).toBe('Label is already used here: choose another.');
    const tooLarge = new ApiError('too_large', 'file: the file is larger than the limit of 100 MB (change it in Settings).');
    expect(personMessage(tooLarge)).toBe('The file is larger than the limit of 100 MB (change it in Settings).');
    const empty = new ApiError('invalid_input', 'file: notes.txt is empty; there is nothing to keep as evidence.', { fields: [{ path: 'file', message: 'empty file' }] });
    expect(formError(empty, ['file']).fields.file).toBe('The file is empty: there is nothing to keep as evidence.');
  });
});

describe('dates by region', () => {
  it('write a region’s dates as they are written there, and leave an unknown region to this computer', () => {
    expect(localeOfRegion('Nordics')).toBe('nb-NO');
    expect(localeOfRegion('DACH')).toBe('de-DE');
    expect(localeOfRegion('Sweden')).toBe('sv-SE');
    expect(localeOfRegion('US East')).toBe('en-US');
    expect(localeOfRegion('UK & Ireland')).toBe('en-GB');
    expect(localeOfRegion('Mars')).toBeNull();
    expect(localeOfRegion('')).toBeNull();
    // 27 November 2026 as a Nordic, a German and an American client read it.
    const day = new Date(2026, 10, 27);
    const numeric = (locale: string) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
    expect(numeric(localeOfRegion('Nordics')!)).toBe('27.11.2026');
    expect(numeric(localeOfRegion('DACH')!)).toBe('27.11.2026');
    expect(numeric(localeOfRegion('USA')!)).toBe('11/27/2026');
  });
});
