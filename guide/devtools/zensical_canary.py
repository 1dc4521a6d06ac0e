"""Zensical canary: build the generated site with Zensical and report what differs from MkDocs.

    python -m guide.devtools.zensical_canary      # make zensical

Zensical reads `mkdocs.yml` but runs no MkDocs hooks or plugins of its own kind, so
the canary first writes the generated site source with `guide.generate` (every
directive expanded, the published data files added, notebook pages as Markdown)
and points a copy of `mkdocs.yml` at it. Zensical runs in its own tool environment
(`uv tool run zensical@latest`: the newest release this machine's package index can
install, with the mkdocstrings handler it needs, using the uv the project venv
already has), so it never touches the project's lock file or venv.

The report lists the pages and features that differ, each with the MkDocs plugin
whose absence causes it (`PLUGIN_GAPS`); it goes to stdout and to
`.cache/quality/zensical-report.md` and never fails `make test`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from difflib import SequenceMatcher
from html import unescape
from importlib.metadata import version
from pathlib import Path

from guide import ROOT, generate
from tests.support import links, sitecheck
from tests.support.quality import site_pages

ZENSICAL = ["--refresh-package", "zensical", "--from", "zensical>=0.0.73", "zensical"]
"""The newest release the package index can install, checked on every run. (On 2026-12-02 that
is 0.0.73 here: 0.0.74 and later depend on `zensical-ui`, which this machine's index does not
serve, so uv falls back to the newest release it can install.)"""
API_DOC_PACKAGES = ("mkdocstrings", "mkdocstrings-python", "griffelib", "ruff")
UVX_WITH = [f"{name}=={version(name)}" for name in API_DOC_PACKAGES]
"""The API-doc packages at the versions the project locks (ruff formats the signatures), so API
pages differ only by what Zensical itself does."""
PROJECT_PARTS = ["mkdocs.yml", "overrides", "guide", "data", "snippets", "tests", "uv.lock", "pyproject.toml"]
"""What the build reads besides the pages: pages include files from snippets/ and tests/."""
GENERATED = "build/docs"
REPORT = ROOT / ".cache" / "quality" / "zensical-report.md"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
DIRECTIVE = re.compile(r"<!--\s*guide:")
COUNTED = {"tables": "tables", "tabs": "tab sets", "code": "code blocks", "api": "API docs"}
PLUGIN_GAPS = {
    "hooks (guide/mkdocs_hooks.py)": "stood in for by `guide.generate` (directives expanded, data written)",
    "mkdocs-jupyter": "notebook pages are built from the Markdown nbconvert writes, without Jupyter styling",
    "mike": "no edition selector (it is off in local builds too)",
    "redirects": "no redirect pages (none are configured while `redirect_maps` is empty)",
}
"""MkDocs plugins in mkdocs.yml that Zensical does not run, and what the Zensical build shows instead."""


def copy_project(target: Path) -> Path:
    """Copy what a build reads into `target`, with the generated pages in `build/docs/`.

    Its mkdocs.yml builds `build/docs/` non-strict into `zensical-site/`, with notebook
    pages in the nav as the Markdown pages `guide.generate` wrote for them.
    """
    with tempfile.TemporaryFile() as buffer:
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            for part in PROJECT_PARTS:
                if (ROOT / part).exists():
                    archive.add(ROOT / part, arcname=part, filter=_skip_caches)
        buffer.seek(0)
        with tarfile.open(fileobj=buffer) as archive:
            archive.extractall(target, filter="data")
    generate.write(target / GENERATED, notebooks_as_markdown=True)
    config = target / "mkdocs.yml"
    text = re.sub(r"(?m)^strict: true$", "strict: false", config.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^(\s*-.*)\.ipynb$", r"\1.md", text)
    config.write_text(text + f"\ndocs_dir: {GENERATED}\nsite_dir: zensical-site\n", encoding="utf-8")
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
        "code": html.count("<pre"),
        "api": html.count('class="doc doc-'),
        "preview": "og:title" in meta,
        "site_css": "stylesheets/site.css" in html,
        "words": article_words(html),
    }


def article_words(html: str) -> list[str]:
    """The words a reader sees in the page's article, without markup or permalink signs."""
    start, end = html.find("<article"), html.rfind("</article>")
    article = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html[start:end] if start >= 0 else "")
    text = re.sub(r"<[^>]+>", " ", article)
    return [word for word in unescape(text).split() if word not in {"¶", "#"}]


def compare(mkdocs_site: Path, zensical_site: Path) -> list[str]:
    """Markdown lines: pages and features that differ between the two builds."""
    ours, theirs = set(site_pages(mkdocs_site)), set(site_pages(zensical_site))
    lines = [f"- Pages: MkDocs {len(ours)}, Zensical {len(theirs)}."]
    for label, missing in (("missing in Zensical", ours - theirs), ("only in Zensical", theirs - ours)):
        if missing:
            lines.append(f"- Pages {label}: " + ", ".join(f"/{page}" for page in sorted(missing)))
    notebooks = {
        path.relative_to(generate.DOCS_DIR).with_suffix("").as_posix() + "/"
        for path in generate.sources()
        if path.suffix == ".ipynb"
    }
    differences = []
    for page in sorted(ours & theirs):
        a, b = page_facts(mkdocs_site, page), page_facts(zensical_site, page)
        notes = ["notebook page (mkdocs-jupyter)"] if page in notebooks and a != b else []
        if b["directives"]:
            notes.append(f"{b['directives']} guide directives not expanded (hooks do not run)")
        lost = a["anchors"] - b["anchors"]
        if lost:
            notes.append(f"{len(lost)} of {len(a['anchors'])} anchors missing (e.g. #{sorted(lost)[0]})")
        for key, name in COUNTED.items():
            if a[key] != b[key]:
                notes.append(f"{name} {a[key]} -> {b[key]}")
        if a["words"] != b["words"]:
            changed = [
                block
                for block in SequenceMatcher(None, a["words"], b["words"], autojunk=False).get_opcodes()
                if block[0] != "equal"
            ]
            tag, i1, i2, j1, j2 = changed[0]
            notes.append(
                f"text differs in {len(changed)} places (first: {' '.join(a['words'][i1:i2][:8])!r} -> "
                f"{' '.join(b['words'][j1:j2][:8])!r})"
            )
        if a["preview"] and not b["preview"]:
            notes.append("no link-preview tags (overrides/main.html)")
        if a["site_css"] and not b["site_css"]:
            notes.append("site.css not linked")
        if notes:
            differences.append(f"  - /{page}: " + "; ".join(notes))
    lines.append(f"- Pages whose content differs: {len(differences)} of {len(ours & theirs)}")
    lines += differences
    lines.append("- MkDocs plugins Zensical does not run, and what shows instead:")
    lines += [f"  - {plugin}: {effect}" for plugin, effect in PLUGIN_GAPS.items()]
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


def release(output: str) -> str:
    """The version number in `zensical --version` output (uv may print install lines around it)."""
    found = re.findall(r"\b\d+\.\d+\.\d+\S*", output)
    return found[-1] if found else "version unknown"


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
        try:
            zensical_site = copy_project(project)
        except generate.GenerateError as error:
            print(f"guide.generate failed, nothing to compare: {error}", file=sys.stderr)
            return 1
        with_args = [arg for package in UVX_WITH for arg in ("--with", package)]
        python = ["--python", sys.executable]
        zensical = [str(uv), "tool", "run", *python, *with_args, *ZENSICAL]
        _, version, _ = run([*zensical, "--version"], project)
        status, output, zensical_seconds = run([*zensical, "build", "-f", "mkdocs.yml"], project)
        lines_out = [line.strip() for line in output.splitlines()]
        warnings = [line for line in lines_out if line.startswith(("Warning", "Error"))]
        lines = [
            f"# Zensical canary ({time.strftime('%Y-%m-%d')}, zensical {release(version)})",
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
