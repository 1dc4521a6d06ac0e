"""The built site is private, self-describing and shows every snippet."""

import json

from guide import snippets
from guide.mkdocs_hooks import includes_record
from tests.support import sitecheck


def test_no_resource_is_loaded_from_another_origin(site_dir):
    found = sitecheck.external_resources(site_dir)
    assert not found, "resources from other origins:\n" + "\n".join(found)


def test_every_page_has_a_description_and_canonical_url(html_pages, site_dir):
    missing = []
    for page in html_pages:
        if page.name == "404.html" or "<title>Redirecting" in page.read_text(encoding="utf-8")[:2000]:
            continue
        parsed = sitecheck.parse_page(page)
        if not parsed.meta.get("description"):
            missing.append(f"{page.relative_to(site_dir)}: no meta description")
        if not parsed.links.get("canonical"):
            missing.append(f"{page.relative_to(site_dir)}: no canonical link")
    assert not missing, "\n".join(missing)


def test_every_snippet_is_included_by_a_page(site_dir):
    record = json.loads(includes_record(site_dir).read_text(encoding="utf-8"))
    orphans = sitecheck.orphan_snippets(snippets.snippet_files(), record)
    assert not orphans, "snippet files no page includes: " + ", ".join(orphans)


def test_published_data_files_are_json(site_dir):
    files = sorted((site_dir / "data").glob("*.json"))
    assert files
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))


def test_versions_json_matches_the_lock_file(site_dir):
    from guide import versions

    published = json.loads((site_dir / "data" / "versions.json").read_text(encoding="utf-8"))
    assert published["flask"] == versions.version("flask")
    assert published["django"] == versions.version("django")
    for stack in versions.STACKS:
        assert published["stacks"][stack.name]["packages"]["django"] == versions.version(
            "django", stack_name=stack.name
        )
    assert published["stacks"]["lts"]["packages"]["django"].startswith("5.2.")


def test_404_page_exists_and_links_home(site_dir):
    text = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in text
    assert "decision wizard" in text


def test_search_index_is_built(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("tasks/basics/") for doc in index["docs"])


def test_the_versions_page_lists_both_stacks_from_the_lock(site_dir):
    from guide import versions

    for page in ("about/versions/index.html", "about/index.html"):
        text = (site_dir / page).read_text(encoding="utf-8")
        for stack in versions.STACKS:
            assert versions.version("django", stack_name=stack.name) in text, (page, stack.name)
    assert versions.version("django", stack_name="current").startswith("6.1.")
    assert versions.version("django", stack_name="lts").startswith("5.2.")


def test_build_code_reference_stays_out_of_reader_search(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("compare/") for location in locations)
    reader_page = "reference/published-data/"
    assert not [
        location
        for location in locations
        if location.startswith("reference/") and not location.startswith(reader_page)
    ], "only the published-data page of reference/ is written for readers"
    assert not [doc["location"] for doc in index["docs"] if "guide.compare.matrix_overview" in doc["text"]]
