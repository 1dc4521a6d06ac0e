"""The decision record for three named paths, compared with golden files in tests/decide/golden/.

The wizard builds the same record in the browser; tests/site/test_decide_wizard.py checks that its
text equals `guide.decide.decision_record` for every use case. After an intended change to the
record or to the data it draws on, refresh the golden files with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/decide/test_record.py -p no:cacheprovider

and review the diff before committing it.
"""

import os
from pathlib import Path

import pytest

from guide import decide
from guide.decide.record import alternatives, own_context
from tests.support.decision_record import RECORD_HEADINGS

GOLDEN = Path(__file__).parent / "golden"
BASE = "https://guide.example/"
DATE = "2026-12-02"
NAMED = ["marketplace-live-chat", "fastapi-needs-admin", "price-comparison-api"]
"""A mixed outcome with caveats from three questions, an existing app with an add-on, and a path with
several answers to one question."""


def record(case_id: str) -> str:
    case = next(case for case in decide.use_cases() if case.id == case_id)
    steps, _ = decide.walk(decide.tree(), case.answers)
    return decide.decision_record(decide.tree(), steps, BASE, DATE)


@pytest.mark.parametrize("case_id", NAMED)
def test_decision_record_matches_its_golden_file(case_id):
    path = GOLDEN / f"{case_id}.md"
    text = record(case_id)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), "run with UPDATE_GOLDEN=1 and review the diff"


@pytest.mark.parametrize("case", decide.use_cases(), ids=lambda case: case.id)
def test_every_record_has_its_parts_and_a_decision_that_does_not_repeat_itself(case):
    steps, _ = decide.walk(decide.tree(), case.answers)
    text = decide.decision_record(decide.tree(), steps, BASE, DATE)
    outcome = decide.tree().outcome(case.outcome)
    for heading in RECORD_HEADINGS:
        assert f"\n{heading}\n" in text, heading
    assert own_context() in text
    decision = text.split("## Decision\n\n", 1)[1].split("\n\n", 1)[0]
    assert decision == outcome.summary
    assert text.count(outcome.summary) == 1
    assert f"We will use {outcome.title}" not in text
    for caveat_id in case.caveats:
        assert f"- **{decide.tree().caveat(caveat_id).title}.**" in text
    if not case.caveats:
        assert "- None of our answers raised a caveat." in text
    for addon_id in case.addons:
        assert f"- **{decide.tree().addon(addon_id).title}**" in text


def test_alternatives_are_the_credible_ones_for_the_path_not_every_outcome():
    tree = decide.tree()
    steps, _ = decide.walk(tree, next(c for c in decide.use_cases() if c.id == "flask-more-pages").answers)
    titles = [title for title, _ in alternatives(tree, steps)]
    assert titles == ["Stay on Flask and add APIFlask", "Flask plus a separate FastAPI service"]
    steps, _ = decide.walk(tree, next(c for c in decide.use_cases() if c.id == "realtime-chat").answers)
    assert [title for title, _ in alternatives(tree, steps)] == ["Flask with APIFlask"]
