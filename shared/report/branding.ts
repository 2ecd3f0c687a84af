/**
 * An engagement's branding for the exports: logo, primary and accent colours, the confidentiality
 * footer. Colours are `#RRGGBB`; the deck and workbook derive their whole palette from the two.
 */

export interface Logo {
  mime: 'image/png' | 'image/jpeg';
  dataBase64: string;
  /** Pixel size, so the logo keeps its proportions in the box it is drawn in. */
  width: number;
  height: number;
}

export interface Branding {
  primaryColor: string;
  accentColor: string;
  /** The confidentiality line at the foot of every slide and printed page; empty means the default. */
  footer: string;
  logo: Logo | null;
}

export const DEFAULT_PRIMARY = '#1F3A5F';
export const DEFAULT_ACCENT = '#D9822B';

export const DEFAULT_BRANDING: Branding = { primaryColor: DEFAULT_PRIMARY, accentColor: DEFAULT_ACCENT, footer: '', logo: null };

export const HEX_COLOR = /^#[0-9A-F]{6}$/;

/** The footer as printed: the engagement's own line, else "Confidential: prepared for <client>". */
export function footerText(branding: Pick<Branding, 'footer'>, client: string): string {
  return branding.footer.trim() || `Confidential: prepared for ${client}`;
}

/** `#1f3a5f` -> `1F3A5F`, as PowerPoint and Excel take colours. */
export function bare(hex: string): string {
  return hex.replace(/^#/, '').toUpperCase();
}

function channels(hex: string): [number, number, number] {
  const h = bare(hex);
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

const toHex = (c: readonly number[]) => c.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('').toUpperCase();

/** `hex` mixed with white: 0 keeps the colour, 1 is white. Returns `RRGGBB`. */
export function tint(hex: string, amount: number): string {
  return toHex(channels(hex).map((v) => v + (255 - v) * amount));
}

/** `hex` mixed with black: 0 keeps the colour, 1 is black. Returns `RRGGBB`. */
export function shade(hex: string, amount: number): string {
  return toHex(channels(hex).map((v) => v * (1 - amount)));
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever reads better on `background`. Returns `RRGGBB`. */
export function textOn(background: string): string {
  return contrast(background, '#FFFFFF') >= contrast(background, '#1A202C') ? 'FFFFFF' : '1A202C';
}

/**
 * A colour that can be used for text and lines on white: the colour itself when it contrasts enough
 * (3:1 by default, as for large text and graphics; 4.5:1 for small text), else darkened until it does.
 * Returns `RRGGBB`.
 */
export function readableOnWhite(hex: string, ratio = 3): string {
  for (let k = 0; k <= 20; k++) {
    const c = shade(hex, k / 20);
    if (contrast(`#${c}`, '#FFFFFF') >= ratio) return c;
  }
  return '1A202C';
}

/**
 * The colour of each maturity level 1-5: the low levels in light tints of the accent (what needs
 * attention), the high ones in deepening shades of the primary colour.
 */
export function levelScale(primary: string, accent: string): [string, string, string, string, string] {
  return [tint(accent, 0.45), tint(accent, 0.78), tint(primary, 0.72), tint(primary, 0.4), bare(primary)];
}

/** Width and height of a PNG or JPEG from its bytes, or null when it is neither (or is damaged). */
export function imageSize(bytes: Uint8Array): { mime: Logo['mime']; width: number; height: number } | null {
  const u32 = (i: number) => ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
  const u16 = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((b, i) => bytes[i] === b)) {
    const width = u32(16);
    const height = u32(20);
    return width > 0 && height > 0 ? { mime: 'image/png', width, height } : null;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      const length = u16(i + 2);
      // Start-of-frame markers carry the size (C0-CF except C4 DHT, C8 JPG, CC DAC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = u16(i + 5);
        const width = u16(i + 7);
        return width > 0 && height > 0 ? { mime: 'image/jpeg', width, height } : null;
      }
      i += 2 + length;
    }
  }
  return null;
}

/** The largest box of the image's proportions that fits in `w` x `h`, placed at the box's right edge and top. */
export function containRight(logo: Pick<Logo, 'width' | 'height'>, x: number, y: number, w: number, h: number): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(w / logo.width, h / logo.height);
  const lw = logo.width * scale;
  const lh = logo.height * scale;
  return { x: x + w - lw, y, w: lw, h: lh };
}
