/** Reading report files with real parsers: HTML with parse5 (the HTML5 algorithm), XML with fast-xml-parser. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'parse5';
import { expect } from 'vitest';

/** An element of a parsed HTML document. */
export interface HtmlElement {
  readonly tagName: string;
  readonly attrs: readonly { name: string; value: string }[];
}

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  value?: string;
  childNodes?: Node[];
  content?: Node;
}

/** Every element and the whole text of an HTML document, as a browser would parse it. */
export function parseHtml(html: string): { elements: HtmlElement[]; text: string } {
  const elements: HtmlElement[] = [];
  const text: string[] = [];
  const walk = (node: Node) => {
    if (node.tagName !== undefined) {
      elements.push({ tagName: node.tagName, attrs: node.attrs ?? [] });
    }
    if (node.nodeName === '#text') {
      text.push(node.value ?? '');
    }
    for (const child of [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])]) {
      walk(child);
    }
  };
  walk(parse(html) as unknown as Node);
  return { elements, text: text.join('') };
}

/** What in an HTML document could make a browser fetch or run something: none is allowed in a report. */
export function activeContent(html: string): string[] {
  const { elements } = parseHtml(html);
  const found: string[] = [];
  for (const element of elements) {
    if (['script', 'iframe', 'object', 'embed', 'img', 'link', 'image', 'use', 'foreignobject', 'base', 'form'].includes(element.tagName.toLowerCase())) {
      found.push(`<${element.tagName}>`);
    }
    for (const attr of element.attrs) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) {
        found.push(`${element.tagName} ${attr.name}`);
      }
      // Only in-page anchors may point anywhere.
      if (['href', 'src', 'xlink:href', 'action', 'srcset', 'poster', 'data'].includes(name) && !attr.value.startsWith('#')) {
        found.push(`${element.tagName} ${attr.name}="${attr.value}"`);
      }
      if (name === 'style' && /url\(/i.test(attr.value)) {
        found.push(`${element.tagName} style url()`);
      }
    }
  }
  const css = elements.length > 0 ? (html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '') : '';
  if (/url\(|@import|@font-face/i.test(css)) {
    found.push('stylesheet fetches');
  }
  return found;
}

/** Parses JUnit XML strictly (failing the test when it is not well-formed) into plain objects. */
export function parseJunit(xml: string): {
  suites: Record<string, string>;
  suite: Record<string, string>;
  properties: Record<string, string>;
  cases: Record<string, unknown>[];
} {
  const valid = XMLValidator.validate(xml);
  expect(valid, typeof valid === 'object' ? JSON.stringify(valid.err) : '').toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    htmlEntities: true,
    isArray: (name) => ['testcase', 'property', 'testsuite'].includes(name),
  }).parse(xml) as {
    testsuites: Record<string, unknown> & {
      testsuite: (Record<string, unknown> & { properties: { property: { '@name': string; '@value': string }[] }; testcase: Record<string, unknown>[] })[];
    };
  };
  const suite = doc.testsuites.testsuite[0]!;
  const attributes = (node: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(node)
        .filter(([k]) => k.startsWith('@'))
        .map(([k, v]) => [k.slice(1), String(v)]),
    );
  return {
    suites: attributes(doc.testsuites),
    suite: attributes(suite),
    properties: Object.fromEntries(suite.properties.property.map((p) => [p['@name'], p['@value']])),
    cases: suite.testcase,
  };
}
