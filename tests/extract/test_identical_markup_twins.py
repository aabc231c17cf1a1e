"""Two elements with identical markup are still two elements: bs4's `==` compares markup (name,
attributes, contents), so `twin in tag.parents` answered yes for a list that merely looked like
one of the tag's ancestors. Here a site repeats its teaser list in the text and in the sidebar,
byte for byte; the profile marks the sidebar's copy as related articles. The copy in the text is
a list of other articles too (a card strip of its own), never "already inside" the sidebar's."""

from __future__ import annotations

from bs4 import Tag

from scraper.extract.article import _read_page, parse_html
from scraper.extract.page import Page
from scraper.extract.treewalk import is_at_or_inside, is_inside
from scraper.sites import profile_from_text


def _profile(related: str) -> str:
    return f"""
[site]
key = "twins"
name = "twins"
hosts = ["news.example.org"]
[extract]
related = ["{related}"]
"""


def _read(html: str, related: str) -> Page:
    return _read_page(
        parse_html(html),
        "https://news.example.org/2026/03/story",
        profile_from_text(_profile(related)),
    )


def _holds_cards(page: Page, element: Tag) -> bool:
    """True when a card container of the page (left out of the text) is `element`, sits in it
    or holds it."""
    return any(is_at_or_inside(s, element) or is_inside(element, s) for s in page.related_sections)


EN_LIST = (
    '<div class="teasers"><ul>'
    '<li><a href="/2026/03/port-works">Port works start in the spring</a></li>'
    '<li><a href="/2026/03/tram-line">New tram line opens downtown</a></li>'
    "</ul></div>"
)
EN_PAGE = f"""<html><body><div class="page"><h1>Library to reopen after renovation</h1>
<div class="text"><p>{"The council voted to fund the renovation of the old library. " * 4}</p>
{EN_LIST}
<p>{"Work will begin in the autumn and the rooms reopen within two years. " * 4}</p></div>
<aside>{EN_LIST}</aside></div></body></html>"""

FR_BOX = (
    '<section class="a-lire"><ol>'
    '<li><a href="/2026/03/travaux-du-port">Les travaux du port commencent au printemps</a></li>'
    '<li><a href="/2026/03/ligne-de-tram">Une nouvelle ligne de tram en centre-ville</a></li>'
    "</ol></section>"
)
FR_PAGE = f"""<html lang="fr"><body><div class="site"><div class="colonne">
<h1>La bibliothèque rouvrira après travaux</h1>
<div class="corps"><p>{"Le conseil a voté le financement de la rénovation de la bibliothèque. " * 4}</p>
{FR_BOX}
<p>{"Les travaux commenceront à l'automne et les salles rouvriront dans deux ans. " * 4}</p></div>
</div><div class="barre-laterale">{FR_BOX}</div></div></body></html>"""


def test_a_teaser_list_repeated_in_the_text_is_a_card_list_of_its_own() -> None:
    page = _read(EN_PAGE, "aside .teasers")
    in_text, in_sidebar = page.soup.select(".teasers")
    assert in_text == in_sidebar  # the twins: bs4 cannot tell them apart by `==`
    assert not is_inside(in_text, in_sidebar)
    assert _holds_cards(page, in_sidebar)
    assert _holds_cards(page, in_text)


def test_a_numbered_teaser_list_repeated_in_the_text_in_another_template() -> None:
    page = _read(FR_PAGE, ".barre-laterale .a-lire")
    in_text, in_sidebar = page.soup.select(".a-lire")
    assert in_text == in_sidebar
    assert _holds_cards(page, in_sidebar)
    assert _holds_cards(page, in_text)
