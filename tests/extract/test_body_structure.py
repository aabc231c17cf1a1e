"""The body by structure: link lists, hidden elements and layout wrappers named like furniture."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.sites import generic_profile

TEXT = (
    "<p>The council approved the new cycling plan on Tuesday after a long debate about parking "
    "spaces and delivery zones in the old town.</p>"
    "<p>Work on the first two routes starts in spring and should be finished before the summer "
    "holidays, the alderman said.</p>"
)


def _body(html: str) -> str:
    record = extract_article(html, "https://paper.example/a/", profile=generic_profile())
    return "\n\n".join(x for x in (record.lead, record.body) if x)


def test_a_list_of_links_is_not_text() -> None:
    links = "".join(f"<li><a href='/t/{i}'>Topic number {i}</a></li>" for i in range(6))
    body = _body(f"<article><h1>Cycling plan</h1>{TEXT}<ul>{links}</ul></article>")
    assert "approved the new cycling plan" in body and "Topic number" not in body


def test_a_sentence_with_a_link_stays() -> None:
    html = (
        f"<article><h1>Cycling plan</h1>{TEXT}<p>The full plan is on the "
        "<a href='/plan'>city website</a>, with maps of every route and the timetable.</p></article>"
    )
    assert "The full plan is on the city website" in _body(html)


def test_hidden_elements_are_not_text() -> None:
    html = (
        f"<article><h1>Cycling plan</h1>{TEXT}"
        "<div style='display: none'>Subscribe to our newsletter for more stories like this one.</div>"
        "<p style='visibility:hidden'>Hidden teaser text that readers never see on the page.</p>"
        "</article>"
    )
    body = _body(html)
    assert "Subscribe" not in body and "Hidden teaser" not in body


def test_a_layout_wrapper_named_like_a_sidebar_is_read() -> None:
    """A class word of furniture ('sidebar') on the wrapper of the whole text is the layout's
    name ('two-col-sidebar-right'), not furniture."""
    html = (
        "<div id='content'><div class='panel-two-col-sidebar-right'><h1>Cycling plan</h1>"
        f"{TEXT}</div><div class='sidebar'><p>Most read today: the weather.</p></div></div>"
    )
    body = _body(html)
    assert "approved the new cycling plan" in body and "Most read" not in body
