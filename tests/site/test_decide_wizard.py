"""The decision wizard in headless Chromium with other origins blocked.

The wizard's answers live in the query string; these tests walk it by mouse
and keyboard, reload and reopen its links, read its decision record, check
each published use case's permalink shows the outcome the JSON states, and
check the script reads links as `guide.decide.read_link` does: old ids carried
over, unknown parameters ignored, bad answers dropped with the reason.
"""

import json
import os
import re
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from guide import ROOT, decide
from tests.support.decision_record import RECORD_HEADINGS

RESULT = "[data-decide-wizard] #decide-result"
THEN_NONE = "workload=none&deployment=unsure&team=none&constraints=none"
"""Today's answers to the questions under `then` that raise no caveat."""


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


def answer_any(page, chosen):
    """Answer the current question: click the button, or tick the boxes and continue."""
    if isinstance(chosen, str):
        answer(page, chosen)
        return
    for answer_id in chosen:
        page.locator(f'[data-decide-wizard] input[data-answer="{answer_id}"]').check()
    page.locator(".decide-wizard__next").click()


def record_as_python_writes_it(tree_now, site_url, query, record):
    """The wizard's record, with its date, equals guide.decide.decision_record for the same answers."""
    link = decide.read_link(tree_now, query)
    date = re.search(r"^- Date: (\d{4}-\d{2}-\d{2})$", record, re.MULTILINE).group(1)
    return record == decide.decision_record(tree_now, link.steps, site_url, date)


def test_a_path_by_mouse_reaches_its_outcome_and_survives_a_reload(watched, site_url, tree, use_cases):
    case = next(case for case in use_cases if case["id"] == "marketplace-live-chat")
    watched.goto(site_url + "decide/")
    for question_id, chosen in case["answers"].items():
        question_text = next(q["text"] for q in tree["questions"] if q["id"] == question_id)
        assert question_text in watched.locator("#decide-question").inner_text()
        answer_any(watched, chosen)
    result = watched.locator(RESULT)
    assert result.get_attribute("data-outcome") == case["outcome"]
    assert watched.url.split("#")[0] == site_url + case["permalink"]
    watched.reload()
    assert watched.locator(RESULT).get_attribute("data-outcome") == case["outcome"]
    trail = watched.locator(".decide-wizard__trail li").all_inner_texts()
    assert len(trail) == len(case["answers"])
    for text, (question_id, chosen) in zip(trail, case["answers"].items(), strict=True):
        for answer_id in [chosen] if isinstance(chosen, str) else chosen:
            assert label(tree, question_id, answer_id)[1] in text
    caveats = watched.locator(".decide-wizard__caveats li").evaluate_all(
        "items => items.map(i => i.dataset.caveat)"
    )
    assert caveats == case["caveats"]
    assert watched.blocked_requests == []
    assert watched.script_errors == []


def test_decision_record_holds_the_answers_the_outcome_and_the_permalink(watched, site_url, tree, use_cases):
    case = next(case for case in use_cases if case["id"] == "flask-needs-api-docs")
    watched.goto(site_url + case["permalink"])
    record = watched.locator("#decide-record").input_value()
    assert record.startswith(f"# Decision record: {title(tree, case['outcome'])}\n")
    for question_id, answer_id in list(case["answers"].items())[:2]:
        question_text, answer_label = label(tree, question_id, answer_id)
        assert f"{question_text} **{answer_label}**" in record
    for heading in RECORD_HEADINGS:
        assert heading in record
    assert record_as_python_writes_it(decide.tree(), site_url, case["permalink"].partition("?")[2], record)
    assert site_url + case["permalink"] in record
    assert f"{site_url}decide/outcomes/{case['outcome']}/" in record
    watched.locator(".decide-wizard__copy").click()
    expect(watched.locator(".decide-wizard__status")).to_have_text(re.compile(r"^(Copied|Select)"))
    assert watched.script_errors == []


def test_back_and_start_over(watched, site_url, tree):
    watched.goto(site_url + "decide/?start=new&shape=pages")
    assert "Question 3" in watched.locator("#decide-question").inner_text()
    watched.locator(".decide-wizard__back").click()
    assert "Question 2" in watched.locator("#decide-question").inner_text()
    assert watched.url.split("#")[0] == site_url + f"decide/?v={tree['edition']}&start=new"
    watched.locator(".decide-wizard__restart").click()
    assert "Question 1" in watched.locator("#decide-question").inner_text()
    assert watched.url.split("#")[0] == site_url + "decide/"
    assert watched.locator(".decide-wizard__back").count() == 0


def test_browser_back_and_forward_step_through_the_answers(watched, site_url, tree):
    watched.goto(site_url + "decide/")
    answer(watched, "new")
    answer(watched, "pages")
    expect(watched.locator("#decide-question")).to_contain_text("Question 3")
    watched.go_back()
    expect(watched.locator("#decide-question")).to_contain_text("Question 2")
    assert watched.url.split("#")[0] == site_url + f"decide/?v={tree['edition']}&start=new"
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
    assert watched.evaluate("document.activeElement.id") == "decide-question"
    assert "Question 4" in watched.evaluate("document.activeElement.textContent")
    watched.keyboard.press("Tab")
    assert watched.evaluate("document.activeElement.dataset.answer") == "cpu"
    watched.keyboard.press("Space")
    for _ in range(5):
        watched.keyboard.press("Tab")
    assert watched.evaluate("document.activeElement.textContent") == "Continue"
    watched.keyboard.press("Enter")
    assert "Question 5" in watched.evaluate("document.activeElement.textContent")
    assert "workload=cpu" in watched.url


def test_answers_are_buttons_in_a_labelled_group(watched, site_url):
    watched.goto(site_url + "decide/")
    group = watched.get_by_role("group", name="Question 1")
    assert group.get_by_role("button").count() >= 2


@pytest.mark.parametrize(
    ("query", "dropped", "question"),
    [
        ("start=sideways", ["“start=sideways” was dropped: “sideways” is not an answer"], 1),
        ("start=new&shape=sideways&api-data=no", ["“shape=sideways”", "“api-data=no”"], 2),
        ("start=flask&shape=api", ["“shape=api” was dropped: the link’s other answers never reach"], 2),
        ("start=new&start=flask", ["“start=flask” was dropped: the link answers", "more than once"], 2),
    ],
    ids=["unknown-answer", "keeps-answers-before", "off-the-path", "repeated"],
)
def test_a_bad_answer_is_dropped_by_name_and_the_answers_before_it_kept(
    watched, site_url, query, dropped, question
):
    watched.goto(site_url + "decide/?" + query + "&utm_source=chat")
    alert = watched.get_by_role("alert")
    expect(alert).to_be_visible()
    for text in dropped:
        assert text in alert.inner_text()
    assert f"Question {question}" in watched.locator("#decide-question").inner_text()
    assert watched.script_errors == []


def test_parameters_the_wizard_does_not_know_are_ignored(watched, site_url):
    watched.goto(
        site_url + "decide/?utm_source=chat&start=new&colour=blue&fbclid=x&ref=mail&shape=concurrent"
    )
    assert watched.locator(RESULT).get_attribute("data-outcome") == "fastapi"
    assert watched.locator(".decide-wizard__message").count() == 0
    assert watched.script_errors == []


def test_the_page_says_when_the_tree_now_answers_differently(watched, site_url, tree):
    """Must show 3: no notice when today's tree reaches the recorded outcome, a notice when it does not."""
    for query in (
        f"v={tree['edition']}&start=new&shape=concurrent&{THEN_NONE}&outcome=fastapi",
        "v=1&start=new&shape=concurrent&outcome=fastapi",
    ):
        watched.goto(site_url + "decide/?" + query)
        assert watched.locator(RESULT).get_attribute("data-outcome") == "fastapi"
        assert watched.locator(".decide-wizard__changed").count() == 0
    watched.goto(site_url + "decide/?v=1&start=new&shape=concurrent&outcome=django")
    notice = watched.locator(".decide-wizard__changed")
    expect(notice).to_contain_text("The tree now answers differently")
    expect(notice).to_contain_text(f"led to “{title(tree, 'django')}”")
    expect(notice).to_contain_text(f"today they lead to “{title(tree, 'fastapi')}”")
    assert watched.locator(RESULT).get_attribute("data-outcome") == "fastapi"
    assert watched.script_errors == []


LINKS = [
    "start=new&shape=api&api-data=no",
    "utm_source=chat&start=flask&flask-need=async&fbclid=x&ref=y&h=flask",
    "start=new&shape=sideways&api-data=no",
    "start=flask&shape=api&flask-need=features",
    "start=new&start=flask&start=new&shape=concurrent",
    "v=1&start=new&shape=concurrent&outcome=django",
    "v=1&start=new&outcome=fastapi",
    "v=abc&start=django&django-need=features&outcome=keep-django",
    "v=99&start=new&shape=small&small-typed=yes",
    "constructor=x&__proto__=y&toString=z&start=new&shape=concurrent",
    "start=new+x&shape=%E2%9C%93",
    "v=2&start=new&shape=api&api-data=no&workload=fan-out&workload=cpu&deployment=serverless"
    "&team=new-to-async&team=knows-flask&constraints=regulated&constraints=i18n",
    "v=2&start=new&shape=htmx&pages-scope=no&workload=none&workload=cpu&deployment=fleet&team=none"
    "&constraints=none",
    "v=2&start=fastapi&fastapi-need=pages&workload=gpu&workload=cpu&deployment=serverless&deployment=fleet"
    "&team=none&constraints=none&outcome=keep-fastapi",
    "v=2&start=new&shape=cms&workload=long-lived&deployment=container",
    "v=2&start=new&team=first-project&shape=dashboard",
    "v=2&start=new&shape=graphql&graphql-data=no&workload=gpu&deployment=fleet&team=none&constraints=none",
]
"""Links read by both walkers: old and current, mangled by chat tools, bad, and out of date."""


def shows_as_python_reads_it(page, site_url, query, current):
    """Assert the page shows what `guide.decide.read_link` makes of the query on the tree `current`."""
    link = decide.read_link(current, query)
    trail = page.locator(".decide-wizard__trail li").all_inner_texts()
    groups = decide.grouped(link.steps)
    assert len(trail) == len(groups), query
    for text, (question, chosen) in zip(trail, groups, strict=True):
        assert question.text in text, query
        assert all(answer.label in text for answer in chosen), query
    assert page.locator(".decide-wizard__dropped li").all_inner_texts() == link.dropped, query
    assert page.locator(".decide-wizard__changed").count() == int(link.changed), query
    if link.outcome:
        assert page.locator(RESULT).get_attribute("data-outcome") == link.outcome, query
        permalink = page.locator(".decide-wizard__permalink").inner_text()
        assert permalink == site_url + decide.permalink(current, link.steps), query
        shown = page.locator(".decide-wizard__caveats li").evaluate_all(
            "items => items.map(i => i.dataset.caveat)"
        )
        assert shown == decide.collected(link.steps, "caveats"), query
        added = page.locator(".decide-wizard__addons li").evaluate_all(
            "items => items.map(i => i.dataset.addon)"
        )
        assert added == decide.collected(link.steps, "addons"), query
        record = page.locator("#decide-record").input_value()
        assert record_as_python_writes_it(current, site_url, query, record), query
    else:
        asked = current.question(decide.steps_end(current, link.steps)).text
        assert asked in page.locator("#decide-question").inner_text(), query


def test_the_script_reads_links_as_the_python_walker_does(watched, site_url):
    for query in LINKS:
        watched.goto(site_url + "decide/?" + query)
        watched.locator(".decide-wizard__controls").wait_for(state="attached")
        shows_as_python_reads_it(watched, site_url, query, decide.tree())
    assert watched.script_errors == []


RENAMED = {
    3: {"main": "shape", "main=waiting": "shape=concurrent", "start=greenfield": "start=new", "go": "fastapi"}
}
"""A pretend edition 3 on top of the real history: edition 2 called `shape` `main`, its answer
`concurrent` `waiting`, the answer `new` `greenfield` and the outcome `fastapi` `go`."""


def serve_tree_with_renames(page, site_url):
    """Serve the wizard page with its tree as edition 3 of the real history plus `RENAMED`."""

    def route(route):
        html = route.fetch().text()
        found = re.search(r'data-tree="([^"]*)"', html)
        payload = json.loads(unescape(found.group(1)))
        payload.update(edition=3, renamed={**payload["renamed"], **RENAMED})
        route.fulfill(
            body=html.replace(found.group(0), f'data-tree="{escape(json.dumps(payload))}"'),
            content_type="text/html",
        )

    page.route(lambda url: url.startswith(site_url + "decide/?"), route)
    current = decide.tree()
    return current.model_copy(update={"edition": 3, "renamed": {**current.renamed, **RENAMED}})


@pytest.mark.parametrize(
    ("query", "outcome", "changed"),
    [
        ("start=new&shape=concurrent&outcome=fastapi", "fastapi", False),
        (f"v=2&start=greenfield&main=waiting&{THEN_NONE}&outcome=go", "fastapi", False),
        (
            f"v=2&start=greenfield&main=api&api-data=no&outcome=go&utm_source=chat&{THEN_NONE}",
            "fastapi",
            False,
        ),
        (f"v=2&start=greenfield&main=pages&pages-scope=no&outcome=go&{THEN_NONE}", "flask", True),
        ("v=3&start=new&main=waiting", None, False),
        ("v=3&start=new&shape=waiting", None, False),
    ],
    ids=[
        "edition-1-without-v",
        "edition-2-renamed",
        "edition-2",
        "now-answers-differently",
        "old-id-in-edition-3",
        "bad-answer",
    ],
)
def test_a_link_with_renamed_ids_resolves_through_the_mapping(watched, site_url, query, outcome, changed):
    current = serve_tree_with_renames(watched, site_url)
    link = decide.read_link(current, query)
    assert (link.outcome, link.changed) == (outcome, changed)
    watched.goto(site_url + "decide/?" + query)
    watched.locator(".decide-wizard__controls").wait_for(state="attached")
    shows_as_python_reads_it(watched, site_url, query, current)
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


def test_each_use_case_permalink_shows_the_outcome_and_caveats_the_json_states(
    browser, site_url, tree, use_cases
):
    """Must show 1: every published permalink, opened in a fresh page with other origins blocked and
    the parameters chat and mail tools append, shows the stated outcome, caveats and add-ons, and a
    decision record equal to the Python one; the answers without `outcome` lead to the same result."""
    assert len(use_cases) >= 30
    titles = {item["id"]: item["title"] for item in tree["caveats"] + tree["addons"]}
    for case in use_cases:
        context = browser.new_context()
        blocked = []
        context.route("**/*", only_the_site(site_url, blocked))
        try:
            fresh = context.new_page()
            for link in (
                case["permalink"] + "&utm_source=chat&fbclid=x",
                f"decide/?v={tree['edition']}&" + urlencode(case["answers"], doseq=True),
            ):
                fresh.goto(site_url + link)
                result = fresh.locator(RESULT)
                assert result.get_attribute("data-outcome") == case["outcome"], link
                assert result.inner_text() == f"Recommendation: {title(tree, case['outcome'])}"
                assert fresh.locator(".decide-wizard__message").count() == 0, link
                for kind, key in (("caveats", "caveat"), ("addons", "addon")):
                    items = fresh.locator(f".decide-wizard__{kind} li")
                    assert items.evaluate_all(f"items => items.map(i => i.dataset.{key})") == case[kind], link
                    for number, item_id in enumerate(case[kind]):
                        expect(items.nth(number).locator("summary")).to_contain_text(titles[item_id])
                if not case["caveats"]:
                    expect(fresh.locator(".decide-wizard__none")).to_be_visible()
            record = fresh.locator("#decide-record").input_value()
            assert record_as_python_writes_it(
                decide.tree(), site_url, case["permalink"].partition("?")[2], record
            )
            assert blocked == []
        finally:
            context.close()


def test_a_shared_link_opens_on_its_result_on_a_phone(browser, site_url, use_cases):
    """On a 390 px screen, a link with answers shows the recommendation and its caveats first; the path
    follows below."""
    case = max(use_cases, key=lambda case: len(case["caveats"]))
    assert len(case["caveats"]) >= 3
    context = browser.new_context(viewport={"width": 390, "height": 844})
    blocked = []
    context.route("**/*", only_the_site(site_url, blocked))
    try:
        phone = context.new_page()
        phone.goto(site_url + case["permalink"] + "&utm_source=chat&fbclid=x")
        result = phone.locator(RESULT)
        expect(result).to_be_in_viewport()
        top = result.bounding_box()["y"]
        assert 0 <= top < 200
        for item in phone.locator(".decide-wizard__caveats summary").all():
            expect(item).to_be_in_viewport()
            assert item.bounding_box()["y"] + item.bounding_box()["height"] <= 844
        assert phone.locator(".decide-wizard__heading").bounding_box()["y"] > top
        phone.screenshot(path=str(SCREENSHOTS / "decide-phone-result.png"))
        phone.goto(site_url + "decide/")
        assert phone.evaluate("window.scrollY") == 0
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


SCREENSHOTS = Path(os.environ.get("DECIDE_SCREENSHOTS", "/tmp"))
"""Where the phone test leaves its screenshot for a person to look at."""

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "query",
    [
        "",
        "v=2&start=new&shape=pages&pages-scope=yes&pages-concurrent=yes&workload=long-lived&deployment=fleet"
        "&team=knows-django&constraints=regulated",
        "v=2&start=new&shape=concurrent",
        "start=new&shape=sideways",
        "v=1&start=new&shape=concurrent&outcome=django",
    ],
    ids=["question", "result", "multiple-choice", "bad-link", "tree-changed"],
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
