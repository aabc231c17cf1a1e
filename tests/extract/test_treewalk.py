"""The plain tree walks of `scraper.extract.treewalk` answer what the bs4 calls they replace do."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from scraper.extract.cards import _TITLE_CLASS, _title_classed
from scraper.extract.qa import _cue_pattern
from scraper.extract.selectors import Matches, SelectorIndex
from scraper.extract.treewalk import next_tags, previous_named, previous_tag, tags_below

PAGE = """<html><body><main>
<h2 id="a">Heading</h2>
text between <!-- a comment -->
<p class="intro">One</p>
<div class="card"><h3 class="card__title">T</h3><a href="/x">x</a><span>s</span></div>
<p>Two <b>bold</b></p>
tail text
<ul class="cat-links"><li><a href="/c">Cat</a></li><li><em><a href="/d">Dog</a></em></li></ul>
</main></body></html>"""


def _soup() -> BeautifulSoup:
    return BeautifulSoup(PAGE, "lxml")


def test_sibling_walks_answer_as_bs4() -> None:
    soup = _soup()
    for tag in soup.find_all(True):
        assert previous_tag(tag) is tag.find_previous_sibling()
        assert previous_named(tag, "p") is tag.find_previous_sibling("p")
        assert [id(t) for t in next_tags(tag)] == [id(t) for t in tag.find_next_siblings()]
    # text and comments between elements are skipped
    card = soup.find("div", class_="card")
    assert card is not None and previous_tag(card) is soup.find("p", class_="intro")


def test_tags_below_and_title_classes_answer_as_bs4() -> None:
    soup = _soup()
    assert [id(t) for t in tags_below(soup)] == [id(t) for t in soup.find_all(True)]
    found = list(_title_classed(soup))
    assert [t.name for t in found] == ["h3"]
    assert [id(t) for t in found] == [id(t) for t in soup.find_all(class_=_TITLE_CLASS)]


def test_descendant_selector_finds_every_match_below_its_ancestor() -> None:
    soup = _soup()
    index = SelectorIndex.build({"sector": [".cat-links a"]})
    matches = Matches()
    index.match_all(tags_below(soup), matches)
    matches.resolve()
    assert [t.get_text() for t in matches.in_selector_order("sector")] == ["Cat", "Dog"]


def test_grouped_cue_pattern_matches_as_the_plain_alternation() -> None:
    cues = ("rencontre avec", "rencontre", "interview", "fondat", "ceo", "conseill", "co-founder")
    plain = (
        "\\b(?:"
        + "|".join(re.escape(c) + ("" if c in ("fondat", "conseill") else "\\b") for c in cues)
        + ")"
    )
    text = (
        "rencontre avec la fondatrice, le ceo et co-founder; une interview, rencontrez conseiller"
    )
    spans = [m.span() for m in _cue_pattern(cues).finditer(text)]
    assert spans == [m.span() for m in re.finditer(plain, text)]
    # the longer cue listed first wins where both start, as in the plain pattern
    assert text[slice(*spans[0])] == "rencontre avec"
