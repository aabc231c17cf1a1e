"""The structural rules of issue 10, one behaviour each: which links are articles, how profiles
extend the base, which blocks are one person's contact, which lines are counters."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from scraper.counters import is_counter_line, without_counters
from scraper.extract import extract_article
from scraper.linkrules import NavigationVerdicts, in_navigation, is_article_link
from scraper.sites import extend, load_profile

PAGE = "https://agence.example/fr/actualites/mission-chili/"


def test_article_links_are_same_site_slugs_at_the_articles_depth() -> None:
    assert is_article_link("https://agence.example/fr/actualites/prime-export/", PAGE)
    assert is_article_link("https://www.agence.example/fr/actualites/prime-export/", PAGE)
    for url in (
        "https://agence.example/fr/agenda/salon-lima-2026/",  # an event
        "https://agence.example/fr/tag/export-chili/",  # taxonomy
        "https://agence.example/fr/actualites/",  # the listing
        "https://agence.example/fr/mentions-legales/",  # a service page, not at article depth
        "https://social.example/share?u=https%3A%2F%2Fagence.example%2Ffr%2F",  # another site
        "https://agence.example/",
    ):
        assert not is_article_link(url, PAGE), url


def test_navigation_furniture_but_not_a_cards_own_header() -> None:
    soup = BeautifulSoup(
        "<body><footer><a id='f' href='/x-y/'>x</a></footer><ul class='share-bar'><li>"
        "<a id='s' href='/x-y/'>x</a></li></ul><article><header><a id='c' href='/x-y/'>x</a>"
        "</header></article></body>",
        "lxml",
    )
    assert in_navigation(soup.find(id="f")) and in_navigation(soup.find(id="s"))
    assert not in_navigation(soup.find(id="c"))


def test_navigation_judged_once_per_page_answers_as_asked_per_link() -> None:
    # the same ancestors reached from links at several depths, asked in an order that leaves
    # verdicts remembered from below before they are reached from above (nested articles)
    soup = BeautifulSoup(
        '<body><div class="site-header"><a id="h" href="/x/">X</a>'
        '<article><header><a id="ah" href="/y/">Y</a></header></article></div>'
        '<main><article id="outer"><footer class="menu"><a id="of" href="/a/">A</a></footer>'
        '<article><header><a id="ih" href="/b/">B</a></header></article>'
        '<header><a id="oh" href="/c/">C</a></header></article>'
        '<footer><a id="f" href="/d/">D</a></footer></main></body>',
        "lxml",
    )
    verdicts = NavigationVerdicts()
    tags = soup.find_all(True)
    assert [verdicts.in_navigation(t) for t in reversed(tags)] == [
        in_navigation(t) for t in reversed(tags)
    ]
    assert verdicts.in_navigation(soup.find(id="h")) and verdicts.in_navigation(soup.find(id="f"))
    assert not verdicts.in_navigation(soup.find(id="ih"))


def test_a_profile_extends_the_base(tmp_path: Path) -> None:
    merged = extend(
        {"contact": [".vcard", ".contact"], "sectors": {"a": ["A"]}, "time_zone": None},
        {"contact": [".team-card"], "sectors": {"b": ["B"]}, "time_zone": "Europe/Brussels"},
    )
    assert merged["contact"] == [".team-card", ".vcard", ".contact"]
    assert (
        merged["sectors"] == {"a": ["A"], "b": ["B"]} and merged["time_zone"] == "Europe/Brussels"
    )
    replaced = extend({"contact": [".vcard"]}, {"contact": [".x"], "contact_replace": True})
    assert replaced["contact"] == [".x"]
    hub = load_profile("hub_brussels")
    assert ".vcard" in hub.extract["contact"]  # from the base
    assert "Mobilité" not in str(load_profile("base").extract.get("sectors", {}))


def test_one_card_of_two_people_is_two_contacts_and_the_footer_is_none() -> None:
    page = """<html lang="en"><body><main><article><h1>A mission to Oslo</h1>
<p>Twelve companies travel to Oslo in May to meet investors and distributors of the region.</p>
<div class="team"><div class="team__person"><span class="team__name">Ann Peeters</span>
<span class="team__role">Advisor</span><a href="mailto:ann@agency.example">ann@agency.example</a></div>
<div class="team__person"><span class="team__name">Bram Claes</span><span class="team__role">Attaché</span>
<a href="mailto:bram@agency.example">bram@agency.example</a></div></div></article></main>
<footer><p>Jan Smit, reception · <a href="mailto:info@agency.example">info@agency.example</a></p></footer>
</body></html>"""
    record = extract_article(page, "https://agency.example/en/news/oslo-mission/")
    assert [(c.name, c.role, c.emails) for c in record.contacts] == [
        ("Ann Peeters", "Advisor", ["ann@agency.example"]),
        ("Bram Claes", "Attaché", ["bram@agency.example"]),
    ]


def test_counter_lines_and_sentences_with_numbers() -> None:
    assert is_counter_line("Retail · 16 May 2025 · 1,284 views · 3 min read")
    assert is_counter_line("💬 4 commentaires")
    assert not is_counter_line("The fund sold 12 shares of the company last year.")
    assert without_counters("Texte.\n\n1 284 vues · 12 partages") == "Texte."


def test_reading_times_however_each_language_writes_them_are_counters() -> None:
    """Reading times: "4 min lezen" (Dutch sites write the verb as often as "leestijd") and "3 min à lire" are
    reading times like "3 min read": page furniture, not text."""
    assert is_counter_line("4 min lezen")
    assert is_counter_line("Leesduur: 6 minuten")
    assert is_counter_line("3 min à lire")
    assert not is_counter_line("We lezen elke dag 4 kranten in 10 minuten.")
