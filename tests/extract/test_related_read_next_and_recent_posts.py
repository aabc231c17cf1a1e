"""Related kinds (the article to read next, a sidebar of recent posts), on pages written here
(hub-like fr/nl/en with the hub.brussels profile, a blog with the generic base).

- The one article to read next, in a box of its own at the end of the text that holds only its
  label and the link ("Lire la suite", "Read next", "Volgend artikel": the vocabulary's
  `related_headings`), is related, as an inline "Lire aussi" box is: the labelled-box rule of
  `cards._labelled_boxes`, the label vocabulary. The same box without a label is a link of the text.
- A blog's sidebar list of recent posts (links to other articles of the site, with or without
  their dates) is a strip of repeated cards: related, as the README's "repeated card units" say
  and `test_printed_days_cards_sectors` already reads it. The footer's menu never is.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

_TEXT = {
    "fr": "<p>Une délégation de douze entreprises bruxelloises s'est rendue à Tokyo pour "
    "rencontrer des partenaires japonais et présenter leurs solutions aux acheteurs.</p><p>La "
    "mission a permis de signer plusieurs accords de distribution avec des partenaires.</p>",
    "nl": "<p>Een delegatie van twaalf Brusselse bedrijven reisde naar Tokio om Japanse partners "
    "te ontmoeten en hun oplossingen voor te stellen.</p><p>De missie leverde verschillende "
    "distributieakkoorden op met lokale partners.</p>",
    "en": "<p>A delegation of twelve Brussels companies travelled to Tokyo to meet Japanese "
    "partners and present their solutions to buyers.</p><p>The mission led to several "
    "distribution agreements with local partners.</p>",
}


def _page(lang: str, article_end: str, side: str = "") -> str:
    return (
        f"<html lang='{lang}'><body><header><nav class='menu'><a href='/{lang}/'>Home</a> "
        f"<a href='/{lang}/news/'>News</a></nav></header><div class='layout'><main><article>"
        f"<h1>Twelve companies in Tokyo</h1><p><time datetime='2026-03-12'>12 March 2026</time>"
        f"</p>{_TEXT[lang]}{article_end}</article></main>{side}</div><footer><ul><li><a "
        f"href='/{lang}/about-us/'>About us</a></li><li><a href='/{lang}/privacy-policy/'>Privacy "
        "policy</a></li><li><a href='/{lang}/news/'>News</a></li></ul><p>© 2026</p></footer>"
        "</body></html>"
    )


READ_NEXT = {
    "fr_hub_label_span": (
        "fr",
        "<div class='post-next'><span>Lire la suite</span> <a href='/fr/news/salon-bio-mai/'>Le "
        "salon bio revient en mai</a></div>",
        "https://hub.brussels/fr/news/tokyo-mission/",
        ("Le salon bio revient en mai", "https://hub.brussels/fr/news/salon-bio-mai/"),
    ),
    "nl_hub_label_strong": (
        "nl",
        "<p class='volgend'><strong>Volgend artikel</strong><br><a href='/nl/nieuws/biobeurs-"
        "keert-terug/'>De biobeurs keert terug in mei</a></p>",
        "https://hub.brussels/nl/nieuws/tokio-missie/",
        ("De biobeurs keert terug in mei", "https://hub.brussels/nl/nieuws/biobeurs-keert-terug/"),
    ),
    "en_blog_label_heading": (
        "en",
        "<div class='read-next'><h3>Read next</h3><a href='/posts/organic-fair-returns/'>The "
        "organic fair returns in May</a></div>",
        "https://garden.example/posts/tokyo-mission/",
        ("The organic fair returns in May", "https://garden.example/posts/organic-fair-returns/"),
    ),
}


@pytest.mark.parametrize("case", READ_NEXT)
def test_the_article_to_read_next_is_related(case: str) -> None:
    lang, end, url, card = READ_NEXT[case]
    related = extract_article(_page(lang, end), url, profile=profile_for_url(url)).related
    assert [(c.title, c.url) for c in related] == [card]


def test_a_link_of_the_text_without_a_label_is_not_related() -> None:
    end = (
        "<p>See <a href='/posts/organic-fair-returns/'>The organic fair returns in May</a> for "
        "the dates of the fair and the list of exhibitors.</p>"
    )
    url = "https://garden.example/posts/tokyo-mission/"
    assert extract_article(_page("en", end), url, profile=profile_for_url(url)).related == []


SIDEBARS = {
    "fr_hub_no_dates": (
        "fr",
        "<aside class='widget'><h3>Articles récents</h3><ul><li><a href='/fr/news/salon-bio/'>Le "
        "salon bio revient</a></li><li><a href='/fr/news/export-canada/'>Export vers le Canada"
        "</a></li></ul></aside>",
        "https://hub.brussels/fr/news/tokyo-mission/",
        ["Le salon bio revient", "Export vers le Canada"],
    ),
    "en_blog_dated": (
        "en",
        "<aside><section class='widget widget_recent_entries'><h2>Recent posts</h2><ul><li><a "
        "href='/posts/organic-fair/'>The organic fair returns</a><span class='post-date'>2 March "
        "2026</span></li><li><a href='/posts/export-canada/'>Exporting to Canada</a><span "
        "class='post-date'>20 February 2026</span></li></ul></section></aside>",
        "https://garden.example/posts/tokyo-mission/",
        ["The organic fair returns", "Exporting to Canada"],
    ),
}


@pytest.mark.parametrize("case", SIDEBARS)
def test_a_sidebar_of_recent_posts_is_related_and_the_footer_menu_is_not(case: str) -> None:
    lang, side, url, titles = SIDEBARS[case]
    related = extract_article(_page(lang, "", side), url, profile=profile_for_url(url)).related
    assert [c.title for c in related] == titles


NAMED_LINKS = {
    # the label inside the link, before the title: the title alone is the card's
    "en_blog_label_inside_link": (
        "en",
        "<div class='up-next'><a href='/posts/organic-fair-returns/'><span>Read next</span> The "
        "organic fair returns in May</a></div>",
        "https://garden.example/posts/tokyo-mission/",
    ),
    # a navigation block that names its one link as the article to read next
    "fr_hub_labelled_nav": (
        "fr",
        "<nav class='suite'><span>Article suivant</span> <a href='/fr/news/organic-fair-returns/'>"
        "The organic fair returns in May</a></nav>",
        "https://hub.brussels/fr/news/tokyo-mission/",
    ),
}


@pytest.mark.parametrize("case", NAMED_LINKS)
def test_a_link_named_to_read_next_is_related_without_its_label(case: str) -> None:
    lang, end, url = NAMED_LINKS[case]
    related = extract_article(_page(lang, end), url, profile=profile_for_url(url)).related
    assert [c.title for c in related] == ["The organic fair returns in May"]


def test_a_nav_of_recent_posts_under_its_heading_is_related() -> None:
    """A sidebar's `<nav>` of post links without dates, named by its heading ("Recente
    berichten"): a list of other articles, not the site's menu."""
    side = (
        "<aside><nav><h3>Recente berichten</h3><ul><li><a href='/nl/nieuws/biobeurs-keert-terug/'>"
        "De biobeurs keert terug</a></li><li><a href='/nl/nieuws/export-naar-canada/'>Export naar "
        "Canada</a></li></ul></nav></aside>"
    )
    url = "https://hub.brussels/nl/nieuws/tokio-missie/"
    related = extract_article(_page("nl", "", side), url, profile=profile_for_url(url)).related
    assert [c.title for c in related] == ["De biobeurs keert terug", "Export naar Canada"]
