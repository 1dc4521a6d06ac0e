"""Numbers and names as the benchmarks page prints them."""

from __future__ import annotations

from guide.bench import schema
from guide.bench.stats import certain_decimals

METRIC_UNITS = {"requests_per_s": "requests/s", "requests_per_cpu_s": "requests per CPU-second"}


def number(value: float) -> str:
    """A measured value with as many digits as a reader needs: 1,234 / 12.3 / 1.23."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def median_spread(stats: dict) -> str:
    """A summary (from `stats.summary`) as "median ±half-range %"."""
    return f"{number(stats['median'])} ±{stats['spread_pct'] / 2:.0f} %"


def ratio_text(value: float, *uncertainties: float) -> str:
    """A ratio printed with the decimals the largest of `uncertainties` supports (no × sign)."""
    return f"{value:.{certain_decimals(value, max(uncertainties))}f}"


def ratio_range(values: list[float], uncertainty: float) -> str:
    """The lowest and highest of some ratios, as "1.2–1.4×" (one value when they print alike)."""
    low, high = ratio_text(min(values), uncertainty), ratio_text(max(values), uncertainty)
    return f"{low}×" if low == high else f"{low}–{high}×"


def label(result: schema.ResultFile, configuration: str) -> str:
    """A configuration's name for readers, as the run recorded it."""
    return result.configurations[configuration].label


def stack_of(result: schema.ResultFile) -> str:
    """The framework versions a run measured, as its result file recorded them."""
    packages = result.run.packages
    named = [("Flask", "flask"), ("FastAPI", "fastapi"), ("Django", "django")]
    return ", ".join(f"{label} {packages[name].installed}" for label, name in named if name in packages)


def where(result: schema.ResultFile) -> str:
    """The machine and stack of a run: CPU model, Python version, framework versions."""
    machine = result.run.machine
    return f"{machine.cpu_model}, Python {machine.python}, {stack_of(result)}"
