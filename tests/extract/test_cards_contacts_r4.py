"""Kinds of misses of round 4, each on pages written here in two languages or markups: team-member
blocks (a heading naming the person, a role line under it, "Phone:"/"Email:" lines in plain text)
whose channels were read without the person, and a list of related articles written as a `<nav>`
of "title (dd/mm/yyyy)" items, taken for the site's menu."""

from __future__ import annotations

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
