"""The Markdown decision record the wizard offers for a complete path, ready for a design review.

The wizard script builds the same text in the browser; `tests/site/test_decide_wizard.py`
checks that both agree, and `tests/decide/golden/` holds three records as they must read.
"""

from __future__ import annotations

from functools import cache

from guide import migrate, templates
from guide.compare import Evidence as Source
from guide.decide.paths import Step, collected, grouped, permalink, reached, routed
from guide.decide.schema import Tree
from guide.decide.urls import evidence_links
from guide.pages import site_url


@cache
def own_context() -> str:
    """The marked place in a decision record for the team's own context (the wizard writes the same)."""
    return templates.render("decide/own-context.md.j2")


def alternatives(tree: Tree, steps: list[Step]) -> list[tuple[str, str]]:
    """The credible alternatives for a path: the outcome's own, then the outcomes one other answer to
    the path's last routing question (when it offers at most three) would reach."""
    outcome = tree.outcome(routed(tree, steps))
    found = [(outcome.alternative.title, outcome.alternative.text)]
    routing = [(question, answer) for question, answer in steps if question.id not in tree.then]
    question, chosen = routing[-1]
    if len(question.answers) <= 3:
        for answer in question.answers:
            other = tree.outcome(answer.next) if answer is not chosen else None
            if other and other.id != outcome.id and other.title not in {title for title, _ in found}:
                found.append(
                    (
                        other.title,
                        f"{other.summary} Where the answer to “{question.text}” is “{answer.label}”.",
                    )
                )
    return found


def decision_record(tree: Tree, steps: list[Step], base: str, date: str) -> str:
    """The Markdown decision record for a complete path, as the wizard builds it.

    Args:
        tree: The decision tree.
        steps: A path that reaches an outcome.
        base: The site's absolute root URL, ending in `/`.
        date: The date the record is made, `YYYY-MM-DD`.
    """
    outcome = tree.outcome(reached(tree, steps))

    def evidence(items: list[Source]) -> str:
        return "; ".join(
            f"[{item.title}]({base}{site_url(item.page)})"
            if item.page
            else f"[{item.title}]({item.url}) (retrieved {item.retrieved.isoformat()})"
            for item in items
        )

    return templates.render(
        "decide/record.md.j2",
        outcome=outcome,
        date=date,
        base=base,
        link=base + permalink(tree, steps),
        answers=grouped(steps),
        own_context=own_context(),
        addons=[(item, evidence(item.evidence)) for item in map(tree.addon, collected(steps, "addons"))],
        caveats=[(item, evidence(item.evidence)) for item in map(tree.caveat, collected(steps, "caveats"))],
        alternatives=alternatives(tree, steps),
        migrations=[
            (path.title, base + site_url(path.page)) for path in map(migrate.path, outcome.migrations)
        ],
        evidence=[(label, base + site_url(target)) for label, target in evidence_links(outcome)],
    )
