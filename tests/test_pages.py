"""`guide.pages`: links between pages and built URLs, checked against MkDocs's own file objects."""

import pytest
from mkdocs.structure.files import File
from pydantic import TypeAdapter, ValidationError

from guide import generate, pages
from guide.render import Context


def test_links_are_relative_to_the_rendering_page():
    assert pages.relative("compare/matrix.md", "compare/matrix.md#orm") == "matrix.md#orm"
    assert pages.relative("compare/claims.md", "tasks/data.md#crud") == "../tasks/data.md#crud"
    assert pages.relative("index.md", "compare/claims.md#x") == "compare/claims.md#x"
    assert Context(page="tasks/index.md").link("decide/outcomes/flask.md") == "../decide/outcomes/flask.md"


def test_site_urls_are_the_urls_mkdocs_gives_every_page():
    """MkDocs writes the home page's URL as `./`; the published data use the empty URL for it."""
    sources = [path.relative_to(generate.DOCS_DIR).as_posix() for path in generate.sources()]
    markdown = [source for source in sources if source.endswith(".md")]
    assert len(markdown) > 40
    for source in markdown:
        built = File(source, src_dir="docs", dest_dir="site", use_directory_urls=True).url.removeprefix("./")
        assert pages.site_url(source) == built, source
        assert pages.site_url(f"{source}#anchor") == f"{built}#anchor", source


def test_site_urls_of_index_pages_and_anchors():
    assert pages.site_url("benchmarks/index.md#routing") == "benchmarks/#routing"
    assert pages.site_url("index.md#top") == "#top"
    assert pages.site_url("tasks/reindex.md") == "tasks/reindex/"


def test_a_page_target_must_name_an_existing_page():
    adapter = TypeAdapter(pages.PageTarget)
    assert adapter.validate_python("tasks/basics.md#hello") == "tasks/basics.md#hello"
    with pytest.raises(ValidationError, match=r"page docs/tasks/nowhere\.md does not exist"):
        adapter.validate_python("tasks/nowhere.md#hello")
