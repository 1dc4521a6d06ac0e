"""Bad input on the real servers (`data/bad_input_results.json`): each app's answer, and whether it says why.

`tests/badinput/` starts every snippet app that answers HTTP under the production server
its page shows, sends it the bad inputs listed in `PROBES`, and writes the answers to the
data file (`UPDATE_BAD_INPUT=1`); the test fails when the file is stale. This module
holds the list of bad inputs, the rule that decides whether an answer's body names what
went wrong, and the directives that render the results on the operations page.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from guide import data, tasks
from guide.frameworks import LABELS, Framework
from guide.render import Context, DirectiveError, directive, table

RESULTS_FILE = "bad_input_results.json"
NO_CAUSE_MARK = "†"
"""Shown after a refusal (status 400 or above) whose body does not name the cause."""


@dataclass(frozen=True)
class Probe:
    """One bad input: its column on the page, how it is sent, and the words that name its cause."""

    id: str
    column: str
    sent: str
    causes: tuple[str, ...]


PROBES: tuple[Probe, ...] = (
    Probe(
        "malformed-json",
        "Bad JSON",
        'the main request with the body `{"name": ` (cut off) as `application/json`',
        ("json", "decode", "parse", "expecting"),
    ),
    Probe(
        "oversized",
        "10 MiB",
        "the main request with a well-formed 10 MiB JSON object (one long string) as `application/json`",
        ("too large", "too big", "size", "length", "exceed", "limit", "too long", "at most"),
    ),
    Probe(
        "wrong-type",
        "`text/plain`",
        "the main request with its usual body (or a small JSON object) labelled `text/plain`",
        ("content-type", "content type", "media type", "mimetype", "unsupported"),
    ),
    Probe(
        "path-utf8",
        "`/%ff`",
        "`GET /%ff`: a path whose one byte is not UTF-8",
        ("not found", "utf-8", "decode"),
    ),
    Probe(
        "query-utf8",
        "`?q=%ff`",
        "the main request with `?q=%ff` appended",
        ("utf-8", "decode", "encoding", "query"),
    ),
    Probe(
        "unknown-method",
        "`BREW`",
        "the main path with the method `BREW`, which no HTTP specification defines",
        ("method",),
    ),
)
"""The bad inputs, in the order of the table's columns."""


def probe(probe_id: str) -> Probe:
    for item in PROBES:
        if item.id == probe_id:
            return item
    raise DirectiveError(f"no bad input {probe_id!r} in guide.bad_input.PROBES")


HIDDEN = re.compile(r"<(style|script|head)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")
EXCERPT = 100


def body_text(body: bytes, media_type: str) -> str:
    """The text a reader of the body sees: an HTML page without its head, styles and tags,
    anything else as it is, whitespace collapsed."""
    text = body.decode("utf-8", errors="replace")
    if media_type == "text/html":
        text = html.unescape(TAG.sub(" ", HIDDEN.sub(" ", text)))
    return " ".join(text.split())


def names_cause(probe_id: str, status: int, media_type: str, body: bytes) -> bool | None:
    """Whether a refusal's body names what went wrong: its text contains one of the probe's cause words.

    The words are matched in any case, in the text `body_text` extracts.

    Returns:
        `None` for an answer below 400 (the input was accepted or ignored: nothing to explain).
    """
    if status < 400:
        return None
    text = body_text(body, media_type).lower()
    return any(word in text for word in probe(probe_id).causes)


def excerpt(status: int, media_type: str, body: bytes) -> str | None:
    """The start of a refusal's text, kept in the results file for review; `None` below 400."""
    if status < 400:
        return None
    text = body_text(body, media_type)
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


class Answer(BaseModel):
    """What one app answered to one bad input."""

    model_config = ConfigDict(extra="forbid")
    status: int = Field(ge=100, le=599)
    media_type: str
    names_cause: bool | None
    excerpt: str | None


class AppResult(BaseModel):
    """One app, its server and main request, and its answer to every bad input."""

    model_config = ConfigDict(extra="forbid")
    key: str
    task: str
    framework: Framework
    label: str
    file: str = Field(pattern=r"^snippets/[a-z0-9_/]+\.py$")
    server: str
    request: str
    answers: dict[str, Answer]


class NotHttp(BaseModel):
    """A snippet file the run leaves out because it does not answer HTTP, and why."""

    model_config = ConfigDict(extra="forbid")
    file: str = Field(pattern=r"^snippets/[a-z0-9_/]+\.py$")
    reason: str = Field(min_length=1)


class Results(BaseModel):
    """The whole of `data/bad_input_results.json`."""

    model_config = ConfigDict(extra="forbid")
    apps: list[AppResult] = Field(min_length=1)
    not_http: list[NotHttp]


@cache
def results() -> Results:
    """Load and validate the results file (once per process)."""
    loaded = data.load(RESULTS_FILE, Results)
    for app in loaded.apps:
        if list(app.answers) != [item.id for item in PROBES]:
            raise data.DataError(f"data/{RESULTS_FILE}: {app.key}.answers must list {[p.id for p in PROBES]}")
    return loaded


def cell(answer: Answer) -> str:
    """A status, with the mark when a refusal does not say what went wrong."""
    return f"{answer.status}{NO_CAUSE_MARK}" if answer.names_cause is False else str(answer.status)


PEER_GROUPS = {
    "peers-hello": ("Like for like: hello", "compare/like-for-like.md#toolkits-hello"),
    "peers-validation": ("Like for like: validation", "compare/like-for-like.md#toolkits-validation"),
}
"""Rows that are not tasks of `data/tasks.yml`: the like-for-like peers, by the group their results use."""


def group(task_id: str) -> tuple[str, str]:
    """The title and page (relative to `docs/`) of the task or peer group a row belongs to."""
    if task_id in PEER_GROUPS:
        return PEER_GROUPS[task_id]
    entry = tasks.task(task_id)
    return entry.title, entry.url


@directive("bad-input-table")
def bad_input_table(context: Context) -> str:
    """One row per app, grouped by task (named once, linked), one column per bad input."""
    rows = []
    previous = None
    for app in results().apps:
        title, page = group(app.task)
        named = f"[{title}]({context.link(page)})" if app.task != previous else ""
        previous = app.task
        cells = [cell(app.answers[item.id]) for item in PROBES]
        framework = (
            app.label if app.label == LABELS[app.framework] else f"{app.label} ({LABELS[app.framework]})"
        )
        rows.append([named, framework, f"`{app.file}` on {app.server}", f"`{app.request}`", *cells])
    return table(
        ["Task", "Framework", "App and server", "Main request", *(item.column for item in PROBES)], rows
    )


@directive("bad-input-not-http")
def bad_input_not_http(context: Context) -> str:
    """The snippet files of the task pages that have no row, each with the reason."""
    return "\n".join(f"- `{item.file}`: {item.reason}." for item in results().not_http)


@directive("bad-input-probes")
def bad_input_probes(context: Context) -> str:
    """The bad inputs as a list: how each is sent and the words that count as naming its cause."""
    return "\n".join(
        f"- **{item.column}**: {item.sent}. Cause named if the body contains "
        + ", ".join(f"`{word}`" for word in item.causes)
        + "."
        for item in PROBES
    )


def _counts(statuses: list[int]) -> str:
    counted = sorted(Counter(statuses).items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"`{status}` from {count}" for status, count in counted)


@directive("bad-input-summary")
def bad_input_summary(context: Context) -> str:
    """Figures computed from the results: apps, requests, server errors, and per bad input the
    statuses with how many apps answered each, and how many refusals named the cause."""
    apps = results().apps
    answers = [answer for app in apps for answer in app.answers.values()]
    errors = sum(answer.status >= 500 for answer in answers)
    lines = [
        f"{len(apps)} apps, {len(answers)} requests, {errors} answers of `500` or above.",
        "",
    ]
    for item in PROBES:
        column = [app.answers[item.id] for app in apps]
        refusals = [answer for answer in column if answer.names_cause is not None]
        named = sum(bool(answer.names_cause) for answer in refusals)
        lines.append(
            f"- **{item.column}**: {_counts([answer.status for answer in column])}; "
            f"{named} of {len(refusals)} refusals name the cause."
        )
    return "\n".join(lines)
