"""Charts for the benchmarks page, drawn as inline SVG (no script, no external resource)."""

from __future__ import annotations

import html

from guide.bench.report.formatting import number

COLOURS = ["#3f51b5", "#ef6c00", "#2e7d32"]
"""One colour per series (run)."""


def bar_chart(title: str, rows: list[tuple[str, list[float | None]]], series: list[str], unit: str) -> str:
    """A horizontal grouped bar chart: one group of bars per row, one bar per series (None: failed)."""
    label_width, bar_width, row_height, bar_height = 350, 270, 16 * len(series) + 12, 14
    width = label_width + bar_width + 80
    height = 52 + row_height * len(rows) + 20
    peak = max((value for _, values in rows for value in values if value is not None), default=1.0) or 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" aria-label="{html.escape(title)}" class="bench-chart">',
        f"<title>{html.escape(title)}</title>",
        f'<text x="0" y="16" font-size="13" font-weight="bold" fill="currentColor">'
        f"{html.escape(title)}</text>",
    ]
    for index, name in enumerate(series):
        x = label_width + index * 110
        parts.append(f'<rect x="{x}" y="28" width="12" height="12" fill="{COLOURS[index]}"/>')
        parts.append(
            f'<text x="{x + 16}" y="38" font-size="12" fill="currentColor">{html.escape(name)}</text>'
        )
    for row_index, (label, values) in enumerate(rows):
        top = 52 + row_index * row_height
        parts.append(
            f'<text x="{label_width - 8}" y="{top + row_height / 2 + 2}" font-size="12" text-anchor="end" '
            f'fill="currentColor">{html.escape(label)}</text>'
        )
        for index, value in enumerate(values):
            y = top + 4 + index * 16
            if value is None:
                parts.append(
                    f'<text x="{label_width + 4}" y="{y + 11}" font-size="11" '
                    'fill="currentColor">failed</text>'
                )
                continue
            length = max(1.0, value / peak * bar_width)
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
                f'fill="{COLOURS[index]}"/>'
            )
            parts.append(
                f'<text x="{label_width + length + 4:.1f}" y="{y + 11}" font-size="11" '
                f'fill="currentColor">{number(value)}{unit}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
