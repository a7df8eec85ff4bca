/** Plan text as a reader sees it: the extraction's markdown emphasis (`**`) dropped. */
export const plainText = (s: string) => s.replace(/\*\*/g, '');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** HTML-escaped text with each query word wrapped in <mark> (only <mark> is ever produced). */
export function highlight(text: string, query: string): string {
  const words = query
    .normalize('NFKC')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const plain = plainText(text).normalize('NFKC');
  if (!words.length) return escapeHtml(plain);
  const re = new RegExp(`(${words.join('|')})`, 'gi');
  return plain
    .split(re)
    .map((part, i) => (i % 2 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join('');
}
