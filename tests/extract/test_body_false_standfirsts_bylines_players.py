"""Body kinds (false standfirsts, byline lines, player lines): structure that tells the article's
text from what sits around it, on news pages of several CMSs and languages written here (each kind
on a page and a sibling)."""

from __future__ import annotations

from scraper.extract import extract_article

NL_P = [
    "Het kabinet trekt volgend jaar 300 miljoen euro extra uit voor de jeugdzorg. Dat heeft "
    "minister Van Dijk bekendgemaakt na overleg met de gemeenten.",
    "Gemeenten klagen al jaren dat ze te weinig geld krijgen voor de zorg die ze sinds 2015 moeten "
    "regelen. Veel gemeenten sloten de afgelopen jaren met een tekort af.",
    "Het extra geld is vooral bedoeld om de wachtlijsten te verkorten. Kinderen wachten nu "
    "gemiddeld veertien weken op hulp van een jeugdzorginstelling.",
    "De Vereniging van Nederlandse Gemeenten noemt het bedrag een eerste stap, maar zegt dat er "
    "structureel meer geld nodig is.",
]
EN_P = [
    "The city council voted seven to two on Monday night to end free parking downtown on Sundays, "
    "the first change to the rules since 1987.",
    "Council member Dana Ruiz, who proposed the change, said the city loses about $340,000 a year "
    "in revenue because of the free Sunday spaces.",
    "Business owners on Main Street were split. Some said the change would drive away shoppers; "
    "others said a faster turnover of spaces would help them.",
    "Meters will start charging on Sundays from July 1. Residents with a downtown permit will not "
    "be affected by the change, the council said.",
]
FR_P = [
    "Un incendie s'est déclaré dans la nuit de samedi à dimanche dans un entrepôt de la zone "
    "artisanale de Kerlo, à Quimperlé. Aucun blessé n'est à déplorer.",
    "Les pompiers ont été alertés vers 2 h 30 par un voisin. Une quarantaine de sapeurs-pompiers "
    "venus de cinq centres de secours ont été mobilisés.",
    "Le bâtiment, d'une surface de 1 500 m², abritait un stock de palettes et de matériel "
    "agricole. Il est entièrement détruit.",
    "La gendarmerie a ouvert une enquête pour déterminer l'origine du sinistre. Le propriétaire, "
    "joint dimanche matin, se dit sous le choc.",
]


def _record(html: str, url: str) -> tuple[str | None, str]:
    record = extract_article(html, url)
    return record.lead, "\n\n".join(x for x in (record.lead, record.body) if x)


# 1. A standfirst opens the text. An element a lead selector matches (`[class*=subtitle]`,
# `[class*=intro]`) after a paragraph of the text, or after the text's container (a rail's box),
# is no standfirst: a subheading of class `sc-subtitle` stays a subheading in its place.


def test_subheading_of_class_subtitle_inside_the_text_is_no_standfirst() -> None:
    html = (
        "<html lang='nl'><head><title>Kabinet trekt 300 miljoen extra uit voor jeugdzorg</title>"
        "</head><body><header><a href='/'>Omroep</a></header><main><article class='sc-article'>"
        "<h1 class='sc-title'>Kabinet trekt 300 miljoen extra uit voor jeugdzorg</h1>"
        "<div class='sc-text'>"
        f"<div class='sc-text-block'>{NL_P[0]}</div><div class='sc-text-block'>{NL_P[1]}</div>"
        "<h2 class='sc-subtitle'>Wachtlijsten</h2>"
        f"<div class='sc-text-block'>{NL_P[2]}</div><div class='sc-text-block'>{NL_P[3]}</div>"
        "</div></article></main><footer><p>© Omroep</p></footer></body></html>"
    )
    lead, text = _record(html, "https://omroep.example/artikel/2500123-jeugdzorg")
    assert lead != "Wachtlijsten"
    assert text.index(NL_P[1]) < text.index("Wachtlijsten") < text.index(NL_P[2])


def test_intro_paragraph_further_down_the_text_is_no_standfirst() -> None:
    html = (
        "<html lang='fr'><head><title>Un entrepôt détruit par un incendie</title></head><body>"
        "<div class='page'><article><h1>Un entrepôt détruit par un incendie</h1>"
        f"<div class='article-texte'><p>{FR_P[0]}</p><p>{FR_P[1]}</p>"
        "<p class='intro-encadre'>Ce que l'on sait à cette heure sur l'origine de l'incendie "
        "et sur les suites de l'enquête.</p>"
        f"<p>{FR_P[2]}</p><p>{FR_P[3]}</p></div></article></div></body></html>"
    )
    lead, text = _record(html, "https://www.ouest.example/bretagne/incendie-kerlo.html")
    assert lead is None or lead.startswith("Un incendie")
    assert text.index(FR_P[1]) < text.index("Ce que l'on sait") < text.index(FR_P[2])


def test_rail_box_after_the_text_is_no_standfirst() -> None:
    html = (
        "<html lang='en'><head><title>Council ends free Sunday parking</title></head><body>"
        "<main class='wrapper'><div class='main-col'><h1>Council ends free Sunday parking</h1>"
        f"<div class='article-body'><p>{EN_P[0]}</p><p>{EN_P[1]}</p><p>{EN_P[2]}</p>"
        f"<p>{EN_P[3]}</p></div></div>"
        "<div class='right-rail'><div class='games-intro'><h4>Our Online Games</h4>"
        "<p>Play right from this page, every day, with new puzzles each morning</p></div>"
        "</div></main></body></html>"
    )
    lead, text = _record(html, "https://www.ledger.example/local/2026/04/07/sunday-parking/")
    assert "Online Games" not in text and "Play right" not in (lead or "")
    assert all(p in text for p in EN_P)


def test_rail_intro_box_after_a_dutch_text_is_no_standfirst() -> None:
    html = (
        "<html lang='nl'><head><title>Kabinet trekt 300 miljoen extra uit</title></head><body>"
        "<main class='layout'><section class='content'><h1>Kabinet trekt 300 miljoen extra uit</h1>"
        f"<div class='artikel-tekst'><p>{NL_P[0]}</p><p>{NL_P[1]}</p><p>{NL_P[2]}</p>"
        f"<p>{NL_P[3]}</p></div></section>"
        "<div class='zijbalk'><div class='podcast-intro'><p>Luister elke ochtend naar de "
        "nieuwspodcast van de redactie, met het belangrijkste nieuws van de dag</p></div></div>"
        "</main></body></html>"
    )
    lead, text = _record(html, "https://www.krant.example/binnenland/jeugdzorg-geld")
    assert "nieuwspodcast" not in text
    assert all(p in text for p in NL_P)


# 2. The line under a headline giving the site, the dates and the authors with their roles
# ("Le Monde | 04.05.2015 à 13h36 • Mis à jour … | Par Martin Untersinger (avec …)") is a meta
# line although its credit runs longer than a meta line's piece: neither lead nor text.


def test_dated_byline_line_under_the_headline_is_no_standfirst() -> None:
    html = (
        "<html lang='fr'><head><title>Loi sur le renseignement</title></head><body>"
        "<div class='global'><h1 class='tt2'>Loi sur le renseignement : les députés disent oui</h1>"
        "<p class='bloc_signature'>Le Quotidien | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 "
        "à 20h13 | Par Martin Untersinger (avec Damien Leloup et Morgane Tual)</p>"
        f"<div class='contenu_article'><p>{FR_P[0]}</p><p>{FR_P[1]}</p><p>{FR_P[2]}</p>"
        f"<p>{FR_P[3]}</p></div></div></body></html>"
    )
    lead, text = _record(html, "https://www.quotidien.example/pixels/article/2015/05/05/loi.html")
    assert "Untersinger" not in text
    assert all(p in text for p in FR_P)


def test_dated_byline_line_inside_a_dutch_article_is_left_out() -> None:
    html = (
        "<html lang='nl'><head><title>Kabinet trekt 300 miljoen extra uit</title></head><body>"
        "<main><article><h1>Kabinet trekt 300 miljoen extra uit</h1>"
        "<div class='artikel-tekst'><p>Binnenland · 2 juni 2026, 14:05 · Door Jan de Vries en "
        "Pieter Bakker, verslaggevers Den Haag en Utrecht</p>"
        f"<p>{NL_P[0]}</p><p>{NL_P[1]}</p><p>{NL_P[2]}</p><p>{NL_P[3]}</p>"
        "</div></article></main></body></html>"
    )
    lead, text = _record(html, "https://www.krant.example/binnenland/jeugdzorg-geld")
    assert "Pieter Bakker" not in text
    assert all(p in text for p in NL_P)


def test_a_sentence_cut_by_dashes_stays() -> None:
    sentence = "By March 2027 – the council says – every meter downtown will take cards and phones"
    html = (
        "<html lang='en'><head><title>Council ends free Sunday parking</title></head><body>"
        "<main><article><h1>Council ends free Sunday parking</h1>"
        f"<div class='story'><p>{EN_P[0]}</p><p>{EN_P[1]}</p><p>{sentence}</p><p>{EN_P[2]}</p>"
        "</div></article></main></body></html>"
    )
    lead, text = _record(html, "https://www.ledger.example/local/2026/04/07/sunday-parking/")
    assert sentence in text


# 3. Between the headline and the text's first paragraph, short lines in boxes of their own
# (outside the element holding the text) are the header's: a subscribers' label, a video
# player's title, duration and transcript link. A short line inside the text's element opens
# the text and stays.


def test_subscribers_label_between_headline_and_text_is_left_out() -> None:
    html = (
        "<html lang='fr'><head><title>Un entrepôt détruit par un incendie</title></head><body>"
        "<article class='article-detail'><h1 class='titre'>Un entrepôt détruit par un incendie</h1>"
        "<div class='article-abonne'><span>Article réservé aux abonnés</span></div>"
        f"<div class='article-texte'><p>{FR_P[0]}</p><p>{FR_P[1]}</p><p>{FR_P[2]}</p>"
        f"<p>{FR_P[3]}</p></div></article></body></html>"
    )
    lead, text = _record(html, "https://www.ouest.example/bretagne/incendie-kerlo.html")
    assert "réservé aux abonnés" not in text
    assert all(p in text for p in FR_P)


def test_video_player_lines_above_a_dutch_text_are_left_out() -> None:
    html = (
        "<html lang='nl'><head><title>Kabinet trekt 300 miljoen extra uit</title></head><body>"
        "<main><article class='sc-article'><h1>Kabinet trekt 300 miljoen extra uit</h1>"
        "<div class='sc-player'><div class='sc-video-title'>Video: Minister over extra geld</div>"
        "<div class='sc-video-duration'>01:45</div>"
        "<div class='sc-transcript'>Bekijk de transcriptie van deze video</div></div>"
        f"<div class='sc-text'><div class='sc-block'>{NL_P[0]}</div>"
        f"<div class='sc-block'>{NL_P[1]}</div><div class='sc-block'>{NL_P[2]}</div>"
        f"<div class='sc-block'>{NL_P[3]}</div></div></article></main></body></html>"
    )
    lead, text = _record(html, "https://omroep.example/artikel/2500123-jeugdzorg")
    assert "transcriptie" not in text and "Minister over extra geld" not in text
    assert all(p in text for p in NL_P)


def test_short_opening_line_inside_the_text_stays() -> None:
    opening = "Sunday parking is over downtown"
    html = (
        "<html lang='en'><head><title>Council ends free Sunday parking</title></head><body>"
        "<main><article><h1>Council ends free Sunday parking</h1>"
        f"<div class='story'><p>{opening}</p><p>{EN_P[0]}</p><p>{EN_P[1]}</p><p>{EN_P[2]}</p>"
        "</div></article></main></body></html>"
    )
    lead, text = _record(html, "https://www.ledger.example/local/2026/04/07/sunday-parking/")
    assert opening in text
