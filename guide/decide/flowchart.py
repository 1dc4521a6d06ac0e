"""The decision tree drawn as an indented SVG flowchart at build time, with its text version.

Each node is a row; routing answers are drawn above the node they lead to and
outcome boxes link to their pages. The questions asked on every path follow
the tree with their answers listed under them.
"""

from __future__ import annotations

from html import escape

from guide import templates
from guide.decide.load import outcome as outcome_by_id
from guide.decide.load import tree
from guide.decide.pages import tree_text
from guide.decide.schema import Answer, Question, Tree
from guide.decide.urls import url_link
from guide.render import Context, directive

WIDTH = 360
MARGIN = 6
INDENT = 22
ANSWER_FONT = 12
BOX_FONT = 13
PAD = 7
XHTML = "http://www.w3.org/1999/xhtml"
"""Outcome links are HTML links in `<foreignObject>`: Material's scripts expect `a.href` to be a string."""
CHAR_WIDTH = 0.56
"""Average glyph width as a fraction of the font size (system sans-serif), for wrapping."""
TITLE = "Decision flowchart: questions, answers and the outcome each path reaches"
THEN_LABEL = "Then, on every path: these answers add caveats, never another outcome"


def wrap(text: str, width: float, font_size: int) -> list[str]:
    """Split text into lines that fit `width` pixels at `font_size`."""
    limit = max(8, int(width / (font_size * CHAR_WIDTH)))
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def _text_block(lines: list[str], x: float, top: float, size: int, css: str) -> str:
    spans = "".join(
        f'<tspan x="{x:g}" y="{top + size * (index + 1) + 2 * index:g}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return f'<text class="{css}" font-size="{size}">{spans}</text>'


def _question_box(
    question: Question, lines: list[str], x: float, y: float, width: float, height: float
) -> str:
    rect = f'<rect x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" rx="8"/>'
    label = _text_block(lines, x + PAD, y + PAD - 2, BOX_FONT, "decide-flowchart__label")
    return f'<g class="decide-flowchart__question" data-node="{question.id}">{rect}{label}</g>'


class _Drawing:
    """The SVG elements of the flowchart, drawn top to bottom; `y` is where the next row starts."""

    def __init__(self, context: Context, current: Tree) -> None:
        self.context = context
        self.tree = current
        self.body: list[str] = []
        self.y: float = MARGIN

    def text(self, text: str, x: float, width: float, size: int, css: str, gap: float) -> None:
        """Wrapped text at `x`, then `gap` pixels below it."""
        lines = wrap(text, width, size)
        self.body.append(_text_block(lines, x, self.y, size, css))
        self.y += len(lines) * (size + 2) + gap

    def node(self, node: str, depth: int, answer: Answer | None, parent_anchor: float | None) -> None:
        """A routing question or an outcome, the answer that leads to it, and everything below it."""
        x = MARGIN + depth * INDENT
        inner = WIDTH - MARGIN - x
        if answer is not None:
            riders = [f"add-on: {self.tree.addon(item).title}" for item in answer.addons]
            riders += [f"caveat: {self.tree.caveat(item).title}" for item in answer.caveats]
            label = answer.label + "".join(f" ({rider})" for rider in riders)
            self.text(label, x, inner, ANSWER_FONT, "decide-flowchart__answer", 4)
        y = self.y
        question = self.tree.question(node)
        lines = wrap(question.text if question else outcome_by_id(node).title, inner - 2 * PAD, BOX_FONT)
        height = len(lines) * (BOX_FONT + 2) + 2 * PAD
        if parent_anchor is not None:
            self.body.append(
                f'<path class="decide-flowchart__edge" d="M{x - INDENT + 10:g} {parent_anchor:g}'
                f'V{y + height / 2:g}H{x - 1:g}" marker-end="url(#decide-arrow)"/>'
            )
        if question:
            self.body.append(_question_box(question, lines, x, y, inner, height))
        else:
            self.body.append(self._outcome_box(node, lines, x, y, inner, height))
        self.y += height + 10
        for child in question.answers if question else []:
            self.node(child.next, depth + 1, child, y + height)

    def _outcome_box(
        self, node: str, lines: list[str], x: float, y: float, width: float, height: float
    ) -> str:
        href = escape(url_link(self.context, outcome_by_id(node).url))
        rect = f'<rect x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" rx="{height / 2:g}"/>'
        return (
            f'<g class="decide-flowchart__outcome" data-node="{node}">{rect}'
            f'<foreignObject x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}">'
            f'<a xmlns="{XHTML}" class="decide-flowchart__link" data-node="{node}" href="{href}">'
            + "<br/>".join(escape(line) for line in lines)
            + "</a></foreignObject></g>"
        )

    def then_question(self, question: Question) -> None:
        """A question asked on every path, with its answers listed under it."""
        inner = WIDTH - 2 * MARGIN
        suffix = " (tick all that apply)" if question.multiple else ""
        lines = wrap(question.text.replace(" Tick all that apply.", "") + suffix, inner - 2 * PAD, BOX_FONT)
        height = len(lines) * (BOX_FONT + 2) + 2 * PAD
        self.body.append(_question_box(question, lines, MARGIN, self.y, inner, height))
        self.y += height + 4
        for answer in question.answers:
            riders = [self.tree.caveat(item).title for item in answer.caveats]
            label = answer.label + (f" (caveat: {riders[0]})" if riders else "")
            self.text(label, MARGIN + INDENT, inner - INDENT, ANSWER_FONT, "decide-flowchart__answer", 4)
        self.y += 8


def flowchart_svg(context: Context) -> str:
    """The tree drawn as an indented flowchart: one row per node, outcomes link to their pages."""
    drawing = _Drawing(context, tree())
    drawing.node(drawing.tree.start, 0, None, None)
    drawing.y += 6
    drawing.text(THEN_LABEL, MARGIN, WIDTH - 2 * MARGIN, BOX_FONT, "decide-flowchart__label", 8)
    for question in drawing.tree.then_questions:
        drawing.then_question(question)
    height = drawing.y + MARGIN
    return (
        f'<svg class="decide-flowchart" viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" '
        'role="group" aria-labelledby="decide-flowchart-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="decide-flowchart-title">{TITLE}</title>'
        '<defs><marker id="decide-arrow" viewBox="0 0 8 8" refX="7" refY="4" '
        'markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0 0L8 4L0 8z" class="decide-flowchart__arrow"/></marker></defs>'
        + "".join(drawing.body)
        + "</svg>"
    )


@directive("decide-flowchart")
def flowchart(context: Context) -> str:
    """The flowchart SVG followed by its text version (a nested list of the same tree)."""
    return templates.render("decide/flowchart.md.j2", svg=flowchart_svg(context), text=tree_text(context))
