"""The compare data files (data/matrix.yml, claims.yml, popularity.yml): schema, evidence and rendering."""

import re
from pathlib import Path

import pytest
import yaml

from guide import compare, popularity, support
from guide.data import DataError, load
from guide.render import Context, DirectiveError

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EVIDENCE = {"title": "Flask docs", "url": "https://flask.palletsprojects.com/", "retrieved": "2026-11-22"}


def cell(**overrides) -> dict:
    return {"verdict": "Built in.", "evidence": [EVIDENCE], **overrides}


def criterion(criterion_id: str, **overrides) -> dict:
    return {
        "id": criterion_id,
        "title": "A criterion",
        "question": "What?",
        "flask": cell(),
        "fastapi": cell(),
        "django": cell(),
        **overrides,
    }


def matrix_document(count: int = 20, **first) -> dict:
    criteria = [criterion(f"criterion-{number}") for number in range(count)]
    criteria[0].update(first)
    return {"criteria": criteria}


def claim(claim_id: str, **overrides) -> dict:
    return {
        "id": claim_id,
        "claim": "Something is true",
        "heard": "Everywhere.",
        "verdict": "false",
        "explanation": "Because.",
        "evidence": [EVIDENCE],
        **overrides,
    }


def ledger_document(count: int = 15, **first) -> dict:
    claims = [claim(f"claim-{number}") for number in range(count)]
    claims[0].update(first)
    return {"claims": claims}


def write(tmp_path: Path, document: dict) -> Path:
    path = tmp_path / "bad.yml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


def test_matrix_has_at_least_20_criteria_with_evidence_for_every_cell():
    criteria = compare.matrix().criteria
    assert len(criteria) >= 20
    for entry in criteria:
        for name in compare.FRAMEWORKS:
            assert entry.cell(name).evidence, f"{entry.id}/{name} has no evidence"


def test_matrix_covers_the_criteria_the_issue_asks_for():
    ids = {entry.id for entry in compare.matrix().criteria}
    required = {"protocol", "concurrency", "validation", "serialisation", "openapi", "orm", "migrations"}
    required |= {"admin", "auth", "templates", "forms-csrf", "websockets", "background", "testing", "typing"}
    required |= {"performance", "memory", "start-up", "learning-curve", "ecosystem", "support"}
    required |= {"security-defaults", "deployment"}
    required |= {"postgres-async", "caching-rate-limiting", "serverless"}
    assert required <= ids


def test_ledger_has_15_claims_and_5_backed_by_our_tests():
    claims = compare.ledger().claims
    assert len(claims) >= 15
    tested = [entry for entry in claims if entry.tests]
    assert len(tested) >= 5
    for entry in tested:
        for test in entry.tests:
            assert "def test_" in Path(compare.ROOT / test.file).read_text(encoding="utf-8")


def test_ledger_includes_the_claims_the_issue_names():
    ids = {entry.id for entry in compare.ledger().claims}
    assert {
        "flask-is-dead",
        "fastapi-on-par-with-node-and-go",
        "flask-cannot-do-async",
        "fastapi-has-built-in-database-support",
        "fastapi-cuts-errors-by-40-percent",
        "django-too-heavy-for-apis",
        "flask-routing-slows-with-many-routes",
        "fastapi-stars-mean-more-use",
    } <= ids


def test_ids_are_slugs_and_unique():
    for ids in (
        [entry.id for entry in compare.matrix().criteria],
        [entry.id for entry in compare.ledger().claims],
    ):
        assert len(ids) == len(set(ids))
        assert all(SLUG.match(item) for item in ids)


def test_every_external_source_has_a_retrieval_date():
    evidence = [
        item
        for entry in compare.matrix().criteria
        for name in compare.FRAMEWORKS
        for item in entry.cell(name).evidence
    ]
    evidence += [item for entry in compare.ledger().claims for item in entry.evidence]
    figures = popularity.popularity()
    evidence += [figure.source for measure in figures.measures for figure in measure.figures]
    evidence += [source for signal in figures.signals for source in signal.sources]
    evidence += [source for line in support.support().lines for source in line.sources]
    external = [item for item in evidence if not item.internal]
    assert external
    assert all(item.retrieved is not None for item in external)


def test_unverified_signals_print_no_percentages():
    for signal in popularity.popularity().signals:
        if signal.status == "unverified":
            assert not re.search(r"\d+ ?%", signal.finding), signal.name


def survey_signal(**overrides) -> dict:
    return {
        "kind": "survey",
        "name": "A survey",
        "period": "2024",
        "shares": {"flask": 34, "fastapi": 38, "django": 35},
        "finding": "Read in the primary report.",
        "status": "verified",
        "means": "Something.",
        "does_not_mean": "Something else.",
        "sources": [EVIDENCE],
        **overrides,
    }


def test_shares_of_an_unverified_signal_name_the_file_and_the_field(tmp_path):
    path = write(tmp_path, {"measures": [], "signals": [survey_signal(status="unverified")]})
    with pytest.raises(DataError, match=r"bad\.yml: signals\.0: .*'shares' needs status 'verified'"):
        load(path, popularity.Popularity)


def test_a_share_above_100_names_the_file_and_the_field(tmp_path):
    path = write(
        tmp_path,
        {"measures": [], "signals": [survey_signal(shares={"flask": 134, "fastapi": 38, "django": 35})]},
    )
    with pytest.raises(DataError, match=r"bad\.yml: signals\.0\.shares\.flask: "):
        load(path, popularity.Popularity)


def test_survey_rows_lead_with_the_verified_shares():
    signals = [signal for signal in popularity.popularity().signals if signal.kind == "survey"]
    assert any(signal.shares for signal in signals)
    rows = popularity.popularity_signals(Context(page="compare/popularity.md"), "survey").splitlines()
    for signal in signals:
        (row,) = [line for line in rows if line.startswith(f"| {signal.name} |")]
        if signal.shares is None:
            assert not re.search(r"\d+ ?%", row.split(" | ")[2]), signal.name
        else:
            shares = signal.shares
            expected = f"**Flask {shares.flask}%, FastAPI {shares.fastapi}%, Django {shares.django}%.**"
            assert f"| {expected} {signal.finding} | verified |" in row


def test_a_cell_without_evidence_names_the_file_and_the_field(tmp_path):
    path = write(tmp_path, matrix_document(flask=cell(evidence=[])))
    with pytest.raises(DataError) as error:
        load(path, compare.Matrix)
    assert "bad.yml" in str(error.value)
    assert "criteria.0.flask.evidence" in str(error.value)


def test_an_external_source_without_retrieval_date_is_rejected(tmp_path):
    undated = {"title": "Some blog", "url": "https://example.org/post"}
    path = write(tmp_path, matrix_document(django=cell(evidence=[undated])))
    with pytest.raises(DataError, match=r"criteria\.0\.django\.evidence\.0.*retrieved"):
        load(path, compare.Matrix)


def test_evidence_must_be_either_a_page_or_a_url(tmp_path):
    both = {**EVIDENCE, "page": "tasks/basics.md#hello"}
    with pytest.raises(DataError, match="exactly one of 'page'"):
        load(write(tmp_path, matrix_document(fastapi=cell(evidence=[both]))), compare.Matrix)


def test_an_internal_link_to_a_missing_page_is_rejected(tmp_path):
    missing = {"title": "Nowhere", "page": "tasks/nowhere.md#hello"}
    with pytest.raises(DataError, match="docs/tasks/nowhere.md does not exist"):
        load(write(tmp_path, matrix_document(flask=cell(evidence=[missing]))), compare.Matrix)


def test_an_internal_link_needs_an_anchor(tmp_path):
    no_anchor = {"title": "Basics", "page": "tasks/basics.md"}
    with pytest.raises(DataError, match=r"criteria\.0\.flask\.evidence\.0\.page"):
        load(write(tmp_path, matrix_document(flask=cell(evidence=[no_anchor]))), compare.Matrix)


def test_a_retrieval_date_in_the_future_is_rejected(tmp_path):
    future = {**EVIDENCE, "retrieved": "2999-01-01"}
    with pytest.raises(DataError, match="in the future"):
        load(write(tmp_path, ledger_document(evidence=[future])), compare.Ledger)


def test_duplicate_criterion_ids_are_rejected(tmp_path):
    document = matrix_document()
    document["criteria"][1]["id"] = document["criteria"][0]["id"]
    with pytest.raises(DataError, match="criteria: .*appears twice"):
        load(write(tmp_path, document), compare.Matrix)


def test_a_criterion_id_must_be_a_slug(tmp_path):
    with pytest.raises(DataError, match=r"criteria\.0\.id"):
        load(write(tmp_path, matrix_document(id="Not A Slug")), compare.Matrix)


def test_fewer_than_20_criteria_are_rejected(tmp_path):
    with pytest.raises(DataError, match="criteria"):
        load(write(tmp_path, matrix_document(count=19)), compare.Matrix)


def test_a_verdict_outside_the_allowed_set_is_rejected(tmp_path):
    with pytest.raises(DataError, match=r"claims\.0\.verdict"):
        load(write(tmp_path, ledger_document(verdict="mostly true")), compare.Ledger)


def test_a_claim_backed_by_a_missing_test_file_is_rejected(tmp_path):
    tests = [{"file": "tests/compare/claims/test_nothing.py", "shows": "nothing at all here"}]
    with pytest.raises(DataError, match="test file tests/compare/claims/test_nothing.py does not exist"):
        load(write(tmp_path, ledger_document(tests=tests)), compare.Ledger)


def test_matrix_pair_rejects_unknown_frameworks_and_criteria():
    context = Context(page="compare/flask-vs-fastapi.md")
    with pytest.raises(DirectiveError, match="unknown framework 'bottle'"):
        compare.matrix_pair(context, "flask", "bottle", "protocol")
    with pytest.raises(DirectiveError, match="no criterion 'speed' in data/matrix.yml"):
        compare.matrix_pair(context, "flask", "fastapi", "speed")
    with pytest.raises(DirectiveError, match="at least one criterion"):
        compare.matrix_pair(context, "flask", "fastapi")


def test_claims_list_rejects_unknown_or_missing_claims():
    with pytest.raises(DirectiveError, match="no claim 'flask-is-alive' in data/claims.yml"):
        compare.claims_list(Context(page="compare/index.md"), "flask-is-alive")
    with pytest.raises(DirectiveError, match="at least one claim id"):
        compare.claims_list(Context(page="compare/index.md"))


def test_claims_list_links_each_claim_and_marks_tested_ones():
    rendered = compare.claims_list(Context(page="compare/flask-vs-fastapi.md"), "flask-cannot-do-async")
    assert rendered.startswith("- [“Flask can't do async”](claims.md#flask-cannot-do-async): **false**")
    assert rendered.endswith("(tested by us)")


def test_popularity_signals_rejects_unknown_kinds():
    with pytest.raises(DirectiveError, match="no signals of kind 'tweets'"):
        popularity.popularity_signals(Context(page="compare/popularity.md"), "tweets")


def test_matrix_pair_renders_two_columns_linked_to_the_matrix():
    rendered = compare.matrix_pair(Context(page="compare/flask-vs-fastapi.md"), "flask", "fastapi", "orm")
    header, _, row = rendered.splitlines()
    assert header == "| Criterion | Flask | FastAPI |"
    assert row.startswith("| [ORM and database access](matrix.md#orm) |")


def test_claims_ledger_shows_each_test_file_under_its_anchor():
    rendered = compare.claims_ledger(Context(page="compare/claims.md"))
    for entry in compare.ledger().claims:
        assert f"{{#{entry.id}}}" in rendered
        for test in entry.tests:
            assert f"{{: #{entry.id}-test }}" in rendered
            assert f'--8<-- "{test.file}"' in rendered


def test_published_matrix_has_the_issue_shape():
    published = compare.matrix_data()
    assert len(published) == len(compare.matrix().criteria)
    for entry in published:
        assert set(entry) == {"id", "title", "url", "frameworks"}
        assert set(entry["frameworks"]) == {"flask", "fastapi", "django"}
        for verdict in entry["frameworks"].values():
            assert verdict["verdict"]
            assert verdict["evidence"]
            assert all(item["href"] for item in verdict["evidence"])


def test_published_claims_have_the_issue_shape():
    for entry in compare.claims_data():
        assert {"id", "claim", "verdict", "evidence"} <= set(entry)
        assert entry["verdict"] in compare.VERDICTS
        assert entry["evidence"]
        if entry["tests"]:
            assert {"kind": "internal", "title": "Our test (code shown on the ledger)"}.items() <= entry[
                "evidence"
            ][-1].items()


def test_upload_date_of_an_unknown_package_is_a_clear_error():
    with pytest.raises(LookupError, match="not-a-package is not in uv.lock"):
        popularity.upload_date("not-a-package")


def test_locked_releases_lists_version_and_upload_date():
    from guide.versions import version

    rendered = popularity.locked_releases(Context(page="compare/popularity.md"), "flask")
    assert f"| `flask` | {version('flask')} | {popularity.upload_date('flask').isoformat()} |" in rendered


def test_snippet_lines_counts_each_file():
    from guide import snippets

    path = "snippets/peers/validation/fastapi_app.py"
    rendered = compare.snippet_lines(Context(page="compare/like-for-like.md"), f"FastAPI={path}")
    assert rendered.splitlines()[-1] == f"| FastAPI | `{path}` | {snippets.line_count(path)} |"


def test_snippet_lines_rejects_bad_arguments():
    context = Context(page="compare/like-for-like.md")
    with pytest.raises(DirectiveError, match="expected"):
        compare.snippet_lines(context, "snippets/peers/validation/fastapi_app.py")
    with pytest.raises(DirectiveError, match="at least one"):
        compare.snippet_lines(context)
    with pytest.raises(LookupError, match="snippet file not found"):
        compare.snippet_lines(context, "Nothing=snippets/peers/nothing.py")
