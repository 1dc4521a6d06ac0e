"""Cold start of each serverless handler: import time and first invocation, in fresh processes.

A serverless platform starts a new Python process for a cold invocation, imports the
handler module, then calls the handler with the event. This module does the same on this
machine: per framework it runs `repeats` fresh interpreters, each importing the handler
module of `snippets/serverless/` and invoking it once with the sample HTTP API event, and
records both times. The platform's own start-up (container, runtime) is not included.

    python -m guide.bench.coldstart [--repeats 5] [--output data/benchmarks/coldstart-<time>.json]

The newest `data/benchmarks/coldstart-*.json` is shown on the serverless task page by the
`coldstart` directive; a malformed file stops the build with the file and the field named.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from pydantic import Field

from guide import ROOT, data, templates
from guide.bench import probes
from guide.bench.schema import Strict
from guide.frameworks import FRAMEWORKS, LABELS, Framework
from guide.render import Context, DirectiveError, directive, table

RESULTS_DIR = ROOT / "data" / "benchmarks"
EVENT = "snippets/serverless/events/http_api_get_hello.json"
HANDLERS: dict[Framework, str] = {
    "flask": "snippets.serverless.flask_handler",
    "fastapi": "snippets.serverless.fastapi_handler",
    "django": "snippets.serverless.django_handler",
}
PACKAGES = ("flask", "fastapi", "django", "mangum", "a2wsgi")

CHILD = """
import importlib, json, sys, time
event = json.loads(sys.argv[2])
class Context:
    function_name = "coldstart"
    aws_request_id = "coldstart"
    def get_remaining_time_in_millis(self):
        return 30000
started = time.perf_counter()
module = importlib.import_module(sys.argv[1])
imported = time.perf_counter()
answer = module.handler(event, Context())
answered = time.perf_counter()
print(json.dumps({"import_ms": (imported - started) * 1000,
                  "first_invocation_ms": (answered - imported) * 1000,
                  "status": answer["statusCode"]}))
"""
"""The code each fresh interpreter runs: only the standard library is loaded before the clock starts."""


class Summary(Strict):
    """Median, minimum and maximum of one measure over the repeats, in milliseconds."""

    median: float = Field(ge=0)
    min: float = Field(ge=0)
    max: float = Field(ge=0)


class Sample(Strict):
    """One fresh process."""

    import_ms: float = Field(ge=0)
    first_invocation_ms: float = Field(ge=0)
    status: int


class FrameworkResult(Strict):
    """One framework's handler, measured `repeats` times."""

    handler: str
    import_ms: Summary
    first_invocation_ms: Summary
    samples: list[Sample] = Field(min_length=1)


class ColdStartFile(Strict):
    """A whole `data/benchmarks/coldstart-*.json`."""

    kind: str = Field(pattern="^coldstart$")
    created: str
    repeats: int = Field(ge=1)
    event: str
    machine: dict[str, object]
    versions: dict[str, str]
    frameworks: dict[Framework, FrameworkResult]


def summary(values: list[float]) -> dict[str, float]:
    """Median, min and max, rounded to a hundredth of a millisecond."""
    return {
        "median": round(statistics.median(values), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
    }


def measure_once(module: str, event: dict, env: dict[str, str]) -> dict:
    """Import `module` and invoke its handler once, in a fresh interpreter.

    Raises:
        RuntimeError: The child failed or the handler did not answer 200.
    """
    printed = probes.fresh_python(CHILD, [module, json.dumps(event)], env, f"cold start of {module}", 120)
    sample = json.loads(printed)
    if sample["status"] != 200:
        raise RuntimeError(f"cold start of {module}: the handler answered {sample['status']}, not 200")
    return sample


def run(repeats: int = 5, frameworks: tuple[Framework, ...] = FRAMEWORKS) -> dict:
    """Measure every framework's handler `repeats` times; return the result document."""
    event = json.loads((ROOT / EVENT).read_text(encoding="utf-8"))
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
    }
    results = {}
    for framework in frameworks:
        module = HANDLERS[framework]
        samples = [measure_once(module, event, env) for _ in range(repeats)]
        results[framework] = {
            "handler": module.replace(".", "/") + ".py",
            "import_ms": summary([sample["import_ms"] for sample in samples]),
            "first_invocation_ms": summary([sample["first_invocation_ms"] for sample in samples]),
            "samples": [
                {key: round(value, 2) if isinstance(value, float) else value for key, value in sample.items()}
                for sample in samples
            ],
        }
    return {
        "kind": "coldstart",
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "repeats": repeats,
        "event": EVENT,
        "machine": probes.machine(),
        "versions": {name: metadata.version(name) for name in PACKAGES},
        "frameworks": results,
    }


def load(path: Path) -> ColdStartFile:
    """Read and validate one result file.

    Raises:
        DataError: The file is missing, not JSON, or a field is missing or wrong (file and field named).
    """
    return data.load(path, ColdStartFile)


def newest(folder: Path = RESULTS_DIR) -> Path | None:
    """The newest `coldstart-*.json` (names sort by time)."""
    paths = sorted(folder.glob("coldstart-*.json"))
    return paths[-1] if paths else None


def _range(measure: Summary) -> str:
    return f"{measure.median:.0f} ({measure.min:.0f}–{measure.max:.0f})"


@directive("coldstart")
def coldstart_table(context: Context) -> str:
    """The newest cold-start result as a table: import and first invocation per framework."""
    path = newest()
    if path is None:
        raise DirectiveError("no data/benchmarks/coldstart-*.json: run python -m guide.bench.coldstart")
    result = load(path)
    rows = [
        [
            LABELS[name],
            f"`{entry.handler}`",
            _range(entry.import_ms),
            _range(entry.first_invocation_ms),
        ]
        for name, entry in result.frameworks.items()
    ]
    caption = templates.render(
        "bench/coldstart.md.j2",
        repeats=result.repeats,
        path=path.relative_to(ROOT),
        created=result.created,
        cpu_model=result.machine.get("cpu_model", "unknown CPU"),
        python=result.machine.get("python", "?"),
        versions=result.versions,
    )
    return table(["Framework", "Handler", "Import (ms)", "First invocation (ms)"], rows) + "\n\n" + caption


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    document = run(args.repeats)
    output = args.output or RESULTS_DIR / f"coldstart-{time.strftime('%Y%m%dT%H%M', time.gmtime())}.json"
    output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    load(output)
    print(output.relative_to(ROOT) if output.is_relative_to(ROOT) else output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
