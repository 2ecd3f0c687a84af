import type { ReactNode } from 'react';
import type { EngagementSummary } from '../../../shared/domain';
import { Field } from './Dialog';

export interface EngagementDraft {
  client: string;
  industry: string;
  region: string;
  currency: string;
  fyStartMonth: number;
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'JPY', 'SGD', 'INR', 'BRL', 'ZAR'];

export function emptyDraft(): EngagementDraft {
  return { client: '', industry: '', region: '', currency: 'EUR', fyStartMonth: 1 };
}

export function draftOf(e: EngagementSummary): EngagementDraft {
  return { client: e.client, industry: e.industry, region: e.region, currency: e.currency, fyStartMonth: e.fyStartMonth };
}

/** The fields of an engagement form, keyed as the engine names them (for errors shown beside each). */
export const engagementFieldNames = ['client', 'industry', 'region', 'currency', 'fyStartMonth'] as const;

interface EngagementFieldsProps {
  draft: EngagementDraft;
  onChange(d: EngagementDraft): void;
  /** What is wrong, by field. */
  errors?: Readonly<Record<string, string>>;
  /** Shown under the client name: e.g. that another engagement has that name. */
  clientNote?: ReactNode;
}

export function EngagementFields({ draft, onChange, errors = {}, clientNote }: EngagementFieldsProps) {
  const set = (patch: Partial<EngagementDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="form-grid">
      <Field label="Client name" error={errors.client} hint={clientNote}>
        <input name="client" autoFocus required dir="auto" value={draft.client} onChange={(e) => set({ client: e.target.value })} />
      </Field>
      <Field label="Industry" error={errors.industry}>
        <input name="industry" dir="auto" value={draft.industry} placeholder="e.g. Retail" onChange={(e) => set({ industry: e.target.value })} />
      </Field>
      <Field label="Region" error={errors.region} hint="Dates are written as they are there: Nordics, DACH, UK, US…">
        <input name="region" dir="auto" value={draft.region} placeholder="e.g. DACH" onChange={(e) => set({ region: e.target.value })} />
      </Field>
      <Field label="Currency" error={errors.currency}>
        <input
          name="currency"
          list="currency-codes"
          value={draft.currency}
          maxLength={3}
          onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
        />
        <datalist id="currency-codes">
          {CURRENCIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </Field>
      <Field label="Fiscal year starts in" error={errors.fyStartMonth}>
        <select name="fyStartMonth" value={draft.fyStartMonth} onChange={(e) => set({ fyStartMonth: Number(e.target.value) })}>
          {MONTHS.map((m, i) => (
            <option key={m} value={i + 1}>
              {m}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
