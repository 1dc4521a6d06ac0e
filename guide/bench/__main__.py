"""`python -m guide.bench [--smoke] [--out data/benchmarks/<run>.json]`: run the benchmark harness."""

from __future__ import annotations

import argparse
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from guide import ROOT
from guide.bench import runner
from guide.bench.schema import validate_document
from guide.bench.settings import FULL, SMOKE, Settings


def stop_on_sigterm(signum, frame) -> None:
    """Turn SIGTERM into SystemExit so that running servers are stopped by their context managers."""
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guide.bench", description="Benchmark Flask, FastAPI and Django."
    )
    parser.add_argument("--smoke", action="store_true", help="one scenario per framework, one short repeat")
    parser.add_argument("--out", type=Path, help="result file (default: data/benchmarks/run-<UTC time>.json)")
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the random visiting order (default: random)"
    )
    parser.add_argument(
        "--only",
        metavar="TEXT",
        action="append",
        help="run only the cells whose 'scenario/configuration' contains TEXT (repeat for several)",
    )
    args = parser.parse_args(argv)
    settings = SMOKE if args.smoke else FULL
    if args.seed:
        settings = Settings(**{**settings.__dict__, "seed": args.seed})
    out = args.out or ROOT / "data" / "benchmarks" / f"{settings.mode}-{datetime.now(UTC):%Y%m%dT%H%M}.json"
    try:
        cells = None
        if args.only:
            unmatched = [text for text in args.only if not any(text in cell.key for cell in runner.CELLS)]
            if unmatched:
                print(f"error: no cell matches {', '.join(map(repr, unmatched))}", file=sys.stderr)
                return 2
            cells = [cell for cell in runner.CELLS if any(text in cell.key for text in args.only)]
        document = runner.run(
            settings, cells, progress=lambda message: print(message, file=sys.stderr, flush=True)
        )
    except runner.BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    runner.write(document, out)
    failed = [cell for cell in document["cells"] if cell["status"] == "failed"]
    print(f"wrote {out} in {document['run']['duration_s']:.0f} s", file=sys.stderr)
    for cell in failed:
        print(f"FAILED {cell['scenario']}/{cell['configuration']}: {cell['failure']}", file=sys.stderr)
    problems = validate_document(document, str(out), require_full=settings.mode == "full" and not args.only)
    for problem in problems:
        print(f"invalid result: {problem}", file=sys.stderr)
    return 1 if failed or problems else 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    sys.exit(main())
