"""A sector selector that matches a menu (a `<nav>`, or an element of more than
`MAX_LABEL_LINKS` links) gives no sector: the joined menu ("Régions Économie Sport Culture")
is no label. One label link in the same kind of element still is."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

TEXT = (
    "Le port autonome a présenté mardi son plan d’investissement pour les cinq prochaines "
    "années, avec une nouvelle darse et un quai réservé aux navires de croisière."
)


def _page(menu: str) -> str:
    return (
        '<html lang="fr"><head><meta charset="utf-8"><title>Le port investit</title></head><body>'
        f"<header><a href='/'>Le Quotidien</a></header><main>{menu}<article><h1>Le port "
        f"investit 40 millions</h1><p>{TEXT}</p><p>{TEXT}</p></article></main></body></html>"
    )


MENU_LINKS = "".join(
    f'<a href="/{s.lower()}/">{s}</a> ' for s in ("Régions", "Économie", "Sport", "Culture")
)


@pytest.mark.parametrize(
    "menu",
    [
        f'<nav class="rubriques">{MENU_LINKS}</nav>',
        f'<div class="post-category">{MENU_LINKS}</div>',
    ],
    ids=["nav-rubriques", "div-of-four-links"],
)
def test_a_menu_matched_by_a_sector_selector_is_no_sector(menu: str) -> None:
    url = "https://www.lequotidien.example/economie/2026/11/port-investit.html"
    record = extract_article(_page(menu), url, profile=generic_profile())
    assert record.sector is None  # not "Régions Économie Sport Culture"


def test_one_label_link_in_the_same_element_is_the_sector() -> None:
    url = "https://www.lequotidien.example/economie/2026/11/port-investit.html"
    menu = '<div class="post-category"><a href="/economie/">Économie</a></div>'
    assert extract_article(_page(menu), url, profile=generic_profile()).sector == "Économie"
