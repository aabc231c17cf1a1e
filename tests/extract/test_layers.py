"""The layered recipe: structured data first, then the profile, then text; sources and warnings tell."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from scraper.extract import extract_article
from scraper.sites import load_profile
from tests import edits

URL = "https://hub.brussels/fr/blog/tokyo/"
TEXT = (
    "<p>La Corée du Sud et le Japon sont des marchés dynamiques pour le design européen, "
    "et nos entreprises y trouvent des partenaires fiables pour leurs projets.</p>"
)


def _page(head: str = "", body: str = "", lang: str = "fr") -> str:
    return (
        f"<html lang='{lang}'><head><title>Tokyo, porte de l’Asie - hub.brussels</title>{head}</head>"
        f"<body><article><h1>Tokyo, porte de l’Asie</h1><div class='entry-content'>{body or TEXT}"
        "</div></article></body></html>"
    )


def test_yoast_graph_gives_date_in_brussels_and_section() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "datePublished": "2020-01-01T00:00:00+00:00"},
            {
                "@type": ["Article", "BlogPosting"],
                "headline": "Tokyo, porte de l’Asie",
                "datePublished": "2025-03-02T23:15:00+00:00",
                "dateModified": "2025-03-04T08:00:00+00:00",
                "articleSection": ["Multisecteurs", "International"],
            },
        ],
    }
    head = f"<script type='application/ld+json'>{json.dumps(graph)}</script>"
    article = extract_article(_page(head), URL)
    assert (article.published, article.modified) == (dt.date(2025, 3, 3), dt.date(2025, 3, 4))
    assert article.sector == "Multisecteurs" and article.sector_key == "multisector"
    assert article.sources["published"] == "jsonld" and article.sources["title"] == "jsonld"


def test_malformed_json_ld_is_a_warning_and_meta_still_counts() -> None:
    head = (
        '<script type=\'application/ld+json\'>{"@type": "Article", "headline": </script>'
        "<meta property='article:published_time' content='2025-05-06T09:00:00+02:00'>"
    )
    article = extract_article(_page(head), URL)
    assert article.published == dt.date(2025, 5, 6) and article.sources["published"] == "meta"
    assert any("JSON-LD" in w for w in article.warnings)


def test_time_element_of_the_article_not_of_the_sidebar() -> None:
    page = (
        "<html lang='fr'><body><aside class='agenda'><time datetime='2025-12-01'>1 déc.</time></aside>"
        "<article><h1>Titre</h1><time class='entry-date published' datetime='2025-04-02T10:00:00+02:00'>"
        f"2 avril</time><div class='entry-content'>{TEXT}</div></article></body></html>"
    )
    assert extract_article(page, URL).published == dt.date(2025, 4, 2)


def test_seo_title_differing_from_headline_is_reported() -> None:
    article = extract_article(
        edits.replace(_page(), "<title>Tokyo, porte de l’Asie", "<title>Exporter au Japon"), URL
    )
    assert article.title == "Tokyo, porte de l’Asie"
    assert any("SEO <title>" in w for w in article.warnings)


def test_declared_language_loses_to_a_clearly_dutch_text() -> None:
    dutch = (
        "<p>Brazilië is de grootste economie van Latijns-Amerika en een logische springplank naar het "
        "hele continent. Brusselse bedrijven vinden er vooral kansen in de bouw, in de gezondheidszorg "
        "en in digitale diensten, maar ook in de voeding. Het is niet altijd eenvoudig om er te starten, "
        "maar met de hulp van onze kantoren in São Paulo lukt het wel.</p>"
    )
    article = extract_article(
        _page(body=dutch, lang="fr-FR"), "https://hub.brussels/nl/blog/brazilie/"
    )
    assert article.lang == "nl" and article.sources["lang"] == "text"
    assert any("'fr'" in w and "'nl'" in w for w in article.warnings)


def test_hreflang_alternates_are_translations_canonical_is_the_url() -> None:
    head = (
        "<link rel='canonical' href='/fr/blog/tokyo/'>"
        "<link rel='alternate' hreflang='fr-be' href='/fr/blog/tokyo/'>"
        "<link rel='alternate' hreflang='nl-be' href='/nl/blog/tokio/'>"
        "<link rel='alternate' hreflang='x-default' href='/fr/blog/tokyo/'>"
    )
    article = extract_article(_page(head), URL + "?utm_source=x")
    assert article.url == URL
    assert article.translations == {"nl": "https://hub.brussels/nl/blog/tokio/"}


def test_canonical_on_another_site_is_ignored() -> None:
    article = extract_article(
        _page("<link rel='canonical' href='https://elsewhere.example/copy/'>"), URL
    )
    assert article.url == URL and any("another site" in w for w in article.warnings)


def test_missing_fields_are_none_with_a_warning() -> None:
    article = extract_article(_page(), URL)
    assert article.published is None and "no published found" in article.warnings
    assert article.sector is None and "no sector found" in article.warnings


def test_a_changed_template_is_fixed_in_the_profile(tmp_path: Path) -> None:
    page = _page(body=f"<div class='zz-quux'>Tourisme</div>{TEXT}")
    assert extract_article(page, URL).sources["sector"] == "text"  # found, but by the text rule
    source = Path(load_profile().source).read_text(encoding="utf-8")
    # the profile's own selectors come before the generic base's
    edited = edits.replace(source, "\n[extract]\n", '\n[extract]\nsector = [".zz-quux"]\n', 1)
    (tmp_path / "hub.toml").write_text(edited, encoding="utf-8")
    article = extract_article(page, URL, profile=load_profile(tmp_path / "hub.toml"))
    assert (article.sector, article.sector_key, article.sources["sector"]) == (
        "Tourisme",
        "tourism",
        "profile",
    )


def test_logo_h1_outside_the_article_is_not_the_headline() -> None:
    page = (
        "<html lang='en'><head><meta property='og:site_name' content='The Daily Example'>"
        "<meta property='og:title' content='Port of Antwerp breaks its record'></head><body>"
        "<div class='logo'><h1>The Daily Example</h1></div><div class='wrap'><article>"
        "<h1>Port of Antwerp breaks its record again</h1><div class='article-body'>"
        f"{TEXT}</div></article></div></body></html>"
    )
    article = extract_article(page, "https://news.example/port")
    assert article.title == "Port of Antwerp breaks its record again"


def test_metadata_date_and_printed_date_disagreeing_is_reported() -> None:
    head = "<meta property='article:published_time' content='2025-05-06T09:00:00+02:00'>"
    body = f"<p class='byline'>Publié le 3 mai 2025</p>{TEXT}"
    article = extract_article(_page(head, body), URL)
    assert article.published == dt.date(2025, 5, 6)
    assert any("2025-05-03" in w for w in article.warnings)


def test_an_unmapped_sector_is_warned_of_only_where_a_mapping_exists() -> None:
    """hub.brussels maps its sectors, so a label it does not know is news; the base profile maps
    none, and a missing modification date (most pages show none) is no warning at all."""
    page = _page(body="<p class='post-category'>Aérospatiale</p>" + TEXT)
    hub = extract_article(page, URL, profile=load_profile("hub_brussels"))
    base = extract_article(page, URL, profile=load_profile("base"))
    assert hub.sector == base.sector == "Aérospatiale"
    assert "sector 'Aérospatiale' is not in the profile's sector mapping" in hub.warnings
    assert not any("sector mapping" in w for w in base.warnings)
    assert hub.modified is None and "no modified found" not in hub.warnings
