/**
 * Saving a roadmap chart as a file: a standalone SVG with the styles the page gave it written onto its
 * elements (so it looks the same outside the app, in the theme it was saved in), or a PNG drawn from it.
 */

const PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_BAND = 40;

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
    for (const a of ['class', 'tabindex', 'role', 'aria-label', 'aria-labelledby', 'aria-describedby', 'data-mark']) target.removeAttribute(a);
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
  background.setAttribute('fill', page.getPropertyValue('--surface').trim() || '#ffffff');
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '12');
  heading.setAttribute('y', '26');
  heading.setAttribute('fill', page.getPropertyValue('--text').trim() || '#000000');
  heading.setAttribute('font-family', page.fontFamily);
  heading.setAttribute('font-size', '16');
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

/** The standalone SVG drawn on a canvas at twice its size (sharp on slides), saved as PNG. */
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
