import { describe, expect, it } from 'vitest';
import { api, commandNames, describeIssues } from '../../shared/api';

describe('the API contract', () => {
  it('names every command domain.verb', () => {
    for (const name of commandNames) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('trims names, upper-cases currency and fills defaults for a new engagement', () => {
    const parsed = api['engagement.create'].input.parse({ client: '  Acme  ', currency: 'gbp' });
    expect(parsed).toEqual({ client: 'Acme', industry: '', region: '', currency: 'GBP', fyStartMonth: 1 });
  });

  it.each([
    [{ client: '' }, 'client: must not be empty'],
    [{ client: 'A', currency: 'EURO' }, 'currency: must be a three-letter ISO 4217 code such as EUR or USD'],
    [{ client: 'A', fyStartMonth: 0 }, 'fyStartMonth: must be a month from 1 to 12'],
    [{ client: 'A', fyStartMonth: 2.5 }, 'fyStartMonth: must be a whole month number'],
    [{ client: 'A'.repeat(121) }, 'client: must be at most 120 characters'],
  ])('explains what is wrong with %j', (input, message) => {
    const result = api['engagement.create'].input.safeParse(input);
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!.issues).message).toBe(message);
  });

  it('accepts real calendar dates only', () => {
    const schema = api['assessment.create'].input;
    const base = { engagementId: 'a'.repeat(32), label: 'Q1' };
    expect(schema.safeParse({ ...base, date: '2028-02-29' }).success).toBe(true);
    expect(schema.safeParse({ ...base, date: '2027-02-29' }).success).toBe(false);
    expect(schema.safeParse({ ...base, date: '29/02/2028' }).success).toBe(false);
  });
});
