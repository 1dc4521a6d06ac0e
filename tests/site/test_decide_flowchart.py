"""The decide page's flowchart in headless Chromium, and the built outcome and use-case pages."""

import json
import re

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
        for anchor in ("paths", "alternative", "changes", "starter", "evidence"):
            assert f'id="{anchor}"' in html


def test_use_cases_page_has_a_section_per_published_use_case(site_dir, published):
    cases = published("use-cases.json")
    assert len(cases) >= 12
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
