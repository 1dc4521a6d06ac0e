"""The site checks' own logic (privacy scan, axe summary) on fixture data, not the real site."""

from tests.support import sitecheck


def test_detects_cdn_script_font_and_image(tmp_path):
    (tmp_path / "a.html").write_text(
        '<html><head><script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/css"></head>'
        '<body><img src="http://img.example/i.png"><a href="https://ok.example/">a source</a></body></html>'
    )
    (tmp_path / "s.css").write_text("@font-face { src: url('https://fonts.example/f.woff2') }")
    found = sitecheck.external_resources(tmp_path)
    assert found == [
        "a.html: <script> https://cdn.example/x.js",
        "a.html: <link rel=stylesheet> //fonts.example/css",
        "a.html: <img> http://img.example/i.png",
        "s.css: url https://fonts.example/f.woff2",
    ]


def test_same_origin_resources_pass(tmp_path):
    (tmp_path / "a.html").write_text(
        '<script src="assets/x.js"></script><img src="/i.png"><img src="data:image/png;base64,AA">'
    )
    assert sitecheck.external_resources(tmp_path) == []


def test_orphan_snippets():
    assert sitecheck.orphan_snippets(["a.py", "b.py"], ["a.py"]) == ["b.py"]


def test_axe_summary_counts_violations_per_page_type_and_palette():
    from tests.support import quality

    records = [
        {"url": "tasks/basics/", "palette": "light", "violations": 0},
        {"url": "tasks/basics/", "palette": "dark", "violations": 2},
        {"url": "tasks/data/", "palette": "dark", "violations": 1},
        {"url": "about/", "palette": "light", "violations": 0},
    ]
    lines = [line.split() for line in quality.format_axe_summary(records).splitlines()]
    assert ["task", "page", "2", "0", "3"] in lines
    assert ["other", "1", "0", "0"] in lines
    assert ["all", "pages", "3", "0", "3"] in lines
