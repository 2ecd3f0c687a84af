/** The branding of an engagement's exports: colours, confidentiality footer and logo, with a small preview of a slide. */
import { useEffect, useState } from 'react';
import { DEFAULT_PRIMARY, HEX_COLOR, readableOnWhite } from '../../../shared/report/branding';
import type { BrandingView } from '../../../shared/report/outcomes';

/** A colour being typed may not be a colour yet: the preview keeps to the default until it is. */
const valid = (hex: string) => (HEX_COLOR.test(hex) ? hex : DEFAULT_PRIMARY);
import { errorMessage } from '../api';
import { useApp } from '../stores/app';
import { useExports } from '../stores/exports';

export function BrandingForm({ engagementId }: { engagementId: string }) {
  const load = useExports((s) => s.loadBranding);
  const [view, setView] = useState<BrandingView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load(engagementId).then(
      (v) => live && setView(v),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [engagementId, load]);
  if (error) return <p className="form-error">{error}</p>;
  if (!view) return <p className="muted">Loading the branding…</p>;
  return <BrandingFields key={`${view.primaryColor}${view.accentColor}${view.footer}${view.logo?.width ?? ''}`} engagementId={engagementId} view={view} onSaved={setView} />;
}

function BrandingFields({ engagementId, view, onSaved }: { engagementId: string; view: BrandingView; onSaved(v: BrandingView): void }) {
  const save = useExports((s) => s.saveBranding);
  const notify = useApp((s) => s.notify);
  const [primary, setPrimary] = useState(view.primaryColor);
  const [accent, setAccent] = useState(view.accentColor);
  const [footer, setFooter] = useState(view.footer);
  const [logo, setLogo] = useState<File | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const logoUrl = logo === null ? null : view.logo ? `data:${view.logo.mime};base64,${view.logo.dataBase64}` : null;
  const submit = async () => {
    try {
      onSaved(await save({ engagementId, primaryColor: primary, accentColor: accent, footer, ...(logo !== undefined ? { logo } : {}) }));
      notify('info', 'Branding saved');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form
      className="branding"
      aria-labelledby="branding-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="branding-title">Branding of the exports</h2>
      <p className="muted small">The deck and the workbook are drawn in these colours, with this logo and this line at the foot of every slide and page.</p>
      <div className="branding-grid">
        <div className="field">
          <span className="field-label" aria-hidden="true">
            Primary colour
          </span>
          <span className="color-field">
            <input type="color" aria-label="Primary colour picker" value={primary.toLowerCase()} onChange={(e) => setPrimary(e.target.value.toUpperCase())} />
            <input aria-label="Primary colour" value={primary} maxLength={7} onChange={(e) => setPrimary(e.target.value.toUpperCase())} />
          </span>
        </div>
        <div className="field">
          <span className="field-label" aria-hidden="true">
            Accent colour
          </span>
          <span className="color-field">
            <input type="color" aria-label="Accent colour picker" value={accent.toLowerCase()} onChange={(e) => setAccent(e.target.value.toUpperCase())} />
            <input aria-label="Accent colour" value={accent} maxLength={7} onChange={(e) => setAccent(e.target.value.toUpperCase())} />
          </span>
        </div>
        <label className="field span-2">
          <span className="field-label">Confidentiality footer</span>
          <input value={footer} maxLength={200} placeholder={view.defaultFooter} onChange={(e) => setFooter(e.target.value)} />
        </label>
        <div className="field span-2">
          <span className="field-label">Logo (PNG or JPEG)</span>
          <span className="logo-field">
            {logo ? <span className="small">{logo.name}</span> : logoUrl ? <img src={logoUrl} alt="Current logo" className="logo-preview" /> : <span className="muted small">No logo</span>}
            <input type="file" aria-label="Logo file" accept="image/png,image/jpeg" onChange={(e) => setLogo(e.target.files?.[0] ?? undefined)} />
            {(view.logo || logo) && (
              <button type="button" className="btn small ghost" onClick={() => setLogo(null)}>
                Remove logo
              </button>
            )}
          </span>
        </div>
      </div>
      <div className="slide-preview" aria-hidden="true" style={{ borderTopColor: primary }}>
        <span className="slide-kicker" style={{ color: `#${readableOnWhite(valid(accent), 4.5)}` }}>
          Executive summary
        </span>
        <span className="slide-title" style={{ color: `#${readableOnWhite(valid(primary), 4.5)}` }}>
          Three things to take away
        </span>
        <span className="slide-bar" style={{ background: accent }} />
        <span className="slide-footer">{footer || view.defaultFooter}</span>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button className="btn primary" type="submit">
        Save branding
      </button>
    </form>
  );
}
