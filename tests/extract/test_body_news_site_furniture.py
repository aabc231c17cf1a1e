"""Body kinds of news sites: the furniture real news sites set inside or right around the article
container, on news pages of several CMSs and languages written here (`news_pages.py`).

Every page keeps its whole text (paragraphs, subheading, quote, list, closing line); each kind
fixed is tested on a page of its kind and a sibling in other markup or another language."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from tests.extract.news_pages import PAGES, TEXTS, Page, word_f1

BY_NAME = {make.__name__: make for make in PAGES}


def _body(page: Page) -> str:
    record = extract_article(page.html, page.url)
    return "\n\n".join(x for x in (record.lead, record.body) if x)


def _paragraphs(lang: str) -> list[str]:
    p = TEXTS[lang]["p"]
    assert isinstance(p, list)
    return [f"<p>{t}</p>" for t in p]


def _page(lang: str, inset: str, after: str = "") -> str:
    """A plain news page whose text holds `inset` between its second and third paragraphs and
    `after` after its last one."""
    p = _paragraphs(lang)
    return (
        f"<html lang='{lang}'><head><title>{TEXTS[lang]['title']}</title></head><body>"
        f"<header><a href='/'>Site</a></header><main><article><h1>{TEXTS[lang]['title']}</h1>"
        f"<div class='story'>{p[0]}{p[1]}{inset}{p[2]}{p[3]}{after}</div></article></main>"
        "<footer><p>© Site</p></footer></body></html>"
    )


def _plain_body(lang: str, inset: str, after: str = "") -> str:
    url = "https://news.example/2026/05/12/tram/"
    record = extract_article(_page(lang, inset, after), url)
    body = "\n\n".join(x for x in (record.lead, record.body) if x)
    p = TEXTS[lang]["p"]
    assert isinstance(p, list)
    assert all(t in body for t in p), body
    return body


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_the_whole_text_stays(name: str) -> None:
    page = BY_NAME[name]()
    body = _body(page)
    missing = [t for t in page.paragraphs if t not in body]
    assert not missing, body
    assert str(page.words["h2"]) in body
    assert word_f1(body, page.text) >= 0.9, body


# 1. a teaser card whose whole box is a link (Ghost's bookmark card, an embed card): its lines
#    are link text, left out as a list of links is


def test_a_bookmark_card_wrapped_in_its_link_is_left_out() -> None:
    body = _body(BY_NAME["ghost_blog"]())
    assert "four per cent raise" not in body
    assert "Bus drivers end" not in body
    assert "Sign up for more" not in body


def test_an_embed_card_in_its_link_is_left_out_dutch() -> None:
    card = (
        "<div class='wp-block-embed'><a class='embed-card' href='https://andere.example/staking'>"
        "<div class='embed-card__title'>Buschauffeurs stoppen staking na loonakkoord</div>"
        "<div class='embed-card__excerpt'>De vakbond aanvaardde zondag een loonsverhoging van "
        "vier procent.</div><div class='embed-card__site'>andere.example</div></a></div>"
    )
    body = _plain_body("nl", card)
    assert "Buschauffeurs" not in body and "vier procent" not in body


# 2. a label and its links on one line (a tag list, a "Lesen Sie auch" teaser), and the short
#    label of a box of links left out ("TAGS" over the tag items, "Read more" over a teaser)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("jannah_wp", ["Etiquetas", "puertoayuntamiento"]),
        ("standaard_like", ["Lees meer over", "mobiliteit"]),
        ("spiegel_like", ["Lesen Sie auch", "Busfahrer beenden"]),
    ],
)
def test_a_label_and_its_links_on_one_line_are_left_out(name: str, words: list[str]) -> None:
    body = _body(BY_NAME[name]())
    assert not [w for w in words if w in body], body


def test_the_labels_of_a_tag_list_and_a_teaser_box_are_left_out() -> None:
    body = _body(BY_NAME["newspaper_wp"]())
    assert "TAGS" not in body
    assert "Read more" not in body
    assert "Bus drivers end" not in body


def test_a_topics_line_in_italian_is_left_out_but_a_sentence_with_a_link_stays() -> None:
    topics = (
        "<div class='argomenti'>Argomenti: <a href='/argomenti/tram'>tram</a>, <a href="
        "'/argomenti/porto'>porto</a>, <a href='/argomenti/comune'>comune di Milano</a></div>"
    )
    sentence = (
        "<div class='nota'>Il progetto completo è consultabile <a href='/progetto.pdf'>sul sito "
        "del Comune</a> fino alla fine del mese.</div>"
    )
    body = _plain_body("it", sentence, topics)
    assert "Argomenti" not in body and "comune di Milano" not in body
    assert "sul sito del Comune" in body


# 3. an ad slot's label between two blocks of the text, in any language: one word alone in a box
#    of its own ("Publicidad", "Pubblicità", "- Advertisement -")


@pytest.mark.parametrize(
    ("name", "label"),
    [("jannah_wp", "Publicidad"), ("corriere_like", "Pubblicità"), ("newspaper_wp", "Advert")],
)
def test_an_ad_slots_label_between_paragraphs_is_left_out(name: str, label: str) -> None:
    assert label not in _body(BY_NAME[name]())


def test_a_slot_label_in_portuguese_is_left_out_but_a_bold_one_word_subheading_stays() -> None:
    slot = "<div class='slot-wrap'><div class='slot-label'>Publicidade</div><div></div></div>"
    subheading = "<div class='inter'><strong>Reacties</strong></div>"
    body = _plain_body("nl", slot)
    assert "Publicidade" not in body
    assert "Reacties" in _plain_body("nl", subheading)


# 4. a promo box after the text (a donation appeal, a newsletter's or a subscription's): a
#    title, a blurb and one button link closing the box


def test_a_donation_appeal_with_its_button_is_left_out() -> None:
    body = _body(BY_NAME["guardian_like"]())
    assert "Before you go" not in body and "small favour" not in body


def test_a_subscription_promo_in_french_is_left_out_but_a_closing_section_stays() -> None:
    promo = (
        "<div class='encart-abo'><h3>Le journal de demain, dès ce soir</h3><p>Recevez chaque "
        "soir l'édition numérique du lendemain et nos analyses exclusives, sans publicité, sur "
        "tous vos écrans.</p><a class='btn' href='/abonnement/'>Je m'abonne</a></div>"
    )
    section = (
        "<div class='encadre'><h3>En pratique</h3><p>Le dossier complet du projet peut être "
        "consulté à l'hôtel de ville jusqu'au 30 juin, aux heures d'ouverture des guichets.</p>"
        "<p>Une réunion d'information est prévue le 14 juin à la salle des fêtes.</p></div>"
    )
    body = _plain_body("fr", "", promo)
    assert "Le journal de demain" not in body and "édition numérique" not in body
    kept = _plain_body("fr", "", section)
    assert "En pratique" in kept and "salle des fêtes" in kept


# 5. a figure's short line outside its <figcaption>: the picture's source or credit


def test_an_image_source_beside_the_figcaption_is_left_out() -> None:
    body = _body(BY_NAME["bbc_like"]())
    assert "Getty Images" not in body and "Image source" not in body


def test_a_photo_source_line_in_a_dutch_figure_is_left_out_but_the_caption_stays() -> None:
    figure = (
        "<figure class='foto'><img src='/tram.jpg' alt=''><div class='foto__bron'>ANP / Remko "
        "de Waal</div><figcaption>Een tram aan het centraal station.</figcaption></figure>"
    )
    body = _plain_body("nl", figure)
    assert "Remko de Waal" not in body
    assert "Een tram aan het centraal station." in body


# 4b. a promo box titled by a wholly bold line, between two paragraphs of the text or after it;
#     a reference list's bold title and link stay (a list's items are data)


@pytest.mark.parametrize(
    ("lang", "box", "words"),
    [
        (
            "nl",
            "<div class='promo-box'><p class='promo-box__title'><strong>Elke ochtend het nieuws"
            "</strong></p><p>Schrijf je in op onze gratis nieuwsbrief en ontvang elke ochtend het "
            "belangrijkste nieuws.</p><a class='promo-box__button' href='/nieuwsbrief'>"
            "Inschrijven</a></div>",
            ["Elke ochtend het nieuws", "gratis nieuwsbrief"],
        ),
        (
            "es",
            "<div class='caja-suscripcion'><div><b>Tu suscripción, tu periódico</b></div><p>Apoya "
            "el periodismo local de calidad desde un euro al mes y lee sin límites.</p><div><a "
            "href='/suscripciones/'>Suscríbete</a></div></div>",
            ["Tu suscripción", "periodismo local"],
        ),
    ],
)
def test_a_promo_box_under_a_bold_title_is_left_out(lang: str, box: str, words: list[str]) -> None:
    body = _plain_body(lang, box)
    assert not [w for w in words if w in body], body


def test_a_reference_with_a_bold_title_and_a_link_stays() -> None:
    refs = (
        "<ol class='refs'><li><b>Transit report 2025</b>. City of Harbour. Retrieved 3 May "
        "2026.</li><li>Ministry of Transport (2024). <a href='/r.pdf'>PDF</a></li></ol>"
    )
    body = _plain_body("en", "", refs)
    assert "Transit report 2025" in body


# 6. the lines boxed with a byline: the author's role, the outlet, a follow link


def test_a_bylines_role_line_is_left_out() -> None:
    body = _body(BY_NAME["bbc_like"]())
    assert "Transport correspondent" not in body


def test_a_dutch_bylines_box_is_left_out_but_a_tables_by_column_stays() -> None:
    byline = (
        "<div class='auteur'><div class='auteur__naam'>Door Karel De Smet</div>"
        "<div class='auteur__rol'>Correspondent in Brussel</div><a href='/auteur/ks'>Volg</a>"
        "</div>"
    )
    body = _plain_body("nl", byline)
    assert "Correspondent in Brussel" not in body and "Volg" not in body
    table = (
        "<table><tr><th>By district</th><th>Stops</th></tr><tr><td>Harbour</td><td>6</td></tr>"
        "<tr><td>Centre</td><td>8</td></tr></table>"
    )
    assert "By district" in _plain_body("en", table)


# 4c. a sign-up box between two paragraphs: a title, a blurb and a form


@pytest.mark.parametrize(
    ("lang", "box", "words"),
    [
        (
            "en",
            "<div class='inline-nl'><h4>The Morning</h4><p>Get the news you need to start your "
            "day, in your inbox.</p><form action='/nl'><input type='email'><button>Sign up"
            "</button></form></div>",
            ["The Morning", "news you need"],
        ),
        (
            "de",
            "<div class='nl-teaser'><p><b>Der Morgen am Hafen</b></p><p>Die wichtigsten "
            "Nachrichten aus der Stadt, jeden Morgen kostenlos per E-Mail.</p><form action="
            "'/nl'><input type='email'><button>Anmelden</button></form></div>",
            ["Der Morgen am Hafen", "kostenlos per E-Mail"],
        ),
    ],
)
def test_a_sign_up_box_between_paragraphs_is_left_out(
    lang: str, box: str, words: list[str]
) -> None:
    body = _plain_body(lang, box)
    assert not [w for w in words if w in body], body


def test_a_boxed_section_of_the_text_without_a_form_stays() -> None:
    box = (
        "<div class='kader'><h3>Wat kost het?</h3><p>De stad rekent op driehonderd miljoen "
        "euro, waarvan een derde uit het Vlaamse gewest komt en de rest uit leningen.</p></div>"
    )
    body = _plain_body("nl", box)
    assert "Wat kost het?" in body and "een derde uit het Vlaamse gewest" in body


# every page's furniture, kind by kind (Le Monde's reactions line and El País's credit span:
# tests/extract/test_body_captions_bios_page_controls.py has their siblings)
FURNITURE = [(make.__name__, kind) for make in PAGES for kind in make().excluded]


@pytest.mark.parametrize(("name", "kind"), FURNITURE)
def test_each_kind_of_furniture_is_left_out(name: str, kind: str) -> None:
    page = BY_NAME[name]()
    assert page.excluded[kind] not in _body(page)
