"""Compare two builds of the site: which files appear, disappear or change.

    python -m guide.devtools.compare_builds BEFORE_SITE AFTER_SITE
    python -m guide.devtools.compare_builds --base REV      # build REV and the working tree, then compare

Use it around a refactoring that should not change what readers get. With
`--base`, the revision is exported with `git archive` and built with this
checkout's virtualenv (its own `guide` package first on the import path), so
the comparison shows the effect of the code between REV and now, on the same
data and the same installed packages.

`sitemap.xml` and `sitemap.xml.gz` are left out: MkDocs stamps them with the
build date. A page whose content (its `<article>`) is the same but whose
navigation differs is counted apart from pages whose content changed; for a
changed file the report shows the first differing line of its content.
Exits 0 when the builds are the same, 1 when they differ.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from guide import ROOT

IGNORED = {"sitemap.xml", "sitemap.xml.gz"}


@dataclass(frozen=True)
class Difference:
    """One file that is not the same in both builds."""

    path: str
    kind: str
    """`added`, `removed`, `changed` (the page's article or a non-page file) or `navigation`
    (a page whose article is the same and whose navigation, header or footer differs)."""
    detail: str = ""


def files(site: Path) -> dict[str, Path]:
    """Every file of a built site by its path relative to the site root, without the ignored ones."""
    return {
        path.relative_to(site).as_posix(): path
        for path in site.rglob("*")
        if path.is_file() and path.relative_to(site).as_posix() not in IGNORED
    }


def first_difference(before: bytes, after: bytes) -> str:
    """The first line that differs, shortened, or a note for binary files."""
    try:
        old, new = before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"binary, {len(before)} -> {len(after)} bytes"
    for number, (a, b) in enumerate(zip(old, new, strict=False), start=1):
        if a != b:
            same = (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
            start = max(0, next(same, min(len(a), len(b))) - 40)
            return f"line {number}: {a[start : start + 100]!r} -> {b[start : start + 100]!r}"
    return f"{len(old)} -> {len(new)} lines"


def article(html: bytes) -> bytes:
    """The content of a page (its `<article>`), or the whole file when it has none."""
    start, end = html.find(b"<article"), html.rfind(b"</article>")
    return html[start:end] if 0 <= start < end else html


def compare(before: Path, after: Path) -> list[Difference]:
    """What differs between two site folders, in path order."""
    old, new = files(before), files(after)
    differences = [Difference(path, "removed") for path in old.keys() - new.keys()]
    differences += [Difference(path, "added") for path in new.keys() - old.keys()]
    for path in old.keys() & new.keys():
        a, b = old[path].read_bytes(), new[path].read_bytes()
        if a == b:
            continue
        if path.endswith(".html") and article(a) == article(b):
            differences.append(Difference(path, "navigation", first_difference(a, b)))
        else:
            differences.append(Difference(path, "changed", first_difference(article(a), article(b))))
    return sorted(differences, key=lambda item: item.path)


def build(project: Path, site: Path) -> None:
    """Build `project` (a folder with mkdocs.yml) into `site` with this checkout's virtualenv.

    Raises:
        RuntimeError: The build failed; the message ends with MkDocs's output.
    """
    environment = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    environment["DISABLE_MKDOCS_2_WARNING"] = "true"
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    result = subprocess.run(  # noqa: S603
        command, cwd=project, env=environment, capture_output=True, text=True, check=False, timeout=900
    )
    if result.returncode:
        raise RuntimeError(f"building {project} failed:\n{(result.stdout + result.stderr)[-3000:]}")


def export(revision: str, target: Path) -> None:
    """Write the files of a git revision into `target`.

    Raises:
        RuntimeError: git does not know the revision.
    """
    archive = target.with_suffix(".tar")
    result = subprocess.run(  # noqa: S603
        ["git", "archive", "--output", str(archive), revision],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"git archive {revision}: {result.stderr.strip()}")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")


def report(differences: list[Difference]) -> str:
    """The differences as Markdown lines, or a line saying there are none."""
    if not differences:
        return "The two builds are the same (sitemaps aside)."
    navigation = [item for item in differences if item.kind == "navigation"]
    others = [item for item in differences if item.kind != "navigation"]
    lines = [f"{len(differences)} files differ; {len(navigation)} of them only outside the page content."]
    for item in others:
        lines.append(f"- {item.kind}: {item.path}" + (f" ({item.detail})" if item.detail else ""))
    if navigation:
        lines.append(f"- navigation, header or footer only: {len(navigation)} pages")
        lines.append(f"  (first: {navigation[0].path}: {navigation[0].detail})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guide.devtools.compare_builds", description=__doc__.splitlines()[0]
    )
    parser.add_argument("sites", nargs="*", type=Path, help="BEFORE_SITE AFTER_SITE")
    parser.add_argument("--base", help="git revision to build and compare with the working tree")
    options = parser.parse_args(argv)
    if options.base is None and len(options.sites) != 2:
        parser.error("give two site folders, or --base REV")
    try:
        if options.base is None:
            before, after = options.sites
            differences = compare(before, after)
        else:
            with tempfile.TemporaryDirectory(prefix="compare-builds-") as tmp:
                project = Path(tmp) / "base"
                export(options.base, project)
                build(project, Path(tmp) / "before")
                build(ROOT, Path(tmp) / "after")
                differences = compare(Path(tmp) / "before", Path(tmp) / "after")
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(report(differences))
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
