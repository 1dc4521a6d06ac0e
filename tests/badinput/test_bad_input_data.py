"""The committed bad-input results (`data/bad_input_results.json`) and what the operations page says.

These read the file only (no servers), so they also guard the sentences of
docs/tasks/operations.md#bad-input: each statement there has a test here.
"""

import pytest

from guide import ROOT, bad_input
from guide.frameworks import FRAMEWORKS
from guide.render import Context
from tests.badinput.apps import APPS, NOT_HTTP

CONTEXT = Context(page="tasks/operations.md")


def apps():
    return bad_input.results().apps


def column(probe_id):
    return [(app, app.answers[probe_id]) for app in apps()]


def test_results_list_every_app_in_order():
    assert [app.key for app in apps()] == [app.key for app in APPS]


def test_no_cell_is_a_server_error():
    cells = {(app.key, probe): answer.status for app in apps() for probe, answer in app.answers.items()}
    assert not {key: status for key, status in cells.items() if status >= 500}


def test_mark_follows_the_rule():
    for app in apps():
        for answer in app.answers.values():
            assert (answer.names_cause is None) == (answer.status < 400)
            assert bad_input.cell(answer).endswith(bad_input.NO_CAUSE_MARK) == (answer.names_cause is False)


def test_table_has_one_row_per_app_and_one_column_per_bad_input():
    lines = bad_input.bad_input_table(CONTEXT).splitlines()
    header, _, *rows = lines
    assert [column.strip() for column in header.strip("|").split("|")][-len(bad_input.PROBES) :] == [
        probe.column for probe in bad_input.PROBES
    ]
    assert len(rows) == len(apps())
    for row, app in zip(rows, apps(), strict=True):
        assert f"`{app.file}` on {app.server}" in row
        assert row.rstrip(" |").endswith(
            " | ".join(bad_input.cell(app.answers[p.id]) for p in bad_input.PROBES)
        )
        assert "| 5" not in row


def test_files_without_a_row_are_listed_with_their_reason():
    listed = bad_input.bad_input_not_http(CONTEXT).splitlines()
    assert listed == [f"- `{file}`: {reason}." for file, reason in NOT_HTTP.items()]
    assert {item.file for item in bad_input.results().not_http} == set(NOT_HTTP)


def test_summary_counts_every_request():
    summary = bad_input.bad_input_summary(CONTEXT)
    assert (
        f"{len(apps())} apps, {len(apps()) * len(bad_input.PROBES)} requests, 0 answers of `500`" in summary
    )


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (200, b"anything", None),
        (422, b'{"detail": [{"msg": "JSON decode error"}]}', True),
        (400, b"<html><head><style>p {font-size: 1em}</style></head><p>Bad Request (400)</p></html>", False),
    ],
)
def test_rule_reads_the_visible_text(status, body, expected):
    media_type = "text/html" if body.startswith(b"<") else "application/json"
    probe = "malformed-json" if b"JSON" in body else "oversized"
    assert bad_input.names_cause(probe, status, media_type, body) is expected


# What the page says, one test per statement.


def test_only_apps_with_a_configured_limit_answer_413():
    refused = {app.file for app, answer in column("oversized") if answer.status == 413}
    assert refused == {f"snippets/upload/{framework}_app.py" for framework in ("flask", "fastapi", "django")}


def test_django_refuses_a_large_body_it_reads_with_a_silent_400():
    for app, answer in column("oversized"):
        if answer.excerpt == "Bad Request (400)":
            assert app.framework == "django" and answer.names_cause is False
    assert any(answer.excerpt == "Bad Request (400)" for _, answer in column("oversized"))


def test_only_the_graphql_views_name_a_wrong_content_type():
    named = {app.file for app, answer in column("wrong-type") if answer.names_cause}
    assert named == {f"snippets/graphql/{framework}_app.py" for framework in FRAMEWORKS}
    for app, answer in column("wrong-type"):
        if app.task == "graphql":
            assert (answer.status, answer.excerpt) == (400, "Unsupported content type")
    fastapi = {app.file: answer.status for app, answer in column("wrong-type") if app.label == "FastAPI"}
    posted = {file: status for file, status in fastapi.items() if status not in (200, 404)}
    assert posted.pop("snippets/forms/fastapi_app.py") == 403
    assert posted.pop("snippets/graphql/fastapi_app.py") == 400
    assert posted and set(posted.values()) == {422}


def test_undecodable_path_is_a_plain_404_everywhere():
    assert {answer.status for _, answer in column("path-utf8")} == {404}


def test_no_refusal_blames_the_query():
    assert not any(answer.names_cause for _, answer in column("query-utf8"))


def test_uvicorn_refuses_an_unknown_method_before_the_app():
    for app, answer in column("unknown-method"):
        if app.server == "uvicorn":
            assert (answer.status, answer.excerpt, answer.names_cause) == (
                400,
                "Invalid HTTP request received.",
                False,
            )
        else:
            assert answer.status in (403, 405)


def test_django_csrf_answers_an_unknown_method_with_403():
    for app, answer in column("unknown-method"):
        if answer.status == 403:
            assert app.framework == "django" and "CSRF" in answer.excerpt


def test_only_raw_body_readers_accept_text_plain():
    accepted = {app.label for app, answer in column("wrong-type") if 200 < answer.status < 300}
    assert accepted == {"Flask", "Django", "Django Ninja", "Starlette", "Quart", "APIFlask with Pydantic"}
    for app, answer in column("wrong-type"):
        posted = app.request.startswith("POST") and app.task != "graphql" and answer.status != 403
        if app.label in ("FastAPI", "APIFlask") and posted:
            assert answer.status == 422 and answer.names_cause is False


def test_flask_get_json_ignores_text_plain():
    for app, answer in column("wrong-type"):
        if app.label == "Flask" and "get_json(" in (ROOT / app.file).read_text(encoding="utf-8"):
            assert answer.status in (400, 422) and answer.names_cause is False


def test_django_405_has_an_empty_body_and_ninja_names_the_method():
    graphql = "GraphQL only supports GET and POST requests."
    for app, answer in column("unknown-method"):
        if answer.status == 405 and app.framework == "django":
            expected = {"Django Ninja": "Method not allowed"}.get(app.label, "")
            assert answer.excerpt == (graphql if app.task == "graphql" else expected)
            assert answer.names_cause is (app.label == "Django Ninja")
        if answer.status == 405 and app.framework == "flask":
            assert answer.names_cause is True
    assert any(app.task == "graphql" and answer.status == 405 for app, answer in column("unknown-method"))


def test_postgres_apps_wrote_to_their_database():
    created = {app.file: answer.status for app, answer in column("query-utf8") if app.task == "postgres"}
    assert created == {f"snippets/postgres/{framework}_app.py": 201 for framework in FRAMEWORKS}


def test_the_django_graphql_request_passes_csrf_with_a_cookie_and_its_header():
    (app,) = [app for app in APPS if app.key == "graphql_django_app"]
    token = app.headers["X-CSRFToken"]
    assert app.headers["Cookie"] == f"csrftoken={token}" and len(token) == 32
    (answer,) = [answer for result, answer in column("query-utf8") if result.key == app.key]
    assert answer.status == 200
