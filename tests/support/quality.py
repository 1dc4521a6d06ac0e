"""Site quality gates: which pages the built site has, which represent each page type, Lighthouse runs.

Used by `tests/site/test_quality_*.py`. Pages are discovered from the built site, so
new pages are checked without editing a list; only the Lighthouse sample names page
types, and it falls back to a page that exists when the preferred one does not.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from guide import ROOT

NODE_MODULES = ROOT / "node_modules"
RUNNER = Path(__file__).with_name("lighthouse_runner.mjs")
CHROMIUM = Path("/usr/bin/chromium")

PAGE_TYPES: dict[str, tuple[str, ...]] = {
    "home": ("",),
    "comparison matrix": ("compare/matrix/", "compare/"),
    "task page": ("tasks/basics/", "tasks/*/", "tasks/"),
    "flowchart and wizard": ("decide/",),
    "benchmarks": ("benchmarks/",),
    "use case": ("decide/use-cases/*/", "use-cases/*/", "decide/use-cases/", "use-cases/"),
    "claim": ("compare/claims/*/", "claims/*/", "compare/claims/", "claims/"),
}
"""Page type -> site-relative URL patterns (fnmatch), most specific first."""

BUDGET_BYTES = {"flowchart and wizard": 300 * 1024}
"""Compressed transfer budgets that differ from the default `DEFAULT_BUDGET_BYTES`."""
DEFAULT_BUDGET_BYTES = 150 * 1024

MOBILE_PERFORMANCE_MIN = 95
"""Median of `MOBILE_RUNS` runs."""
MOBILE_RUNS = 3


def is_redirect_stub(html: str) -> bool:
    """True for the small pages mkdocs-redirects writes in place of a moved page."""
    head = html[:3000].lower()
    return 'http-equiv="refresh"' in head or "<title>redirecting" in head


def page_url(site_dir: Path, index_html: Path) -> str:
    """Site-relative URL of a built page: `tasks/basics/index.html` -> `tasks/basics/`, home -> ``."""
    relative = index_html.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html")


def site_pages(site_dir: Path) -> list[str]:
    """Site-relative URLs of every content page of the built site (no 404 page, no redirect stubs)."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        if path.relative_to(site_dir).parts[0] in {"assets", "search"}:
            continue
        if is_redirect_stub(path.read_text(encoding="utf-8")):
            continue
        pages.append(page_url(site_dir, path))
    return pages


def redirect_stubs(site_dir: Path) -> list[str]:
    """Site-relative URLs that are redirects to another page."""
    return [
        page_url(site_dir, path)
        for path in sorted(site_dir.rglob("index.html"))
        if is_redirect_stub(path.read_text(encoding="utf-8"))
    ]


def matches(page: str, pattern: str) -> bool:
    """True when a site-relative URL matches a `PAGE_TYPES` pattern (fnmatch, same folder depth)."""
    from fnmatch import fnmatchcase

    return fnmatchcase(page, pattern) and page.count("/") == pattern.count("/")


def pick_sample(pages: list[str]) -> dict[str, str]:
    """One existing page per page type, following `PAGE_TYPES`; a type with no match falls back to home."""
    sample = {}
    for page_type, patterns in PAGE_TYPES.items():
        chosen = ""
        for pattern in patterns:
            found = [page for page in pages if matches(page, pattern)]
            if found:
                chosen = found[0]
                break
        sample[page_type] = chosen
    return sample


def budget_bytes(page_type: str) -> int:
    """The compressed transfer budget of a page type."""
    return BUDGET_BYTES.get(page_type, DEFAULT_BUDGET_BYTES)


class LighthouseUnavailable(RuntimeError):
    """Node, the npm packages or Chromium are missing."""


def lighthouse_command() -> list[str]:
    """The command that runs `lighthouse_runner.mjs`, or `LighthouseUnavailable` saying what to install."""
    node = shutil.which("node")
    if not node:
        raise LighthouseUnavailable("Lighthouse needs Node.js (apt-get install nodejs npm)")
    if not (NODE_MODULES / "lighthouse" / "package.json").is_file():
        raise LighthouseUnavailable("node_modules/ has no lighthouse: run 'npm ci' (make test does it)")
    if not CHROMIUM.exists():
        raise LighthouseUnavailable("Lighthouse needs Debian's chromium: apt-get install chromium")
    return [node, str(RUNNER)]


def run_lighthouse(jobs: list[dict], timeout: float = 600) -> list[dict]:
    """Run Lighthouse jobs (url, formFactor, categories) in one Chromium; one result dict per job."""
    command = lighthouse_command()
    environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    completed = subprocess.run(  # noqa: S603
        command,
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        cwd=ROOT,
        check=False,
    )
    results = [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or len(results) != len(jobs):
        raise RuntimeError(f"Lighthouse failed (exit {completed.returncode}):\n{completed.stderr[-3000:]}")
    return results


_host: dict = {}
"""The host's last measured Lighthouse benchmark index, so the next page type needs no calibration run."""


@dataclass
class PageTypeReport:
    """Lighthouse figures for one page type: three mobile runs and one desktop run.

    `mobile[0]` and `desktop` also carry accessibility, best practices and SEO. When the
    performance gates were missed once and measured again (`retried`), `mobile` and
    `desktop` hold the second measurement and `first_attempt` the first one's scores.
    """

    page_type: str
    url: str
    mobile: list[dict]
    desktop: dict
    categories: dict = field(default_factory=dict)
    first_attempt: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def mobile_performance(self) -> float:
        return statistics.median(run["scores"]["performance"] for run in self.mobile)

    def score(self, form_factor: str, category: str) -> int:
        if category == "performance":
            return (self.mobile[0] if form_factor == "mobile" else self.desktop)["scores"][category]
        return self.categories[form_factor]["scores"][category]

    @property
    def transfer_bytes(self) -> int:
        runs = [*self.mobile, self.desktop, *self.categories.values()]
        return max(int(run["transferBytes"] or 0) for run in runs)


def _measure(url: str, all_categories: bool) -> tuple[list[dict], dict]:
    """Three mobile runs and one desktop run of one page (the first of each with every category)."""
    hint = {"benchmarkIndex": _host["benchmark_index"]} if _host.get("benchmark_index") else {}
    only = {} if all_categories else {"categories": ["performance"]}
    jobs = [{"url": url, "formFactor": "mobile", **hint, **only}]
    jobs += [{"url": url, "formFactor": "mobile", "categories": ["performance"]}] * (MOBILE_RUNS - 1)
    jobs += [{"url": url, "formFactor": "desktop", **only}]
    *mobile, desktop = run_lighthouse(jobs)
    _host["benchmark_index"] = mobile[-1].get("benchmarkIndex")
    return mobile, desktop


def audit_page_type(page_type: str, base_url: str, page: str) -> PageTypeReport:
    """Run the mobile and desktop Lighthouse passes for one page and check them against the gates.

    Performance depends on how busy the machine is; when its gates are missed, the
    performance passes run once more and the second measurement decides (both are
    reported). Accessibility, best practices, SEO and transfer size are measured once.
    """
    url = base_url + page
    mobile, desktop = _measure(url, all_categories=True)
    report = PageTypeReport(page_type, page, mobile, desktop, {"mobile": mobile[0], "desktop": desktop})
    report.problems = gate_problems(report)
    if any(problem.startswith(PERFORMANCE_PROBLEMS) for problem in report.problems):
        runs = ", ".join(str(run["scores"]["performance"]) for run in mobile)
        report.first_attempt = (
            f"mobile {report.mobile_performance:g} ({runs}), desktop {desktop['scores']['performance']}"
        )
        report.mobile, report.desktop = _measure(url, all_categories=False)
        report.problems = gate_problems(report)
        if report.problems:
            report.problems.append(f"first attempt: {report.first_attempt}")
    return report


PERFORMANCE_PROBLEMS = ("mobile performance", "desktop performance")


def gate_problems(report: PageTypeReport) -> list[str]:
    """Every way a page type misses the gates, each with the audits that cost points."""
    problems = []
    for run in [*report.mobile, report.desktop, *report.categories.values()]:
        if run.get("runtimeError"):
            problems.append(f"{run['formFactor']}: Lighthouse runtime error: {run['runtimeError']}")
    if report.mobile_performance < MOBILE_PERFORMANCE_MIN:
        runs = ", ".join(str(run["scores"]["performance"]) for run in report.mobile)
        median = report.mobile_performance
        problems.append(f"mobile performance median {median} < {MOBILE_PERFORMANCE_MIN} ({runs})")
    required = [("desktop", "performance")] + [
        (form_factor, category)
        for form_factor in ("mobile", "desktop")
        for category in ("accessibility", "best-practices", "seo")
    ]
    for form_factor, category in required:
        score = report.score(form_factor, category)
        if score != 100:
            run = report.desktop if category == "performance" else report.categories[form_factor]
            audits = [
                f"{audit['id']} {audit['value']} {' '.join(audit['where'][:3])}".strip()
                for audit in run["failing"]
                if audit["category"] == category
            ]
            problems.append(f"{form_factor} {category} {score} < 100: " + "; ".join(audits))
    budget = budget_bytes(report.page_type)
    if report.transfer_bytes > budget:
        size = report.transfer_bytes / 1024
        problems.append(f"compressed transfer {size:.0f} KiB > {budget / 1024:.0f} KiB")
    return problems


def page_type_of(page: str) -> str:
    """The page type a site-relative URL belongs to (`PAGE_TYPES`), or "other"."""
    for page_type, patterns in PAGE_TYPES.items():
        if any(matches(page, pattern) for pattern in patterns):
            return page_type
    return "other"


def format_axe_summary(records: list[dict]) -> str:
    """axe-core results (one record per page and palette) as violations per page type and palette."""
    totals: dict[str, dict] = {}
    for record in records:
        row = totals.setdefault(page_type_of(record["url"]), {"pages": set(), "light": 0, "dark": 0})
        row["pages"].add(record["url"])
        row[record["palette"]] += record["violations"]
    order = [*PAGE_TYPES, "other"]
    lines = [("page type", "pages", "violations light", "violations dark")]
    for page_type in sorted(totals, key=order.index):
        row = totals[page_type]
        lines.append((page_type, str(len(row["pages"])), str(row["light"]), str(row["dark"])))
    pages = {record["url"] for record in records}
    lines.append(
        (
            "all pages",
            str(len(pages)),
            *(str(sum(r["violations"] for r in records if r["palette"] == p)) for p in ("light", "dark")),
        )
    )
    widths = [max(len(line[column]) for line in lines) for column in range(4)]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in lines]
    text.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(text)


def format_summary(rows: list[dict]) -> str:
    """The Lighthouse figures per page type as a plain-text table."""
    header = ("page type", "page", "mobile (3 runs)", "CPU x", "desktop", "a11y", "best pr.", "SEO", "KiB")
    lines = [header]
    for row in rows:
        lines.append(
            (
                row["page_type"],
                "/" + row["url"],
                f"{row['mobile_performance']:g} ({', '.join(str(s) for s in row['mobile_runs'])})"
                + (" *" if row.get("first_attempt") else ""),
                "/".join(f"{cpu:g}" for cpu in row["cpu_slowdown"]),
                str(row["desktop_performance"]),
                "/".join(str(s) for s in row["accessibility"]),
                "/".join(str(s) for s in row["best_practices"]),
                "/".join(str(s) for s in row["seo"]),
                f"{row['transfer_bytes'] / 1024:.0f}",
            )
        )
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in lines]
    text.insert(1, "  ".join("-" * width for width in widths))
    notes = (
        "desktop: desktop performance; a11y, best pr. and SEO: mobile/desktop; KiB: compressed transfer;\n"
        "CPU x: mobile CPU slowdown per run, calibrated to the host's benchmark index\n"
        "(at most Lighthouse's default 4; see tests/support/lighthouse_runner.mjs)"
    )
    retried = [f"{row['page_type']}: {row['first_attempt']}" for row in rows if row.get("first_attempt")]
    if retried:
        notes += "\n* performance measured twice, first attempt missed a gate: " + "; ".join(retried)
    return "\n".join(text) + "\n" + notes


def summary_row(report: PageTypeReport) -> dict:
    """The figures of one page type, as stored in the summary file."""
    return {
        "page_type": report.page_type,
        "url": report.url,
        "mobile_performance": report.mobile_performance,
        "mobile_runs": [run["scores"]["performance"] for run in report.mobile],
        "cpu_slowdown": [run.get("cpuSlowdown") or 0 for run in report.mobile],
        "benchmark_index": [run.get("benchmarkIndex") for run in report.mobile],
        "desktop_performance": report.score("desktop", "performance"),
        "accessibility": [report.score(f, "accessibility") for f in ("mobile", "desktop")],
        "best_practices": [report.score(f, "best-practices") for f in ("mobile", "desktop")],
        "seo": [report.score(f, "seo") for f in ("mobile", "desktop")],
        "transfer_bytes": report.transfer_bytes,
        "first_attempt": report.first_attempt,
        "problems": report.problems,
    }
