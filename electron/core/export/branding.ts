/** The engagement's branding, kept in its file (one row of `branding`), read for every export. */
import type { ParsedInput } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { DEFAULT_BRANDING, footerText, imageSize, type Branding } from '../../../shared/report/branding';
import type { BrandingView } from '../../../shared/report/outcomes';
import type { CommandContext } from '../context';
import type { ReadHandle } from '../db/handle';
import { mutation } from '../mutation';
import { carriedBytes } from '../upload';

interface BrandingRow {
  primary_color: string;
  accent_color: string;
  footer: string;
  logo: Buffer | null;
  logo_mime: 'image/png' | 'image/jpeg' | null;
  logo_width: number | null;
  logo_height: number | null;
}

/** Largest logo accepted: a logo is drawn at a few centimetres. */
const LOGO_LIMIT_MB = 2;

export function readBranding(db: ReadHandle): Branding {
  const row = db.get<BrandingRow>('SELECT * FROM branding WHERE id = 1');
  if (!row) return DEFAULT_BRANDING;
  return {
    primaryColor: row.primary_color,
    accentColor: row.accent_color,
    footer: row.footer,
    logo: row.logo && row.logo_mime ? { mime: row.logo_mime, dataBase64: row.logo.toString('base64'), width: row.logo_width!, height: row.logo_height! } : null,
  };
}

export function brandingView(db: ReadHandle, client: string): BrandingView {
  const b = readBranding(db);
  return { primaryColor: b.primaryColor, accentColor: b.accentColor, footer: b.footer, defaultFooter: footerText({ footer: '' }, client), logo: b.logo };
}

export function setBranding(ctx: CommandContext, input: ParsedInput<'engagement.setBranding'>): Promise<BrandingView> {
  let logo: { bytes: Buffer; mime: string; width: number; height: number } | null | undefined;
  if (input.logo) {
    const bytes = carriedBytes(ctx.files.uploads, input.logo, LOGO_LIMIT_MB);
    const size = imageSize(bytes);
    if (!size) {
      throw new ApiError('invalid_input', `logo: ${input.logo.name} is not a PNG or JPEG image; save the logo as one of those.`, { fields: [{ path: 'logo', message: 'not a PNG or JPEG image' }] });
    }
    logo = { bytes, mime: size.mime, width: size.width, height: size.height };
  } else if (input.logo === null) {
    logo = null;
  }
  return mutation(ctx, input.engagementId, { entity: 'branding', entityId: input.engagementId }, (tx) => {
    const before = readBranding(tx);
    const had = tx.get<{ logo: Buffer | null; logo_mime: string | null; logo_width: number | null; logo_height: number | null }>('SELECT logo, logo_mime, logo_width, logo_height FROM branding WHERE id = 1');
    const next = {
      primary_color: input.primaryColor ?? before.primaryColor,
      accent_color: input.accentColor ?? before.accentColor,
      footer: input.footer ?? before.footer,
      logo: logo === undefined ? (had?.logo ?? null) : logo && logo.bytes,
      logo_mime: logo === undefined ? (had?.logo_mime ?? null) : logo && logo.mime,
      logo_width: logo === undefined ? (had?.logo_width ?? null) : logo && logo.width,
      logo_height: logo === undefined ? (had?.logo_height ?? null) : logo && logo.height,
      updated_at: tx.at,
    };
    tx.run(
      `INSERT INTO branding (id, primary_color, accent_color, footer, logo, logo_mime, logo_width, logo_height, updated_at)
       VALUES (1, @primary_color, @accent_color, @footer, @logo, @logo_mime, @logo_width, @logo_height, @updated_at)
       ON CONFLICT (id) DO UPDATE SET primary_color = excluded.primary_color, accent_color = excluded.accent_color, footer = excluded.footer,
         logo = excluded.logo, logo_mime = excluded.logo_mime, logo_width = excluded.logo_width, logo_height = excluded.logo_height, updated_at = excluded.updated_at`,
      next,
    );
    const describe = (b: { primaryColor: string; accentColor: string; footer: string; logo: string | null }) => b;
    const client = tx.get<{ client: string }>('SELECT client FROM engagement')!.client;
    return {
      result: brandingView(tx, client),
      before: describe({ primaryColor: before.primaryColor, accentColor: before.accentColor, footer: before.footer, logo: before.logo ? `${before.logo.width}x${before.logo.height} ${before.logo.mime}` : null }),
      after: describe({ primaryColor: next.primary_color, accentColor: next.accent_color, footer: next.footer, logo: next.logo_mime ? `${next.logo_width}x${next.logo_height} ${next.logo_mime}` : null }),
    };
  });
}
