/** URL decisions of the Electron shell, kept free of Electron so they are unit-tested. */

/** Is `url` the app's own page (any query or hash), and nothing else on disk or the web? */
export function isAppPage(url: string, rendererUrl: string): boolean {
  return url.split(/[?#]/)[0] === rendererUrl;
}

/** The hash of a projector view the page asked to open, or null for anything else. */
export function projectorHash(url: string, rendererUrl: string): string | null {
  if (!isAppPage(url, rendererUrl)) return null;
  const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
  return /^\/projector\/[0-9a-z]+\/[0-9a-z]+$/.test(hash) ? hash : null;
}
