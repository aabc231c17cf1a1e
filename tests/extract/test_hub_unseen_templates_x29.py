"""Hub-like pages in templates the fixtures never used (Drupal 10 Olivero, a Webflow export, a
Ghost Casper theme, a WordPress block theme, a Hugo theme, a Sitecore JSS page), fr / nl / en,
written with their expected records before the extractor was run on them
(`tests/extract/pages_x29/<name>.html` beside `<name>.expected.json`); neutral edits of three of
them (a crumb added, a furniture heading reworded, the markup re-indented, a closing thank-you)
keep the record. Four kinds the pages showed, each also on a small sibling page below:

- a publication stamp written in another offset than the site's zone (an office abroad: Seoul,
  Montréal) a day away, in the site's zone, from the day printed under the headline: the
  printed day, as for a UTC stamp;
- a stated section (`article:section`, JSON-LD `articleSection`) the profile's sector mapping
  does not know ("news", "Nieuws": the site's section) beside a sector label the page shows that
  the mapping knows: the shown sector;
- a figure's caption under a standfirst set apart (a post header's excerpt, then its photo),
  above the text's first paragraph: no body, as when no standfirst stands above the photo;
- a related card holding a term's link (`rel="tag"`: its sector, "/nl/sector/mode-design/") that
  looks like an article URL: the card is still one unit, with its sector and date.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.extract.reading import read
from tests.extract.unseen_pages import (
    assert_same_record,
    edit,
    load_page,
    page_names,
    reindent,
    small_hub_page,
)

PAGES = Path(__file__).resolve().parent / "pages_x29"
NAMES = page_names(PAGES)

#: the record's fields a reader of the archive sees, compared whole
FIELDS = (
    "lang", "title", "published", "modified", "sector", "sector_key", "lead", "qa", "contacts",
    "translations",
)  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_an_unseen_template_gives_the_hand_written_record(name: str) -> None:
    html, expected = load_page(PAGES, name)
    record = read(html, expected["_url"]).to_dict()
    for field in FIELDS:
        assert record[field] == expected[field], field
    keys = ("title", "url", "sector", "published")
    assert [{k: card[k] for k in keys} for card in record["related"]] == expected["related"]
    body = record["body"] or ""
    for text in expected["_body_includes"]:
        assert text in body
    for text in expected["_body_excludes"]:
        assert text not in body
        assert text not in (record["lead"] or "")


def _crumb_added_and_thanks(html: str) -> str:
    html = edit(
        html,
        '<a href="/fr/news" class="breadcrumb-link">Actualités</a></div>',
        '<a href="/fr/news" class="breadcrumb-link">Actualités</a>'
        '<div class="breadcrumb-divider">/</div>'
        '<a href="/fr/secteur/economie-circulaire" class="breadcrumb-link">Économie circulaire</a>'
        "</div>",
    )
    return edit(
        html, "au Tour &amp; Taxis.</p></div>", "au Tour &amp; Taxis.</p><p>Merci !</p></div>"
    )


def _heading_reworded_and_thanks(html: str) -> str:
    html = edit(
        html,
        '<h2 class="wp-block-heading">Lees ook</h2>',
        '<h2 class="wp-block-heading">Ook interessant voor jou</h2>',
    )
    return edit(
        html,
        "kandidatuur indienen vanaf september.</p>",
        "kandidatuur indienen vanaf september.</p>\n\n<p>Bedankt!</p>",
    )


def _reindented_and_thanks(html: str) -> str:
    html = edit(
        html,
        "can be downloaded from our publications page.</p>",
        "can be downloaded from our publications page.</p><p>Thank you</p>",
    )
    return reindent(html, "span|a")


VARIANTS: dict[str, tuple[str, Callable[[str], str]]] = {
    "fr crumb added, Merci !": ("fr_webflow_export_announcement", _crumb_added_and_thanks),
    "nl heading reworded, Bedankt!": (
        "nl_wordpress_block_theme_news",
        _heading_reworded_and_thanks,
    ),
    "en re-indented, Thank you": ("en_sitecore_jss_news", _reindented_and_thanks),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_neutral_edit_keeps_the_record(variant: str) -> None:
    name, neutral_edit = VARIANTS[variant]
    html, expected = load_page(PAGES, name)
    assert_same_record(html, neutral_edit(html), expected["_url"])


# Siblings of the three kinds, in other templates and languages.


_TEXT_FR = (
    "<p>La délégation bruxelloise a rencontré une vingtaine d'acheteurs canadiens pendant trois "
    "jours, dans les secteurs du jeu vidéo, de l'animation et des effets visuels.</p>"
    "<p>Cinq entreprises ont déjà planifié une seconde visite avant la fin de l'année, et deux "
    "d'entre elles ouvriront un bureau à Montréal au printemps.</p>"
)


def test_a_stamp_written_in_montreal_time_gives_the_day_printed_in_brussels() -> None:
    # 20:30 in Montréal on 14 April is 02:30 on the 15th in Brussels; the site prints the 14th
    head = '<meta property="article:published_time" content="2026-04-14T20:30:00-04:00">'
    main = (
        "<article><h1>Une mission réussie au Canada</h1>"
        "<div class='meta'>Industries créatives | Publié le 14 avril 2026</div>"
        f"{_TEXT_FR}</article>"
    )
    url = "https://hub.brussels/fr/news/une-mission-reussie-au-canada/"
    record = read(small_hub_page("fr", head, main), url)
    assert record.published is not None
    assert record.published.isoformat() == "2026-04-14"


def test_a_stated_site_section_gives_way_to_the_shown_sector() -> None:
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"Twaalf bedrijven geselecteerd","articleSection":"Nieuws",'
        '"datePublished":"2026-03-03T09:00:00+01:00"}</script>'
    )
    main = (
        "<div class='hero'><span class='pill'>Circulaire economie</span>"
        "<h1>Twaalf bedrijven geselecteerd</h1><p class='date'>3 maart 2026</p></div>"
        "<div class='content'><p>Twaalf Brusselse bedrijven krijgen dit jaar zes maanden "
        "begeleiding om hun afval te verminderen en hun grondstoffen te hergebruiken.</p>"
        "<p>De deelnemers werken in de bouw, de voeding, het textiel en de elektronica, en "
        "presenteren hun resultaten in september.</p></div>"
    )
    url = "https://hub.brussels/nl/nieuws/twaalf-bedrijven-geselecteerd/"
    record = read(small_hub_page("nl", head, main), url)
    assert (record.sector, record.sector_key) == ("Circulaire economie", "circular_economy")


def test_a_card_with_a_tag_link_keeps_its_sector_and_date() -> None:
    cards = "".join(
        f"<div class='teaser'><div class='teaser__terms'><a rel='tag' href='/fr/secteur/{slug}/'>"
        f"{sector}</a> · <time datetime='{day}'>{printed}</time></div>"
        f"<h3><a href='/fr/news/{href}/'>{title}</a></h3></div>"
        for slug, sector, day, printed, href, title in (
            ("industries-creatives", "Industries créatives", "2026-03-02", "02/03/2026",
             "festival-anima-appel", "Festival Anima : appel aux studios"),
            ("mode-design", "Mode & design", "2026-02-20", "20/02/2026",
             "salon-maison-objet", "Maison&Objet : huit designers bruxellois"),
        )
    )  # fmt: skip
    main = (
        "<article><h1>Une mission réussie au Canada</h1><p>Publié le 14 avril 2026</p>"
        f"{_TEXT_FR}</article><section class='related'><h2>À lire aussi</h2>{cards}</section>"
    )
    url = "https://hub.brussels/fr/news/une-mission-reussie-au-canada/"
    record = read(small_hub_page("fr", "", main), url)
    got = [(c.title, c.sector, c.published and c.published.isoformat()) for c in record.related]
    assert got == [
        ("Festival Anima : appel aux studios", "Industries créatives", "2026-03-02"),
        ("Maison&Objet : huit designers bruxellois", "Mode & design", "2026-02-20"),
    ]


def test_a_caption_under_a_set_apart_standfirst_is_no_body() -> None:
    main = (
        "<article class='node'><h1>Une mission réussie au Canada</h1>"
        "<div class='field--name-field-chapo'><p>Trois jours à Montréal, vingt acheteurs et cinq "
        "contrats en vue : le bilan de la mission des studios bruxellois au Canada.</p></div>"
        "<figure class='media'><img src='/img/montreal.jpg' alt=''><figcaption>Le Vieux-Port de "
        "Montréal compte 40 studios. Photo : Belga</figcaption></figure>"
        f"<div class='field--name-body'>{_TEXT_FR}</div></article>"
    )
    url = "https://hub.brussels/fr/news/une-mission-reussie-au-canada/"
    record = read(small_hub_page("fr", "", main), url)
    assert record.lead is not None and record.lead.startswith("Trois jours à Montréal")
    assert record.body is not None
    assert record.body.startswith("La délégation bruxelloise a rencontré")
    assert "Vieux-Port" not in record.body
