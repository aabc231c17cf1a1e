"""Kinds of failure listed for the held-out split v2 (bench/heldout_v2/README.md), each on pages
written here in other markup and languages: where an interview ends, who it is with, which
paragraph is the lead, and what of a figure and a share bar stays out of the body."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scraper.extract import extract_article

# -- 1. the last answer ends where the interview's markup ends --------------------------------

_EN_INTERVIEW = (
    "<html lang='en'><body><main><article><h1>Selling Belgian chocolate in Mexico</h1>"
    "<p>Exports keep growing. We spoke with Laura Pérez, our trade attaché.</p>"
    "<div class='interview'>"
    "<p><strong>What sells best?</strong></p>"
    "<p>Pralines, by far, and the filled bars that travel well in the heat.</p>"
    "<p><strong>Any advice for newcomers?</strong></p>"
    "<p>Come twice before you sign anything with a distributor.</p>"
    "<p>And bring samples: buyers here want to taste before they talk.</p>"
    "</div>{after}</article></main></body></html>"
)
_EN_LAST = (
    "Come twice before you sign anything with a distributor.\n\n"
    "And bring samples: buyers here want to taste before they talk."
)


@pytest.mark.parametrize(
    "after",
    [
        # an editor's line in italics, then the next paragraph of the article
        "<p><em>This interview was edited for length.</em></p>"
        "<p>The next trade mission to Mexico leaves in October.</p>",
        # a share bar in utility classes, its counter in an element of its own
        "<div class='flex gap-2'><a href='https://twitter.com/intent/tweet'>Twitter</a> "
        "<a href='https://www.linkedin.com/shareArticle'>LinkedIn</a></div>"
        "<div class='text-sm'>42</div>"
        "<p>The next trade mission to Mexico leaves in October.</p>",
        # the article goes on after the interview's container, in plain paragraphs
        "<p>The next trade mission to Mexico leaves in October and has room for twelve firms.</p>",
    ],
)
def test_the_last_answer_ends_with_the_interviews_markup(after: str) -> None:
    html = _EN_INTERVIEW.format(after=after)
    qa = extract_article(html, "https://hub.brussels/en/news/chocolate-mexico/").qa
    assert [p.question for p in qa] == ["What sells best?", "Any advice for newcomers?"]
    assert qa[-1].answer == _EN_LAST


def test_a_french_editorial_line_of_another_class_ends_the_last_answer() -> None:
    html = (
        "<html lang='fr'><body><div class='page'><h1>Des gaufres à Casablanca</h1>"
        "<p>Rencontre avec Nadia Berrada, notre représentante au Maroc.</p>"
        "<h3>Pourquoi le Maroc ?</h3><p>Un marché jeune, ouvert aux produits belges.</p>"
        "<p>Et une diaspora qui connaît déjà nos marques.</p>"
        "<h3>Et pour 2027 ?</h3><p>Une mission de douze entreprises en avril.</p>"
        "<p class='note-redaction'>Propos recueillis par la rédaction en février.</p>"
        "</div></body></html>"
    )
    qa = extract_article(html, "https://hub.brussels/fr/blog/casablanca/").qa
    assert [p.answer for p in qa] == [
        "Un marché jeune, ouvert aux produits belges.\n\n"
        "Et une diaspora qui connaît déjà nos marques.",
        "Une mission de douze entreprises en avril.",
    ]


def test_a_list_the_last_answer_announces_stays_in_it() -> None:
    html = _EN_INTERVIEW.format(after="").replace(
        "<p>And bring samples: buyers here want to taste before they talk.</p>",
        "<p>And bring three things:</p><ul><li>samples for tasting</li><li>a price list</li></ul>",
    )
    qa = extract_article(html, "https://hub.brussels/en/news/chocolate-mexico/").qa
    assert qa[-1].answer.endswith("samples for tasting\n\na price list")


# -- 2. the speaker is the person the interview is with -------------------------------------


def test_a_role_word_opening_the_sentence_is_not_part_of_the_speakers_name() -> None:
    html = (
        "<html lang='nl'><body><main><article><h1>Brusselse chocolade in Mexico</h1>"
        "<p>De export naar Latin America’s grootste markten groeit. Oprichter Ruben Claes "
        "vertelt hoe zijn zaak daar voet aan de grond kreeg.</p>"
        "<p><strong>Waarom Mexico?</strong></p>"
        "<p>Omdat de middenklasse er snel groeit en onze chocolade er een naam heeft.</p>"
        "<p><strong>Wat was het moeilijkste?</strong></p>"
        "<p>De douane, zonder twijfel: elke zending werd twee keer gecontroleerd.</p>"
        "</article></main></body></html>"
    )
    qa = extract_article(html, "https://hub.brussels/nl/nieuws/chocolade/").qa
    assert [p.speaker for p in qa] == ["Ruben Claes", "Ruben Claes"]


def test_a_possessive_pair_is_no_speaker_and_a_closing_attribution_signs_the_interview() -> None:
    html = (
        "<html lang='en'><body><main><article><h1>Chocolate for Mexico</h1>"
        "<p>Belgian makers eye Latin America’s biggest economies.</p>"
        "<p>Exports to Latin America’s fastest growing markets doubled last year.</p>"
        "<p><strong>Why Mexico?</strong></p>"
        "<p>Because the middle class grows fast and Belgian chocolate has a name there.</p>"
        "<p><strong>What was hardest?</strong></p>"
        "<p>Customs, without a doubt: every shipment was checked twice.</p>"
        "<p>— Carla Mendes, trade attaché</p>"
        "</article></main></body></html>"
    )
    qa = extract_article(html, "https://hub.brussels/en/news/chocolate/").qa
    assert [p.speaker for p in qa] == ["Carla Mendes", "Carla Mendes"]


def test_the_name_a_role_follows_after_a_comma_beats_a_place_after_the_role() -> None:
    html = (
        "<html lang='fr'><body><main><article><h1>Le chocolat belge au Mexique</h1>"
        "<p>Les exportations progressent. Sofia Marquez, notre nouvelle représentante à Mexico City, "
        "a répondu à nos questions.</p>"
        "<h3>Qu’est-ce qui se vend le mieux ?</h3><p>Les pralines, de loin.</p>"
        "<h3>Un conseil ?</h3><p>Venir deux fois avant de signer quoi que ce soit.</p>"
        "</article></main></body></html>"
    )
    qa = extract_article(html, "https://hub.brussels/fr/blog/mexique/").qa
    assert [p.speaker for p in qa] == ["Sofia Marquez", "Sofia Marquez"]


# -- 3. the lead is the article's own standfirst ---------------------------------------------


@pytest.mark.parametrize(
    ("bar", "url", "lead"),
    [
        (
            "<div class='topbar'><a href='/'><img src='/logo.png' alt='Le Soleil du Nord'></a>"
            "<h1>Le Soleil du Nord</h1>"
            "<p class='slogan'>Le journal qui vous ressemble, de Trois-Rivières à Québec</p></div>",
            "https://www.soleilnord.ca/economie/fromages/",
            "Une PME de Trois-Rivières exporte désormais ses fromages vers la Belgique.",
        ),
        (
            "<div class='masthead'><a href='https://www.harbourtimes.co.nz/'>Home</a>"
            "<h1>The Harbour Times</h1>"
            "<p>Independent news for the Bay of Plenty since 1901, every morning</p></div>",
            "https://www.harbourtimes.co.nz/business/cheese/",
            "A Tauranga dairy now ships its cheeses to Belgium and France.",
        ),
    ],
)
def test_a_slogan_under_the_site_bars_heading_is_not_the_lead(
    bar: str, url: str, lead: str
) -> None:
    html = (
        f"<html><head><title>News</title></head><body>{bar}"
        f"<div class='story'><p>{lead}</p>"
        "<p>The firm employs thirty people and plans to double its output within two years.</p>"
        "<p>It also eyes the German market.</p></div></body></html>"
    )
    assert extract_article(html, url).lead == lead


def test_a_slogan_the_title_tag_carries_is_not_the_lead() -> None:
    html = (
        "<html lang='fr'><head><title>Le Soleil du Nord – Le journal qui vous ressemble"
        "</title></head><body><div class='contenu'>"
        "<p class='baseline'>Le journal qui vous ressemble, de Trois-Rivières à Québec</p>"
        "<h2>Des fromages québécois en Belgique</h2>"
        "<p>Une PME de Trois-Rivières exporte désormais ses fromages vers la Belgique.</p>"
        "<p>La fromagerie emploie trente personnes et compte doubler sa production.</p>"
        "</div></body></html>"
    )
    article = extract_article(html, "https://www.soleilnord.ca/economie/fromages/")
    assert article.lead == (
        "Une PME de Trois-Rivières exporte désormais ses fromages vers la Belgique."
    )


@pytest.mark.parametrize(
    ("html", "url", "lead"),
    [
        (
            "<html lang='nl'><body><article><h1><span class='kicker'>Drie vragen aan</span> "
            "Koffiebranderij groeit in Vorst</h1><div class='entry-content'>"
            "<p><b>Drie vragen aan Koffiebranderij groeit in Vorst</b></p>"
            "<p>Een branderij in Vorst verdubbelt haar productie en zoekt afnemers.</p>"
            "<p>De zaak werd in 2019 opgericht en telt nu twaalf medewerkers.</p>"
            "</div></article></body></html>",
            "https://blog.example.be/2026/koffie/",
            "Een branderij in Vorst verdubbelt haar productie en zoekt afnemers.",
        ),
        (
            "<html lang='en'><body><article><h1>Cheese makers head to Rungis</h1>"
            "<div class='post-body'><p class='title-repeat'>Market report: Cheese makers head "
            "to Rungis</p><p>Twelve Brussels cheese makers will show their wares at Rungis.</p>"
            "<p>The fair opens on 3 February and lasts three days.</p></div></article></body></html>",
            "https://blog.example.com/2026/cheese/",
            "Twelve Brussels cheese makers will show their wares at Rungis.",
        ),
    ],
)
def test_the_headline_repeated_with_its_kicker_is_not_the_lead(
    html: str, url: str, lead: str
) -> None:
    assert extract_article(html, url).lead == lead


# -- 4. a photo credit and a share counter stay out of the body -------------------------------


@pytest.mark.parametrize(
    ("figure", "lang", "caption", "credit"),
    [
        (
            "<figure><img src='/a.jpg'><figcaption>De branderij aan de Van Volxemlaan. "
            "<span class='credit'>Foto: Jan Peeters</span></figcaption></figure>",
            "nl",
            "De branderij aan de Van Volxemlaan.",
            "Jan Peeters",
        ),
        (
            "<figure><img src='/b.jpg'><figcaption><p>L’atelier de torréfaction à Forest.</p>"
            "<small>Photo : Eric Lalmand, Belga</small></figcaption></figure>",
            "fr",
            "L’atelier de torréfaction à Forest.",
            "Lalmand",
        ),
    ],
)
def test_a_photo_credit_is_not_body_but_the_caption_stays(
    figure: str, lang: str, caption: str, credit: str
) -> None:
    html = (
        f"<html lang='{lang}'><body><article><h1>Koffie uit Vorst</h1><div class='entry-content'>"
        "<p>Een branderij in Vorst verdubbelt haar productie en zoekt nieuwe afnemers.</p>"
        f"<p>De zaak werd in 2019 opgericht en telt nu twaalf medewerkers.</p>{figure}"
        "<p>Volgend jaar komt er een tweede vestiging bij in Elsene.</p>"
        "</div></article></body></html>"
    )
    body = extract_article(html, "https://blog.example.be/2026/koffie/").body or ""
    assert caption in body
    assert credit not in body


@pytest.mark.parametrize(
    "bar",
    [
        "<div class='share'><a href='#'>Deel</a></div><div class='stats'><span>15</span></div>",
        "<div class='flex items-center'><span class='icon'></span><span>1 284</span></div>",
    ],
)
def test_a_counter_standing_alone_is_not_body(bar: str) -> None:
    html = (
        "<html lang='nl'><body><article><h1>Koffie uit Vorst</h1><div class='entry-content'>"
        "<p>Een branderij in Vorst verdubbelt haar productie en zoekt nieuwe afnemers.</p>"
        f"<p>De zaak werd in 2019 opgericht en telt nu twaalf medewerkers.</p>{bar}"
        "</div></article></body></html>"
    )
    body = extract_article(html, "https://blog.example.be/2026/koffie/").body or ""
    assert body.endswith("telt nu twaalf medewerkers.")


def test_numbers_in_a_table_stay_in_the_body() -> None:
    html = (
        "<html lang='en'><body><article><h1>Export figures</h1><div class='text'>"
        "<p>Brussels firms exported more to Mexico this year than ever before.</p>"
        "<table><tr><th>Year</th><th>Firms</th></tr><tr><td>2025</td><td>42</td></tr></table>"
        "</div></article></body></html>"
    )
    body = extract_article(html, "https://hub.brussels/en/news/figures/").body or ""
    assert "42" in body


@pytest.mark.parametrize(
    "edit",
    [
        lambda h: h.replace("<p><em>", "<p>Thank you, Laura.</p><p><em>"),  # a closing thanks
        lambda h: h.replace("</p><p>", "</p>\n  <p>"),  # whitespace between the paragraphs
        lambda h: h.replace("<article>", "<article><p class='crumbs'>Home › News</p>"),
    ],
)
def test_neutral_edits_leave_the_interviews_end_where_it_was(edit: Callable[[str], str]) -> None:
    after = (
        "<p><em>This interview was edited for length.</em></p>"
        "<p>The next trade mission to Mexico leaves in October.</p>"
    )
    html = _EN_INTERVIEW.format(after=after)
    url = "https://hub.brussels/en/news/chocolate-mexico/"
    assert extract_article(edit(html), url).qa == extract_article(html, url).qa
