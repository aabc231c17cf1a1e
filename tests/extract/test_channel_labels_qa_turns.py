"""Kinds of issue 13 (round 2): a channel's short label ("T", "E", "GSM", "Mob.") stuck to the
role or the address before it; an author box taken for a contact; a lone question-mark heading
read as an interview turn; a role phrase or a surname taken as the speaker. Each with a sibling
in another language and markup."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.models import Contact
from scraper.sites import profile_for_url

TEXT_FR = (
    "<p>La ville a présenté mardi son projet de pont cyclable au-dessus du canal, qui doit ouvrir "
    "en 2028 selon le calendrier.</p><p>Les travaux commenceront au printemps, après les "
    "consultations publiques prévues dans trois arrondissements.</p>"
)
TEXT_NL = (
    "<p>De stad stelde dinsdag haar plan voor een fietsbrug over het kanaal voor, die volgens de "
    "planning in 2028 opengaat.</p><p>De werken beginnen in de lente, na de openbare raadplegingen "
    "in drie districten.</p>"
)


def _contacts(html: str, url: str) -> list[Contact]:
    return extract_article(html, url, profile=profile_for_url(url)).contacts


# --- 1. a channel's short label before its value ------------------------------------------------


def _fr_label_page() -> str:
    card = (
        "<p>Claire Dubois<br>Attachée de presse<br>Rue Royale 12, 1000 Bruxelles T +32 2 555 12 34"
        "<br>Mob.<br>+32 475 12 34 56<br>E<br>claire.dubois@ville.be</p>"
    )
    return (
        '<html lang="fr"><body><main><article><h1>Un pont cyclable sur le canal</h1>'
        f"{TEXT_FR}<h2>Contact</h2>{card}</article></main></body></html>"
    )


def _nl_label_page() -> str:
    card = (
        '<div class="pers"><div><strong>Jan Peeters</strong></div>'
        "<div>Woordvoerder <span>T</span></div>"
        "<div>+32 3 555 12 34</div><div>Grote Markt 1, 2000 Antwerpen <span>GSM</span> +32 475 12 34 56</div>"
        '<div>E <a href="mailto:jan.peeters@stad.be">jan.peeters@stad.be</a></div></div>'
    )
    return (
        '<html lang="nl"><body><main><article><h1>Een fietsbrug over het kanaal</h1>'
        f"{TEXT_NL}<h2>Contact</h2>{card}</article></main></body></html>"
    )


def test_channel_label_is_not_the_role_or_the_address_fr() -> None:
    [contact] = _contacts(_fr_label_page(), "https://example.org/fr/actualites/pont")
    assert contact.name == "Claire Dubois"
    assert contact.role == "Attachée de presse"
    assert contact.address == "Rue Royale 12, 1000 Bruxelles"
    assert contact.phones == ["+3225551234", "+32475123456"]
    assert contact.emails == ["claire.dubois@ville.be"]


def test_channel_label_is_not_the_role_or_the_address_nl() -> None:
    [contact] = _contacts(_nl_label_page(), "https://example.org/nl/nieuws/fietsbrug")
    assert contact.name == "Jan Peeters"
    assert contact.role == "Woordvoerder"
    assert contact.phones == ["+3235551234", "+32475123456"]
    assert contact.emails == ["jan.peeters@stad.be"]


# --- 3. a lone question-mark heading in an article that is no interview -------------------------


def _fr_section_question() -> str:
    return (
        '<html lang="fr"><body><main><article><h1>Le canal change de visage</h1>'
        "<p>Le ministre Pascal Smet a présenté en avril le plan de la Région pour les quais du "
        "canal, entre Molenbeek et Anderlecht.</p><p>Le projet prévoit des logements, des "
        "ateliers et une promenade continue le long de l'eau.</p><h2>Pourquoi maintenant ?</h2>"
        "<p>Les premiers travaux ont commencé sur le quai nord, après des années de concertation "
        "avec les habitants. Le budget a été approuvé au printemps.</p>"
        '<p><a class="button" href="/fr/projets">Découvrir le projet</a></p>'
        "</article></main></body></html>"
    )


def _en_section_question() -> str:
    return (
        '<html lang="en"><body><main><div class="post"><h1 class="entry-title">New life for the '
        'old docks</h1><div class="entry-content"><p>In April the city unveiled its plan for the '
        "docks, with homes and workshops along the water.</p>"
        "<p><strong>What does it mean for residents?</strong></p><p>Next Spring the first works "
        "begin on the northern quay. Residents will be consulted in three districts before the "
        'summer.</p><div class="wp-block-buttons"><a class="wp-block-button__link" href="/plan">'
        "Read the plan</a></div></div></div></main></body></html>"
    )


def test_lone_question_heading_is_no_interview_fr() -> None:
    url = "https://example.org/fr/actualites/canal"
    record = extract_article(_fr_section_question(), url, profile=profile_for_url(url))
    assert record.qa == []
    assert "Les premiers travaux ont commencé" in (record.body or "")


def test_lone_bold_question_is_no_interview_en() -> None:
    url = "https://example.com/news/docks"
    record = extract_article(_en_section_question(), url, profile=profile_for_url(url))
    assert record.qa == []


# --- 4. the speaker: a person's full name, not a role phrase or a bare surname ------------------


def _nl_surname_labels() -> str:
    return (
        '<html lang="nl"><body><main><article><h1>Vijf vragen aan onze handelsattaché</h1>'
        "<p>Handelsattaché Anne Hendrickx werkt sinds 2019 in São Paulo voor Brusselse "
        "bedrijven.</p><p><b>Welke sectoren groeien?</b></p><p>Hendrickx: De zorg en de voeding "
        "groeien snel, en software ook.</p><p><b>Hoe help je ze?</b></p><p>Hendrickx: We zoeken "
        "partners en een kantoor in de regio.</p></article></main></body></html>"
    )


def _en_role_before_name() -> str:
    return (
        '<html lang="en"><body><main><div class="post"><h1 class="entry-title">Five questions for '
        'our office in Tokyo</h1><div class="entry-content"><p>Investment Commissioner Kenji '
        "Watanabe helps Japanese firms settle in Brussels.</p><h3>Which sectors are growing?</h3>"
        "<p>Health care and food are growing fast, and so is software.</p><h3>How do you help "
        "them?</h3><p>We find them an office and the right partners in the region.</p></div>"
        "</div></main></body></html>"
    )


def _fr_surname_labels() -> str:
    return (
        '<html lang="fr"><body><main><article><h1>Cinq questions à notre attachée</h1>'
        "<p>Notre Attachée Commerciale à Montréal, Julie Lambert, accompagne les entreprises "
        "bruxelloises.</p><p><strong>Quels secteurs progressent ?</strong></p><p>Lambert : La "
        "santé et l'alimentation progressent vite.</p><p><strong>Comment les aidez-vous ?"
        "</strong></p><p>Lambert : Nous trouvons des partenaires et un bureau.</p>"
        "</article></main></body></html>"
    )


def test_surname_label_and_role_word_give_the_full_name_nl() -> None:
    url = "https://example.org/nl/nieuws/brazilie"
    qa = extract_article(_nl_surname_labels(), url, profile=profile_for_url(url)).qa
    assert [p.speaker for p in qa] == ["Anne Hendrickx", "Anne Hendrickx"]
    assert qa[0].answer.startswith("De zorg")


def test_surname_label_gives_the_full_name_fr() -> None:
    url = "https://example.org/fr/actualites/montreal"
    qa = extract_article(_fr_surname_labels(), url, profile=profile_for_url(url)).qa
    assert [p.speaker for p in qa] == ["Julie Lambert", "Julie Lambert"]
    assert qa[1].answer.startswith("Nous trouvons")


def test_role_phrase_before_the_name_is_no_speaker_en() -> None:
    url = "https://example.com/news/tokyo"
    qa = extract_article(_en_role_before_name(), url, profile=profile_for_url(url)).qa
    assert [p.speaker for p in qa] == ["Kenji Watanabe", "Kenji Watanabe"]


# --- 2. an author box on a news site is no contact ----------------------------------------------

TEXT_EN = (
    "<p>The city unveiled its plan for a cycle bridge over the canal on Tuesday, due to open in "
    "2028.</p><p>Works start in the spring, after public consultations in three districts.</p>"
)


def test_byline_with_address_is_no_contact_fr() -> None:
    html = (
        '<html lang="fr"><body><main><article><h1>Un pont cyclable sur le canal</h1>'
        '<div class="meta"><span class="auteur">Jean Dupont</span> '
        '<a href="mailto:jean.dupont@journal.be">jean.dupont@journal.be</a> '
        f'<time datetime="2026-03-03">3 mars 2026</time></div>{TEXT_FR}'
        "</article></main></body></html>"
    )
    assert _contacts(html, "https://journal.example/actu/pont") == []


def test_author_box_after_the_text_is_no_contact_en() -> None:
    html = (
        '<html lang="en"><body><div class="wrap"><div class="post"><h1>A cycle bridge over the '
        f'canal</h1><div class="entry">{TEXT_EN}</div><div class="about"><img src="/sm.jpg" '
        'alt=""><h4>Sarah Miller</h4><p>Sarah covers urban planning and transport for the '
        "paper.</p><p>sarah.miller@dailypaper.com</p></div></div></div></body></html>"
    )
    assert _contacts(html, "https://dailypaper.example/news/bridge") == []


def test_bylined_author_in_an_aside_is_no_contact_nl() -> None:
    html = (
        '<html lang="nl"><body><main><article><h1>Een fietsbrug over het kanaal</h1>'
        f'<p>Door Pieter Claes</p>{TEXT_NL}<aside class="bio"><div><strong>Pieter Claes'
        '</strong><br>Redacteur mobiliteit<br><a href="mailto:pieter.claes@krant.be">'
        "pieter.claes@krant.be</a></div></aside></article></main></body></html>"
    )
    assert _contacts(html, "https://krant.example/nieuws/brug") == []


def test_contact_card_with_photo_and_phone_stays_a_contact_fr() -> None:
    html = (
        '<html lang="fr"><body><main><article><h1>Un pont cyclable sur le canal</h1>'
        f'{TEXT_FR}<h2>Contact</h2><div class="card"><img src="/cl.jpg" alt="">'
        "<p>Claire Lemaire</p><p>Conseillère export pour l'Amérique latine et les Caraïbes.</p>"
        '<p><a href="tel:+3224220011">+32 2 422 00 11</a></p>'
        '<p><a href="mailto:clemaire@hub.brussels">clemaire@hub.brussels</a></p></div>'
        "</article></main></body></html>"
    )
    [contact] = _contacts(html, "https://hub.brussels/fr/actualites/pont")
    assert contact.name == "Claire Lemaire"
    assert contact.phones == ["+3224220011"]


# --- 5. a role phrase of two capitalised words is never the speaker -----------------------------


def _role_phrase_interview(lang: str, intro: str, turns: list[tuple[str, str]], url: str) -> str:
    qa = "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in turns)
    return (
        f'<html lang="{lang}"><body><main><article><h1>Exporting: the view from abroad</h1>'
        f'<p class="intro">{intro}</p>{qa}</article></main></body></html>'
    )


def test_a_capitalised_role_after_the_name_is_not_the_speaker() -> None:
    url = "https://hub.brussels/en/news/chile-copper-coast/"
    html = _role_phrase_interview(
        "en",
        "Sofia Marchetti, our Trade &amp; Investment Commissioner in Santiago, tells us where the "
        "openings are.",
        [
            (
                "What do Chilean buyers want?",
                "Reliable delivery and technical support in Spanish, more than a low price.",
            ),
            ("Which sectors grow fastest?", "Mining services, water treatment and solar energy."),
        ],
        url,
    )
    qa = extract_article(html, url, profile=profile_for_url(url)).qa
    assert [p.speaker for p in qa] == ["Sofia Marchetti", "Sofia Marchetti"]


def test_a_capitalised_role_before_the_name_is_not_the_speaker_nl() -> None:
    url = "https://hub.brussels/nl/nieuws/seoel-cosmetica/"
    html = _role_phrase_interview(
        "nl",
        "Onze Investment Commissioner in Seoel, Eva Janssens, legt uit waarom Koreaanse kopers "
        "Belgische cosmetica zoeken.",
        [
            ("Wat zoeken Koreaanse kopers?", "Natuurlijke ingrediënten en een duidelijk verhaal."),
            ("Hoe begin je eraan?", "Met een distributeur die de regels voor etiketten kent."),
        ],
        url,
    )
    qa = extract_article(html, url, profile=profile_for_url(url)).qa
    assert [p.speaker for p in qa] == ["Eva Janssens", "Eva Janssens"]
