/** `model.sha256` in sha256sum format: one `<hex>  <file>` line per file of the folder. */

/** One line of a digest file. */
export interface DigestLine {
  readonly sha256: string;
  readonly file: string;
}

/** Parses a digest file; a malformed line is reported by number. */
export function parseDigestFile(text: string): { lines: DigestLine[]; problems: string[] } {
  const lines: DigestLine[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      return;
    }
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (!match) {
      // The line itself is not quoted: a digest file may be a link to any file, and its text is not ours to print.
      problems.push(`line ${index + 1}: expected "<64 hex digits>  <file>"`);
      return;
    }
    const file = match[2]!.replace(/^\.\//, '');
    // Every file a digest names is read to hash it: only files of the model's own folder.
    if (/^([a-zA-Z]:)?[\\/]/.test(file) || file.split(/[\\/]/).includes('..')) {
      problems.push(`line ${index + 1}: expected a file inside the model folder`);
      return;
    }
    lines.push({ sha256: match[1]!.toLowerCase(), file });
  });
  return { lines, problems };
}

/** Writes a digest file, sorted by file name so the bytes are the same on every machine. */
export function formatDigestFile(lines: readonly DigestLine[]): string {
  return [...lines]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((l) => `${l.sha256}  ${l.file}\n`)
    .join('');
}
