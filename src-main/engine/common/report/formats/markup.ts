/**
 * Escaping for the report's HTML and XML. Every user-supplied string (scenario, model and column
 * names, paths, messages) reaches a report file through these, never raw. (The charts escape
 * their own SVG in src-main/charts/svg.ts: engine/common cannot import charts.)
 */

// Characters XML 1.0 cannot carry even escaped: C0 controls but tab, newline, return; lone surrogates; U+FFFE/F.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in HTML or XML content and in double- or single-quoted attributes. */
export function escapeMarkup(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
