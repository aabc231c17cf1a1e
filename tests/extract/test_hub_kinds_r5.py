"""Kinds of misses of round 5 on hub.brussels-like pages, each on pages written here in two
markups or languages (the held-out pages that showed them were not read):

- related: a list of other articles after the text, each item "title (dd/mm/yyyy)" with the day
  inside the link (a `<nav>` viewlet, "Contenu similaire"), gave no related at all;
- body leaks: the title of a link box written as a short line of its own, the "Your contacts"
  heading over a contact block set between two paragraphs, a photo credit in brackets
  ("(Photo: Special arrangement)") in an element of its own beside the caption."""

from __future__ import annotations

import datetime as dt

from scraper.extract import extract_article
from scraper.sites import profile_for_url


def _record(html: str, url: str):  # type: ignore[no-untyped-def]
    return extract_article(html, url, profile=profile_for_url(url))


_FRAME = (
    "<html lang='{lang}'><head><title>{title} | hub.brussels</title></head><body>"
    "<header class='site-header'><nav><a href='/'>hub.brussels</a>"
    "<a href='/{lang}/news/'>News</a></nav></header><main>{main}</main>"
    "<footer><p>© hub.brussels</p></footer></body></html>"
)

# -- 5. related: "title (dd/mm/yyyy)" with the day inside the link -------------------------------

_FR_TEXT = (
    "<div class='content'><p>L'agence ouvre un nouvel appel pour les entreprises alimentaires qui "
    "veulent grandir à Bruxelles, avec un coaching et une subvention.</p>"
    "<p>Les candidatures sont ouvertes jusqu'à fin avril.</p></div>"
)
_NL_TEXT = (
    "<div class='documentDescription'><p>Tien ontwerpers uit het Brussels Gewest tonen hun werk "
    "tijdens de designweek in Milaan, met steun van het agentschap.</p></div>"
    "<div id='parent-fieldname-text'><p>De stand staat in het Tortona-district.</p></div>"
)


def test_a_nav_of_links_each_closing_with_its_day_is_the_related_list() -> None:
    html = _FRAME.format(
        lang="fr",
        title="Un soutien pour l'alimentation",
        main="<article><h1>Un soutien pour l'alimentation</h1>" + _FR_TEXT + "</article>"
        "<nav class='relatedItems' id='related-items'><h2>Contenu similaire</h2><ul>"
        "<li><a href='/fr/news/etude-marche/'>Une étude du marché alimentaire bruxellois "
        "(12/03/2026)</a></li><li><a href='/fr/news/fermes-urbaines/'>Les fermes urbaines "
        "reçoivent une aide (02/02/2026)</a></li></ul></nav>",
    )
    record = _record(html, "https://hub.brussels/fr/news/alimentation/")
    assert [(c.title, c.url, c.published) for c in record.related] == [
        (
            "Une étude du marché alimentaire bruxellois",
            "https://hub.brussels/fr/news/etude-marche/",
            dt.date(2026, 3, 12),
        ),
        (
            "Les fermes urbaines reçoivent une aide",
            "https://hub.brussels/fr/news/fermes-urbaines/",
            dt.date(2026, 2, 2),
        ),
    ]
    assert "Contenu similaire" not in (record.body or "")


def test_a_dutch_nav_with_the_day_in_a_span_inside_the_link_is_related() -> None:
    # sibling: Dutch, Plone-like markup, the nav inside the article, its heading an `<h3>`, the
    # day in a span of the link (brackets in square form)
    html = _FRAME.format(
        lang="nl",
        title="Brusselse designers naar Milaan",
        main="<article><h1>Brusselse designers naar Milaan</h1>" + _NL_TEXT + ""
        "<nav class='related-items'><h3>Gerelateerde inhoud</h3><ul>"
        "<li><a href='/nl/nieuws/design-september/'>Design september gaat van start "
        "<span class='date'>[05/09/2025]</span></a></li>"
        "<li><a href='/nl/nieuws/creatieve-sector/'>Steun voor de creatieve sector "
        "<span class='date'>[14/07/2025]</span></a></li></ul></nav></article>",
    )
    record = _record(html, "https://hub.brussels/nl/nieuws/designers-milaan/")
    assert [(c.title, c.published) for c in record.related] == [
        ("Design september gaat van start", dt.date(2025, 9, 5)),
        ("Steun voor de creatieve sector", dt.date(2025, 7, 14)),
    ]


def test_a_nav_of_undated_links_stays_no_related_list() -> None:
    # the same nav without the days is a menu of the site: the brackets hold no day
    html = _FRAME.format(
        lang="fr",
        title="Un soutien pour l'alimentation",
        main="<article><h1>Un soutien pour l'alimentation</h1>" + _FR_TEXT + "</article>"
        "<nav class='sections'><h2>Rubriques</h2><ul>"
        "<li><a href='/fr/news/etude-marche/'>Études (archives)</a></li>"
        "<li><a href='/fr/news/fermes-urbaines/'>Fermes urbaines (dossier)</a></li></ul></nav>",
    )
    assert _record(html, "https://hub.brussels/fr/news/alimentation/").related == []
