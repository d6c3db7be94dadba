/** Checks that an SVG string is well-formed XML with a real parser, and reads its elements. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** Parses `svg` (failing the test when it is not well-formed XML) and returns the document. */
export function parseSvg(svg: string): Record<string, unknown> {
  const valid = XMLValidator.validate(svg);
  expect(valid, typeof valid === 'object' ? JSON.stringify(valid.err) : '').toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  }).parse(svg) as Record<string, unknown>;
}

/** Every element named `name` anywhere in a parsed document. */
export function findAll(node: unknown, name: string): Record<string, unknown>[] {
  if (Array.isArray(node)) {
    return node.flatMap((child) => findAll(child, name));
  }
  if (node === null || typeof node !== 'object') {
    return [];
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => [
    ...(key === name ? (Array.isArray(value) ? (value as Record<string, unknown>[]) : [value as Record<string, unknown>]) : []),
    ...(key.startsWith('@') ? [] : findAll(value, name)),
  ]);
}

/** A hostile label: markup, both quotes, an ampersand and a control character. */
export const HOSTILE = `<script>alert("x")</script> & 'quoted' \u0007`;

/** Checks that the hostile label went in escaped: no markup from it, its text intact once parsed. */
export function expectEscaped(svg: string): void {
  expect(svg).not.toMatch(/<script/i);
  expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  parseSvg(svg);
}
