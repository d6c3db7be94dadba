/**
 * Name and version from a distribution's file name, for requirements that point at a file or URL
 * (`numpy @ file:///croot/numpy_1708/work/dist/numpy-1.26.4-cp311-cp311-linux_x86_64.whl`, as
 * `pip freeze` writes for conda-built packages) instead of naming a version.
 */

/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` (the wheel spec) or `{name}-{version}.tar.gz` (sdist). */
export function distributionOf(location: string): { name: string; version: string } | null {
  const path = location.replace(/[?#].*$/, '');
  const file = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  if (file.endsWith('.whl')) {
    const parts = file.slice(0, -4).split('-');
    return parts.length >= 5 && /^[0-9]/.test(parts[1]!) ? { name: parts[0]!, version: parts[1]! } : null;
  }
  const sdist = /^(.+?)-([0-9][^-]*?)\.(?:tar\.gz|tar\.bz2|tar\.xz|tgz|zip)$/.exec(file);
  return sdist ? { name: sdist[1]!, version: sdist[2]! } : null;
}

const VCS_SCHEMES = /^(git|hg|svn|bzr)\+/;

/** True for a pip VCS URL (`git+https://...`). */
export function isVcsUrl(url: string): boolean {
  return VCS_SCHEMES.test(url);
}

/**
 * The revision a VCS URL names (`git+https://host/org/repo.git@<rev>#egg=x`), or null for the
 * default branch. Only a full commit hash fixes the code; a branch or a tag can move.
 */
export function vcsRevision(url: string): { revision: string | null; commit: boolean } {
  const withoutFragment = url.replace(/#.*$/, '');
  const afterScheme = withoutFragment.replace(/^[a-z+]+:\/\//i, '');
  // An `@` before the first `/` is user info (git@github.com), not a revision.
  const path = afterScheme.slice(Math.max(afterScheme.indexOf('/'), 0));
  const at = path.lastIndexOf('@');
  const revision = at >= 0 ? path.slice(at + 1) : null;
  return { revision, commit: revision !== null && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(revision) };
}

/** The `#egg=name` fragment of a pip URL, or null. */
export function eggName(url: string): string | null {
  return /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url)?.[1] ?? null;
}

/**
 * The text with the user info of every URL in it replaced by `***` (`https://deploy:token@host`
 * becomes `https://***@host`), so an index or a wheel URL never carries a credential into the
 * output or a report. `git@` (the ssh user every git host uses) is kept.
 */
export function withoutCredentials(text: string): string {
  return text.replace(/(\/\/)([^/@\s]+)@/g, (whole, slashes: string, user: string) => (user === 'git' ? whole : `${slashes}***@`));
}
