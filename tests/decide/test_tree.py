"""The decision tree and the use cases: validation, walking, and clear errors on bad data."""

import copy

import pytest
import yaml

from guide import ROOT, decide
from guide.data import DataError
from guide.decide.schema import OUTCOME_PAGES
from tests.decide.trees import GOOD_TREE

REQUIRED_USE_CASES = {
    "ml-model-serving",
    "spa-mobile-api",
    "online-shop",
    "editorial-cms",
    "internal-admin-tool",
    "realtime-chat",
    "upstream-fan-out",
    "htmx-app",
    "quick-prototype",
    "multi-tenant-saas",
    "webhook-receiver",
    "llm-streaming",
    "flask-needs-api-docs",
    "django-needs-typed-api",
}


def test_the_real_tree_and_use_cases_load():
    tree = decide.load_tree()
    cases = decide.load_use_cases(tree)
    assert tree.question(tree.start) is not None
    assert len(cases) >= 30
    assert {case.id for case in cases} >= REQUIRED_USE_CASES


@pytest.mark.parametrize("case", decide.use_cases(), ids=lambda case: case.id)
def test_each_use_case_reaches_the_outcome_and_caveats_it_states(case):
    steps, reached = decide.walk(decide.tree(), case.answers)
    assert reached == case.outcome
    assert [question.id for question, _ in decide.grouped(steps)] == list(case.answers)
    assert case.caveats == decide.collected(steps, "caveats")
    assert case.addons == decide.collected(steps, "addons")


def test_every_caveat_and_add_on_is_reached_by_a_use_case():
    tree = decide.tree()
    assert len(tree.caveats) >= 6
    assert len(tree.addons) >= 4
    assert {"exit", "add-on"} <= {addon.kind for addon in tree.addons}
    assert {caveat.id for caveat in tree.caveats} == {c for case in decide.use_cases() for c in case.caveats}
    assert {addon.id for addon in tree.addons} == {a for case in decide.use_cases() for a in case.addons}


def test_every_caveat_and_add_on_has_evidence_that_is_a_page_here_or_a_dated_source():
    tree = decide.tree()
    for item in [*tree.caveats, *tree.addons]:
        assert item.evidence, item.id
        for source in item.evidence:
            if source.page:
                assert (ROOT / "docs" / source.page.partition("#")[0]).is_file(), source.page
            else:
                assert str(source.url).startswith("https://") and source.retrieved.isoformat() == "2026-12-02"


def test_the_factors_the_issue_names_are_expressible():
    """Workload, deployment, team, constraints, product kind and an existing FastAPI app are questions."""
    tree = decide.tree()
    answers = {f"{q.id}={a.id}" for q in tree.questions for a in q.answers}
    assert {"workload=cpu", "workload=many-small", "workload=long-lived", "workload=fan-out"} <= answers
    assert {"deployment=serverless", "deployment=container", "deployment=fleet"} <= answers
    assert {"team=first-project", "team=new-to-async", "team=knows-django"} <= answers
    assert {"constraints=regulated", "constraints=i18n"} <= answers
    assert {
        "shape=api",
        "shape=graphql",
        "shape=pages",
        "shape=htmx",
        "shape=cms",
        "shape=dashboard",
    } <= answers
    assert {"shape=admin-db", "start=fastapi", "fastapi-need=admin", "fastapi-need=pages"} <= answers
    assert [q.id for q in tree.questions if q.multiple] == ["workload", "team", "constraints"]


def test_the_two_dont_migrate_cases_keep_their_framework():
    cases = {case.id: case for case in decide.use_cases()}
    assert cases["flask-needs-api-docs"].outcome == "flask-apiflask"
    assert cases["django-needs-typed-api"].outcome == "django-ninja"


def test_every_outcome_has_exactly_one_page_and_every_page_an_outcome():
    outcomes = {outcome.id for outcome in decide.tree().outcomes}
    pages = {path.stem for path in OUTCOME_PAGES.glob("*.md")}
    assert pages == outcomes
    for outcome in outcomes:
        text = (OUTCOME_PAGES / f"{outcome}.md").read_text(encoding="utf-8")
        assert f"<!-- guide:decide-outcome {outcome} -->" in text


def test_every_outcome_page_is_in_the_nav():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for outcome in decide.tree().outcomes:
        assert f"- {outcome.page}\n" in config


def test_every_outcome_is_reached_and_every_answer_has_a_reason():
    tree = decide.tree()
    for outcome in tree.outcomes:
        assert decide.paths_to(tree, outcome.id), outcome.id
    for question in tree.questions:
        for answer in question.answers:
            assert answer.reason.strip(), f"{question.id}.{answer.id}"


def test_every_path_ends_in_an_outcome():
    tree = decide.tree()
    endings = [steps[-1][1].next for outcome in tree.outcomes for steps in decide.paths_to(tree, outcome.id)]
    leaves = sum(1 for question in tree.routing for answer in question.answers if tree.outcome(answer.next))
    assert len(endings) >= leaves
    assert all(tree.outcome(node) for node in endings)


def test_mixed_outcomes_are_real_outcomes():
    ids = {outcome.id for outcome in decide.tree().outcomes}
    assert {"django-plus-fastapi", "flask-apiflask", "django-ninja"} <= ids


# --------------------------------------------------------------------------- walking


def test_walk_stops_at_the_next_question_when_answers_run_out():
    steps, reached = decide.walk(decide.tree(), {"start": "new"})
    assert reached is None
    assert decide.steps_end(decide.tree(), steps) == "shape"


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"start": "bogus"}, "'bogus' is not an answer"),
        ({"nonsense": "x"}, "'nonsense' is not a question"),
        ({"start": "flask", "shape": "api"}, "'shape' is not asked on the path"),
        ({"start": "new", "shape": ["api", "pages"]}, "shape: give exactly one answer"),
        (
            {"start": "new", "shape": "concurrent", "workload": ["none", "cpu"]},
            "workload: 'none' cannot be ticked with other answers",
        ),
    ],
)
def test_walk_rejects_unknown_and_contradictory_answers(answers, message):
    with pytest.raises(decide.PathError, match=message):
        decide.walk(decide.tree(), answers)


def test_permalink_names_the_edition_the_answers_in_the_order_asked_and_the_outcome():
    steps, _ = decide.walk(decide.tree(), {"start": "new", "shape": "api", "api-data": "no"})
    link = decide.permalink(decide.tree(), steps)
    assert link == "decide/?v=2&start=new&shape=api&api-data=no"
    steps, _ = decide.walk(
        decide.tree(),
        {
            "start": "new",
            "shape": "api",
            "api-data": "no",
            "workload": ["fan-out", "cpu"],
            "deployment": "fleet",
            "team": "none",
            "constraints": ["none"],
        },
    )
    assert decide.permalink(decide.tree(), steps) == (
        "decide/?v=2&start=new&shape=api&api-data=no&workload=cpu&workload=fan-out&deployment=fleet"
        "&team=none&constraints=none&outcome=fastapi"
    )
    assert decide.permalink(decide.tree(), steps[:1]) == "decide/?v=2&start=new"


# --------------------------------------------------------------------------- bad data in temp files


def load(write_tree, document, with_pages=True):
    path, pages = write_tree(document, with_pages)
    return decide.load_tree(path, pages)


def test_the_good_fixture_loads(write_tree):
    tree = load(write_tree, GOOD_TREE)
    assert decide.walk(tree, {"q1": "a", "q2": "yes"})[1] == "out-a"


def broken(change) -> dict:
    document = copy.deepcopy(GOOD_TREE)
    change(document)
    return document


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["questions"][0]["answers"][0].pop("reason"),
            r"tree\.yml: questions\.0\.answers\.0\.reason: Field required",
        ),
        (
            lambda d: d["questions"][1]["answers"][0].update(next="nowhere"),
            r"questions\[q2\]\.answers\[yes\]\.next: 'nowhere' is neither a question nor an outcome",
        ),
        (
            lambda d: d["questions"][1]["answers"][1].update(next="q1"),
            r"questions\[q1\]: cycle: q1 -> q2 -> q1",
        ),
        (
            lambda d: d["questions"][0]["answers"][0].update(next="out-a"),
            r"questions\[q2\]: no path from the start question reaches it",
        ),
        (
            lambda d: d["outcomes"].append({**d["outcomes"][0], "id": "out-c"}),
            r"outcomes\[out-c\]: no path from the start question reaches it",
        ),
        (lambda d: d.update(start="out-a"), r"start: 'out-a' is not a question id"),
        (
            lambda d: d["outcomes"][0].update(id="q2"),
            r"outcomes\[q2\]\.id: id 'q2' is used twice",
        ),
        (
            lambda d: d["questions"][0]["answers"][1].update(id="a"),
            r"questions\[q1\]\.answers\[a\]\.id: answer id 'a' is used twice",
        ),
        (
            lambda d: d["outcomes"][0]["evidence"].update(tasks=["no-such-task"]),
            r"outcomes\[out-a\]\.evidence\.tasks: no task 'no-such-task'",
        ),
        (
            lambda d: d["outcomes"][0]["evidence"].update(matrix=["no-such-row"]),
            r"outcomes\[out-a\]\.evidence\.matrix: no 'no-such-row' in data/matrix\.yml",
        ),
        (
            lambda d: d["outcomes"][0]["evidence"].update(claims=["no-such-claim"]),
            r"outcomes\[out-a\]\.evidence\.claims: no 'no-such-claim' in data/claims\.yml",
        ),
        (
            lambda d: d["outcomes"][0].update(snippets=["snippets/nothing.py"]),
            r"outcomes\[out-a\]\.snippets: snippets/nothing\.py does not exist",
        ),
        (
            lambda d: d["outcomes"][0].update(snippets=["guide/data.py"]),
            r"outcomes\[out-a\]\.snippets: guide/data\.py is not a tested Python file under snippets/",
        ),
        (
            lambda d: d["outcomes"][0]["evidence"].update(benchmarks=["speed"]),
            r"outcomes\.0\.evidence\.benchmarks\.0: Input should be 'results'",
        ),
    ],
    ids=[
        "missing-reason",
        "unknown-target",
        "cycle",
        "unreachable-question",
        "unreachable-outcome",
        "start-not-a-question",
        "duplicate-id",
        "duplicate-answer",
        "unknown-task",
        "unknown-matrix-row",
        "unknown-claim",
        "missing-snippet",
        "not-a-snippet",
        "unknown-benchmark-section",
    ],
)
def test_bad_tree_gives_a_data_error_naming_file_and_field(write_tree, change, message):
    with pytest.raises(DataError, match=message) as raised:
        load(write_tree, broken(change))
    assert "tree.yml: " in str(raised.value)


THEN_TREE = copy.deepcopy(GOOD_TREE)
THEN_TREE["then"] = ["q3"]
THEN_TREE["questions"].append(
    {
        "id": "q3",
        "short": "Third",
        "text": "Third question?",
        "multiple": True,
        "answers": [
            {"id": "hot", "label": "Hot", "reason": "Because hot.", "caveats": ["warm"]},
            {"id": "none", "label": "None", "reason": "Because none."},
        ],
    }
)
THEN_TREE["questions"][0]["answers"][1]["addons"] = ["extra"]
THEN_TREE["caveats"] = [
    {
        "id": "warm",
        "title": "Warm",
        "text": "It gets warm.",
        "evidence": [{"page": "benchmarks/index.md#results", "title": "Results"}],
    }
]
THEN_TREE["addons"] = [
    {
        "id": "extra",
        "kind": "exit",
        "title": "Extra",
        "text": "An extra tool.",
        "evidence": [{"url": "https://example.org/", "title": "Example", "retrieved": "2026-12-02"}],
    }
]


def then_broken(change) -> dict:
    document = copy.deepcopy(THEN_TREE)
    change(document)
    return document


def test_the_then_fixture_loads_and_its_caveats_ride_along(write_tree):
    tree = load(write_tree, THEN_TREE)
    steps, outcome = decide.walk(tree, {"q1": "b", "q3": ["hot"]})
    assert (outcome, decide.collected(steps, "caveats"), decide.collected(steps, "addons")) == (
        "out-b",
        ["warm"],
        ["extra"],
    )
    assert decide.walk(tree, {"q1": "b"})[1] is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["caveats"][0].update(evidence=[]), r"caveats\.0\.evidence: List should have at least 1"),
        (
            lambda d: d["caveats"][0]["evidence"][0].update(page="nowhere/page.md#x"),
            r"caveats\.0\.evidence\.0\.page: .*docs/nowhere/page\.md does not exist",
        ),
        (
            lambda d: d["addons"][0]["evidence"][0].pop("retrieved"),
            r"addons\.0\.evidence\.0: .*external source needs its 'retrieved' date",
        ),
        (
            lambda d: d["questions"][2]["answers"][0].update(caveats=["cold"]),
            r"questions\[q3\]\.answers\[hot\]\.caveats: no 'cold' under `caveats`",
        ),
        (
            lambda d: d["caveats"].append({**d["caveats"][0], "id": "spare"}),
            r"caveats\[spare\]: no answer attaches it",
        ),
        (
            lambda d: d["questions"][2]["answers"][0].update(next="out-a"),
            r"questions\[q3\]\.answers\[hot\]\.next: questions under `then` lead nowhere",
        ),
        (
            lambda d: d["questions"][2]["answers"][1].update(id="nothing"),
            r"questions\[q3\]\.answers: a multiple-choice question needs an answer 'none'",
        ),
        (
            lambda d: d["questions"][0].update(multiple=True),
            r"questions\[q1\]\.multiple: only questions under `then` take several answers",
        ),
        (lambda d: d.update(then=["q9"]), r"then\[0\]: 'q9' is not a question id"),
        (
            lambda d: d["questions"][0]["answers"][0].pop("next"),
            r"questions\[q1\]\.answers\[a\]\.next: missing",
        ),
    ],
    ids=[
        "caveat-without-evidence",
        "evidence-page-missing",
        "external-without-date",
        "unknown-caveat",
        "unattached-caveat",
        "then-answer-with-next",
        "multiple-without-none",
        "multiple-outside-then",
        "unknown-then-question",
        "routing-answer-without-next",
    ],
)
def test_bad_caveats_and_then_questions_give_a_data_error(write_tree, change, message):
    with pytest.raises(DataError, match=r"tree\.yml: " + message):
        load(write_tree, then_broken(change))


def test_a_use_case_stating_other_caveats_than_its_answers_collect_is_an_error(write_tree, tmp_path):
    tree = load(write_tree, THEN_TREE)
    case = {"id": "c", "title": "C", "situation": "S.", "answers": {"q1": "b", "q3": ["hot"]}}
    path = tmp_path / "cases.yml"
    path.write_text(
        yaml.safe_dump({"use_cases": [{**case, "outcome": "out-b", "addons": ["extra"]}]}), encoding="utf-8"
    )
    with pytest.raises(
        DataError,
        match=r"cases\.yml: use_cases\[c\]\.caveats: states \[\], but its answers collect \['warm'\]",
    ):
        decide.load_use_cases(tree, path)


def test_an_outcome_without_a_page_is_an_error(write_tree):
    path, pages = write_tree(GOOD_TREE)
    (pages / "out-b.md").unlink()
    with pytest.raises(DataError, match=r"tree\.yml: outcomes\[out-b\]: has no page: create .*out-b\.md"):
        decide.load_tree(path, pages)


def test_an_outcome_page_without_its_directive_is_an_error(write_tree):
    path, pages = write_tree(GOOD_TREE)
    (pages / "out-b.md").write_text("# Out B\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"outcomes\[out-b\]: its page .* does not hold"):
        decide.load_tree(path, pages)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (
            {"answers": {"q1": "a", "q2": "yes"}, "outcome": "out-b"},
            r"use_cases\[c\]\.outcome: states 'out-b', but its answers lead to 'out-a'",
        ),
        (
            {"answers": {"q1": "z"}, "outcome": "out-b"},
            r"use_cases\[c\]\.answers: q1=z: 'z' is not an answer",
        ),
        ({"answers": {"q1": "a"}, "outcome": "out-a"}, r"use_cases\[c\]\.answers: stop before an outcome"),
        (
            {"answers": {"q2": "yes", "q1": "a"}, "outcome": "out-a"},
            r"use_cases\[c\]\.answers: list them in the order",
        ),
        (
            {"answers": {"q1": "b", "q2": "no"}, "outcome": "out-b"},
            r"use_cases\[c\]\.answers: 'q2' is not asked on the path",
        ),
    ],
    ids=["wrong-outcome", "unknown-answer", "unfinished", "out-of-order", "contradictory"],
)
def test_bad_use_case_gives_a_data_error(write_tree, tmp_path, case, message):
    tree = load(write_tree, GOOD_TREE)
    path = tmp_path / "cases.yml"
    path.write_text(
        yaml.safe_dump(
            {"use_cases": [{"id": "c", "title": "C", "situation": "S.", **case}]}, sort_keys=False
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"cases\.yml: " + message):
        decide.load_use_cases(tree, path)


def test_missing_use_case_field_names_the_field(write_tree, tmp_path):
    tree = load(write_tree, GOOD_TREE)
    path = tmp_path / "cases.yml"
    path.write_text(yaml.safe_dump({"use_cases": [{"id": "c", "title": "C", "answers": {"q1": "b"}}]}))
    with pytest.raises(DataError, match=r"cases\.yml: use_cases\.0\.situation: Field required"):
        decide.load_use_cases(tree, path)


def test_duplicate_use_case_id_is_an_error(write_tree, tmp_path):
    tree = load(write_tree, GOOD_TREE)
    case = {"id": "c", "title": "C", "situation": "S.", "answers": {"q1": "b"}, "outcome": "out-b"}
    path = tmp_path / "cases.yml"
    path.write_text(yaml.safe_dump({"use_cases": [case, case]}, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError, match=r"cases\.yml: use_cases\[c\]\.id: id 'c' is used twice"):
        decide.load_use_cases(tree, path)
