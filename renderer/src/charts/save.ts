/**
 * Saving a chart as a file: a standalone SVG (every style the page gave it written onto the elements,
 * so it looks the same outside the app, in the theme it was saved in) or a PNG drawn from that SVG.
 */

/** Presentation properties copied from the page's computed style onto each element. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_BAND = 44;

/** A colour of the theme as on screen now (the variables hold light-dark() pairs, resolved only where used). */
function themeColour(variable: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable}, ${fallback})`;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour || fallback;
}

/** The chart as a standalone SVG document with its title on top, on the theme's background. */
export function standaloneSvg(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const copy = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const target = copy[i] as SVGElement;
    const style = getComputedStyle(el);
    for (const p of PROPERTIES) {
      const v = style.getPropertyValue(p);
      if (v) target.style.setProperty(p, v);
    }
    for (const a of ['class', 'tabindex', 'role', 'data-mark', 'data-row', 'data-col', 'aria-label', 'aria-labelledby', 'aria-describedby']) target.removeAttribute(a);
  });
  const box = svg.viewBox.baseVal;
  const width = box && box.width ? box.width : svg.clientWidth;
  const height = (box && box.height ? box.height : svg.clientHeight) + TITLE_BAND;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  const page = getComputedStyle(document.documentElement);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', themeColour('--surface', '#ffffff'));
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '16');
  heading.setAttribute('y', '28');
  heading.setAttribute('fill', themeColour('--text', '#000000'));
  heading.setAttribute('font-family', page.fontFamily);
  heading.setAttribute('font-size', '18');
  heading.setAttribute('font-weight', '700');
  heading.textContent = title;
  const titleEl = document.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0 ${TITLE_BAND})`);
  body.append(...clone.childNodes);
  root.append(titleEl, background, heading, body);
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function saveSvg(svg: SVGSVGElement, title: string, fileName: string): void {
  download(new Blob([standaloneSvg(svg, title).text], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

/** Draws the standalone SVG on a canvas at twice its size (sharp on slides) and saves it as PNG. */
export async function savePng(svg: SVGSVGElement, title: string, fileName: string, scale = 2): Promise<void> {
  const { text, width, height } = standaloneSvg(svg, title);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This window cannot draw images: the chart was not saved.');
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The chart could not be turned into a PNG.');
  download(blob, `${fileName}.png`);
}
