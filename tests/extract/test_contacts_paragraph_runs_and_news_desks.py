"""Contact kinds: two people written as runs of paragraphs (name, role, phone, e-mail,
then the next person) in one contact section are two contacts, on a hub page and on a news
template; on a news site (generic profile) the publication's own desk (a tip line, a newsroom box,
a "contact the editor" line: addresses at the site's own domain beside no person's name) is no
contact, while a person named with their address, or a contact at another domain, still is."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.models import Article
from scraper.sites import profile_for_url

FR_TEXT = (
    "<p>Du 10 au 14 mars 2027, hub.brussels organise une mission économique à Houston pour les "
    "entreprises bruxelloises de l'énergie et de la santé. Inscrivez-vous avant le 15 janvier.</p>"
    "<p>Le programme comprend des rencontres B2B et la visite du salon OTC, le plus grand salon "
    "de l'énergie offshore au monde.</p>"
)
EN_TEXT = (
    "<p>The Belgian capital is courting Texan energy firms with a new trade office that opened "
    "this week, officials said on Tuesday, as part of a wider push into the American market.</p>"
    "<p>The office will host start-ups from Brussels for up to six months and organise meetings "
    "with local buyers and investors, according to the regional agency.</p>"
)
PEOPLE = [
    ("Sophie Lambert", "Chargée de projets Amérique du Nord", "+32 2 800 41 88", "slambert"),
    ("Marc Dubois", "Attaché économique à Houston", "+1 713 555 0142", "houston"),
]


def _runs(fmt: str, domain: str = "hub.brussels") -> str:
    return "".join(fmt.format(n, r, p, f"{m}@{domain}") for n, r, p, m in PEOPLE)


def _hub(content: str) -> Article:
    url = "https://hub.brussels/fr/news/mission-houston/"
    html = (
        '<html lang="fr"><head><meta charset="utf-8"><title>Mission à Houston | hub.brussels'
        "</title></head><body><main><article><h1>Mission économique à Houston</h1>"
        f'<div class="content-area">{FR_TEXT}{content}</div></article></main>'
        "<footer>hub.brussels</footer></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url))


def _news(content: str, rail: str = "") -> Article:
    url = "https://www.dailyledger.com/business/2027/03/02/brussels-texas-office"
    html = (
        '<html lang="en"><head><meta charset="utf-8"><title>Brussels opens trade office in '
        'Houston - Daily Ledger</title></head><body><header><a href="/">Daily Ledger</a></header>'
        "<main><article><h1>Brussels opens trade office in Houston</h1>"
        '<p class="byline">By Jane Whitfield</p><time datetime="2027-03-02">2 March 2027</time>'
        f'<div class="article-body">{EN_TEXT}{content}</div></article>{rail}</main>'
        "<footer>© Daily Ledger</footer></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url))


def _read(record: Article) -> list[tuple[str | None, list[str], list[str]]]:
    return [(c.name, c.phones, c.emails) for c in record.contacts]


# --- 4. two people as runs of paragraphs in one contact section -----------------------------------

RUN_FORMS = [
    '<p>{0}</p><p>{1}</p><p>{2}</p><p><a href="mailto:{3}">{3}</a></p>',
    "<p><strong>{0}</strong></p><p>{1}</p><p>Tél. : {2}</p><p>E-mail : {3}</p>",
]


@pytest.mark.parametrize("form", RUN_FORMS)
@pytest.mark.parametrize(
    "section", ['<div class="contact"><h2>Contact</h2>{}</div>', "<h2>Contacts</h2>{}"]
)
def test_two_people_as_runs_of_paragraphs_on_a_hub_page(form: str, section: str) -> None:
    record = _hub(section.format(_runs(form)))
    assert _read(record) == [
        ("Sophie Lambert", ["+3228004188"], ["slambert@hub.brussels"]),
        ("Marc Dubois", ["+17135550142"], ["houston@hub.brussels"]),
    ]


@pytest.mark.parametrize("form", RUN_FORMS)
def test_two_people_as_runs_of_paragraphs_on_a_news_page(form: str) -> None:
    record = _news(
        f'<section class="contacts"><h3>Contacts</h3>{_runs(form, "hub.brussels")}</section>'
    )
    assert [c.name for c in record.contacts] == ["Sophie Lambert", "Marc Dubois"]
    assert [c.emails for c in record.contacts] == [
        ["slambert@hub.brussels"],
        ["houston@hub.brussels"],
    ]


# --- 5. the publication's own desk on a news site ---------------------------------------------------

DESKS = {
    "tip-line": '<p><em>Have a tip? Email us at <a href="mailto:tips@dailyledger.com">'
    "tips@dailyledger.com</a>.</em></p>",
    "newsroom-box": '<div class="newsroom-box"><p><strong>Daily Ledger Newsroom</strong></p><p>'
    'Contact: <a href="mailto:newsroom@dailyledger.com">newsroom@dailyledger.com</a></p>'
    "<p>+44 20 7946 0958</p></div>",
    "editor-line": '<p>Contact the editor: Mark Ellison, <a href="mailto:mellison@dailyledger.com">'
    "mellison@dailyledger.com</a></p>",
}


@pytest.mark.parametrize("desk", sorted(DESKS))
@pytest.mark.parametrize("place", ["text", "rail"])
def test_the_publications_own_desk_is_no_contact_on_a_news_site(desk: str, place: str) -> None:
    html = DESKS[desk]
    record = _news(html) if place == "text" else _news("", f'<aside class="rail">{html}</aside>')
    assert record.contacts == []


def test_a_contact_at_another_domain_stays_on_a_news_site() -> None:
    card = (
        '<div class="contact-card"><p><strong>Sophie Lambert</strong></p><p>Project manager</p>'
        '<p><a href="mailto:slambert@hub.brussels">slambert@hub.brussels</a></p></div>'
    )
    assert [c.name for c in _news(card).contacts] == ["Sophie Lambert"]


def test_the_agencys_own_staff_stay_contacts_on_its_own_pages() -> None:
    card = (
        '<div class="contact-card"><p><strong>Sophie Lambert</strong></p><p>Chargée de projets'
        '</p><p><a href="mailto:slambert@hub.brussels">slambert@hub.brussels</a></p></div>'
    )
    assert [c.name for c in _hub(card).contacts] == ["Sophie Lambert"]
