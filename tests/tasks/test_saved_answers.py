"""The saved-answer files themselves: how `tests.support.http_answers` compares and refreshes them.

Run on copies in a temporary folder, so the files pages show are never touched here.
"""

import pytest

from tests.support import http_answers
from tests.support.http_answers import REFRESH, Answer, assert_saved

RESPONSE = "snippets/demo/responses/flask_missing.txt"
EXAMPLE = "snippets/demo/examples/wrong_method.flask.http"
RESPONSE_TEXT = 'HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{"detail":"Note not found"}\n'
EXAMPLE_TEXT = (
    "HTTP/1.1 405 Method Not Allowed\ncontent-type: application/json\nallow: OPTIONS, POST\n\n"
    '{\n  "detail": "Not allowed"\n}\n'
)
JSON = {"Content-Type": "application/json"}


@pytest.fixture
def root(tmp_path, monkeypatch):
    """A repository root holding one saved answer of each kind."""
    monkeypatch.setattr(http_answers, "ROOT", tmp_path)
    monkeypatch.delenv(REFRESH, raising=False)
    for path, text in ((RESPONSE, RESPONSE_TEXT), (EXAMPLE, EXAMPLE_TEXT)):
        (tmp_path / path).parent.mkdir(parents=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_response_body_must_match_byte_for_byte(root):
    assert_saved(RESPONSE, Answer(404, JSON, b'{"detail":"Note not found"}\n'))
    with pytest.raises(AssertionError, match="got body"):
        assert_saved(RESPONSE, Answer(404, JSON, b'{"detail": "Note not found"}'))


def test_an_example_body_is_compared_as_json_and_allow_as_a_set(root):
    headers = {"content-type": "application/json", "allow": "POST, OPTIONS"}
    assert_saved(EXAMPLE, Answer(405, headers, b'{"detail":"Not allowed"}'))
    with pytest.raises(AssertionError, match="header allow"):
        assert_saved(EXAMPLE, Answer(405, {**headers, "allow": "POST"}, b'{"detail":"Not allowed"}'))


def test_a_saved_answer_is_never_a_server_error(root):
    (root / RESPONSE).write_text("HTTP/1.1 500 Internal Server Error\n\nboom\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="never be a server error"):
        assert_saved(RESPONSE, Answer(500, {}, b"boom"))


def test_a_wrong_reason_phrase_names_the_file(root):
    (root / RESPONSE).write_text("HTTP/1.1 404 Gone\n\n\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=f"{RESPONSE}: 404 is not 'Gone'"):
        http_answers.read_answer(RESPONSE)


def test_refreshing_leaves_a_matching_file_as_it_is(root, monkeypatch):
    monkeypatch.setenv(REFRESH, "1")
    headers = {"content-type": "application/json", "allow": "POST, OPTIONS"}
    assert_saved(EXAMPLE, Answer(405, headers, b'{"detail":"Not allowed"}'))
    assert (root / EXAMPLE).read_text(encoding="utf-8") == EXAMPLE_TEXT


def test_refreshing_rewrites_both_kinds_from_the_live_answer(root, monkeypatch):
    monkeypatch.setenv(REFRESH, "1")
    assert_saved(RESPONSE, Answer(410, {**JSON, "X-Other": "not listed"}, b'{"detail":"Gone"}'))
    assert (root / RESPONSE).read_text(encoding="utf-8") == (
        'HTTP/1.1 410 Gone\nContent-Type: application/json\n\n{"detail":"Gone"}\n'
    )
    assert_saved(
        EXAMPLE, Answer(405, {"content-type": "application/json", "allow": "GET"}, b'{"detail":"No"}')
    )
    assert (root / EXAMPLE).read_text(encoding="utf-8") == (
        "HTTP/1.1 405 Method Not Allowed\ncontent-type: application/json\nallow: GET\n\n"
        '{\n  "detail": "No"\n}\n'
    )


def test_refreshing_keeps_an_excerpt_the_page_still_contains(root, monkeypatch):
    (root / RESPONSE).write_text(
        "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<h1>Hi</h1>\n", encoding="utf-8"
    )
    monkeypatch.setenv(REFRESH, "1")
    page = {"Content-Type": "text/html"}
    assert_saved(RESPONSE, Answer(200, page, "<html><h1>Hi</h1></html>"), excerpt=True)
    assert (root / RESPONSE).read_text(encoding="utf-8").endswith("\n\n<h1>Hi</h1>\n")
    with pytest.raises(AssertionError, match="without the saved excerpt"):
        assert_saved(RESPONSE, Answer(200, page, "<html><h1>Bye</h1></html>"), excerpt=True)
