"""The decide page's flowchart in headless Chromium, and the built outcome and use-case pages."""

import json
import re
from html.parser import HTMLParser

import pytest


@pytest.fixture
def published(site_dir):
    def read(name):
        return json.loads((site_dir / "data" / name).read_text(encoding="utf-8"))

    return read


def test_flowchart_renders_as_a_visible_svg(page, site_url, published):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "decide/")
    chart = page.locator("svg.decide-flowchart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 300
    assert box["height"] > 600
    outcomes = {outcome["id"] for outcome in published("decision-tree.json")["outcomes"]}
    drawn = set(
        page.locator("svg.decide-flowchart a").evaluate_all("links => links.map(a => a.dataset.node)")
    )
    assert drawn == outcomes
    assert page.locator("#text-version").is_visible()
    assert page.blocked_requests == []
    assert errors == []


def test_clicking_an_outcome_node_opens_its_outcome_page(page, site_url, published):
    titles = {outcome["id"]: outcome["title"] for outcome in published("decision-tree.json")["outcomes"]}
    page.goto(site_url + "decide/")
    page.locator('svg.decide-flowchart a[data-node="django-ninja"]').first.click()
    page.wait_for_url(site_url + "decide/outcomes/django-ninja/")
    assert page.locator("h1").inner_text().removesuffix("¶") == titles["django-ninja"]


def test_flowchart_fits_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        phone = context.new_page()
        phone.goto(site_url + "decide/")
        box = phone.locator("svg.decide-flowchart").bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 360
        assert box["width"] >= 300
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_every_outcome_has_a_built_page_with_its_title(site_dir, published):
    tree = published("decision-tree.json")
    assert len(tree["outcomes"]) >= 6
    for outcome in tree["outcomes"]:
        html = (site_dir / outcome["page"] / "index.html").read_text(encoding="utf-8")
        assert re.search(r"<h1[^>]*>" + re.escape(outcome["title"]) + "<", html), outcome["id"]
        for anchor in ("paths", "alternative", "changes", "caveats", "starter", "evidence"):
            assert f'id="{anchor}"' in html


def test_use_cases_page_has_a_section_per_published_use_case(site_dir, published):
    cases = published("use-cases.json")
    assert len(cases) >= 30
    html = (site_dir / "decide" / "use-cases" / "index.html").read_text(encoding="utf-8")
    for case in cases:
        assert f'id="{case["id"]}"' in html


def test_published_tree_answers_all_have_reasons(published):
    tree = published("decision-tree.json")
    for question in tree["questions"]:
        for answer in question["answers"]:
            assert answer["reason"], f"{question['id']}.{answer['id']}"


def test_every_outcome_node_links_to_an_existing_outcome_page(page, site_url, site_dir):
    page.goto(site_url + "decide/")
    targets = page.locator("svg.decide-flowchart a").evaluate_all("links => links.map(a => a.href)")
    assert targets
    for target in targets:
        assert target.startswith(site_url + "decide/outcomes/")
        assert (site_dir / target.removeprefix(site_url) / "index.html").is_file(), target


class Ids(HTMLParser):
    """Collects every id attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id")


def ids_of(site_dir, path):
    page = site_dir / path / "index.html"
    assert page.is_file(), f"{path} has no built page"
    parser = Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.ids


def test_every_caveat_and_add_on_has_evidence_that_resolves(site_dir, published):
    """Must show 2: six caveats and four add-ons or exits, each with evidence: a page and anchor of the
    built site, or an external source with its retrieval date."""
    tree = published("decision-tree.json")
    assert len(tree["caveats"]) >= 6
    assert len(tree["addons"]) >= 4
    missing = []
    for item in tree["caveats"] + tree["addons"]:
        assert item["evidence"], item["id"]
        for source in item["evidence"]:
            if source["kind"] == "internal":
                path, _, anchor = source["href"].partition("#")
                if anchor not in ids_of(site_dir, path):
                    missing.append(source["href"])
            else:
                assert source["href"].startswith("https://") and source["retrieved"], source
    assert not missing, "evidence without a target: " + ", ".join(sorted(set(missing)))


def test_each_outcome_page_lists_the_caveats_that_can_reach_it(site_dir, published):
    tree = published("decision-tree.json")
    titles = {caveat["id"]: caveat["title"] for caveat in tree["caveats"]}
    for case in published("use-cases.json"):
        html = (site_dir / "decide" / "outcomes" / case["outcome"] / "index.html").read_text(encoding="utf-8")
        section = html.split('id="caveats"', 1)[1]
        for caveat in case["caveats"]:
            assert titles[caveat] in section, (case["id"], caveat)
