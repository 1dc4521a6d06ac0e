"""The decision wizard in headless Chromium with other origins blocked.

The wizard's answers live in the query string; these tests walk it by mouse
and keyboard, reload and reopen its links, read its decision record, and
check each published use case's permalink shows the outcome the JSON states.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from guide import ROOT

RESULT = "[data-decide-wizard] #decide-result"


@pytest.fixture(scope="module")
def tree(site_dir):
    return json.loads((site_dir / "data" / "decision-tree.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def use_cases(site_dir):
    return json.loads((site_dir / "data" / "use-cases.json").read_text(encoding="utf-8"))


@pytest.fixture
def watched(page):
    """The page, with uncaught script errors collected in `page.script_errors`."""
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    return page


def label(tree, question_id, answer_id):
    question = next(q for q in tree["questions"] if q["id"] == question_id)
    return question["text"], next(a for a in question["answers"] if a["id"] == answer_id)["label"]


def title(tree, outcome_id):
    return next(outcome["title"] for outcome in tree["outcomes"] if outcome["id"] == outcome_id)


def answer(page, answer_id):
    page.locator(f'[data-decide-wizard] button[data-answer="{answer_id}"]').click()


def test_a_path_by_mouse_reaches_its_outcome_and_survives_a_reload(watched, site_url, tree, use_cases):
    case = next(case for case in use_cases if case["id"] == "marketplace-live-chat")
    watched.goto(site_url + "decide/")
    for question_id, answer_id in case["answers"].items():
        question_text, _ = label(tree, question_id, answer_id)
        assert question_text in watched.locator("#decide-question").inner_text()
        answer(watched, answer_id)
    result = watched.locator(RESULT)
    assert result.get_attribute("data-outcome") == case["outcome"]
    assert watched.url.split("#")[0] == site_url + case["permalink"]
    watched.reload()
    assert watched.locator(RESULT).get_attribute("data-outcome") == case["outcome"]
    trail = watched.locator(".decide-wizard__trail li").all_inner_texts()
    assert len(trail) == len(case["answers"])
    for text, (question_id, answer_id) in zip(trail, case["answers"].items(), strict=True):
        assert label(tree, question_id, answer_id)[1] in text
    assert watched.blocked_requests == []
    assert watched.script_errors == []


def test_decision_record_holds_the_answers_the_outcome_and_the_permalink(watched, site_url, tree, use_cases):
    case = next(case for case in use_cases if case["id"] == "flask-needs-api-docs")
    watched.goto(site_url + case["permalink"])
    record = watched.locator("#decide-record").input_value()
    assert record.startswith(f"# Use {title(tree, case['outcome'])}\n")
    for question_id, answer_id in case["answers"].items():
        question_text, answer_label = label(tree, question_id, answer_id)
        assert f"{question_text} **{answer_label}**" in record
    for heading in (
        "## Context",
        "## Decision",
        "## Alternatives considered",
        "## Consequences",
        "## Evidence",
    ):
        assert heading in record
    assert site_url + case["permalink"] in record
    assert f"{site_url}decide/outcomes/{case['outcome']}/" in record
    watched.locator(".decide-wizard__copy").click()
    expect(watched.locator(".decide-wizard__status")).to_have_text(re.compile(r"^(Copied|Select)"))
    assert watched.script_errors == []


def test_back_and_start_over(watched, site_url):
    watched.goto(site_url + "decide/?start=new&shape=pages")
    assert "Question 3" in watched.locator("#decide-question").inner_text()
    watched.locator(".decide-wizard__back").click()
    assert "Question 2" in watched.locator("#decide-question").inner_text()
    assert watched.url.split("#")[0] == site_url + "decide/?start=new"
    watched.locator(".decide-wizard__restart").click()
    assert "Question 1" in watched.locator("#decide-question").inner_text()
    assert watched.url.split("#")[0] == site_url + "decide/"
    assert watched.locator(".decide-wizard__back").count() == 0


def test_browser_back_and_forward_step_through_the_answers(watched, site_url):
    watched.goto(site_url + "decide/")
    answer(watched, "new")
    answer(watched, "pages")
    expect(watched.locator("#decide-question")).to_contain_text("Question 3")
    watched.go_back()
    expect(watched.locator("#decide-question")).to_contain_text("Question 2")
    assert watched.url.split("#")[0] == site_url + "decide/?start=new"
    watched.go_back()
    expect(watched.locator("#decide-question")).to_contain_text("Question 1")
    assert watched.url.split("#")[0] == site_url + "decide/"
    watched.go_forward()
    expect(watched.locator("#decide-question")).to_contain_text("Question 2")
    expect(watched.locator("#decide-question")).to_be_focused()
    assert watched.script_errors == []


def test_keyboard_answers_move_focus_to_the_next_question(watched, site_url):
    watched.goto(site_url + "decide/")
    first = watched.locator('[data-decide-wizard] button[data-answer="new"]')
    first.focus()
    watched.keyboard.press("Enter")
    assert watched.evaluate("document.activeElement.id") == "decide-question"
    assert "Question 2" in watched.evaluate("document.activeElement.textContent")
    watched.keyboard.press("Tab")
    assert watched.evaluate("document.activeElement.dataset.answer") == "api"
    watched.keyboard.press("Space")
    watched.keyboard.press("Tab")
    watched.keyboard.press("Tab")
    watched.keyboard.press("Enter")
    assert watched.evaluate("document.activeElement.id") == "decide-result"


def test_answers_are_buttons_in_a_labelled_group(watched, site_url):
    watched.goto(site_url + "decide/")
    group = watched.get_by_role("group", name="Question 1")
    assert group.get_by_role("button").count() >= 2


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=sideways", "“sideways” as the answer to"),
        ("start=new&colour=blue", "“colour”, which is not a question"),
        ("start=flask&shape=api", "the answers contradict each other"),
        ("start=new&start=flask", "more than once"),
    ],
    ids=["unknown-answer", "unknown-question", "contradictory", "repeated"],
)
def test_a_bad_link_shows_a_clear_message_and_the_first_question(watched, site_url, query, message):
    watched.goto(site_url + "decide/?" + query)
    alert = watched.get_by_role("alert")
    assert alert.is_visible()
    assert message in alert.inner_text()
    assert "Question 1" in watched.locator("#decide-question").inner_text()
    assert watched.script_errors == []


def only_the_site(site_url, blocked):
    """A route handler that lets requests to the site through and blocks (and records) the rest."""

    def route(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    return route


def test_each_use_case_permalink_shows_the_outcome_the_json_states(browser, site_url, tree, use_cases):
    """Must show 1: every published permalink, opened in a fresh page with other origins blocked."""
    assert len(use_cases) >= 12
    for case in use_cases:
        context = browser.new_context()
        blocked = []
        context.route("**/*", only_the_site(site_url, blocked))
        try:
            fresh = context.new_page()
            fresh.goto(site_url + case["permalink"])
            result = fresh.locator(RESULT)
            assert result.get_attribute("data-outcome") == case["outcome"], case["id"]
            assert result.inner_text() == f"Recommendation: {title(tree, case['outcome'])}"
            assert blocked == []
        finally:
            context.close()


def serve_sitemap_for(page, site_url):
    """Make Material's instant navigation work on the test server's port.

    Material only intercepts links listed in `sitemap.xml`, and it rewrites the
    sitemap's scheme and host to the current page's, but not its port; the
    build writes the configured `site_url`, so rewrite the origin here.
    """

    def route(route):
        body = route.fetch().text()
        route.fulfill(body=re.sub(r"https?://[^/<]+/", site_url, body), content_type="application/xml")

    page.route("**/sitemap.xml", route)


def test_wizard_starts_after_instant_navigation(watched, site_url, use_cases):
    case = use_cases[0]
    serve_sitemap_for(watched, site_url)
    watched.goto(site_url + "decide/use-cases/")
    watched.evaluate("window.stillThisDocument = true")
    query = case["permalink"].partition("?")[2]
    watched.locator(f'a[href$="?{query}"]').first.click()
    watched.locator(RESULT).wait_for()
    assert watched.url.startswith(site_url + case["permalink"])
    assert watched.locator(RESULT).get_attribute("data-outcome") == case["outcome"]
    assert watched.evaluate("window.stillThisDocument === true"), "expected Material's instant navigation"
    assert watched.script_errors == []


def test_script_does_nothing_on_pages_without_the_wizard(watched, site_url):
    watched.goto(site_url)
    assert watched.locator(".decide-wizard__ui").count() == 0
    assert watched.script_errors == []


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "query",
    ["", "start=new&shape=pages&pages-scope=yes&pages-concurrent=yes", "start=sideways"],
    ids=["question", "result", "bad-link"],
)
def test_wizard_and_flowchart_have_no_axe_violations(browser, site_url, scheme, query):
    """axe-core on the wizard in each of its states and on the flowchart, in both palettes."""
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: run 'npm ci'")
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + "decide/" + (f"?{query}" if query else ""))
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate(
            """async () => (await axe.run({include: [["[data-decide-wizard]"], [".decide-tree"]]})).violations
                .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))"""
        )
        assert violations == []
    finally:
        context.close()
