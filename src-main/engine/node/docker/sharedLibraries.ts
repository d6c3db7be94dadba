/**
 * The shared libraries a binary loads, as `ldd` lists them (the dynamic loader included), so an
 * image can carry exactly those and nothing else: no distribution, no shell, no package manager.
 */
import { execFileSync } from 'node:child_process';

/** Absolute paths of every library the binaries load, once each, in first-seen order. */
export function sharedLibraries(binaries: readonly string[]): string[] {
  const found = new Set<string>();
  for (const binary of binaries) {
    let listing: string;
    try {
      listing = execFileSync('ldd', [binary], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`cannot list the shared libraries of ${binary} with ldd: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const path of parseLdd(listing, binary)) {
      found.add(path);
    }
  }
  return [...found];
}

/** The library paths of one `ldd` listing; a library ldd cannot find is an error naming it. */
export function parseLdd(listing: string, binary: string): string[] {
  const paths: string[] = [];
  for (const raw of listing.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('linux-vdso') || line.startsWith('linux-gate')) {
      continue; // the vDSO is the kernel's, not a file
    }
    if (line.includes('=> not found')) {
      throw new Error(`${binary} needs ${line.split(' ')[0]}, which ldd cannot find on this machine`);
    }
    const match = /=>\s+(\/\S+)/.exec(line) ?? /^(\/\S+)/.exec(line);
    if (match) {
      paths.push(match[1]!);
    }
  }
  return paths;
}
