import { describe, expect, it } from 'vitest';
import { eventTimeMs } from '../../src-main/charts/eventTime';
import { coordinate, element, escapeXml, textElement } from '../../src-main/charts/svg';

describe('svg strings', () => {
  it('escapes markup, quotes and ampersands, and replaces characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('bell\u0007 nul\u0000 lone\uD800 ok\u{1F600}')).toBe('bell\uFFFD nul\uFFFD lone\uFFFD ok\u{1F600}');
  });

  it('writes attributes escaped, rounds numbers and leaves out absent ones', () => {
    expect(element('rect', { x: 1.23456, y: -0.001, fill: 'a"b', stroke: null, class: undefined })).toBe('<rect x="1.23" y="0" fill="a&quot;b"/>');
    expect(textElement('<b>', { x: 1 })).toBe('<text x="1">&lt;b&gt;</text>');
    expect(coordinate(-0.004)).toBe('0');
  });

  it('reads event times without a zone as UTC, whatever the machine zone', () => {
    expect(eventTimeMs('2001-03-01T06:00:00')).toBe(Date.UTC(2001, 2, 1, 6));
    expect(eventTimeMs('2001-03-01T06:00:00Z')).toBe(Date.UTC(2001, 2, 1, 6));
    expect(eventTimeMs('2001-03-01T06:00:00+01:00')).toBe(Date.UTC(2001, 2, 1, 5));
    expect(() => eventTimeMs('yesterday')).toThrow(RangeError);
  });
});
