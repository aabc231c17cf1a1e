"""Statistics charts as SVG rendered on the server by pygal: no script, no request from the page."""

from __future__ import annotations

from typing import Any

import pygal
from lxml import etree
from pygal.style import Style

#: Bars shown in one chart at most (the longest tail is summed in the table, not drawn).
MAX_BARS = 36

_STYLE = Style(
    background="white",
    plot_background="white",
    font_family="sans-serif",
    colors=("#2f6fbf", "#e0a100", "#c0392b", "#2e8b57"),
)


def bar_chart(title: str, rows: list[dict[str, Any]], series: tuple[str, ...]) -> str:
    """An inline SVG bar chart of `rows` (each with a `key` and one count per name in `series`)."""
    rows = rows[-MAX_BARS:] if title.endswith("month") else rows[:MAX_BARS]
    chart = pygal.Bar(
        style=_STYLE,
        width=900,
        height=360,
        js=[],  # pygal links its tooltip script from the web by default: nothing to load here
        disable_xml_declaration=True,
        x_label_rotation=30,
        show_legend=len(series) > 1,
        legend_at_bottom=True,
        truncate_label=24,
    )
    chart.title = title
    chart.x_labels = [str(row["key"]) for row in rows]
    for name in series:
        chart.add(name, [int(row.get(name, 0)) for row in rows])
    return _without_scripts(chart.render(is_unicode=True))


def _without_scripts(svg: str) -> str:
    """The SVG less pygal's inline config script (the view runs no script; its CSP forbids them)."""
    root = etree.fromstring(svg.encode("utf-8"))
    for script in root.findall(".//{http://www.w3.org/2000/svg}script"):
        script.getparent().remove(script)
    return etree.tostring(root, encoding="unicode")
