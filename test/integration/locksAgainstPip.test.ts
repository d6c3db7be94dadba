/**
 * The requirements parser against pip's own (pip._internal.req.req_file, the code `pip install
 * -r` runs) on every committed requirements fixture, and PEP 440/503 against the packaging
 * library pip vendors: same lines, names, specifiers, markers, extras, URLs and hash counts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageKey, pep503Name } from '../../src-main/engine/common/locks/packageNames';
import { parseRequirement } from '../../src-main/engine/common/locks/pep508';
import { canonicalVersion } from '../../src-main/engine/common/locks/pep440';
import { parseRequirementsText } from '../../src-main/engine/common/locks/requirements';
import { LOCKS, lockText, VERSION_CASES } from '../engine/locks/fixtures';
import { PYTHON } from '../support/python';
import { requireService } from '../support/services';

const pipAvailable = spawnSync(PYTHON, ['-c', 'import pip._internal.req.req_file, pip._vendor.packaging'], { encoding: 'utf8' }).status === 0;

const FIXTURES = ['pip-freeze.txt', 'requirements-hashed.txt', 'requirements-serving.txt', 'pip-freeze-conda.txt', 'requirements-base.txt', 'constraints.txt'];

/** What both parsers agree a requirement line says. */
interface Line {
  line: number;
  /** The PEP 503 name, or an editable line's target. */
  key: string;
  editable: boolean;
  specifiers: string[];
  url: string | null;
  marker: string | null;
  extras: string[];
  hashes: number;
}

const PIP_SCRIPT = `
import json, re, sys
from pip._internal.network.session import PipSession
from pip._internal.req.req_file import parse_requirements
from pip._vendor.packaging.requirements import Requirement
from pip._vendor.packaging.utils import canonicalize_name
path = sys.argv[1]
out = []
for r in parse_requirements(path, session=PipSession(), constraint=path.endswith('constraints.txt')):
    m = re.match(r'-[rc] (.*) \\(line (\\d+)\\)$', r.comes_from)
    if m.group(1) != path:
        continue
    item = {'line': int(m.group(2)), 'editable': r.is_editable, 'hashes': sum(len(v) for v in ((r.options or {}).get('hashes') or {}).values())}
    if r.is_editable:
        item.update(key=r.requirement, specifiers=[], url=None, marker=None, extras=[])
    else:
        q = Requirement(r.requirement)
        item.update(key=canonicalize_name(q.name), specifiers=sorted(str(s) for s in q.specifier), url=q.url, marker=str(q.marker) if q.marker else None, extras=sorted(q.extras))
    out.append(item)
print(json.dumps(out))
`;

function ours(file: string): Line[] {
  return parseRequirementsText(lockText(file), join(LOCKS, file)).entries.map((e) => {
    if (e.spec.startsWith('-e ')) {
      // An editable line is compared by its target: the name pip freeze's comment gives is ours alone.
      return { line: e.line, key: e.spec.slice(3), editable: true, specifiers: [], url: null, marker: null, extras: [], hashes: e.hashes ?? 0 };
    }
    const r = parseRequirement(e.spec);
    if (typeof r === 'string') {
      throw new Error(r);
    }
    return {
      line: e.line,
      key: packageKey('pypi', r.name),
      editable: false,
      specifiers: r.clauses.map((c) => `${c.op}${c.version}`).sort(),
      url: r.url,
      marker: r.marker,
      extras: [...r.extras].sort(),
      hashes: e.hashes ?? 0,
    };
  });
}

describe('requirements parsing agrees with pip', () => {
  it.for(FIXTURES)('%s: the same requirements as pip reads', (file, context) => {
    requireService(context, pipAvailable, `${PYTHON} with pip (Debian: python3-pip)`);
    const result = spawnSync(PYTHON, ['-c', PIP_SCRIPT, join(LOCKS, file)], { encoding: 'utf8', cwd: LOCKS });
    expect(result.stderr).toBe('');
    const theirs = JSON.parse(result.stdout) as Line[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(ours(file)).toEqual(theirs);
  });

  it('normalises versions and names as packaging does', (context) => {
    requireService(context, pipAvailable, `${PYTHON} with pip (Debian: python3-pip)`);
    const versions = VERSION_CASES.map(([v]) => v);
    const names = ['Scikit_Learn', 'zope.interface', 'typing__extensions', 'PyYAML', 'a-_.b', 'Jinja2'];
    const script = `
import json, sys
from pip._vendor.packaging.utils import canonicalize_name, canonicalize_version
from pip._vendor.packaging.version import Version, InvalidVersion
def canon(v):
    try:
        Version(v)
    except InvalidVersion:
        return None
    try:
        return canonicalize_version(v, strip_trailing_zero=True)
    except TypeError:  # packaging < 22 (pip 23's vendored copy) always strips trailing zeros
        return canonicalize_version(v)
data = json.loads(sys.argv[1])
print(json.dumps({'versions': [canon(v) for v in data['versions']], 'names': [canonicalize_name(n) for n in data['names']]}))
`;
    const result = spawnSync(PYTHON, ['-c', script, JSON.stringify({ versions, names })], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ versions: versions.map(canonicalVersion), names: names.map(pep503Name) });
  });
});
