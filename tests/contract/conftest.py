"""Print what the contract tests found per framework at the end of the run.

The contract modules depend on one another within a session (the results file is compared
once every app has run), and Schemathesis collects only part of its cases in a pytest-xdist
worker, so `make unit` runs this folder in one plain process (Makefile, `IN_ONE_PROCESS`).
"""

from guide.frameworks import FRAMEWORKS, LABELS
from tests.contract.results import RESULTS
from tests.support import summaries


def contract_table() -> list[str]:
    tested = [result for result in RESULTS.values() if result.operations]
    if not tested:
        return []
    lines = [f"{'framework':<10} {'library':<13} {'apps':>4} {'passed':>7} {'failed':>7}"]
    for framework in FRAMEWORKS:
        for library in sorted({result.app.library for result in tested if result.app.framework == framework}):
            group = [result for result in tested if result.app.library == library]
            passed = sum(len(result.ran - result.failed) for result in group)
            failed = sum(len(result.failed) for result in group)
            lines.append(f"{LABELS[framework]:<10} {library:<13} {len(group):>4} {passed:>7} {failed:>7}")
    for result in tested:
        for check, operation, finding in sorted(result.findings):
            lines.append(f"  {result.app.key}: {check} on {operation}: {finding}")
    return lines


summaries.table("OpenAPI contract checks (Schemathesis)", contract_table, summaries.lines)
