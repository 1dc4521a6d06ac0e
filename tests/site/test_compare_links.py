"""Built-site checks for the compare pages: published JSON, anchors and tabs."""

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest


class Ids(HTMLParser):
    """Collects every id attribute and the labels of content tabs."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.tab_labels: list[str] = []
        self._in_label = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        self._in_label = tag == "label" and "for" in attributes and attributes["for"].startswith("__tabbed")

    def handle_data(self, data):
        if self._in_label and data.strip():
            self.tab_labels.append(data.strip())
            self._in_label = False


def parse(site_dir: Path, url_path: str) -> Ids:
    page = site_dir / url_path / "index.html"
    assert page.is_file(), f"{url_path} has no built page"
    parser = Ids()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def published(site_dir: Path, name: str) -> list[dict]:
    return json.loads((site_dir / "data" / name).read_text(encoding="utf-8"))


def evidence(entries: list[dict]) -> list[dict]:
    found = []
    for entry in entries:
        found += entry.get("evidence", [])
        for verdict in entry.get("frameworks", {}).values():
            found += verdict["evidence"]
    return found


@pytest.mark.parametrize("name", ["matrix.json", "claims.json"])
def test_every_internal_evidence_link_resolves_to_a_page_and_anchor(site_dir, name):
    entries = published(site_dir, name)
    assert entries
    internal = [item for item in evidence(entries) if item["kind"] == "internal"]
    assert internal
    missing = []
    for item in internal + [{"href": entry["url"]} for entry in entries]:
        path, _, anchor = item["href"].partition("#")
        if anchor not in parse(site_dir, path).ids:
            missing.append(item["href"])
    assert not missing, "evidence links without a target: " + ", ".join(sorted(set(missing)))


@pytest.mark.parametrize("name", ["matrix.json", "claims.json"])
def test_every_external_source_in_the_published_data_has_a_retrieval_date(site_dir, name):
    external = [item for item in evidence(published(site_dir, name)) if item["kind"] == "external"]
    assert external
    assert all(item["href"].startswith("https://") and item["retrieved"] for item in external)


def test_matrix_json_has_20_criteria_with_evidence_for_each_framework(site_dir):
    entries = published(site_dir, "matrix.json")
    assert len(entries) >= 20
    for entry in entries:
        assert {"id", "title"} <= set(entry)
        for name in ("flask", "fastapi", "django"):
            assert entry["frameworks"][name]["verdict"]
            assert entry["frameworks"][name]["evidence"]


def test_claims_json_has_15_claims_and_5_tested(site_dir):
    entries = published(site_dir, "claims.json")
    assert len(entries) >= 15
    assert all(entry["evidence"] and entry["verdict"] for entry in entries)
    assert sum(1 for entry in entries if entry["tests"]) >= 5


def test_like_for_like_tabs_name_the_peers_next_to_their_framework(site_dir):
    labels = parse(site_dir, "compare/like-for-like").tab_labels
    assert labels == [
        *["Flask", "Starlette", "Quart"] * 2,
        *["APIFlask", "FastAPI", "Django Ninja"],
        *["APIFlask (Pydantic)", "APIFlask (marshmallow)", "FastAPI", "Django Ninja"],
    ]


def test_the_ledger_shows_the_code_of_each_test(site_dir):
    page = (site_dir / "compare" / "claims" / "index.html").read_text(encoding="utf-8")
    tests = {test for entry in published(site_dir, "claims.json") for test in entry["tests"]}
    for test in tests:
        assert f'<span class="filename">{test}</span>' in page, f"{test} is not shown on the ledger"
    assert page.count('<span class="nf">test_') >= len(tests)
