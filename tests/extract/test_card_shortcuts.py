"""The card reading's speed shortcut says "nothing here" only where the full reading finds
nothing: a page without an `<a href>` has no card and no related section (`find_cards` answers
at once; `phrase_sections`, which finds a section by the links it holds, finds none)."""

from __future__ import annotations

import pytest

from scraper.extract.article import parse_html
from scraper.extract.cards import find_cards, phrase_sections
from scraper.extract.config import config_for
from scraper.extract.structured import read_signals
from scraper.sites import load_profile

PAGES = {
    # a profile's related container (".related-posts") and a "More news" heading over items
    # written without links (a list of titles a script links later)
    "en": """<html><body><article><h1>Harbour reopens</h1><p>The harbour reopened.</p></article>
<div class="related-posts"><h2>More news</h2><ul><li>Bridge closes</li><li>Ferry late</li></ul>
</div></body></html>""",
    # the same in French, the related list after the text's own paragraphs
    "fr": """<html><body><main><h1>Le port rouvre</h1><p>Le port a rouvert ce matin.</p>
<h3>Autres articles</h3><div class="more-news"><p>Le pont ferme</p><p>Le bac en retard</p></div>
</main></body></html>""",
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_page_without_links_has_no_card_and_no_section(lang: str) -> None:
    parsed = parse_html(PAGES[lang].encode())
    config = config_for(load_profile("base"))
    signals, matches = read_signals(parsed.soup, config.index, parsed.elements)
    related = matches.in_selector_order("related")
    assert related  # the profile's selector does match the container
    assert signals.links == []
    # the full reading of the sections finds none: the shortcut loses nothing
    assert phrase_sections(related, signals.headings, signals.h1s, config) == []
    url = "https://example.org/news/harbour/"
    assert find_cards(signals.links, related, signals.headings, config, url, url, signals.h1s) == (
        [],
        [],
    )
