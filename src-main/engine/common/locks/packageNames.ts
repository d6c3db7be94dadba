/** Package names normalised the way each ecosystem compares them. */
import type { Ecosystem } from './lockFile';

/** PEP 503: lowercase, and every run of `-`, `_` and `.` becomes one `-`. */
export function pep503Name(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/**
 * Conda packages whose PyPI namesake has another name but the same versions, so a conda
 * environment and a pip lock compare the same package; and conda packages that share a PyPI
 * name but are something else (conda's `tzdata` is the IANA database, PyPI's is conda's
 * `python-tzdata`; conda's `flatbuffers` is the C++ library), kept apart.
 */
const CONDA_TO_PYPI: Readonly<Record<string, string>> = {
  pytorch: 'torch',
  'py-xgboost': 'xgboost',
  'python-tzdata': 'tzdata',
  'python-flatbuffers': 'flatbuffers',
  tzdata: 'conda:tzdata',
  flatbuffers: 'conda:flatbuffers',
};

/**
 * The name the comparison matches on. Python names (PyPI, and conda's, which are lowercase
 * already) go through PEP 503 so `scikit_learn`, `Scikit-Learn` and conda's `scikit-learn` meet;
 * npm names are compared as written, as npm does.
 */
export function packageKey(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'npm') {
    return name;
  }
  const normalised = pep503Name(name);
  return ecosystem === 'conda' ? (CONDA_TO_PYPI[normalised] ?? normalised) : normalised;
}
