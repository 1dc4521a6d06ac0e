"""The decision tree (`data/decision_tree.yml`) and the use cases (`data/use_cases.yml`).

Everything the Decide section shows is rendered from those two files: the
flowchart (an SVG drawn at build time), its text version, the data the wizard
script reads, the outcome pages and the use-case sections, and the published
`/data/decision-tree.json` and `/data/use-cases.json`.

Loading validates the tree as a graph (no unknown targets, no cycles, no
unreachable node, every outcome has its page) and walks every use case
through it; any problem is a `DataError` naming the file and the field.

The routing questions lead to an outcome; the questions under `then` are asked
on every path after it and attach caveats (warnings with evidence) and
add-ons, never another outcome.

The modules, in the order they build on each other:

- `schema`: the models of both files and where the Decide pages live.
- `paths`: following answers through the tree; the wizard URL of a path.
- `links`: reading a wizard link, old ids included, as the wizard script does.
- `graph`: the checks of the tree as a whole and of each use case.
- `load`: both files loaded and checked, once per process.
- `urls`: links from the Decide pages, and an outcome's evidence.
- `pages`, `flowchart`, `wizard`: the `<!-- guide:decide-... -->` directives.
- `record`: the Markdown decision record.
- `published`: the published JSON files.

Importing this package registers the directives and the published files
(`guide.render` imports it by name); the names below are its public API.
"""

from guide.decide import flowchart, pages, published, record, wizard  # noqa: F401 - they register directives
from guide.decide.links import Link, read_link
from guide.decide.load import load_tree, load_use_cases, tree, use_cases
from guide.decide.paths import (
    PathError,
    Step,
    collected,
    grouped,
    paths_to,
    permalink,
    reached,
    routed,
    steps_end,
    walk,
)
from guide.decide.record import alternatives, decision_record
from guide.decide.schema import Addon, Answer, Caveat, Outcome, Question, Tree, UseCase

__all__ = [
    "Addon",
    "Answer",
    "Caveat",
    "Link",
    "Outcome",
    "PathError",
    "Question",
    "Step",
    "Tree",
    "UseCase",
    "alternatives",
    "collected",
    "decision_record",
    "grouped",
    "load_tree",
    "load_use_cases",
    "paths_to",
    "permalink",
    "reached",
    "read_link",
    "routed",
    "steps_end",
    "tree",
    "use_cases",
    "walk",
]
