"""Two kinds of miss, each on a page written here and on a sibling of another template or language.

1. An announcement (a joint stand at a fair, a call for applications) whose section headings ask
   ("Wer kann teilnehmen?", "Qui peut participer ?") over impersonal sections, on a news page
   that names NO contact at all, and whose introduction names a third party as organiser or
   event ("Die Handelskammer Hamburg lädt … auf der Hannover Messe ein", "la Foire de Paris"):
   the capitalised pair an article governs ("der Hannover Messe", "la Foire de Paris") is a thing,
   no person the answers could belong to, so the sections are no turns and stay in the body
   (generic and hub.brussels pages, de and fr). Siblings: interviews whose introduction writes
   such a fair beside the interviewee's name keep their turns, answered by the person, not by
   the fair.
2. A "latest news" ticker before the article (and a related list after it) whose items are
   articles but for one agenda or event page (`/nl/agenda/webinar-…`, `/en/events/…`) in the
   very markup of its siblings (a title and a date): the article items are the related cards, in
   document order; the event page is no article (as the frozen split of issue 10 says of an
   agenda card among related cards), nor are a link of the same list in other markup ("All
   events") and the footer's menu.
"""

from __future__ import annotations

import pytest

from tests.extract.reading import read as _read

_Sections = list[tuple[str, list[str]]]


def _sections(sections: _Sections, tag: str = "h2") -> str:
    return "".join(
        f"<{tag}>{q}</{tag}>" + "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in ps)
        for q, ps in sections
    )


# --- 1. announcements organised by a third party: no turns ----------------------------------

_DE_SECTIONS = [
    (
        "Wer kann teilnehmen?",
        [
            "Der Stand richtet sich an kleine und mittlere Unternehmen aus Hamburg und "
            "Schleswig-Holstein mit einem Angebot in der Automatisierung.",
        ],
    ),
    (
        "Was kostet die Teilnahme?",
        [
            "Die Standfläche kostet 2.400 Euro pro Unternehmen, Strom und Reinigung inbegriffen.",
            "<ul><li>Katalogeintrag</li><li>Besprechungsraum</li><li>Empfang am Messeabend</li>"
            "</ul>",
        ],
    ),
    (
        "Wie läuft die Anmeldung?",
        ["Die Anmeldung läuft über das Online-Formular bis zum 15. Februar 2027."],
    ),
]


def _generic_de() -> tuple[str, str, _Sections]:
    url = "https://www.wirtschaft-nord.example/nachrichten/2027/01/12/gemeinschaftsstand-hannover"
    html = (
        '<html lang="de"><head><meta charset="utf-8"><title>Gemeinschaftsstand in Hannover | '
        "Wirtschaft Nord</title></head><body><header class='site-header'><nav>"
        "<a href='/'>Start</a><a href='/nachrichten'>Nachrichten</a></nav></header>"
        "<main><article class='news-detail'><h1>Gemeinschaftsstand in Hannover: jetzt anmelden"
        "</h1><p class='meta'>12. Januar 2027</p><div class='news-text'>"
        "<p>Die Handelskammer Hamburg lädt Unternehmen aus dem Norden zur Teilnahme am "
        "Gemeinschaftsstand auf der Hannover Messe vom 12. bis 16. April 2027 ein.</p>"
        + _sections(_DE_SECTIONS)
        + "</div></article></main><footer class='site-footer'><p>© 2027 Wirtschaft Nord</p>"
        "</footer></body></html>"
    )
    return html, url, _DE_SECTIONS


_FR_SECTIONS = [
    (
        "Qui peut participer ?",
        [
            "Le village est ouvert aux artisans et aux jeunes marques belges de la décoration, "
            "de la mode et de l'alimentation fine.",
        ],
    ),
    (
        "Combien coûte la participation ?",
        ["Un module de 6 m² coûte 1 900 euros hors TVA, mobilier et électricité compris."],
    ),
    (
        "Comment poser sa candidature ?",
        ["Les dossiers sont à envoyer avant le 31 janvier 2027 via le formulaire en ligne."],
    ),
]


def _hub_fr() -> tuple[str, str, _Sections]:
    url = "https://hub.brussels/fr/actualites/appel-a-candidatures-village-belge-foire-de-paris/"
    html = (
        '<html lang="fr"><head><meta charset="utf-8"><title>Appel à candidatures : un village '
        "belge à Paris - hub.brussels</title></head><body><div class='wrapper'>"
        "<header class='header'><nav class='menu'><a href='/fr/'>Accueil</a>"
        "<a href='/fr/actualites/'>Actualités</a></nav></header><main class='content'>"
        "<h1 class='entry-title'>Appel à candidatures : un village belge à Paris</h1>"
        "<p class='date'>8 janvier 2027</p><div class='entry-content'>"
        "<p>Du 30 avril au 11 mai 2027, la Foire de Paris accueille un village d'artisans "
        "belges, organisé avec la Chambre de commerce belgo-française.</p>"
        + _sections(_FR_SECTIONS, "h3")
        + "</div></main><footer class='footer'><p>© hub.brussels</p></footer></div></body></html>"
    )
    return html, url, _FR_SECTIONS


_ANNOUNCEMENTS = {"generic_de": _generic_de, "hub_fr": _hub_fr}


@pytest.mark.parametrize("template", sorted(_ANNOUNCEMENTS))
def test_question_headings_of_a_third_party_announcement_are_no_interview(template: str) -> None:
    html, url, sections = _ANNOUNCEMENTS[template]()
    record = _read(html, url)
    assert record.qa == []
    for question, paragraphs in sections:
        assert question in (record.body or "")
        assert all(p.startswith("<") or p in (record.body or "") for p in paragraphs)


# siblings: interviews whose introduction writes the fair beside the interviewee


def test_an_interview_at_a_fair_is_answered_by_the_person_not_the_fair_de() -> None:
    url = "https://www.wirtschaft-nord.example/nachrichten/2027/04/14/roboter-aus-kiel"
    html = (
        '<html lang="de"><head><meta charset="utf-8"><title>Roboter aus Kiel | Wirtschaft Nord'
        "</title></head><body><main><article class='news-detail'><h1>Roboter aus Kiel</h1>"
        "<p class='meta'>14. April 2027</p><div class='news-text'>"
        "<p>Auf der Hannover Messe zeigt Anna Weber ihre Greifarme für Lagerhallen.</p>"
        "<h2>Warum Hannover?</h2><p>Ich treffe hier in einer Woche mehr Kunden als sonst in "
        "einem Jahr.</p><h2>Was ist neu?</h2><p>Wir haben den Greifer um die Hälfte leichter "
        "gemacht.</p></div></article></main></body></html>"
    )
    qa = _read(html, url).qa
    assert [p.question for p in qa] == ["Warum Hannover?", "Was ist neu?"]
    assert {p.speaker for p in qa} == {"Anna Weber"}


def test_an_interview_at_a_fair_is_answered_by_the_person_not_the_fair_fr() -> None:
    url = "https://www.eco-bruxelles.example/fr/articles/bougies-d-anderlecht-a-paris"
    html = (
        '<html lang="fr"><head><meta charset="utf-8"><title>Des bougies d’Anderlecht à Paris'
        "</title></head><body><div class='post'><h1>Des bougies d’Anderlecht à Paris</h1>"
        "<p>Cette semaine, la Foire de Paris accueille Margaux Lejeune et ses bougies à la "
        "cire de colza.</p><h3>Pourquoi Paris ?</h3><p>J’y vends déjà en ligne, et je voulais rencontrer "
        "mes clientes.</p><h3>Et ensuite ?</h3><p>Nous ouvrons une boutique à Lille cet été."
        "</p></div></body></html>"
    )
    qa = _read(html, url).qa
    assert [p.question for p in qa] == ["Pourquoi Paris ?", "Et ensuite ?"]
    assert {p.speaker for p in qa} == {"Margaux Lejeune"}


# --- 2. an agenda item among the article cards of a ticker or a related list ------------------

_NL_ITEMS = [
    (
        "/nl/nieuws/vlaamse-bedrijven-trekken-naar-osaka",
        "Vlaamse bedrijven trekken naar de wereldtentoonstelling in Osaka",
        "2026-03-10",
    ),
    (
        "/nl/agenda/webinar-exporteren-naar-japan",
        "Webinar: exporteren naar Japan in vijf stappen",
        "2026-03-09",
    ),
    (
        "/nl/nieuws/nieuwe-subsidie-voor-kmo-s-die-willen-exporteren",
        "Nieuwe subsidie voor kmo's die willen exporteren",
        "2026-03-08",
    ),
]


def test_a_latest_news_ticker_before_the_article_gives_its_articles_not_its_agenda_item() -> None:
    host = "https://www.exportnieuws.example"
    ticker = "".join(
        f"<li class='ticker__item'><a href='{href}'>{title}</a>"
        f"<time datetime='{day}'>{day}</time></li>"
        for href, title, day in _NL_ITEMS
    )
    html = (
        '<html lang="nl"><head><meta charset="utf-8"><title>Handelsmissie naar Vietnam | '
        "Exportnieuws</title></head><body><header><nav><a href='/nl'>Home</a>"
        "<a href='/nl/nieuws'>Nieuws</a><a href='/nl/agenda'>Agenda</a></nav></header><main>"
        f"<section class='ticker'><h2>Laatste nieuws</h2><ul>{ticker}</ul>"
        "<p class='ticker__more'><a href='/nl/agenda/alle-evenementen-van-dit-voorjaar'>Alle "
        "evenementen van dit voorjaar bekijken</a></p></section>"
        "<article><h1>Handelsmissie naar Vietnam</h1><time datetime='2026-03-11'>11 maart 2026"
        "</time><p>Twintig Vlaamse bedrijven reizen in mei naar Hanoi en Ho Chi Minhstad voor "
        "een handelsmissie in de voedingssector.</p><p>De missie combineert bedrijfsbezoeken "
        "met een netwerkreceptie op de ambassade en gesprekken met Vietnamese invoerders.</p>"
        "</article></main><footer><ul><li><a href='/nl/privacy'>Privacy</a></li>"
        "<li><a href='/nl/contact'>Contact</a></li><li><a href='/nl/agenda/alle-evenementen'>"
        "Alle evenementen</a></li></ul></footer></body></html>"
    )
    record = _read(html, f"{host}/nl/nieuws/handelsmissie-naar-vietnam")
    articles = [item for item in _NL_ITEMS if "/agenda/" not in item[0]]
    assert [c.url for c in record.related] == [f"{host}{href}" for href, _, _ in articles]
    assert [c.title for c in record.related] == [title for _, title, _ in articles]
    assert "Webinar" not in (record.body or "")


def test_a_related_list_after_the_article_gives_its_articles_not_its_event_card() -> None:
    host = "https://news.example.com"
    items = [
        (
            "/en/news/2026/05/port-of-antwerp-opens-a-hydrogen-terminal",
            "Port opens a hydrogen terminal",
            "Energy",
            "4 May 2026",
        ),
        (
            "/en/events/offshore-wind-summit-ostend-2026",
            "Offshore wind summit in Ostend",
            "Events",
            "2 May 2026",
        ),
        (
            "/en/news/2026/04/belgian-start-ups-raise-record-funding",
            "Belgian start-ups raise record funding",
            "Finance",
            "29 April 2026",
        ),
    ]
    cards = "".join(
        f"<div class='card'><a class='card__link' href='{href}'><h3 class='card__title'>{title}"
        f"</h3></a><p class='card__meta'><span class='card__sector'>{sector}</span> · "
        f"<span class='card__date'>{day}</span></p></div>"
        for href, title, sector, day in items
    )
    html = (
        '<html lang="en"><head><meta charset="utf-8"><title>Ghent builds a battery plant</title>'
        "</head><body><main><article><h1>Ghent builds a battery plant</h1>"
        "<p class='dateline'>6 May 2026</p><p>A Korean group will build a battery plant in "
        "the port of Ghent, with 800 jobs by 2029.</p><p>The plant will supply car makers in "
        "Belgium, France and Germany.</p></article>"
        f"<aside class='more-news'><h2>More news</h2><div class='cards'>{cards}</div>"
        "<div class='tags'><a href='/en/events/calendar-of-the-month'>Events</a>"
        "<a href='/en/topics/energy-transition'>Energy transition</a></div></aside></main>"
        "<footer><a href='/en/events/all-upcoming-events'>Upcoming events</a>"
        "<a href='/en/privacy-policy'>Privacy</a></footer></body></html>"
    )
    record = _read(html, f"{host}/en/news/2026/05/ghent-builds-a-battery-plant")
    articles = [item for item in items if "/events/" not in item[0]]
    assert [c.url for c in record.related] == [f"{host}{item[0]}" for item in articles]
    assert [c.title for c in record.related] == [item[1] for item in articles]
