"""Page prose that needs data: Jinja templates under `docs/templates/`.

A renderer that writes more than a sentence keeps the words in a template next
to the pages and passes it values:

    templates.render("decide/outcome.md.j2", outcome=outcome)

MkDocs leaves `docs/templates/` out of the site by default (`exclude_docs`), and
`guide.generate` does not copy it, so templates are never pages of their own.
Undefined values are errors, so a renamed field fails the build instead of
printing nothing.
"""

from __future__ import annotations

import jinja2

from guide.pages import DOCS_DIR

TEMPLATES_DIR = DOCS_DIR / "templates"

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # noqa: S701 - the output is Markdown, escaped where needed by the caller
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)


class TemplateError(ValueError):
    """A template is missing, does not parse, or uses a value it was not given."""


def render(name: str, **values: object) -> str:
    """Render `docs/templates/<name>` with `values`.

    Raises:
        TemplateError: The message names the template file and, where Jinja
            knows it, the line and the missing value.
    """
    where = f"docs/templates/{name}"
    try:
        return _ENVIRONMENT.get_template(name).render(**values)
    except jinja2.TemplateNotFound:
        raise TemplateError(f"{where}: no such template") from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{where}:{error.lineno}: {error.message}") from None
    except jinja2.UndefinedError as error:
        raise TemplateError(f"{where}: {error.message}") from None
