"""The shortcuts the date layers take for speed say "nothing here" only where the full reading
finds nothing: a zone without a label word, the text nodes walked by their links rather than by
bs4's generator."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import NavigableString

from scraper.dates import labelled_date, may_hold_label, vocabulary
from scraper.extract import extract_article
from scraper.extract.article import parse_html
from scraper.extract.published import _year_strings
from scraper.text import fold

KINDS = ("published", "modified")


@pytest.mark.parametrize("kind", KINDS)
def test_every_label_is_seen_by_the_word_test(kind: str) -> None:
    """Each label of every language, put before a date in a line, passes the word test: the
    test never hides a labelled date the pattern would read."""
    vocab = vocabulary()
    labels = vocab.published_labels if kind == "published" else vocab.modified_labels
    for label in labels:
        line = f"Par Anne Dupont · {label} 12.05.2026"
        assert may_hold_label(fold(line), kind), label


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Regarding item# 11111, under extreme conditions", "published"),
        ("Rue de la Loi 16, 1000 Bruxelles", "modified"),
        ("Tel. +32 2 422 00 11 – 3 photos", "published"),
    ],
)
def test_lines_without_a_label_word_hold_no_labelled_date(line: str, kind: str) -> None:
    assert not may_hold_label(fold(line), kind)
    assert labelled_date(line, kind) is None


@pytest.mark.parametrize(
    ("html", "published", "modified"),
    [
        # labels in the zone: both dates are read from the lines under the headline
        (
            "<h1>Budget voted</h1><p>Publié le 3 mars 2025</p><p>Mis à jour le 4 mars 2025</p>"
            "<p>" + "Le parlement a voté le budget de la région ce mardi. " * 4 + "</p>",
            dt.date(2025, 3, 3),
            dt.date(2025, 3, 4),
        ),
        # a sibling in English, the label in a cell of its own before the date
        (
            "<h1>Budget voted</h1><dl><dt>Last updated</dt><dd>6 June 2025</dd></dl>"
            "<p>5 June 2025</p><p>"
            + "The parliament voted the region's budget today. " * 4
            + "</p>",
            dt.date(2025, 6, 5),
            dt.date(2025, 6, 6),
        ),
        # no label word anywhere: a date line alone is the publication day, nothing modified
        (
            "<h1>Budget voted</h1><p>5 June 2025</p><p>"
            + "The parliament voted the region's budget today. " * 4
            + "</p>",
            dt.date(2025, 6, 5),
            None,
        ),
    ],
)
def test_zone_dates_with_and_without_labels(
    html: str, published: dt.date | None, modified: dt.date | None
) -> None:
    article = extract_article(
        f"<html><body><article>{html}</article></body></html>", "https://x.be/a/"
    )
    assert article.published == published
    assert article.modified == modified


def test_text_nodes_walked_by_their_links_are_bs4s_plain_strings() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>T 2024</title><style>p{}</style>"
        "<script>var d = '2024-01-01';</script></head><body><!-- 2024 --><p>Le <b>3</b> mars"
        " 2024</p><template><p>x 2024</p></template><p>fin</p><p>٣ مارس ٢٠٢٤</p></body></html>"
    )
    soup = parse_html(page).soup
    expected = [
        s
        for s in soup.strings
        if type(s) is NavigableString and ("24" in s if s.isascii() else any(map(str.isdigit, s)))
    ]
    walked = _year_strings(soup, "24", {})
    assert len(walked) == len(expected) and all(
        a is b for a, b in zip(walked, expected, strict=True)
    )
    assert " mars 2024" in walked and "T 2024" in walked and "٣ مارس ٢٠٢٤" in walked
    assert "var d = '2024-01-01';" not in walked and "fin" not in walked


_XHTML = (
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' "
    "'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'>"
    "<html xmlns='http://www.w3.org/1999/xhtml' {extra}><head><title>{title}</title></head>"
    "<body>{comment}<h1>{title}</h1><p>{text}</p>"
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<use xlink:href="#icon"/></svg></body></html>'
)
_PAGES = {
    "en": ("", "Council votes to repair the bridge", "The council voted to repair it. " * 4),
    "fr": (
        "xmlns:fb='http://www.facebook.com/2008/fbml'",
        "Le conseil vote la réparation du pont",
        "Le conseil a voté la réparation du pont ce mardi. " * 4,
    ),
}


@pytest.mark.parametrize("lang", _PAGES)
def test_years_of_namespace_names_are_no_dates(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An XHTML page, an inline SVG, a Facebook namespace: the years in their namespace names
    identify the markup, the page writes none; the page is dateless, and the htmldate fallback
    has nothing to read."""
    import scraper.extract.published as published

    def no_search(*args: object, **kwargs: object) -> None:
        raise AssertionError("htmldate searched a page without a year")

    monkeypatch.setattr(published, "find_date", no_search)
    extra, title, text = _PAGES[lang]
    page = _XHTML.format(extra=extra, title=title, comment="", text=text)
    article = extract_article(page, f"https://www.example.{lang}/news/bridge")
    assert article.published is None


@pytest.mark.parametrize("lang", _PAGES)
def test_a_year_beside_namespace_names_is_still_read(lang: str) -> None:
    """The same pages with the day written in a comment only: htmldate still reads it."""
    extra, title, text = _PAGES[lang]
    comment = "<!-- article published 2024-03-05 -->"
    page = _XHTML.format(extra=extra, title=title, comment=comment, text=text)
    article = extract_article(page, f"https://www.example.{lang}/news/bridge")
    assert article.published == dt.date(2024, 3, 5)
    assert article.sources["published"] == "htmldate"
