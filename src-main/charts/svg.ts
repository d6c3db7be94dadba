/**
 * SVG as strings, for the HTML report (no DOM here: STYLE.md 10). Every text and attribute value
 * passes through `escapeXml`, so a feature or model name can never become markup.
 */

/** Attribute values; null and undefined attributes are left out. */
export type Attributes = Readonly<Record<string, string | number | null | undefined>>;

/** Width and height of a chart in user units (CSS pixels at 100%). */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** An axis tick: where it sits along the axis and what it says. */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

// Characters XML 1.0 cannot carry even escaped (C0 controls but tab, newline, return; lone surrogates; U+FFFE/F).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an element or a quoted attribute: & < > " ' escaped, characters XML cannot carry replaced. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A number as a short, stable coordinate (two decimals, no "-0"). */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** One element; `children` are markup already built (escape text with `escapeXml` or use `textElement`). */
export function element(name: string, attributes: Attributes, children: readonly string[] = []): string {
  const attrs = attributeList(attributes);
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}

/** A `<text>` element whose content is escaped. */
export function textElement(content: string, attributes: Attributes): string {
  return `<text${attributeList(attributes)}>${escapeXml(content)}</text>`;
}

function attributeList(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? coordinate(value) : escapeXml(value)}"`)
    .join('');
}

/** A `<title>` (the tooltip and the accessible name of its parent). */
export function titleElement(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}

/** The outer `<svg>` of a chart, sized by its viewBox so it scales to the page. */
export function svgDocument(size: ChartSize, label: string, className: string, children: readonly string[]): string {
  return element(
    'svg',
    {
      viewBox: `0 0 ${coordinate(size.width)} ${coordinate(size.height)}`,
      width: size.width,
      height: size.height,
      role: 'img',
      'aria-label': label,
      class: `chart ${className}`,
      'font-family': 'system-ui, sans-serif',
      'font-size': 11,
    },
    [titleElement(label), ...children],
  );
}

/** A label cut to `max` characters with an ellipsis; the full text belongs in a `<title>`. */
export function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** About how wide a label is at the charts' 11px font, for margins. */
export function labelWidth(label: string): number {
  return label.length * 6.2;
}
