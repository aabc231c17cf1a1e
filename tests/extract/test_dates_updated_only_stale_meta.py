"""A page that shows only an "Updated" date under its headline, and carries a stale generic meta
date (`<meta name="date">`, `dc.date`: a template's render or import date, years old). The date
shown wins (DECISIONS: weak generic meta dates lose to a dated `<time>` or a labelled date under
the headline; only an "Updated" date shown gives `published` null and `modified` that day); the
stale meta date was read as the publication day before. The `<time>`'s UTC stamp is the evening
before the printed day, which is the modified day. Shown on an AP-style English news page (a
`<time>` after an "Updated" word in a timestamp line) and a sibling French page in div soup (the
label in a `<span>` of its own, a `dc.date` meta, a slash date)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

_TEXT_EN = (
    "<p>A powerful storm closed a stretch of the coastal highway on Monday, stranding hundreds "
    "of drivers and cutting power to thousands of homes.</p><p>Crews worked through the night "
    "to clear fallen trees, and officials said the road could reopen by Wednesday if the "
    "weather improved.</p>"
)
_TEXT_FR = (
    "<p>Une violente tempête a fermé lundi une partie de la route côtière, bloquant des "
    "centaines d'automobilistes et privant des milliers de foyers d'électricité.</p><p>Les "
    "équipes ont travaillé toute la nuit pour dégager les arbres tombés, et la route pourrait "
    "rouvrir mercredi si la météo s'améliore.</p>"
)

_PAGES = {
    "en": (
        "<html lang='en'><head><title>Storm closes coastal highway | Coastal Wire</title>"
        "<meta name='date' content='2019-06-14'></head><body><header class='site-header'><nav>"
        "<a href='/'>Home</a> <a href='/news'>News</a></nav></header><main><article>"
        "<h1>Storm closes coastal highway</h1><div class='byline'>By The Associated Press</div>"
        "<div class='timestamp'>Updated <time datetime='2026-03-09T23:40:00Z'>March 10, 2026"
        f"</time></div>{_TEXT_EN}</article></main><footer>© 2026 Coastal Wire</footer>"
        "</body></html>",
        "https://www.coastalwire-example.com/news/storm-closes-coastal-highway",
    ),
    "fr": (
        "<html lang='fr'><head><title>La tempête ferme la route côtière</title>"
        "<meta name='dc.date' content='2019-01-22'></head><body><div id='page'>"
        "<div class='entete'><a href='/'>Accueil</a></div><div class='article'>"
        "<h1>La tempête ferme la route côtière</h1><p class='meta'><span>Mis à jour le</span> "
        f"<time datetime='2026-03-09T22:15:00Z'>10/03/2026</time></p>{_TEXT_FR}</div></div>"
        "</body></html>",
        "https://www.journal-exemple.nc/actualites/tempete-route",
    ),
}


@pytest.mark.parametrize("lang", sorted(_PAGES))
def test_an_updated_only_page_has_no_publication_day_from_a_stale_generic_meta(lang: str) -> None:
    html, url = _PAGES[lang]
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert (record["published"], record["modified"]) == (None, "2026-03-10")


@pytest.mark.parametrize("lang", sorted(_PAGES))
def test_a_generic_meta_date_still_dates_a_page_that_shows_no_date(lang: str) -> None:
    """Without the "Updated" line, the generic meta date is all the page states: it stays."""
    html, url = _PAGES[lang]
    start = html.index("<div class='timestamp'>" if lang == "en" else "<p class='meta'>")
    end = html.index("</div>" if lang == "en" else "</p>", start)
    bare = html[:start] + html[end + len("</div>" if lang == "en" else "</p>") :]
    record = extract_article(bare, url, profile=generic_profile()).to_dict()
    assert (record["published"], record["modified"]) == (
        "2019-06-14" if lang == "en" else "2019-01-22",
        None,
    )
