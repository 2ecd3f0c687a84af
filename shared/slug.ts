/** Words as a lower-case file-name slug: "Northwind Bank (Nordics)" -> "northwind-bank-nordics". */
export function slug(text: string, max = 40, fallback = 'file'): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || fallback;
}
