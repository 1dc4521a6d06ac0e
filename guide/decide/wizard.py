"""The wizard on `docs/decide/index.md`: its mount point and the data `wizard.js` reads."""

from __future__ import annotations

import json
from html import escape

from guide import migrate, templates
from guide.compare import Evidence as Source
from guide.decide.load import tree
from guide.decide.published import rider_data
from guide.decide.record import own_context
from guide.decide.schema import NONE
from guide.decide.urls import evidence_links, url_link
from guide.pages import site_url
from guide.render import Context, directive


def wizard_data(context: Context) -> dict:
    """What the wizard script needs: the tree, outcome pages and evidence links relative to the page."""
    current = tree()

    def source(item: Source) -> dict:
        if item.page:
            return {"title": item.title, "url": url_link(context, site_url(item.page))}
        return {"title": item.title, "url": str(item.url), "retrieved": item.retrieved.isoformat()}

    return {
        "start": current.start,
        "then": current.then,
        "none": NONE,
        "ownContext": own_context(),
        "edition": current.edition,
        "renamed": current.renamed,
        "siteRoot": url_link(context, ""),
        "questions": [
            {
                "id": question.id,
                "short": question.short,
                "text": question.text,
                "multiple": question.multiple,
                "answers": [answer.model_dump(exclude_defaults=True) for answer in question.answers],
            }
            for question in current.questions
        ],
        "caveats": [rider_data(item, source) for item in current.caveats],
        "addons": [rider_data(item, source) for item in current.addons],
        "outcomes": [
            {
                "id": outcome.id,
                "title": outcome.title,
                "summary": outcome.summary,
                "recommendation": outcome.recommendation,
                "changes": outcome.changes,
                "url": url_link(context, outcome.url),
                "alternative": outcome.alternative.model_dump(),
                "consequences": outcome.consequences,
                "migrations": [
                    {"title": path.title, "url": url_link(context, site_url(path.page))}
                    for path in map(migrate.path, outcome.migrations)
                ],
                "evidence": [
                    {"label": label, "url": url_link(context, site_url(target))}
                    for label, target in evidence_links(outcome)
                ],
            }
            for outcome in current.outcomes
        ],
    }


@directive("decide-wizard")
def wizard(context: Context) -> str:
    """The wizard's mount point with the tree as JSON in an attribute; `wizard.js` does the rest.

    An attribute rather than a `<script type="application/json">`: Material's
    instant navigation re-creates the scripts of a new page without their
    `type`, which would run the JSON as JavaScript.
    """
    payload = json.dumps(wizard_data(context), ensure_ascii=False, separators=(",", ":"))
    return templates.render("decide/wizard.md.j2", payload=escape(payload, quote=True))
