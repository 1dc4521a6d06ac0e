"""The committed contract results and what the site says about them.

The matrix verdicts on "Does the generated OpenAPI match what the app does?" are computed
from `data/contract_results.json` by `guide.contract.verdict` (`computed: contract` in
`data/matrix.yml`), so a new run that changes the results changes the matrix too.
"""

import pytest

from guide import compare, contract
from guide.frameworks import FRAMEWORKS
from guide.render import Context

CRITERION = "openapi-truthful"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_matrix_verdict_is_computed_from_the_results(framework):
    cell = compare.criterion(CRITERION).cell(framework)
    assert cell.computed == "contract"
    assert cell.text(framework) == contract.verdict(framework)
    apps = contract.results().of(framework)
    assert (
        f"{sum(app.passed for app in apps)} of {sum(len(app.checks) for app in apps)} checks passed"
        in cell.text(framework)
    )


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_matrix_cell_links_the_results_table(framework):
    pages = [item.page for item in compare.criterion(CRITERION).cell(framework).evidence]
    assert "tasks/operations.md#openapi-contract" in pages


def test_every_app_has_results_and_no_server_error():
    results = contract.results()
    assert {app.framework for app in results.apps} == set(FRAMEWORKS)
    for app in results.apps:
        assert app.checks["not_a_server_error"] == "passed", app.key


def test_results_table_names_every_app_and_finding():
    rendered = contract.contract_results(Context(page="tasks/operations.md"))
    for app in contract.results().apps:
        assert f"`{app.file}`" in rendered
        for finding in app.findings:
            assert finding.finding in rendered
