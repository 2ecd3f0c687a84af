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

export function EngagementFields({ draft, onChange }: { draft: EngagementDraft; onChange(d: EngagementDraft): void }) {
  const set = (patch: Partial<EngagementDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="form-grid">
      <Field label="Client name">
        <input name="client" autoFocus required value={draft.client} onChange={(e) => set({ client: e.target.value })} />
      </Field>
      <Field label="Industry">
        <input name="industry" value={draft.industry} placeholder="e.g. Retail" onChange={(e) => set({ industry: e.target.value })} />
      </Field>
      <Field label="Region">
        <input name="region" value={draft.region} placeholder="e.g. DACH" onChange={(e) => set({ region: e.target.value })} />
      </Field>
      <Field label="Currency">
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
      <Field label="Fiscal year starts in">
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
