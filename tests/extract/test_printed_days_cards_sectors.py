"""Issue 13, three kinds of record error seen on the held-out split's miss list, each on pages
written here in other markup and languages: a UTC modification stamp one day away from the
printed "Updated" day, a card's relative date text or `<time>` taken as its sector, and a
"Rubrique :" label kept in the sector."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

# 1. the printed "Updated" day wins over a UTC modification stamp one day away
#    (DECISIONS: the printed day wins over a UTC stamp one day away, for modified as for published)

_UPDATED_PAGES = {
    # hub profile (Europe/Brussels): 22:45 UTC on 11 March is still 11 March in Brussels
    "fr_meta": (
        "<html lang='fr'><head><meta property='article:published_time' "
        "content='2026-03-09T08:00:00+01:00'><meta property='article:modified_time' "
        "content='2026-03-11T22:45:00+00:00'></head><body><article><h1>Une nouvelle halle "
        "alimentaire</h1><p class='infos'>Publié le 9 mars 2026 · Mis à jour le 12 mars 2026</p>"
        "<p>La halle réunit douze producteurs de la région et ouvre ses portes tous les samedis "
        "matin sur le parking de la gare.</p></article></body></html>",
        "https://hub.brussels/fr/news/halle-alimentaire/",
        None,
        ("2026-03-09", "2026-03-12"),
    ),
    # no site zone: JSON-LD dateModified in UTC the evening before "Bijgewerkt op"
    "nl_jsonld": (
        "<html lang='nl'><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
        '"datePublished":"2026-03-02T09:00:00+01:00","dateModified":"2026-03-04T23:30:00Z"}'
        "</script></head><body><main><h1>Nieuwe fietsenstalling aan het station</h1>"
        "<div class='meta'><span>Gepubliceerd op 2 maart 2026</span><br>"
        "<span>Bijgewerkt op 5 maart 2026</span></div><p>De stalling biedt plaats aan "
        "tweeduizend fietsen en is dag en nacht open voor abonnees.</p></main></body></html>",
        "https://stad.example/nieuws/fietsenstalling/",
        "generic",
        ("2026-03-02", "2026-03-05"),
    ),
    # a UTC `<time>` after "Updated" whose own text prints the next day
    "en_time": (
        "<html lang='en'><body><div class='story'><h1>Harbour ferry adds a night service</h1>"
        "<p class='byline'>By Ana Reyes · <time datetime='2026-03-01T10:00:00+13:00'>"
        "March 1, 2026</time> · Updated <time datetime='2026-03-02T19:10:00Z'>March 3, 2026"
        "</time></p><p>The ferry will run every hour until two in the morning on Fridays and "
        "Saturdays from April.</p></div></body></html>",
        "https://harbour-news.example/story/night-ferry/",
        "generic",
        ("2026-03-01", "2026-03-03"),
    ),
}


@pytest.mark.parametrize("name", sorted(_UPDATED_PAGES))
def test_the_printed_updated_day_beats_a_utc_stamp_one_day_away(name: str) -> None:
    html, url, profile, expected = _UPDATED_PAGES[name]
    record = extract_article(html, url, profile=generic_profile() if profile else None).to_dict()
    assert (record["published"], record["modified"]) == expected


def test_a_utc_modification_stamp_two_days_away_is_kept() -> None:
    html, url, _, _ = _UPDATED_PAGES["nl_jsonld"]
    html = html.replace("2026-03-04T23:30:00Z", "2026-03-07T10:00:00Z")
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    # not the same moment seen from another zone: the stamp says something the page does not
    assert record["modified"] == "2026-03-07"


# 2. a card's sector is a label of the card that is not its date, title or link text; its
#    published is its own `<time datetime>`'s day ("Yesterday" gives the stamp's day)

_RAIL_EN = (
    "<html lang='en'><body><div class='site'><aside class='rail'><h2>Latest</h2><ul>"
    "<li><time datetime='2026-03-04T18:20:00+13:00'>Yesterday</time> "
    "<a href='/story/bus-lanes/'>Bus lanes extended to the airport</a> <span>Transport</span></li>"
    "<li><time datetime='2026-03-05T07:45:00+13:00'>Today</time> "
    "<a href='/story/port-strike/'>Port workers vote on a new deal</a> <span>Business</span></li>"
    "</ul></aside><article><h1>Harbour ferry adds a night service</h1>"
    "<p>Published <time datetime='2026-03-05T10:00:00+13:00'>5 March 2026</time></p>"
    "<p>The ferry will run every hour until two in the morning on Fridays and Saturdays from "
    "April, the council said.</p></article></div></body></html>"
)
_GRID_FR = (
    "<html lang='fr'><body><main><article><h1>Une nouvelle halle alimentaire</h1>"
    "<p>Publié le 12 mars 2026</p><p>La halle réunit douze producteurs de la région et ouvre ses "
    "portes tous les samedis matin sur le parking de la gare.</p></article>"
    "<section><h2>Plus d'actualités</h2><div class='grid'>"
    "<div class='tuile'><time datetime='2026-03-11T09:00:00+01:00'>Hier</time><h3>"
    "<a href='/fr/news/marche-bio/'>Le marché bio déménage</a></h3><p>Commerce</p></div>"
    "<div class='tuile'><time datetime='2026-03-09T09:00:00+01:00'>9 mars</time><h3>"
    "<a href='/fr/news/export-japon/'>Export : le Japon double ses commandes</a></h3>"
    "<p>Export</p></div></div></section></main></body></html>"
)
_LIST_NL = (
    "<html lang='nl'><body><main><h1>Nieuwe fietsenstalling aan het station</h1>"
    "<p>De stalling biedt plaats aan tweeduizend fietsen en is dag en nacht open voor "
    "abonnees, meldt de stad.</p><h2>Meer nieuws</h2><ul>"
    "<li><a href='/nieuws/zorg-thuis/'>Thuiszorg krijgt extra middelen</a><br>"
    "<small><time datetime='2026-03-10T20:00:00+01:00'>Gisteren</time> | Zorg</small></li>"
    "<li><a href='/nieuws/haven-uitbreiding/'>De haven breidt uit naar het noorden</a><br>"
    "<small><time datetime='2026-03-08T23:30:00Z'>9 maart 2026</time> | Haven</small></li>"
    "</ul></main></body></html>"
)


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        (
            _RAIL_EN,
            "https://harbour-news.example/story/night-ferry/",
            [("Transport", "2026-03-04"), ("Business", "2026-03-05")],
        ),
        (
            _GRID_FR,
            "https://ville.example/fr/news/halle-alimentaire/",
            # "Export" is the sector even though the title opens with the same word
            [("Commerce", "2026-03-11"), ("Export", "2026-03-09")],
        ),
        (
            _LIST_NL,
            "https://stad.example/nieuws/fietsenstalling/",
            # a UTC stamp the evening before the day the <time> prints: the printed day
            [("Zorg", "2026-03-10"), ("Haven", "2026-03-09")],
        ),
    ],
    ids=["en_rail_time_first", "fr_grid_hier", "nl_list_small_line"],
)
def test_a_cards_date_text_is_never_its_sector(
    html: str, url: str, expected: list[tuple[str, str]]
) -> None:
    related = extract_article(html, url, profile=generic_profile()).to_dict()["related"]
    assert [(c["sector"], c["published"]) for c in related] == expected


def test_a_relative_date_outside_a_time_element_is_no_sector() -> None:
    html = _GRID_FR.replace(
        "<time datetime='2026-03-11T09:00:00+01:00'>Hier</time>", "<span class='quand'>Hier</span>"
    )
    related = extract_article(
        html, "https://ville.example/fr/news/halle-alimentaire/", profile=generic_profile()
    ).related
    assert [c.sector for c in related] == ["Commerce", "Export"]


# 3. a label before the sector in its element ("Rubrique : ", "Sector: ") is not part of it


@pytest.mark.parametrize(
    ("lang", "markup", "url", "sector"),
    [
        (
            "fr",
            "<span class='rubrique'>Rubrique : Économie sociale</span>",
            "https://hub.brussels/fr/news/halle-alimentaire/",
            "Économie sociale",
        ),
        (
            "nl",
            "<span class='artikel-categorie'>Categorie: Mobiliteit</span>",
            "https://stad.example/nieuws/fietsenstalling/",
            "Mobiliteit",
        ),
        (
            "en",
            "<div class='post-category'>Category:&nbsp;<a href='/c/transport/'>Transport</a></div>",
            "https://harbour-news.example/story/night-ferry/",
            "Transport",
        ),
    ],
)
def test_a_label_before_the_sector_is_not_part_of_it(
    lang: str, markup: str, url: str, sector: str
) -> None:
    html = (
        f"<html lang='{lang}'><body><article><h1>Een titel, un titre, a title</h1>{markup}"
        "<p>Un texte assez long pour faire un paragraphe de l'article, sans rien de plus à dire "
        "sur le sujet du jour.</p></article></body></html>"
    )
    profile = None if url.startswith("https://hub.brussels/") else generic_profile()
    assert extract_article(html, url, profile=profile).sector == sector


def test_a_card_sector_label_drops_its_label_too() -> None:
    html = _LIST_NL.replace("| Zorg</small>", "| Sector: Zorg</small>")
    related = extract_article(
        html, "https://stad.example/nieuws/fietsenstalling/", profile=generic_profile()
    ).related
    assert [c.sector for c in related] == ["Zorg", "Haven"]


# 4. the date rules, on kinds no test held yet

_UPDATED_ONLY = {
    # only "Mis à jour le" shown; a dated comment under "Commentaires" after a short text, and a
    # widget of recent posts with <time>s: neither is the publication day
    "fr": (
        "<html lang='fr'><body><main><article><h1>Déménager sans stress</h1>"
        "<p class='maj'>Mis à jour le 3 mars 2025</p><p>Déménager est plus simple avec une "
        "liste. Commencez six semaines avant avec les cartons et les changements d'adresse.</p>"
        "</article><div class='reactions'><h3>Commentaires</h3><p>Anne, le 5 mars 2025 : Merci !"
        "</p></div></main><aside><h3>Articles récents</h3><ul><li><a href='/billets/jardin-en-"
        "mars/'>Le jardin en mars</a> <time datetime='2025-03-01'>1 mars 2025</time></li><li><a "
        "href='/billets/soupes-d-hiver/'>Soupes d'hiver</a> <time datetime='2025-02-20'>20 "
        "février 2025</time></li></ul></aside></body></html>",
        "https://blogue.example/billets/demenager-sans-stress/",
        "2025-03-03",
    ),
    "nl": (
        "<html lang='nl'><body><div class='wrap'><div class='post'><h1>Verhuizen zonder stress"
        "</h1><div class='post-info'>Laatst bijgewerkt op 3 maart 2025</div><p>Verhuizen gaat "
        "makkelijker met een lijst. Begin zes weken vooraf met dozen en adreswijzigingen.</p>"
        "<section><h2>Reacties</h2><div>Joris · 06-03-2025</div><p>Handig, dank je!</p>"
        "</section></div><div class='zijbalk'><h3>Recente berichten</h3><ul><li><a href='/blog/"
        "tuin-in-maart/'>De tuin in maart</a><br><time datetime='2025-03-01'>1 maart 2025</time>"
        "</li><li><a href='/blog/wintersoepen-maken/'>Wintersoepen maken</a><br><time datetime="
        "'2025-02-20'>20 februari 2025</time></li></ul></div></div></body></html>",
        "https://blog.example/blog/verhuizen-zonder-stress/",
        "2025-03-03",
    ),
}


@pytest.mark.parametrize("lang", sorted(_UPDATED_ONLY))
def test_only_an_updated_date_shown_gives_no_publication_day(lang: str) -> None:
    html, url, modified = _UPDATED_ONLY[lang]
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert (record["published"], record["modified"]) == (None, modified)


_DATE_AND_UPDATED_LINE = {
    # a bare printed day, then "Updated" and its day on one line; the publication stamp in UTC
    # the evening before the printed day
    "en": (
        "<html lang='en-NZ'><head><meta property='article:published_time' "
        "content='2026-03-04T21:00:00Z'></head><body><article><header><nav class='breadcrumb'>"
        "<a href='/'>Home</a> › <a href='/news/'>News</a></nav><h1>Ferry adds a night service"
        "</h1><p><time datetime='2026-03-05T10:00:00+13:00'>5 March 2026</time> · Updated "
        "<time datetime='2026-03-06T09:00:00+13:00'>6 March 2026</time></p></header><p>The "
        "ferry will run every hour until two in the morning on Fridays and Saturdays from "
        "April, the council said on Thursday.</p></article></body></html>",
        "https://paper.example.nz/news/ferry-night-service/",
        ("2026-03-05", "2026-03-06"),
    ),
    "fr": (
        "<html lang='fr-CA'><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
        '"datePublished":"2026-03-12T01:30:00Z"}</script></head><body><main><h1>Le traversier '
        "ajoute un départ de nuit</h1><div class='dates'>11 mars 2026 · Mis à jour le 12 mars "
        "2026</div><p>Le traversier partira toutes les heures jusqu'à deux heures du matin les "
        "vendredis et samedis à partir d'avril.</p></main></body></html>",
        "https://journal.example.ca/actualites/traversier-nuit/",
        ("2026-03-11", "2026-03-12"),
    ),
}


@pytest.mark.parametrize("lang", sorted(_DATE_AND_UPDATED_LINE))
def test_a_printed_day_before_an_updated_label_beats_a_utc_stamp(lang: str) -> None:
    html, url, expected = _DATE_AND_UPDATED_LINE[lang]
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert (record["published"], record["modified"]) == expected


def test_a_comment_section_after_the_text_leaves_the_record_unchanged() -> None:
    from scraper.models import CONTENT_FIELDS

    html, url, _ = _UPDATED_ONLY["fr"]
    bare = html.replace(
        "<div class='reactions'><h3>Commentaires</h3><p>Anne, le 5 mars 2025 : Merci !</p></div>",
        "",
    )
    assert bare != html
    one, other = (
        extract_article(h, url, profile=generic_profile()).to_dict() for h in (html, bare)
    )
    assert {k: one[k] for k in CONTENT_FIELDS} == {k: other[k] for k in CONTENT_FIELDS}
