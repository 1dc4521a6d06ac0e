"""Links from the Decide pages that `Context.link` does not make.

Links to built URLs for raw HTML, an outcome's evidence, and the task that shows a snippet.
"""

from __future__ import annotations

from posixpath import dirname, relpath

from guide import compare, tasks
from guide.compare import Evidence as Source
from guide.decide.schema import BENCHMARK_TITLES, Outcome
from guide.render import Context


def url_link(context: Context, site_path: str) -> str:
    """A link from the built page of `context` to a site-relative URL.

    For raw HTML (the flowchart, the wizard's data), which MkDocs does not rewrite.
    """
    page = context.page.removesuffix(".md")
    page_dir = dirname(page) if page == "index" or page.endswith("/index") else page
    path, hash_mark, anchor = site_path.partition("#")
    link = relpath(path or ".", page_dir or ".")
    if not path or path.endswith("/"):
        link += "/"
    return link + hash_mark + anchor


def evidence_links(outcome: Outcome) -> list[tuple[str, str]]:
    """(label, target page relative to `docs/`) for every piece of evidence an outcome names."""
    links = []
    for task_id in outcome.evidence.tasks:
        task = tasks.task(task_id)
        links.append((f"Task: {task.title}", task.url))
    for section in outcome.evidence.benchmarks:
        links.append((f"Benchmarks: {BENCHMARK_TITLES[section]}", f"benchmarks/index.md#{section}"))
    for criterion in outcome.evidence.matrix:
        title = compare.criterion(criterion).title
        links.append((f"Comparison matrix: {title}", f"compare/matrix.md#{criterion}"))
    for claim in outcome.evidence.claims:
        entry = compare.claim(claim)
        links.append((f"Claim: “{entry.claim}” ({entry.verdict})", f"compare/claims.md#{claim}"))
    return links


def evidence_markdown(context: Context, evidence: list[Source]) -> str:
    """Evidence as Markdown links, separated by semicolons."""
    return "; ".join(item.markdown(context) for item in evidence)


def snippet_task(path: str) -> tasks.Task | None:
    """The task that shows a snippet file, if any."""
    for task in tasks.catalogue().tasks:
        if task.files and path in task.files.flask + task.files.fastapi + task.files.django:
            return task
    return None
