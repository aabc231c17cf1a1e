"""Leftovers after (or between) the text's paragraphs that are no text, and text paragraphs the
body must keep; each kind on a hub.brussels-like page and on a news page of another template:
a share line ("Partager :" / "Delen:" / "Share:" and links to share endpoints or icons), a
photo credit in `<em>` under a picture's own block, a call to action boxed between sections
(a title line, a sentence and one button), and the text's first paragraph beside a standfirst."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.sites import profile_for_url

HUB_FR = "https://hub.brussels/fr/news/mission-economique-au-maroc/"
HUB_NL = "https://hub.brussels/nl/news/handelsmissie-naar-marokko/"
NEWS_EN = "https://www.harbourgazette.example/business/2027/04/02/port-record"
NEWS_NL = "https://www.dagbladzuid.example/economie/haven-record"

FR = [
    "hub.brussels organise du 12 au 15 mai une mission économique au Maroc pour les entreprises "
    "bruxelloises actives dans la construction durable et les énergies renouvelables.",
    "Le programme prévoit des rencontres avec des donneurs d'ordre à Casablanca et à Rabat, une "
    "visite de chantier et une réception à la résidence de l'ambassadeur de Belgique.",
    "Les entreprises participantes bénéficient d'un accompagnement personnalisé par nos "
    "attachés économiques et commerciaux, avant, pendant et après la mission.",
]
NL = [
    "hub.brussels organiseert van 12 tot 15 mei een handelsmissie naar Marokko voor Brusselse "
    "bedrijven die actief zijn in duurzaam bouwen en hernieuwbare energie.",
    "Het programma omvat ontmoetingen met opdrachtgevers in Casablanca en Rabat, een bezoek aan "
    "een werf en een receptie in de residentie van de Belgische ambassadeur.",
    "De deelnemende bedrijven krijgen persoonlijke begeleiding van onze economische en "
    "handelsattachés, voor, tijdens en na de missie, en een verslag achteraf.",
]
EN = [
    "The port handled a record volume of cargo last year, officials said on Tuesday, as exports "
    "of liquefied natural gas and grain kept growing despite the slowdown elsewhere.",
    "Container traffic rose by nine per cent, while the number of cruise passengers returned to "
    "its level of before the pandemic for the first time, the port authority said.",
    "The authority plans to deepen the main channel next year so that the largest ships can "
    "call at the terminal at any tide, a project that has been debated for a decade.",
]


def _p(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _hub(url: str, lang: str, content: str, before: str = "") -> tuple[str | None, str]:
    html = (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>Mission | hub.brussels</title>'
        '</head><body><header><nav><a href="/">hub.brussels</a></nav></header><main>'
        f'<div class="news-detail"><h1>Mission économique au Maroc</h1>{before}'
        f'<div class="news-detail__content">{content}</div></div></main>'
        "<footer><p>hub.brussels · Boulevard du Jardin Botanique 20 · 1000 Bruxelles</p>"
        "</footer></body></html>"
    )
    article = extract_article(html, url, profile=profile_for_url(url))
    return article.lead, article.body or ""


def _news(url: str, lang: str, content: str, before: str = "") -> tuple[str | None, str]:
    html = (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>Port record - Gazette</title>'
        '</head><body><div id="page"><div class="layout"><article class="story">'
        f'<h1 class="story__headline">The port sets a record</h1>{before}'
        f'<section class="story__text">{content}</section></article>'
        '<div class="rail"><h3>Most read</h3><ul><li><a href="/a">One story</a></li>'
        '<li><a href="/b">Another story</a></li></ul></div></div></div></body></html>'
    )
    article = extract_article(html, url, profile=profile_for_url(url))
    return article.lead, article.body or ""


def _paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


def _text(texts: list[str], lead: str | None) -> list[str]:
    """The paragraphs the body holds: all but the one the lead took."""
    return [t for t in texts if t != lead]


#: A short line closing the page after the share line: text the body keeps.
CLOSE_FR = "<p>Plus d'informations suivront dans les prochains jours.</p>"
CLOSE_NL = "<p>Meer informatie volgt in de komende dagen.</p>"
CLOSE_EN = "<p>More details will follow in the coming days.</p>"


# 1. A share line after the text --------------------------------------------------------------


def _share(page_url: str, label: str) -> str:
    from urllib.parse import quote

    u = quote(page_url, safe="")
    return (
        f'<p class="share">{label} '
        f'<a href="https://www.facebook.com/sharer/sharer.php?u={u}">Facebook</a> '
        f'<a href="https://www.linkedin.com/sharing/share-offsite/?url={u}">LinkedIn</a> '
        f'<a href="mailto:?subject=Mission&amp;body={u}">E-mail</a></p>'
    )


def _icon_share(page_url: str, label: str) -> str:
    from urllib.parse import quote

    u = quote(page_url, safe="")
    return (
        f'<div class="social"><span>{label}</span>'
        f'<a href="https://twitter.com/intent/tweet?url={u}"><i class="icon-x"></i></a>'
        f'<a href="https://wa.me/?text={u}"><svg><path d="M0 0"/></svg></a>'
        '<a href="#" class="copy-link"><i class="icon-link"></i></a></div>'
    )


def test_a_share_line_after_a_hub_text_leaves_the_body() -> None:
    lead, body = _hub(HUB_FR, "fr", _p(FR) + _share(HUB_FR, "Partager :") + CLOSE_FR)
    assert "Partager" not in body and "Facebook" not in body
    assert _paragraphs(body) == [
        *_text(FR, lead),
        "Plus d'informations suivront dans les prochains jours.",
    ]
    lead, body = _hub(HUB_NL, "nl", _p(NL) + _icon_share(HUB_NL, "Delen:") + CLOSE_NL)
    assert "Delen" not in body
    assert _paragraphs(body) == [*_text(NL, lead), "Meer informatie volgt in de komende dagen."]


def test_a_share_line_after_a_news_text_leaves_the_body() -> None:
    lead, body = _news(NEWS_EN, "en", _p(EN) + _icon_share(NEWS_EN, "Share:") + CLOSE_EN)
    assert "Share" not in body
    assert _paragraphs(body) == [*_text(EN, lead), "More details will follow in the coming days."]
    lead, body = _news(NEWS_NL, "nl", _p(NL) + _share(NEWS_NL, "Delen:") + CLOSE_NL)
    assert "Delen" not in body and "LinkedIn" not in body
    assert _paragraphs(body) == [*_text(NL, lead), "Meer informatie volgt in de komende dagen."]


def test_a_share_label_on_its_own_line_before_icon_links_leaves_the_body() -> None:
    from urllib.parse import quote

    u = quote(NEWS_EN, safe="")
    share = (
        "<p>Share:</p>"
        f'<p><a href="https://www.facebook.com/sharer/sharer.php?u={u}">'
        '<img src="fb.svg" alt="Facebook"></a> '
        f'<a href="https://bsky.app/intent/compose?text={u}"><img src="bs.svg" alt="Bluesky"></a>'
        "</p>"
    )
    lead, body = _news(NEWS_EN, "en", _p(EN) + share + CLOSE_EN)
    assert "Share" not in body and "Facebook" not in body
    assert _paragraphs(body) == [*_text(EN, lead), "More details will follow in the coming days."]


def test_a_closing_line_with_links_to_sources_stays() -> None:
    """A sentence after the text linking to other sites is the text's, not a share line."""
    sources = (
        '<p>Read the full report on <a href="https://www.portauthority.example/report">the '
        'authority\'s site</a> and the <a href="https://stats.example/cargo">cargo '
        "statistics</a>.</p>"
    )
    _, body = _news(NEWS_EN, "en", _p(EN) + sources)
    assert "Read the full report" in body


def test_a_short_line_naming_its_sources_is_no_share_line() -> None:
    """A label and links to other sites that do not carry the page's address: sources."""
    line = (
        '<p>Sources : <a href="https://www.nbb.be/fr/rapport-annuel">BNB</a>, '
        '<a href="https://statbel.fgov.be/fr/themes/commerce">Statbel</a></p>'
    )
    lead, body = _hub(HUB_FR, "fr", _p(FR) + line + CLOSE_FR)
    assert "Sources : BNB, Statbel" in _paragraphs(body)


# 2. A photo credit in <em> under a picture's block ------------------------------------------


def test_a_credit_under_a_picture_paragraph_leaves_a_hub_body() -> None:
    content = (
        f"<p>{FR[0]}</p>"
        '<p><img src="casablanca.jpg" alt="Casablanca"></p>'
        "<p><em>Photo : Jean Dupont / hub.brussels.</em></p>"
        f"<p>{FR[1]}</p><p>{FR[2]}</p>"
    )
    lead, body = _hub(HUB_FR, "fr", content)
    assert "Dupont" not in body
    assert _paragraphs(body) == _text(FR, lead)
    content = (
        f"<p>{NL[0]}</p>"
        '<figure class="image"><img src="rabat.jpg" alt=""></figure>'
        "<p><em>© Piet Janssens</em></p>"
        f"<p>{NL[1]}</p><p>{NL[2]}</p>"
    )
    lead, body = _hub(HUB_NL, "nl", content)
    assert "Janssens" not in body
    assert _paragraphs(body) == _text(NL, lead)


def test_a_credit_under_a_picture_block_leaves_a_news_body() -> None:
    content = (
        f"<p>{EN[0]}</p>"
        '<div class="img"><img src="port.jpg" alt=""></div>'
        "<small>© Maria Lopez / Reuters</small>"
        f"<p>{EN[1]}</p><p>{EN[2]}</p>"
    )
    lead, body = _news(NEWS_EN, "en", content)
    assert "Lopez" not in body
    assert _paragraphs(body) == _text(EN, lead)
    content = (
        f"<p>{NL[0]}</p>"
        '<p><a href="/media/haven.jpg"><img src="haven.jpg" alt=""></a><br>'
        "<em>Foto: Piet Janssens</em></p>"
        f"<p>{NL[1]}</p><p>{NL[2]}</p>"
    )
    lead, body = _news(NEWS_NL, "nl", content)
    assert "Janssens" not in body
    assert _paragraphs(body) == _text(NL, lead)


def test_an_emphasised_sentence_after_a_picture_stays() -> None:
    """A sentence of the text in italics after a picture is no credit, nor a plain line
    opening with a credit's label and ending like a sentence."""
    line = "Photo opportunities were rare: the authority kept journalists off the quays."
    content = f'<p>{EN[0]}</p><p><img src="port.jpg"></p><p><em>{line}</em></p>{_p(EN[1:])}'
    _, body = _news(NEWS_EN, "en", content)
    assert line in _paragraphs(body)
    line = "Photo: the authority kept every journalist off the quays."
    content = f'<p>{EN[0]}</p><p><img src="port.jpg"></p><p>{line}</p>{_p(EN[1:])}'
    _, body = _news(NEWS_EN, "en", content)
    assert line in _paragraphs(body)


# 3. A call to action boxed between sections ---------------------------------------------------


def _cta(title: str, blurb: str, button: str, href: str) -> str:
    return (
        f'<div class="cta-block"><p class="cta-block__title">{title}</p><p>{blurb}</p>'
        f'<p><a class="btn btn-primary" href="{href}">{button}</a></p></div>'
    )


def test_a_call_to_action_between_hub_sections_leaves_the_body() -> None:
    content = (
        f"<h2>Le programme</h2>{_p(FR[:2])}"
        + _cta(
            "Intéressé ?",
            "Inscrivez-vous à la mission avant le 15 avril.",
            "S'inscrire",
            "/fr/events/mission-maroc/inscription/",
        )
        + f"<h2>Accompagnement</h2><p>{FR[2]}</p>"
    )
    lead, body = _hub(HUB_FR, "fr", content)
    assert "Intéressé" not in body and "S'inscrire" not in body
    assert _paragraphs(body) == _text(["Le programme", *FR[:2], "Accompagnement", FR[2]], lead)


def test_a_call_to_action_between_news_sections_leaves_the_body() -> None:
    content = (
        f"<h2>Record year</h2>{_p(EN[:2])}"
        '<section class="promo"><div><span class="h">Interested?</span></div>'
        "<div>Register for the trade mission to the port this spring.</div>"
        '<div><a class="button" href="https://events.example/port-mission">Register</a></div>'
        "</section>"
        f"<h2>Deeper channel</h2><p>{EN[2]}</p>"
    )
    lead, body = _news(NEWS_EN, "en", content)
    assert "Interested" not in body and "Register" not in body
    assert _paragraphs(body) == _text(["Record year", *EN[:2], "Deeper channel", EN[2]], lead)


def test_a_section_ending_with_a_link_stays() -> None:
    """A section of the text in its own box, ending with a link line, is text: its paragraphs
    run long."""
    content = (
        _p(EN[:1]) + f'<div class="section"><p>{EN[1]}</p><p>{EN[2]}</p>'
        '<p><a href="https://www.portauthority.example/report">Full report</a></p></div>'
    )
    _, body = _news(NEWS_EN, "en", content)
    assert EN[1] in body and EN[2] in body


# 4. The text's first paragraph beside a standfirst ------------------------------------------

STANDFIRST_FR = (
    "Une mission pour les entreprises bruxelloises de la construction durable, du 12 au 15 mai."
)
STANDFIRST_NL = "Een missie voor Brusselse bedrijven uit de duurzame bouw, van 12 tot 15 mei."
STANDFIRST_EN = "Cargo volumes hit a record as gas exports grew, the port authority said."


def test_the_intro_paragraph_stays_beside_a_hub_standfirst() -> None:
    before = f'<div class="chapo"><p>{STANDFIRST_FR}</p></div>'
    content = f'<p class="intro">{FR[0]}</p>{_p(FR[1:])}'
    lead, body = _hub(HUB_FR, "fr", content, before)
    assert lead == STANDFIRST_FR
    assert _paragraphs(body) == FR
    content = f'<div class="intro-text"><p>{NL[0]}</p></div>{_p(NL[1:])}'
    lead, body = _hub(HUB_NL, "nl", content, before.replace(STANDFIRST_FR, STANDFIRST_NL))
    assert lead == STANDFIRST_NL
    assert _paragraphs(body) == NL


def test_the_intro_paragraph_stays_beside_a_news_standfirst() -> None:
    content = f'<p class="standfirst">{STANDFIRST_EN}</p><p class="lead-paragraph">{EN[0]}</p>'
    lead, body = _news(NEWS_EN, "en", content + _p(EN[1:]))
    assert lead == STANDFIRST_EN
    assert _paragraphs(body) == EN


def test_a_lead_paragraph_alone_is_still_the_lead() -> None:
    """With no standfirst before it, a paragraph marked as the lead is the lead, not text."""
    content = f'<p class="lead-paragraph">{EN[0]}</p>' + _p(EN[1:])
    lead, body = _news(NEWS_EN, "en", content)
    assert lead == EN[0]
    assert _paragraphs(body) == EN[1:]
