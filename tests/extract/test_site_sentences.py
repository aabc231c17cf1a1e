"""A sentence of the text that names the site and a year ("hub.brussels organise en 2026 une
mission…") is the article's, not the site's identity line: a four-digit number alone is no
postcode. The site's own line (its name with an address, e-mail or phone) stays furniture."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

TEXT = {
    "fr": (
        "Le marché péruvien de l’alimentation se transforme vite, porté par une classe moyenne "
        "qui a doublé en quinze ans et par des supermarchés modernes en pleine expansion.",
        "Les chocolatiers et les brasseurs bruxellois y trouvent des importateurs curieux, prêts "
        "à payer pour une qualité et une histoire qu’ils savent raconter à leurs clients.",
    ),
    "nl": (
        "De Peruaanse voedingsmarkt verandert snel, gedragen door een middenklasse die in vijftien "
        "jaar verdubbeld is en door moderne supermarkten die overal openen.",
        "Brusselse chocolatiers en brouwers vinden er nieuwsgierige invoerders die bereid zijn te "
        "betalen voor kwaliteit en voor een verhaal dat ze aan hun klanten kunnen vertellen.",
    ),
}
CLOSING = {
    "fr": (
        "Une mission en septembre",
        "hub.brussels organise du 21 au 25 septembre 2026 une mission économique à Lima. "
        "Les inscriptions sont ouvertes jusqu’au 30 juin.",
    ),
    "nl": (
        "Een handelsmissie in 2027",
        "hub.brussels organiseert in maart 2027 een handelsmissie naar Bogotá en Medellín. "
        "Geïnteresseerde bedrijven kunnen zich nu al melden.",
    ),
}


def _page(lang: str, boxed: bool) -> str:
    heading, closing = CLOSING[lang]
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT[lang] * 2)
    if boxed:  # a block-list CMS: each heading and paragraph in a block of its own
        section = (
            f'<div class="block block--heading"><h2>{heading}</h2></div>'
            f'<div class="block block--text"><p>{closing}</p></div>'
        )
    else:
        section = f"<h2>{heading}</h2><p>{closing}</p>"
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>Lima</title></head><body>'
        f"<main><article><h1>Lima, tremplin vers les Andes</h1>"
        f'<div class="text">{paragraphs}{section}</div></article></main>'
        "<p>hub.brussels – Avenue du Port 86C – 1000 Bruxelles</p></body></html>"
    )


@pytest.mark.parametrize(("lang", "boxed"), [("fr", True), ("nl", False), ("fr", False)])
def test_a_closing_sentence_naming_the_site_and_a_year_stays_in_the_body(
    lang: str, boxed: bool
) -> None:
    url = f"https://hub.brussels/{lang}/news/lima-andes/"
    body = extract_article(_page(lang, boxed), url, profile=profile_for_url(url)).body or ""
    heading, closing = CLOSING[lang]
    assert body.endswith(f"{heading}\n\n{closing}")
    assert "Avenue du Port" not in body, "the site's own address line is no body"


ANSWER = {
    "nl": "Mobiel betalen is hier sneller ingeburgerd dan in België: bijna iedereen betaalt met "
    "een e-wallet, ook op de markt en in de taxi. Daar hebben Brusselse bedrijven ervaring mee.",
    "en": "Mobile payment caught on faster here than in Belgium: nearly everyone pays with an "
    "e-wallet, even at the market and in taxis. Brussels firms know that business well.",
}


def _toggled(lang: str, kind: str) -> str:
    """A box holding a heading, two paragraphs and a `<button>` (no field to fill in)."""
    if kind == "accordion":
        box = (
            '<div class="accordion-item"><h3 class="accordion-header"><button type="button" '
            'class="accordion-button">Waarom de Filipijnen?</button></h3><div class="accordion-'
            f'collapse collapse"><div class="accordion-body"><p>{ANSWER[lang]}</p><p>'
            f"{ANSWER[lang]}</p></div></div></div>"
        )
    else:
        box = (
            f'<div class="more"><h3>Why the Philippines?</h3><p>{ANSWER[lang]}</p>'
            f'<p>{ANSWER[lang]}</p><button type="button">Show less</button></div>'
        )
    text = "".join(f"<p>{p}</p>" for p in TEXT["nl"])
    return (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>Manila</title></head><body>'
        f'<main><article><h1>Manila: fintechs vinden hun weg</h1><div class="text">{text}</div>'
        f"{box}</article></main></body></html>"
    )


@pytest.mark.parametrize(("lang", "kind"), [("nl", "accordion"), ("en", "show-less")])
def test_a_box_with_a_button_but_no_field_to_fill_in_is_no_sign_up_box(
    lang: str, kind: str
) -> None:
    """A heading, its paragraphs and a toggle button (an accordion's answer, a "show less" box)
    are text: only a box asking for input (a form, an e-mail field) is a sign-up box."""
    url = f"https://hub.brussels/{lang}/news/manila-fintech/"
    body = extract_article(_toggled(lang, kind), url, profile=profile_for_url(url)).body or ""
    assert ANSWER[lang] in body
