"""Contact and related kinds, each on pages written here in two languages or markups: team-member
blocks (a heading naming the person, a role line under it, "Phone:"/"Email:" lines in plain text)
whose channels were read without the person, and a list of related articles written as a `<nav>`
of "title (dd/mm/yyyy)" items, taken for the site's menu."""

from __future__ import annotations

import datetime as dt

from scraper.extract import extract_article
from scraper.models import Contact
from scraper.sites import profile_for_url


def _record(html: str, url: str):  # type: ignore[no-untyped-def]
    return extract_article(html, url, profile=profile_for_url(url))


# -- 1. a team-member block: name from its heading, role from the line under it ---------------


def test_two_team_members_one_without_email_are_two_named_contacts() -> None:
    html = (
        '<html lang="en"><body><header><nav><a href="/en/">Home</a></nav></header><main>'
        '<article><h1>Brussels start-ups head to Lisbon</h1><div class="content">'
        "<p>Twelve young companies from the capital region will show their products at the "
        "Web Summit in Lisbon this November, with the support of the agency.</p>"
        "<p>The delegation will meet investors and potential partners during three days.</p>"
        '<div class="team-member"><h4>Sophie Lambert</h4>'
        '<p class="position">Start-up advisor</p><p>Phone: +32 2 422 00 11</p>'
        "<p>Email: slambert@hub.brussels</p></div>"
        '<div class="team-member"><h4>Tom Verhaegen</h4>'
        '<p class="position">Events manager</p><p>Phone: +32 2 422 00 12</p></div>'
        "</div></article></main></body></html>"
    )
    record = _record(html, "https://hub.brussels/en/news/web-summit-lisbon/")
    assert record.contacts == [
        Contact(
            name="Sophie Lambert",
            role="Start-up advisor",
            phones=["+3224220011"],
            emails=["slambert@hub.brussels"],
        ),
        Contact(name="Tom Verhaegen", role="Events manager", phones=["+3224220012"]),
    ]


def test_two_french_team_members_with_phones_only_stay_apart() -> None:
    # sibling: French, the heading an `<h3>` in a wrapper, the lines as `<span>`s
    # joined by `<br>`, no address at all: only the phone lines are channels
    member = (
        '<div class="team-member"><div class="team-member__head"><h3>{name}</h3></div>'
        '<div class="team-member__body"><span class="position">{role}</span><br>'
        "<span>Tél. : {phone}</span></div></div>"
    )
    html = (
        '<html lang="fr"><body><main><article><h1>Un salon pour l\'économie circulaire</h1>'
        "<p>Le salon réunira cette année plus de quatre-vingts entreprises bruxelloises actives "
        "dans le réemploi, la réparation et le recyclage des matériaux.</p>"
        "<p>Les inscriptions pour les exposants sont ouvertes jusqu'à la fin du mois.</p>"
        "<h2>Contacts</h2>"
        + member.format(name="Camille Dubois", role="Chargée de projet", phone="+32 2 800 40 55")
        + member.format(name="Julien Marchal", role="Responsable presse", phone="02 800 40 56")
        + "</article></main></body></html>"
    )
    record = _record(html, "https://hub.brussels/fr/actualites/salon-circulaire/")
    assert record.contacts == [
        Contact(name="Camille Dubois", role="Chargée de projet", phones=["+3228004055"]),
        Contact(name="Julien Marchal", role="Responsable presse", phones=["+3228004056"]),
    ]


def test_a_phone_line_naming_no_one_in_a_plain_footer_div_is_no_contact() -> None:
    # a phone written in text is a channel only beside a person's name: the site's address line
    # in a footer `<div>` without footer markup, on a site without a profile, stays no contact
    html = (
        '<html lang="nl"><body><div class="artikel"><h1>Ontwerpers veroveren Milaan</h1>'
        "<p>Tien ontwerpers uit het Brussels Gewest tonen hun werk tijdens de designweek in "
        "Milaan, met steun van het agentschap.</p></div>"
        '<div class="voet">Agentschap · Stationsstraat 12 · 1000 Brussel · +32 2 555 10 10</div>'
        "</body></html>"
    )
    assert _record(html, "https://agentschap.example/nl/nieuws/milaan/").contacts == []


# -- 2. a nav of dated article links under a heading is a related list; a menu is not ---------

_MENU = (
    '<header><nav aria-label="Main"><ul><li><a href="/{lang}/news/">{news}</a></li>'
    '<li><a href="/{lang}/events/">Events</a></li><li><a href="/{lang}/about/">About</a></li>'
    "</ul></nav></header>"
)


def test_a_nav_of_dated_article_links_is_the_related_list() -> None:
    html = (
        '<html lang="en"><body>' + _MENU.format(lang="en", news="News") + "<main><article>"
        "<h1>New support for food entrepreneurs</h1>"
        "<p>The agency opens a new call for food businesses that want to grow in Brussels, with "
        "coaching and a grant of up to twenty thousand euros.</p>"
        "<p>Applications close at the end of April.</p></article>"
        '<nav aria-label="Related articles"><h2>Related articles</h2><ul>'
        '<li><a href="/en/news/food-market-study/">A study of the Brussels food market</a> '
        "(12/03/2026)</li>"
        '<li><a href="/en/news/urban-farms-grant/">Urban farms receive a new grant</a> '
        "(02/02/2026)</li>"
        '<li><a href="/en/news/restaurant-week/">Restaurant week returns in May</a> '
        "(20/01/2026)</li></ul></nav></main>"
        '<footer><nav><ul><li><a href="/en/privacy/">Privacy</a></li>'
        '<li><a href="/en/contact/">Contact</a></li></ul></nav></footer></body></html>'
    )
    record = _record(html, "https://hub.brussels/en/news/food-entrepreneurs/")
    assert [(c.title, c.url, c.published) for c in record.related] == [
        (
            "A study of the Brussels food market",
            "https://hub.brussels/en/news/food-market-study/",
            dt.date(2026, 3, 12),
        ),
        (
            "Urban farms receive a new grant",
            "https://hub.brussels/en/news/urban-farms-grant/",
            dt.date(2026, 2, 2),
        ),
        (
            "Restaurant week returns in May",
            "https://hub.brussels/en/news/restaurant-week/",
            dt.date(2026, 1, 20),
        ),
    ]


def test_a_dutch_nav_of_dated_links_inside_the_article_is_related_and_the_menu_is_not() -> None:
    # sibling: Dutch, the nav inside the `<article>`, its heading an `<h3>`, the date in a
    # `<span>`, and a section menu (no dates) beside it
    html = (
        '<html lang="nl"><body>' + _MENU.format(lang="nl", news="Nieuws") + "<main><article>"
        "<h1>Brusselse designers naar Milaan</h1>"
        "<p>Tien ontwerpers uit het Brussels Gewest tonen hun werk tijdens de designweek in "
        "Milaan, met steun van het agentschap.</p><p>De stand staat in het Tortona-district.</p>"
        '<nav class="related"><h3>Lees ook</h3><ul>'
        '<li><a href="/nl/nieuws/design-september/">Design september gaat van start</a> '
        "<span>(05/09/2025)</span></li>"
        '<li><a href="/nl/nieuws/creatieve-sector/">Steun voor de creatieve sector</a> '
        "<span>(14/07/2025)</span></li></ul></nav></article>"
        '<nav aria-label="Secties"><h2>Secties</h2><ul>'
        '<li><a href="/nl/nieuws/">Nieuws</a></li><li><a href="/nl/agenda/">Agenda</a></li>'
        '<li><a href="/nl/sectoren/">Sectoren</a></li></ul></nav></main></body></html>'
    )
    record = _record(html, "https://hub.brussels/nl/nieuws/designers-milaan/")
    assert [(c.title, c.published) for c in record.related] == [
        ("Design september gaat van start", dt.date(2025, 9, 5)),
        ("Steun voor de creatieve sector", dt.date(2025, 7, 14)),
    ]
