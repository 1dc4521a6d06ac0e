"""`python -m guide.devtools.compare_builds` tells content changes from navigation changes."""

from guide.devtools import compare_builds

PAGE = "<html><nav>{nav}</nav><article>{body}</article></html>"


def site(root, pages):
    for name, (nav, body) in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(nav=nav, body=body), encoding="utf-8")
    (root / "sitemap.xml").write_text(str(root), encoding="utf-8")
    return root


def test_identical_builds_report_nothing_and_exit_zero(tmp_path, capsys):
    before = site(tmp_path / "a", {"index.html": ("Home", "Hello")})
    after = site(tmp_path / "b", {"index.html": ("Home", "Hello")})
    assert compare_builds.main([str(before), str(after)]) == 0
    assert capsys.readouterr().out == "The two builds are the same (sitemaps aside).\n"


def test_content_navigation_added_and_removed_are_told_apart(tmp_path, capsys):
    before_pages = {"index.html": ("Home", "Hello"), "old/index.html": ("Home", "Old")}
    after_pages = {"index.html": ("Home", "Hello there"), "new/index.html": ("Home", "New")}
    before = site(tmp_path / "a", {**before_pages, "tasks/index.html": ("Home", "T")})
    after = site(tmp_path / "b", {**after_pages, "tasks/index.html": ("Nav", "T")})
    differences = compare_builds.compare(before, after)
    assert [(item.kind, item.path) for item in differences] == [
        ("changed", "index.html"),
        ("added", "new/index.html"),
        ("removed", "old/index.html"),
        ("navigation", "tasks/index.html"),
    ]
    assert differences[0].detail == "line 1: '<article>Hello' -> '<article>Hello there'"
    assert compare_builds.main([str(before), str(after)]) == 1
    assert capsys.readouterr().out.startswith("4 files differ; 1 of them only outside the page content.\n")


def test_an_unknown_revision_is_a_clear_error(capsys):
    assert compare_builds.main(["--base", "no-such-revision"]) == 2
    assert capsys.readouterr().err.startswith("error: git archive no-such-revision: ")
