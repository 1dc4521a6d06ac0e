"""The Markdown the Decide pages ask for with `<!-- guide:decide-... -->` directives.

The words live in Jinja templates under `docs/templates/decide/`; the
renderers here gather the data (paths, links, evidence) and pass it on.
"""

from __future__ import annotations

from guide import migrate, templates
from guide.decide.load import outcome as outcome_by_id
from guide.decide.load import tree, use_cases
from guide.decide.paths import RiderKind, Step, attached_to, grouped, paths_to, permalink_query, walk
from guide.decide.schema import USE_CASES_PAGE, WIZARD_PAGE, Rider
from guide.decide.urls import evidence_links, evidence_markdown, snippet_task
from guide.render import Context, directive, table


@directive("decide-outcome")
def outcome_page(context: Context, outcome_id: str) -> str:
    """The whole body of an outcome page: recommendation, paths, alternative, changes, snippet, evidence."""
    outcome = outcome_by_id(outcome_id)
    wizard = context.link(WIZARD_PAGE)
    riders = {kind: _attached(context, outcome.id, kind) for kind in ("caveats", "addons")}
    snippets = []
    for snippet in outcome.snippets:
        task = snippet_task(snippet)
        snippets.append((snippet, task, context.link(task.url) if task else None))
    return templates.render(
        "decide/outcome.md.j2",
        outcome=outcome,
        wizard=wizard,
        paths=[
            (f"{wizard}?{permalink_query(tree(), steps)}", steps) for steps in paths_to(tree(), outcome.id)
        ],
        then=tree().then_questions,
        use_cases=[
            (case.title, f"{context.link(USE_CASES_PAGE)}#{case.id}")
            for case in use_cases()
            if case.outcome == outcome.id
        ],
        riders={kind: items for kind, items in riders.items() if items},
        migrations=[(path, context.link(path.page)) for path in map(migrate.path, outcome.migrations)],
        snippets=snippets,
        evidence=[(label, context.link(target)) for label, target in evidence_links(outcome)],
    )


def _attached(context: Context, outcome_id: str, kind: RiderKind) -> list[tuple[Rider, list[Step], str]]:
    """(caveat or add-on, the answers that attach it, its evidence as Markdown) for an outcome's page."""
    find = tree().caveat if kind == "caveats" else tree().addon
    items = [(find(item_id), steps) for item_id, steps in attached_to(tree(), outcome_id, kind).items()]
    return [(item, steps, evidence_markdown(context, item.evidence)) for item, steps in items]


@directive("decide-use-cases")
def use_cases_sections(context: Context) -> str:
    """A section per use case: situation, answers with reasons, outcome and the wizard link."""
    wizard = context.link(WIZARD_PAGE)
    cases = []
    for case in use_cases():
        steps, _ = walk(tree(), case.answers)
        outcome = outcome_by_id(case.outcome)
        answers = [
            [question.text, "; ".join(a.label for a in chosen), " ".join(a.reason for a in chosen)]
            for question, chosen in grouped(steps)
        ]
        cases.append(
            {
                "case": case,
                "answers": table(["Question", "Answer", "Why"], answers),
                "outcome": outcome,
                "outcome_url": context.link(outcome.page),
                "addons": [tree().addon(item) for item in case.addons],
                "caveats": [tree().caveat(item) for item in case.caveats],
                "wizard_url": f"{wizard}?{permalink_query(tree(), steps)}",
            }
        )
    summary = table(
        ["Use case", "Outcome", "Caveats"],
        [
            [
                f"[{entry['case'].title}](#{entry['case'].id})",
                f"[{entry['outcome'].title}]({entry['outcome_url']})",
                str(len(entry["caveats"])),
            ]
            for entry in cases
        ],
    )
    return templates.render("decide/use-cases.md.j2", summary=summary, cases=cases)


@directive("decide-outcome-list")
def outcome_list(context: Context) -> str:
    """A list of every outcome with its one-line summary."""
    return "\n".join(
        f"- [{outcome.title}]({context.link(outcome.page)}): {outcome.summary}" for outcome in tree().outcomes
    )


@directive("decide-tree-text")
def tree_text(context: Context) -> str:
    """The whole tree as a nested list: the accessible text version of the flowchart."""
    outcome_links = {outcome.id: context.link(outcome.page) for outcome in tree().outcomes}
    return templates.render("decide/tree-text.md.j2", tree=tree(), outcome_links=outcome_links)
