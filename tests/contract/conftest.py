"""Print what the contract tests found per framework at the end of the run."""

from guide.frameworks import FRAMEWORKS, LABELS
from tests.contract.results import RESULTS


def pytest_terminal_summary(terminalreporter):
    tested = [result for result in RESULTS.values() if result.operations]
    if not tested:
        return
    terminalreporter.section("OpenAPI contract checks (Schemathesis)")
    terminalreporter.write_line(f"{'framework':<10} {'library':<13} {'apps':>4} {'passed':>7} {'failed':>7}")
    for framework in FRAMEWORKS:
        for library in sorted({result.app.library for result in tested if result.app.framework == framework}):
            group = [result for result in tested if result.app.library == library]
            passed = sum(len(result.ran - result.failed) for result in group)
            failed = sum(len(result.failed) for result in group)
            terminalreporter.write_line(
                f"{LABELS[framework]:<10} {library:<13} {len(group):>4} {passed:>7} {failed:>7}"
            )
    for result in tested:
        for check, operation, finding in sorted(result.findings):
            terminalreporter.write_line(f"  {result.app.key}: {check} on {operation}: {finding}")
