"""Field kinds (datelines, sector pills, deks) missed on pages never seen, each on two pages written
here in varied markup and languages: a dateline opening the first text paragraph after a bold
standfirst, a sector pill link beside a plain-text date by the headline, and a figure caption under
the header taken as the lead instead of the dek under the headline."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url


def _record(html: str, url: str) -> dict[str, object]:
    return extract_article(html, url, profile=profile_for_url(url)).to_dict()


# 1. a dateline opening the first text paragraph, after a bold lead paragraph (standfirst),
#    with no other date on the page

_DATELINE_PAGES = {
    "fr_hub_strong_lead": (
        "<html lang='fr'><head><title>Mission économique au Maroc | hub.brussels</title></head>"
        "<body><main><article><h1>Une mission économique bruxelloise au Maroc</h1>"
        "<p><strong>Une trentaine d'entreprises bruxelloises accompagnent la délégation "
        "régionale à Casablanca et Rabat pour y nouer des partenariats durables.</strong></p>"
        "<p>BRUXELLES, 12 mars 2026 – La mission réunit des entreprises de la construction, du "
        "numérique et de la santé, qui rencontreront plus de deux cents acteurs locaux.</p>"
        "<p>Les participants visiteront aussi le port de Tanger Med et plusieurs zones "
        "industrielles, avant un forum d'affaires organisé avec la chambre de commerce.</p>"
        "</article></main></body></html>",
        "https://hub.brussels/fr/news/mission-economique-maroc/",
        "2026-03-12",
    ),
    "nl_generic_classed_lead": (
        "<html lang='nl'><head><title>Nieuwe subsidie voor starters</title></head><body>"
        "<div class='content'><h1>Nieuwe subsidie voor jonge starters in Brussel</h1>"
        "<div class='intro'><p><b>Wie voor het eerst een zaak opent in het Brussels Gewest, kan "
        "vanaf dit voorjaar een startpremie aanvragen van maximaal vijfduizend euro.</b></p>"
        "</div><div class='text'><p>12 maart 2026 — De premie is bedoeld voor zelfstandigen en "
        "kleine ondernemingen die hun eerste vestiging openen in een van de negentien "
        "gemeenten.</p><p>De aanvraag gebeurt online en de dossiers worden binnen een maand "
        "behandeld door de diensten van het gewest.</p></div></div></body></html>",
        "https://ondernemers.example/nieuws/startpremie",
        "2026-03-12",
    ),
}


@pytest.mark.parametrize("name", sorted(_DATELINE_PAGES))
def test_a_dateline_opening_the_text_after_a_bold_standfirst_is_the_publication_day(
    name: str,
) -> None:
    html, url, day = _DATELINE_PAGES[name]
    assert _record(html, url)["published"] == day


# 2. a sector pill link beside a date in plain text, in the line right by the headline

_PILL_PAGES = {
    "fr_hub_pill_under": (
        "<html lang='fr'><head><title>Un nouveau centre de soins | hub.brussels</title></head>"
        "<body><main><article><header><h1>Un nouveau centre de soins ouvre à Anderlecht</h1>"
        "<div class='meta'><span>12.03.2026</span> <a class='tag pill' "
        "href='/fr/secteur/sante/'>Santé</a></div></header>"
        "<p>Le centre accueillera dès avril des patients de tout le quartier, avec une équipe "
        "de vingt soignants et une permanence ouverte le soir.</p><p>Le projet a reçu le "
        "soutien de la Région et de plusieurs mutualités bruxelloises.</p></article></main>"
        "</body></html>",
        "https://hub.brussels/fr/news/centre-soins-anderlecht/",
        "Santé",
    ),
    "en_generic_pill_above": (
        "<html lang='en'><head><title>Fintech start-ups raise funds</title></head><body>"
        "<div class='post'><p class='post-meta'><a class='badge pill' "
        "href='/en/sector/finance/'>Finance</a> · 12 March 2026</p>"
        "<h1>Brussels fintech start-ups raise record funds</h1><p>Young financial technology "
        "companies in the region raised more money last year than in any year before, a new "
        "report shows.</p><p>Most of the money went to payment and insurance services, the "
        "authors of the report say.</p></div></body></html>",
        "https://news.example/en/2026/fintech-funds",
        "Finance",
    ),
}


@pytest.mark.parametrize("name", sorted(_PILL_PAGES))
def test_a_sector_pill_beside_a_plain_date_by_the_headline_is_the_sector(name: str) -> None:
    html, url, sector = _PILL_PAGES[name]
    assert _record(html, url)["sector"] == sector


def test_a_pill_in_another_articles_card_is_no_sector() -> None:
    html, url, _ = _PILL_PAGES["fr_hub_pill_under"]
    html = html.replace(
        "</article>",
        "</article><aside><div class='card'><h3><a href='/fr/news/autre-article/'>Un autre "
        "article du réseau</a></h3><p><span>01.03.2026</span> <a class='tag pill' "
        "href='/fr/secteur/finance/'>Finance</a></p></div></aside>",
    ).replace(
        "<span>12.03.2026</span> <a class='tag pill' href='/fr/secteur/sante/'>Santé</a>",
        "<span>12.03.2026</span>",
    )
    assert _record(html, url)["sector"] != "Finance"


@pytest.mark.parametrize(
    "byline",
    [
        "<p class='byline'><a href='/en/author/jan-peeters/'>Jan Peeters</a> · 12 March 2026</p>",
        "<p class='post-meta'><a rel='author' href='/en/u/jp/'>Jan Peeters</a> · 12 March 2026</p>",
        "<p class='post-meta'><span itemprop='author'><a href='/en/team/jp/'>Jan Peeters</a>"
        "</span> · 12 March 2026</p>",
    ],
)
def test_the_authors_link_in_the_date_line_is_no_sector(byline: str) -> None:
    html, url, _ = _PILL_PAGES["en_generic_pill_above"]
    html = html.replace(
        "<p class='post-meta'><a class='badge pill' href='/en/sector/finance/'>Finance</a> · "
        "12 March 2026</p>",
        byline,
    )
    assert byline in html
    assert _record(html, url)["sector"] is None


# 3. a figure caption under the header (with a photo credit), in a box whose class names it
#    the "lead" picture (matched by the lead selectors), is never the lead; the dek under the
#    headline is

_DEK_PAGES = {
    "en_figcaption": (
        "<html lang='en'><head><title>Port traffic grows</title></head><body><article>"
        "<header><h1>Port of Brussels traffic grows for a third year</h1><h2>Barges carried "
        "more building materials and containers than ever, the port authority says</h2>"
        "</header><figure class='lead-image'><img src='/img/port.jpg' alt=''><figcaption>Barges at the "
        "Vergote dock in the north of the city. <span>Photo: J. Peeters</span></figcaption>"
        "</figure><p>The port handled more than seven million tonnes of goods last year, up "
        "four percent, mostly sand, gravel and containers for the building trade.</p><p>The "
        "authority plans a new container terminal to keep up with the growth.</p></article>"
        "</body></html>",
        "https://citynews.example/2026/03/port-traffic",
        "Barges carried more building materials",
    ),
    "fr_div_caption": (
        "<html lang='fr'><head><title>Le port de Bruxelles</title></head><body><div "
        "class='article'><h1>Le trafic du port de Bruxelles progresse encore</h1><h2 "
        "class='subtitle'>Les barges ont transporté plus de matériaux de construction que "
        "jamais, selon l'autorité portuaire</h2><div class='article-intro-media'><img "
        "src='/p.jpg' alt=''><p class='legende'>Des barges au bassin Vergote, au nord de la "
        "ville. <small>© Photo : Belga / M. Dubois</small></p></div><p>Le port a traité "
        "plus de sept millions de tonnes de marchandises l'an dernier, surtout du sable, du "
        "gravier et des conteneurs.</p><p>L'autorité prévoit un nouveau terminal pour suivre "
        "la croissance du trafic.</p></div></body></html>",
        "https://infoville.example/fr/economie/port-trafic",
        "Les barges ont transporté plus de matériaux",
    ),
}


@pytest.mark.parametrize("name", sorted(_DEK_PAGES))
def test_the_dek_under_the_headline_is_the_lead_not_the_figure_caption(name: str) -> None:
    html, url, opens = _DEK_PAGES[name]
    record = _record(html, url)
    lead = record["lead"]
    assert isinstance(lead, str) and lead.startswith(opens), lead
    assert "Photo" not in lead
