"""What the decide directives render and what the site publishes, computed from the data files."""

import json
import re
import xml.etree.ElementTree as ElementTree  # noqa: S405 (parses our own SVG)
from html import unescape

import pytest

from guide import decide, migrate, tasks
from guide.data import DataError
from guide.decide import flowchart, graph, pages, paths, published, urls, wizard
from guide.pages import site_url
from guide.render import Context, DirectiveError

WIZARD = Context(page="decide/index.md")
SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def outcome_leaves(tree) -> list[str]:
    """Outcome ids in the order the indented flowchart draws them (one per answer that ends a path)."""
    found = []

    def visit(node):
        question = tree.question(node)
        if question is None:
            found.append(node)
            return
        for answer in question.answers:
            if answer.next is not None:
                visit(answer.next)

    visit(tree.start)
    return found


def test_flowchart_is_well_formed_svg_with_a_link_per_outcome_node():
    svg = ElementTree.fromstring(flowchart.flowchart_svg(WIZARD))  # noqa: S314
    assert svg.tag == f"{SVG}svg"
    links = list(svg.iter(f"{XHTML}a"))
    assert [link.get("data-node") for link in links] == outcome_leaves(decide.tree())
    for link in links:
        assert link.get("href") == f"outcomes/{link.get('data-node')}/"
    questions = svg.findall(f"{SVG}g[@class='decide-flowchart__question']")
    assert {group.get("data-node") for group in questions} == {q.id for q in decide.tree().questions}


def test_flowchart_text_fits_inside_its_boxes():
    svg = ElementTree.fromstring(flowchart.flowchart_svg(WIZARD))  # noqa: S314
    width = float(svg.get("viewBox").split()[2])
    for text in svg.iter(f"{SVG}text"):
        size = float(text.get("font-size"))
        for span in text.iter(f"{SVG}tspan"):
            assert float(span.get("x")) + len(span.text) * size * flowchart.CHAR_WIDTH <= width, span.text


def test_wrap_keeps_every_word_and_respects_the_width():
    text = "Does the API sit on a large relational data model, with user accounts?"
    lines = flowchart.wrap(text, 150, 13)
    assert " ".join(lines) == text
    assert all(len(line) <= int(150 / (13 * flowchart.CHAR_WIDTH)) for line in lines)


def test_text_version_names_every_question_answer_reason_and_outcome():
    text = pages.tree_text(WIZARD)
    tree = decide.tree()
    for question in tree.questions:
        assert question.text in text
        for answer in question.answers:
            assert f"*{answer.label}*: {answer.reason}" in text
    for outcome in tree.outcomes:
        assert f"[{outcome.title}](outcomes/{outcome.id}.md)" in text


def test_wizard_mount_holds_the_tree_as_json_in_an_attribute():
    html = wizard.wizard(WIZARD)
    payload = re.search(r'data-tree="([^"]*)"', html).group(1)
    data = json.loads(unescape(payload))
    assert data["start"] == decide.tree().start
    assert data["edition"] == decide.tree().edition
    assert data["siteRoot"] == "../"
    assert {outcome["url"] for outcome in data["outcomes"]} == {
        f"outcomes/{outcome.id}/" for outcome in decide.tree().outcomes
    }
    fastapi = next(outcome for outcome in data["outcomes"] if outcome["id"] == "fastapi")
    assert {"label": "Benchmarks: I/O-bound handlers", "url": "../benchmarks/#io-bound"} in fastapi[
        "evidence"
    ]


@pytest.mark.parametrize("outcome", decide.tree().outcomes, ids=lambda outcome: outcome.id)
def test_outcome_page_has_every_part_the_issue_asks_for(outcome):
    page = pages.outcome_page(Context(page=outcome.page), outcome.id)
    assert page.startswith(f"# {outcome.title}\n")
    for anchor in ("paths", "alternative", "changes", "caveats", "starter", "evidence"):
        assert f"{{#{anchor}}}" in page
    for caveat_id in paths.attached_to(decide.tree(), outcome.id, "caveats"):
        caveat = decide.tree().caveat(caveat_id)
        assert f"- **{caveat.title}**. {caveat.text}" in page
        for source in caveat.evidence:
            assert (
                f"](../../{source.page})" if source.page else f"]({source.url}) (retrieved 2026-12-02)"
            ) in page
    assert outcome.alternative.title in page
    for snippet in outcome.snippets:
        assert f'--8<-- "{snippet}"' in page
    for task_id in outcome.evidence.tasks:
        assert f"](../../{tasks.task(task_id).url})" in page
    for criterion in outcome.evidence.matrix:
        assert f"](../../compare/matrix.md#{criterion})" in page
    for claim in outcome.evidence.claims:
        assert f"](../../compare/claims.md#{claim})" in page
    for steps in decide.paths_to(decide.tree(), outcome.id):
        assert f"(../index.md?{decide.permalink(decide.tree(), steps).partition('?')[2]})" in page


def test_unknown_outcome_in_a_directive_is_a_clear_error():
    with pytest.raises(DirectiveError, match="no outcome 'nope' in data/decision_tree.yml"):
        pages.outcome_page(Context(page="decide/outcomes/nope.md"), "nope")


def test_use_case_sections_link_each_case_to_its_outcome_and_wizard_answers():
    text = pages.use_cases_sections(Context(page="decide/use-cases.md"))
    for case in decide.use_cases():
        assert f"## {case.title} {{#{case.id}}}" in text
        steps, _ = decide.walk(decide.tree(), case.answers)
        assert f"(index.md?{decide.permalink(decide.tree(), steps).partition('?')[2]})" in text


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("decide/index.md", "decide/outcomes/flask/", "outcomes/flask/"),
        ("decide/index.md", "", "../"),
        ("decide/use-cases.md", "decide/outcomes/flask/", "../outcomes/flask/"),
        ("decide/outcomes/flask.md", "benchmarks/#results", "../../../benchmarks/#results"),
        ("index.md", "decide/", "decide/"),
    ],
)
def test_url_link_follows_directory_urls(page, target, expected):
    assert urls.url_link(Context(page=page), target) == expected


def test_site_url_maps_source_pages_to_built_urls():
    assert site_url("tasks/basics.md#hello") == "tasks/basics/#hello"
    assert site_url("benchmarks/index.md#results") == "benchmarks/#results"


def test_published_tree_and_use_cases():
    tree = published.decision_tree_data()
    assert tree["start"] == "start"
    assert (tree["edition"], tree["renamed"]) == (decide.tree().edition, decide.tree().renamed)
    assert all(answer["reason"] for question in tree["questions"] for answer in question["answers"])
    assert {outcome["page"] for outcome in tree["outcomes"]} == {
        f"decide/outcomes/{outcome.id}/" for outcome in decide.tree().outcomes
    }
    assert len(tree["caveats"]) >= 6
    assert len(tree["addons"]) >= 4
    for item in tree["caveats"] + tree["addons"]:
        assert item["title"] and item["text"] and item["evidence"], item["id"]
        for source in item["evidence"]:
            assert source["kind"] in {"internal", "external"}
            if source["kind"] == "external":
                assert source["href"].startswith("https://") and source["retrieved"] == "2026-12-02"
    assert tree["then"] == ["workload", "deployment", "team", "constraints"]
    cases = published.use_cases_data()
    assert len(cases) >= 30
    for case in cases:
        assert set(case) == {"id", "title", "answers", "outcome", "caveats", "addons", "permalink"}
        assert case["permalink"].startswith(f"decide/?v={decide.tree().edition}&")
        assert case["permalink"].endswith(f"&outcome={case['outcome']}")
        json.dumps(case)


def test_outcome_list_links_every_outcome_with_its_summary():
    text = pages.outcome_list(WIZARD)
    for outcome in decide.tree().outcomes:
        assert f"- [{outcome.title}](outcomes/{outcome.id}.md): {outcome.summary}" in text


def test_flowchart_directive_puts_the_text_version_after_the_diagram():
    text = flowchart.flowchart(WIZARD)
    assert text.index("<svg") < text.index("### Text version {#text-version}")
    assert pages.tree_text(WIZARD) in text


def test_an_outcome_that_implies_a_move_links_its_migration_path():
    page = pages.outcome_page(Context(page="decide/outcomes/flask-plus-fastapi.md"), "flask-plus-fastapi")
    assert "## How to get there from the app you have {#migration}" in page
    assert "[Flask to FastAPI, endpoint by endpoint](../../migrate/flask-to-fastapi.md)" in page
    outcome = next(
        item
        for item in wizard.wizard_data(Context(page="decide/index.md"))["outcomes"]
        if item["id"] == "flask-plus-fastapi"
    )
    assert outcome["migrations"] == [
        {"title": "Flask to FastAPI, endpoint by endpoint", "url": "../migrate/flask-to-fastapi/"},
        {"title": "Flask to Quart for async handlers", "url": "../migrate/flask-to-quart/"},
    ]


def test_every_outcome_that_implies_a_move_links_a_path_and_every_path_is_linked():
    tree = decide.tree()
    moves = {"django-ninja", "django-plus-fastapi", "flask-apiflask", "flask-plus-fastapi"}
    assert {outcome.id for outcome in tree.outcomes if outcome.migrations} == moves
    linked = {path for outcome in tree.outcomes for path in outcome.migrations}
    upgrades = {"django-upgrade", "pydantic-v2"}
    assert linked | upgrades == {path.id for path in migrate.migrations().paths}


def test_an_unknown_migration_path_is_an_error_naming_the_field():
    broken = decide.tree().model_copy(deep=True)
    broken.outcome("flask-plus-fastapi").migrations.append("flask-to-cobol")
    with pytest.raises(
        DataError, match=r"outcomes\[flask-plus-fastapi\]\.migrations: no migration path 'flask-to-cobol'"
    ):
        graph.check_tree(broken, "data/decision_tree.yml")


def test_an_outcome_page_lists_only_the_caveats_that_can_reach_it():
    tree = decide.tree()
    every_path = {c for q in tree.then for a in tree.question(q).answers for c in a.caveats}
    assert set(paths.attached_to(tree, "keep-fastapi", "caveats")) == every_path | {"fastapi-forms"}
    assert set(paths.attached_to(tree, "keep-flask", "caveats")) == every_path
    assert set(paths.attached_to(tree, "django", "addons")) == {
        "strawberry",
        "wagtail",
        "django-admin-legacy",
    }
    page = pages.outcome_page(Context(page="decide/outcomes/keep-flask.md"), "keep-flask")
    assert tree.caveat("fastapi-forms").title not in page
    assert "{#addons}" not in page


def test_text_version_names_the_caveats_and_add_ons_answers_attach():
    text = pages.tree_text(WIZARD)
    assert "Then, on every path, before the result" in text
    for caveat in decide.tree().caveats:
        assert f"Caveat: {caveat.title}." in text
    for addon in decide.tree().addons:
        assert f": {addon.title}." in text
