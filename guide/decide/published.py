"""The data files the Decide section publishes: `/data/decision-tree.json` and `/data/use-cases.json`."""

from __future__ import annotations

from collections.abc import Callable

from guide.compare import Evidence as Source
from guide.decide.load import tree, use_cases
from guide.decide.paths import permalink, walk
from guide.decide.schema import Addon, Rider
from guide.publish import published


def rider_data(item: Rider, source_data: Callable[[Source], dict]) -> dict:
    """A caveat or an add-on as the published data and the wizard show it.

    Args:
        item: The caveat or add-on.
        source_data: Makes the data of one piece of its evidence.
    """
    kind = {"kind": item.kind} if isinstance(item, Addon) else {}
    evidence = [source_data(source) for source in item.evidence]
    return {"id": item.id, **kind, "title": item.title, "text": item.text, "evidence": evidence}


@published("decision-tree.json")
def decision_tree_data() -> dict:
    """The decision tree: questions with answers, reasons and targets, the outcomes with their pages,
    and the edition with the ids each edition renamed (to read older wizard links)."""
    current = tree()
    return {
        "edition": current.edition,
        "renamed": current.renamed,
        "start": current.start,
        "then": current.then,
        "questions": [question.model_dump() for question in current.questions],
        "caveats": [rider_data(item, Source.published) for item in current.caveats],
        "addons": [rider_data(item, Source.published) for item in current.addons],
        "outcomes": [
            {
                "id": outcome.id,
                "title": outcome.title,
                "summary": outcome.summary,
                "page": outcome.url,
                "migrations": outcome.migrations,
            }
            for outcome in current.outcomes
        ],
    }


@published("use-cases.json")
def use_cases_data() -> list[dict]:
    """Every use case: answers, outcome, caveats, add-ons and the site-relative wizard URL reproducing it."""
    return [
        {
            "id": case.id,
            "title": case.title,
            "answers": case.answers,
            "outcome": case.outcome,
            "caveats": case.caveats,
            "addons": case.addons,
            "permalink": permalink(tree(), walk(tree(), case.answers)[0]),
        }
        for case in use_cases()
    ]
