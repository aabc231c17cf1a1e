"""Sector kinds (meta-row chips, key facts, labelled badges), on pages written here (hub-like
fr/nl/en read with the hub.brussels profile, other news sites with the generic base), each kind in
two templates or languages:

1. a chip in the meta row beside the printed date is the sector, a link or not, whether or not
   the sector mapping knows its label (the layers before read a chip only as a link or as a
   label the mapping knows: a generic site has no mapping, and a hub label it lacks was lost);
2. the value of a "Secteur"/"Sector" fact in a list of key facts (`<dt>`/`<dd>`) is the sector,
   wherever the list sits (labels: the vocabulary's `sector_labels`);
4. of labelled badges ("Pays : Japon", "Secteur : Santé"), the one a sector label names is the
   sector, without its label; a badge another label names is another field, never the sector.
"""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

_EN = (
    "<p>A delegation of twelve Brussels companies travelled to Tokyo to meet Japanese partners "
    "and present their innovative solutions to buyers.</p><p>The mission led to several "
    "distribution agreements and new leads with local research labs.</p>"
)
_FR = (
    "<p>Une délégation de douze entreprises bruxelloises s'est rendue à Tokyo pour rencontrer "
    "des partenaires japonais et présenter leurs solutions innovantes aux acheteurs.</p><p>La "
    "mission a permis de signer plusieurs accords de distribution et d'ouvrir de nouvelles "
    "pistes de collaboration avec des laboratoires de recherche locaux.</p>"
)
_NL = (
    "<p>Een delegatie van twaalf Brusselse bedrijven reisde naar Tokio om Japanse partners te "
    "ontmoeten en hun innovatieve oplossingen voor te stellen.</p><p>De missie leverde "
    "verschillende distributieakkoorden op en opende nieuwe pistes voor samenwerking met "
    "lokale labo's.</p>"
)


def _record(lang: str, article: str, url: str) -> dict[str, object]:
    html = f"<html lang='{lang}'><body><main><article>{article}</article></main></body></html>"
    return extract_article(html, url, profile=profile_for_url(url)).to_dict()


# 1. a chip beside the printed date in the meta row

CHIP_ROWS = {
    "en_generic_span_chip": (
        "en",
        "<h1>Port traffic reaches a record high</h1><div class='meta'><span class='chip'>"
        f"Economy</span><time datetime='2026-03-12'>12 March 2026</time></div>{_EN}",
        "https://dailyport.example/news/port-traffic-record",
        "Economy",
    ),
    "en_generic_pill_separator": (
        "en",
        "<h1>Port traffic reaches a record high</h1><p class='article-meta'><span class='pill'>"
        f"Shipping</span> · <span>12 March 2026</span></p>{_EN}",
        "https://dailyport.example/news/port-traffic-record-2",
        "Shipping",
    ),
    # a hub label the sector mapping lacks: shown as is (its key is missing, and warned)
    "fr_hub_chip_unknown_label": (
        "fr",
        "<h1>Douze entreprises bruxelloises à Tokyo</h1><div class='meta'><span class='chip'>"
        f"Numérique & IA</span> · <time datetime='2026-03-12'>12 mars 2026</time></div>{_FR}",
        "https://hub.brussels/fr/news/tokyo-mission/",
        "Numérique & IA",
    ),
    "nl_hub_list_chip": (
        "nl",
        "<h1>Twaalf Brusselse bedrijven in Tokio</h1><ul class='meta'><li><span class='chip'>"
        "Biotech</span></li><li><time datetime='2026-03-12'>12 maart 2026</time></li></ul>"
        f"{_NL}",
        "https://hub.brussels/nl/nieuws/tokio-missie/",
        "Biotech",
    ),
}


@pytest.mark.parametrize("case", CHIP_ROWS)
def test_a_chip_beside_the_date_is_the_sector(case: str) -> None:
    lang, article, url, sector = CHIP_ROWS[case]
    record = _record(lang, article, url)
    assert record["sector"] == sector
    assert record["published"] == "2026-03-12"


def test_a_place_beside_the_date_is_no_sector() -> None:
    """A loose word of the meta row (a dateline's place) is no chip: no selector names it."""
    article = (
        "<h1>Port traffic reaches a record high</h1><p><span>Antwerp</span> · "
        f"<time datetime='2026-03-12'>12 March 2026</time></p>{_EN}"
    )
    record = _record("en", article, "https://dailyport.example/news/port-traffic-record-3")
    assert record["sector"] is None


# 2. a sector fact in a list of key facts

FACT_LISTS = {
    "fr_hub_key_facts": (
        "fr",
        "<h1>Mission économique au Japon</h1><p>Publié le 2 février 2026</p>"
        f"{_FR}<h2>En bref</h2><dl class='key-facts'><dt>Dates</dt><dd>12–16 mars 2026</dd>"
        "<dt>Lieu</dt><dd>Tokyo, Japon</dd><dt>Secteur</dt><dd>Biotech</dd><dt>Inscription</dt>"
        "<dd>Avant le 1er mars</dd></dl>",
        "https://hub.brussels/fr/news/mission-japon/",
        "Biotech",
    ),
    "en_generic_facts_with_colons": (
        "en",
        "<h1>Trade mission to Japan</h1><dl class='facts'><div><dt>Dates:</dt><dd>12–16 March "
        "2026</dd></div><div><dt>Location:</dt><dd>Tokyo, Japan</dd></div><div><dt>Sector:</dt>"
        f"<dd>Health & biotech</dd></div></dl>{_EN}",
        "https://tradenews.example/missions/japan",
        "Health & biotech",
    ),
}


@pytest.mark.parametrize("case", FACT_LISTS)
def test_the_sector_fact_of_a_key_facts_list_is_the_sector(case: str) -> None:
    lang, article, url, sector = FACT_LISTS[case]
    assert _record(lang, article, url)["sector"] == sector


# 4. labelled badges: the one the sector label names

BADGES = {
    "en_generic_category_spans": (
        "en",
        "<h1>Trade mission to Japan</h1><div class='post-meta'><span class='category'>Country: "
        f"Japan</span> <span class='category'>Sector: Health</span></div>{_EN}",
        "https://tradenews.example/news/japan-mission",
        "Health",
    ),
    "en_generic_badges_bold_labels": (
        "en",
        "<h1>Trade mission to Japan</h1><div class='badges'><span class='badge'><b>Country:</b> "
        f"Japan</span><span class='badge'><b>Sector:</b> Food</span></div>{_EN}",
        "https://tradenews.example/news/japan-mission-2",
        "Food",
    ),
    "nl_hub_one_list": (
        "nl",
        "<h1>Handelsmissie naar Japan</h1><ul class='post-categories'><li>Land: Japan</li>"
        f"<li>Sector: Voeding</li></ul>{_NL}",
        "https://hub.brussels/nl/nieuws/japan-missie/",
        "Voeding",
    ),
    "fr_hub_one_line": (
        "fr",
        "<h1>Mission économique au Japon</h1><p class='category'>Pays : Japon · Secteur : Santé"
        f"</p>{_FR}",
        "https://hub.brussels/fr/news/mission-japon-2/",
        "Santé",
    ),
}


@pytest.mark.parametrize("case", BADGES)
def test_the_badge_a_sector_label_names_wins_without_its_label(case: str) -> None:
    lang, article, url, sector = BADGES[case]
    assert _record(lang, article, url)["sector"] == sector


def test_a_badge_another_label_names_is_no_sector() -> None:
    article = (
        "<h1>Trade mission to Japan</h1><div class='post-meta'><span class='category'>Country: "
        f"Japan</span></div>{_EN}"
    )
    record = _record("en", article, "https://tradenews.example/news/japan-mission-3")
    assert record["sector"] is None


def test_a_chip_another_label_names_is_no_sector() -> None:
    """ "Bron: Belga" beside the date in the meta row is the source, not a section."""
    article = (
        "<h1>Twaalf Brusselse bedrijven in Tokio</h1><div class='meta'><span class='chip'>Bron: "
        f"Belga</span> · <time datetime='2026-03-12'>12 maart 2026</time></div>{_NL}"
    )
    record = _record("nl", article, "https://nieuws.example/binnenland/tokio-missie")
    assert record["sector"] is None
