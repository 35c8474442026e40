/**
 * JSON that can stand inside a <script> element: `<`, `>` and `&` become \u escapes, so
 * that no text in the data (a township called `</script><script>…`) can close the
 * element or open a comment, and U+2028/U+2029, which old script parsers took for
 * line ends, are escaped too. JSON.parse gives back exactly the same values.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value in double quotes) for HTML: markup in the data stays text. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A script inlined into the page must not contain the sequence that ends a script element. */
export function inlineScript(source: string): string {
  // `<\/` means `</` inside a string, a template or a regular expression, the only places the library can have it.
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
