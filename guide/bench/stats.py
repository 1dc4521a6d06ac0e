"""Small statistics for repeated measurements: percentiles, median, spread, ratios."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks.

    Raises:
        ValueError: `values` is empty or `q` is outside 0-100.
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0-100")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    lower = math.floor(position)
    upper = math.ceil(position)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def summary(values: Sequence[float]) -> dict[str, float | int]:
    """Median, minimum, maximum and spread of repeated measurements.

    `spread_pct` is (max - min) / median in per cent: the whole range the
    repeats covered, a stricter figure than a standard deviation for five runs.
    """
    if not values:
        raise ValueError("summary of no values")
    median = statistics.median(values)
    low, high = min(values), max(values)
    return {
        "n": len(values),
        "median": median,
        "min": low,
        "max": high,
        "spread_pct": (high - low) / median * 100 if median else 0.0,
    }


def ratio(value: float, baseline: float) -> float:
    """`value / baseline`, or raise when the baseline is zero."""
    if baseline == 0:
        raise ValueError("ratio against a zero baseline")
    return value / baseline


def agreement_pct(first: float, second: float) -> float:
    """How far a second measurement of a ratio lies from the first, in per cent (signed)."""
    return (second / first - 1) * 100


def certain_decimals(value: float, relative_uncertainty: float, most: int = 2) -> int:
    """How many decimals of `value` the measurement supports, at most `most`: the last digit
    printed stands for a step at least as large as the error `relative_uncertainty` (a
    fraction of `value`) allows, so no printed digit is finer than the spread.

    A ratio of 1.83 measured to ±5 % (±0.09) prints as 1.8; to ±0.3 % (±0.005), as 1.83;
    to ±40 % (±0.7), as 2.
    """
    if relative_uncertainty < 0:
        raise ValueError(f"negative uncertainty {relative_uncertainty}")
    error = abs(value) * relative_uncertainty
    if error == 0:
        return most
    return max(0, min(most, -math.ceil(math.log10(error))))
