"""The reference side of `npm run bench:drift`: numpy + scipy computing the same PSI (the seed's
compute_psi, verbatim) and KS (scipy.stats.ks_2samp) from .npy files. Prints JSON on stdout.

    python3 bench/drift/numpy_drift.py <dir> <column>...
"""
import json
import sys

import numpy as np
from scipy.stats import ks_2samp


def compute_psi(expected, actual, bins=10):
    """Compute Population Stability Index between two distributions."""
    breakpoints = np.linspace(
        min(expected.min(), actual.min()),
        max(expected.max(), actual.max()),
        bins + 1
    )

    expected_counts = np.histogram(expected, breakpoints)[0] / len(expected)
    actual_counts = np.histogram(actual, breakpoints)[0] / len(actual)

    # Avoid division by zero
    expected_counts = np.clip(expected_counts, 1e-4, None)
    actual_counts = np.clip(actual_counts, 1e-4, None)

    psi = np.sum(
        (actual_counts - expected_counts) * np.log(actual_counts / expected_counts)
    )
    return psi


def main():
    folder, columns = sys.argv[1], sys.argv[2:]
    out = {}
    for column in columns:
        reference = np.load(f"{folder}/reference_{column}.npy")
        current = np.load(f"{folder}/current_{column}.npy")
        ks = ks_2samp(reference, current)
        out[column] = {"psi": float(compute_psi(reference, current)), "ks": float(ks.statistic), "ksPValue": float(ks.pvalue)}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
