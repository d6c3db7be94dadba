/**
 * PEP 440 versions reduced to the form two `==` pins are equal in: `1.0` and `1.0.0` are the
 * same release (zero padding), `1.0RC1` is `1.0rc1`, `1.0-1` is `1.0.post1`. Local labels
 * (`+cu121`) are kept: a CUDA build is another artifact than the CPU one.
 */

// The pattern of PEP 440's appendix (packaging's VERSION_PATTERN), anchored.
const VERSION = new RegExp(
  '^\\s*v?' +
    '(?:(?<epoch>[0-9]+)!)?' +
    '(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?:[-_.]?(?<preL>alpha|beta|preview|pre|a|b|c|rc)[-_.]?(?<preN>[0-9]+)?)?' +
    '(?:-(?<postN1>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?)?' +
    '(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?' +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$',
  'i',
);

const PRE: Readonly<Record<string, string>> = { alpha: 'a', a: 'a', beta: 'b', b: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };

/** The canonical form for equality, or null when the text is not a PEP 440 version. */
export function canonicalVersion(text: string): string | null {
  const match = VERSION.exec(text);
  const g = match?.groups;
  if (!g) {
    return null;
  }
  const parts = g['release']!.split('.').map((p) => String(Number(p)));
  while (parts.length > 1 && parts[parts.length - 1] === '0') {
    parts.pop();
  }
  let out = g['epoch'] !== undefined && Number(g['epoch']) !== 0 ? `${Number(g['epoch'])}!` : '';
  out += parts.join('.');
  if (g['preL'] !== undefined) {
    out += `${PRE[g['preL'].toLowerCase()]}${Number(g['preN'] ?? 0)}`;
  }
  if (g['postN1'] !== undefined || g['postL'] !== undefined) {
    out += `.post${Number(g['postN1'] ?? g['postN2'] ?? 0)}`;
  }
  if (g['devL'] !== undefined) {
    out += `.dev${Number(g['devN'] ?? 0)}`;
  }
  if (g['local'] !== undefined) {
    out += `+${g['local'].toLowerCase().replace(/[-_]/g, '.')}`;
  }
  return out;
}
