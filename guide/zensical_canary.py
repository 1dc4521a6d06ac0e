"""Zensical canary: build the same `mkdocs.yml` with Zensical and report what differs from MkDocs.

    python -m guide.zensical_canary      # make zensical

Zensical runs in its own tool environment (`uv tool run zensical==ZENSICAL_VERSION`, with
the mkdocstrings handler it needs, using the uv the project venv already has), so it never
touches the project's lock file or venv. It
builds a copy of the project (Zensical writes into the project root), with `strict`
off so the report can show everything. The report goes to stdout and to
`.cache/quality/zensical-report.md`; it never fails `make test`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from guide import ROOT, links, sitecheck
from guide.quality import site_pages

ZENSICAL_VERSION = "0.0.73"
"""The newest Zensical this machine can install: 0.0.74 to 0.1.3 (newest on 2026-12-02) depend
on `zensical-ui`, which the package index reachable here does not serve (404)."""
UVX_WITH = ["mkdocstrings-python"]
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "guide", "data", "snippets", "uv.lock", "pyproject.toml"]
REPORT = ROOT / ".cache" / "quality" / "zensical-report.md"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
DIRECTIVE = re.compile(r"<!--\s*guide:")
COUNTED = {"tables": "tables", "tabs": "tab sets", "code": "code blocks", "api": "API docs"}


def copy_project(target: Path) -> Path:
    """Copy what a build reads into `target`; its mkdocs.yml builds non-strict into `zensical-site/`."""
    with tempfile.TemporaryFile() as buffer:
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            for part in PROJECT_PARTS:
                if (ROOT / part).exists():
                    archive.add(ROOT / part, arcname=part, filter=_skip_caches)
        buffer.seek(0)
        with tarfile.open(fileobj=buffer) as archive:
            archive.extractall(target, filter="data")
    config = target / "mkdocs.yml"
    text = re.sub(r"(?m)^strict: true$", "strict: false", config.read_text(encoding="utf-8"))
    config.write_text(text + "\nsite_dir: zensical-site\n", encoding="utf-8")
    return target / "zensical-site"


def _skip_caches(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
    return None if "__pycache__" in info.name or info.name.endswith(".pyc") else info


def run(command: list[str], cwd: Path, timeout: float = 600) -> tuple[int, str, float]:
    """Run a build command; exit status, output without colours, seconds."""
    started = time.monotonic()
    quiet = {"NO_COLOR": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    environment = {**os.environ, **quiet}
    result = subprocess.run(  # noqa: S603
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=environment, check=False
    )
    return result.returncode, ANSI.sub("", result.stdout + result.stderr), time.monotonic() - started


def page_facts(site: Path, page: str) -> dict:
    """What the report compares on one page."""
    path = site / page / "index.html"
    html = path.read_text(encoding="utf-8")
    parsed = links.parse(path)
    meta = sitecheck.parse_page(path).meta
    return {
        "anchors": set(parsed.public_ids),
        "directives": len(DIRECTIVE.findall(html)),
        "tables": html.count("<table"),
        "tabs": html.count('class="tabbed-set'),
        "code": html.count('class="highlight'),
        "api": html.count('class="doc doc-'),
        "preview": "og:title" in meta,
        "site_css": "stylesheets/site.css" in html,
    }


def compare(mkdocs_site: Path, zensical_site: Path) -> list[str]:
    """Markdown lines: pages and features that differ between the two builds."""
    ours, theirs = set(site_pages(mkdocs_site)), set(site_pages(zensical_site))
    lines = [f"- Pages: MkDocs {len(ours)}, Zensical {len(theirs)}."]
    for label, missing in (("missing in Zensical", ours - theirs), ("only in Zensical", theirs - ours)):
        if missing:
            lines.append(f"- Pages {label}: " + ", ".join(f"/{page}" for page in sorted(missing)))
    differences = []
    for page in sorted(ours & theirs):
        a, b = page_facts(mkdocs_site, page), page_facts(zensical_site, page)
        notes = []
        if b["directives"]:
            notes.append(f"{b['directives']} guide directives not expanded (hooks do not run)")
        lost = a["anchors"] - b["anchors"]
        if lost:
            notes.append(f"{len(lost)} of {len(a['anchors'])} anchors missing (e.g. #{sorted(lost)[0]})")
        for key, name in COUNTED.items():
            if a[key] != b[key]:
                notes.append(f"{name} {a[key]} -> {b[key]}")
        if a["preview"] and not b["preview"]:
            notes.append("no link-preview tags (overrides/main.html)")
        if a["site_css"] and not b["site_css"]:
            notes.append("site.css not linked")
        if notes:
            differences.append(f"  - /{page}: " + "; ".join(notes))
    lines.append(f"- Pages whose content differs: {len(differences)} of {len(ours & theirs)}")
    lines += differences
    features = {
        "search index": ("search/search_index.json", "search.json"),
        "sitemap": ("sitemap.xml", "sitemap.xml"),
        "published data (/data/*.json, hook)": ("data/versions.json", "data/versions.json"),
        "404 page": ("404.html", "404.html"),
    }
    for name, (ours_file, theirs_file) in features.items():
        if (mkdocs_site / ours_file).exists() and not (zensical_site / theirs_file).exists():
            lines.append(f"- Feature missing in Zensical: {name} ({theirs_file})")
    external = sitecheck.external_resources(zensical_site)
    lines.append(f"- Requests to other origins in the Zensical build: {len(external)}")
    lines += [f"  - {item}" for item in external[:10]]
    return lines


def main() -> int:
    uv = Path(sys.executable).with_name("uv")
    if not uv.is_file():
        print(
            f"make zensical needs uv next to the interpreter ({uv}): run `make clean serve`", file=sys.stderr
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="zensical-canary-") as tmp:
        mkdocs_site = Path(tmp) / "mkdocs-site"
        status, output, mkdocs_seconds = run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(mkdocs_site)], ROOT
        )
        if status:
            print(f"the MkDocs build failed, nothing to compare:\n{output[-3000:]}", file=sys.stderr)
            return 1
        project = Path(tmp) / "project"
        zensical_site = copy_project(project)
        with_args = [arg for package in UVX_WITH for arg in ("--with", package)]
        command = [
            str(uv),
            "tool",
            "run",
            *with_args,
            f"zensical=={ZENSICAL_VERSION}",
            "build",
            "-f",
            "mkdocs.yml",
        ]
        status, output, zensical_seconds = run(command, project)
        lines_out = [line.strip() for line in output.splitlines()]
        warnings = [line for line in lines_out if line.startswith(("Warning", "Error"))]
        lines = [
            f"# Zensical canary ({time.strftime('%Y-%m-%d')}, zensical {ZENSICAL_VERSION})",
            "",
            f"- Build: MkDocs {mkdocs_seconds:.1f} s; Zensical {zensical_seconds:.1f} s, exit {status}, "
            f"{len(warnings)} warnings/errors" + (f" (first: {warnings[0]})" if warnings else ""),
        ]
        if not (zensical_site / "index.html").is_file():
            lines.append("- Zensical wrote no site:\n\n```\n" + output[-3000:] + "\n```")
        else:
            lines += compare(mkdocs_site, zensical_site)
    report = "\n".join(lines) + "\n"
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report, encoding="utf-8")
    print(report)
    print(f"(saved to {REPORT.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
