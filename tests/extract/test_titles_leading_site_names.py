"""Titles: the `<title>` fallback on pages with no headline element, where the site's
name opens the title. The sections written after a leading name go with it ("Site | Section |
Headline"); a leading name the address leaves out, with a dash or a colon, is no part of the
headline ("Radio Costa - Alcalde anuncia …" on /alcalde-anuncia-…, "Der Nordkurier: …" on
nordkurier-online); a headline whose opening words the address keeps stays whole."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

GENERIC = generic_profile()
TEXT = {
    "en": "The council voted on Tuesday evening after a long debate to repair the bridge over the "
    "river by the autumn and to divert traffic for the duration of the works.",
    "fr": "Le conseil communal a décidé mardi soir, après un long débat, de réparer le pont sur la "
    "rivière d'ici l'automne et de dévier la circulation pendant la durée des travaux.",
    "nl": "De gemeenteraad heeft dinsdagavond na een lang debat beslist de brug over de rivier tegen "
    "de herfst te herstellen en het verkeer om te leiden zolang de werken duren.",
    "de": "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die Brücke über den "
    "Fluss bis zum Herbst zu sanieren und den Verkehr solange umzuleiten.",
    "es": "El ayuntamiento aprobó el martes por la noche, tras un largo debate, reparar el puente "
    "sobre el río antes del otoño y desviar el tráfico mientras duren las obras.",
    "it": "Il consiglio comunale ha deciso martedì sera, dopo un lungo dibattito, di riparare il ponte "
    "sul fiume entro l'autunno e di deviare il traffico per tutta la durata dei lavori.",
}


def _page(lang: str, title: str, menu: str = "") -> str:
    """A page of an old template: a `<title>`, maybe a menu of sections, the text in a `<div>`;
    no heading and no metadata."""
    text = "".join(f"<p>{TEXT[lang]}</p>" for _ in range(3))
    nav = f"<div class='menu'>{menu}</div>" if menu else ""
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"{nav}<div class='testo'>{text}</div></body></html>"
    )


def _title(html: str, url: str) -> str | None:
    return extract_article(html, url, profile=GENERIC).title


# -- the site's name first, then its section, then the headline ----------------------------------


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        (
            # Italian, "|", the section a link of the page's menu
            _page(
                "it",
                "Giornale di Brescia | Cronaca | Il consiglio approva la riparazione del ponte",
                "<a href='/cronaca/'>Cronaca</a> <a href='/sport/'>Sport</a>",
            ),
            "https://www.giornaledibrescia.example/cronaca/consiglio-approva-riparazione-ponte",
            "Il consiglio approva la riparazione del ponte",
        ),
        (
            # sibling: Dutch, "::", the section a folder of the address only
            _page(
                "nl", "Gazet van het Dorp :: Nieuws :: Gemeente investeert in nieuwe speelpleinen"
            ),
            "https://www.gazetvanhetdorp.example/nieuws/gemeente-investeert-speelpleinen",
            "Gemeente investeert in nieuwe speelpleinen",
        ),
    ],
)
def test_sections_after_a_leading_site_name_go_with_it(html: str, url: str, headline: str) -> None:
    assert _title(html, url) == headline


def test_a_piece_after_the_leading_name_that_names_no_section_stays() -> None:
    # "Ukraine" is neither a menu link nor a folder of the address: the headline's own opening
    html = _page(
        "en", "Gazette of the North | Ukraine | Talks resume in Geneva after two weeks of silence"
    )
    url = "https://www.gazettenorth.example/world/talks-resume-in-geneva"
    assert _title(html, url) == "Ukraine | Talks resume in Geneva after two weeks of silence"


# -- a leading name the address leaves out, before a dash -------------------------------------


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        (
            # Spanish, a short headline after the name: not the name's slogan, the address spells it
            _page("es", "Radio Costa - Alcalde anuncia nuevo plan de movilidad"),
            "https://www.radiocosta.example/noticias/alcalde-anuncia-nuevo-plan-de-movilidad",
            "Alcalde anuncia nuevo plan de movilidad",
        ),
        (
            # sibling: Dutch, an en dash, a name that spells nothing of the host ("rtv-noord")
            _page("nl", "Omroep Noordkust – Nieuwe fietsstraten in het centrum"),
            "https://www.rtv-noord.example/nieuws/nieuwe-fietsstraten-in-het-centrum",
            "Nieuwe fietsstraten in het centrum",
        ),
    ],
)
def test_a_leading_name_the_address_leaves_out_is_not_the_headline(
    html: str, url: str, headline: str
) -> None:
    assert _title(html, url) == headline


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        (
            # the address keeps the opening word: the headline's own clause
            _page("en", "Brexit – what next for the harbour's fishermen"),
            "https://www.harbourpost.example/news/brexit-what-next-for-fishermen",
            "Brexit – what next for the harbour's fishermen",
        ),
        (
            # sibling: French, an address that is an id spells nothing: the title stays whole
            _page("fr", "Mobilité – Bruxelles ouvre 40 km de nouvelles pistes"),
            "https://www.lequotidien.example/article/123456",
            "Mobilité – Bruxelles ouvre 40 km de nouvelles pistes",
        ),
    ],
)
def test_an_opening_the_address_keeps_or_cannot_tell_stays(
    html: str, url: str, headline: str
) -> None:
    assert _title(html, url) == headline


# -- a leading name with a word of the host, before a colon -----------------------------------


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        (
            _page("de", "Der Nordkurier: Neue Radwege im Zentrum ab Montag"),
            "https://www.nordkurier-online.example/lokales/neue-radwege-im-zentrum",
            "Neue Radwege im Zentrum ab Montag",
        ),
        (
            # sibling: English, the host's words in another order ("voice-of-the-valley")
            _page("en", "The Valley Voice: Library extends opening hours on weekends"),
            "https://www.voice-of-the-valley.example/local/library-extends-opening-hours",
            "Library extends opening hours on weekends",
        ),
    ],
)
def test_a_site_name_before_a_colon_the_address_leaves_out_goes(
    html: str, url: str, headline: str
) -> None:
    assert _title(html, url) == headline


def test_a_host_word_opening_the_headline_that_the_address_keeps_stays() -> None:
    # "Brussels" is a word of the host, and of the address: the headline's topic
    html = _page("en", "Brussels: new cycle lanes open on Monday in the centre")
    url = "https://www.brussels-times.example/mobility/brussels-new-cycle-lanes-open"
    assert _title(html, url) == "Brussels: new cycle lanes open on Monday in the centre"


# -- one word of a headline that is only a part of the host's name ------------------------------

_STORY = (
    "<p>Les pompiers sont intervenus dans la nuit de lundi à mardi pour un incendie dans un "
    "immeuble de six étages, rue Oberkampf, dans le XIe arrondissement.</p>"
)


def test_a_place_inside_the_host_name_opening_the_headline_stays() -> None:
    # "Paris" is written inside "leparisien" but is not the site's name ("Le Parisien" is):
    # the <h1> and the metadata's headline keep it
    headline = "Paris : un incendie ravage un immeuble du XIe arrondissement"
    html = (
        f"<html lang='fr'><head><title>{headline} - Le Parisien</title>"
        f"<meta property='og:title' content='{headline} - Le Parisien'></head><body>"
        "<header><a href='/'>Le Parisien</a></header><main><article>"
        f"<h1>{headline}</h1>{_STORY * 3}</article></main></body></html>"
    )
    url = "https://www.leparisien.example/faits-divers/un-incendie-ravage-un-immeuble-ABCD.php"
    assert _title(html, url) == headline


def test_a_country_ending_the_host_name_opening_a_title_fallback_stays() -> None:
    # sibling: a `<title>` alone, "France" the end of the host's label "ouest-france"
    html = _page("fr", "France : la grève des contrôleurs perturbe les trains | Ouest-France")
    url = "https://www.ouest-france.example/economie/greve-des-controleurs-trains"
    assert _title(html, url) == "France : la grève des contrôleurs perturbe les trains"


def test_a_name_starting_the_host_label_before_a_colon_still_goes() -> None:
    # the short name the host label starts with is the site's ("wochenblatt-nord")
    html = _page("de", "Wochenblatt: Neue Öffnungszeiten der Stadtbücherei ab April")
    url = "https://www.wochenblatt-nord.example/lokales/oeffnungszeiten-stadtbuecherei-april"
    assert _title(html, url) == "Neue Öffnungszeiten der Stadtbücherei ab April"


# -- the headline <h1> inside the site's banner, spelled by the address --------------------------


def _banner_page(lang: str, *, title: str, og: str, h1: str) -> str:
    """A page whose `<header>` holds the logo, the menu and an `<h1>`; the text in a `<div>`."""
    text = "".join(f"<p>{TEXT[lang]}</p>" for _ in range(3))
    meta = f"<meta property='og:title' content='{og}'>" if og else ""
    return (
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>{meta}</head>"
        "<body><header class='hero'><a href='/'><img src='/logo.svg' alt='Logo'></a><nav>"
        "<a href='/news/'>News</a> <a href='/culture/'>Culture</a></nav>"
        f"<h1>{h1}</h1></header><div class='content'>{text}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("html", "url", "headline"),
    [
        (
            # the og:title an SEO line of its own: the <h1> the address spells is the headline
            _banner_page(
                "en",
                title="Brussels opens 40 km of new cycle lanes this spring | Brussels Now",
                og="New cycle lanes: what changes for you",
                h1="Brussels opens 40 km of new cycle lanes this spring",
            ),
            "https://www.brusselsnow.example/mobility/brussels-opens-new-cycle-lanes",
            "Brussels opens 40 km of new cycle lanes this spring",
        ),
        (
            # sibling: Dutch, no og:title, a `<title>` shorter than the <h1>
            _banner_page(
                "nl",
                title="Nieuwe fietsstraten in het centrum - Stadskrant",
                og="",
                h1="Nieuwe fietsstraten in het centrum vanaf maandag",
            ),
            "https://www.stadskrant.example/nieuws/nieuwe-fietsstraten-centrum",
            "Nieuwe fietsstraten in het centrum vanaf maandag",
        ),
    ],
)
def test_an_h1_in_the_site_banner_that_the_address_spells_is_the_headline(
    html: str, url: str, headline: str
) -> None:
    assert _title(html, url) == headline


@pytest.mark.parametrize(
    ("lang", "slogan", "headline", "url"),
    [
        (
            "fr",
            "Toute l'actualité de votre région",
            "Le port de Bruxelles accueille un nouveau terminal",
            "https://www.lavenirdubassin.example/economie/le-port-accueille-un-nouveau-terminal",
        ),
        (
            "de",
            "Nachrichten aus Stadt und Land",
            "Neue Öffnungszeiten der Stadtbücherei ab April",
            "https://www.kreisblatt.example/lokales/neue-oeffnungszeiten-stadtbuecherei",
        ),
    ],
)
def test_a_slogan_h1_in_the_site_banner_stays_out(
    lang: str, slogan: str, headline: str, url: str
) -> None:
    # the slogan shares no word with the address: the metadata's headline is taken
    html = _banner_page(lang, title=f"{headline} - Kreisblatt", og=headline, h1=slogan)
    assert _title(html, url) == headline


@pytest.mark.parametrize(
    "url",
    [
        "https://www.brusselsnow.example/2024/03/12/mobility/brussels-opens-new-cycle-lanes/index.html",
        # sibling: an AMP copy, its slug before the "/amp/" folder
        "https://www.brusselsnow.example/brussels-opens-new-cycle-lanes/amp/",
    ],
)
def test_the_slug_is_the_last_folder_of_words_before_an_index_or_amp_folder(url: str) -> None:
    html = _banner_page(
        "en",
        title="Brussels opens 40 km of new cycle lanes | Brussels Now",
        og="",
        h1="Brussels opens 40 km of new cycle lanes this spring",
    )
    assert _title(html, url) == "Brussels opens 40 km of new cycle lanes this spring"
