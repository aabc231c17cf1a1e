"""One-line contacts (name, role, phone and e-mail on one line, in a post footer, a paragraph or a
callout box) and vCard-like addresses, each with a sibling in another language or markup; and the
post-footer lines that name no contact (a byline, the organisation's switchboard)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.models import Contact
from scraper.sites import profile_for_url

TEXT_EN = (
    "<p>Brussels companies exported more software to Brazil last year than in the five years "
    "before.</p><p>Our representative explains where to start and which trade fairs matter this "
    "year for newcomers.</p>"
)
TEXT_FR = (
    "<p>Les entreprises bruxelloises ont exporté plus de logiciels vers le Brésil l'an dernier "
    "qu'au cours des cinq années précédentes.</p><p>Notre représentant explique par où commencer "
    "et quels salons comptent cette année.</p>"
)
TEXT_NL = (
    "<p>Brusselse bedrijven voerden vorig jaar meer software uit naar Brazilië dan in de vijf "
    "jaren daarvoor.</p><p>Onze vertegenwoordiger legt uit waar je begint en welke beurzen er "
    "dit jaar toe doen.</p>"
)
TEXTS = {"en": TEXT_EN, "fr": TEXT_FR, "nl": TEXT_NL}


def _post(lang: str, *, inside: str = "", after: str = "", site_footer: str = "") -> str:
    """A blog post: its text (with `inside` at its end), then `after` in the `<article>` after the
    text (a post footer), then the site's footer."""
    return (
        f'<html lang="{lang}"><body><header class="site-header"><nav><a href="/">Home</a></nav>'
        '</header><main class="site-main"><article class="post">'
        '<h1 class="post-title">Brazil opens its doors to Brussels software</h1>'
        f'<div class="post-content">{TEXTS[lang]}{inside}</div>{after}</article></main>'
        f'<footer class="site-footer">{site_footer}<p>© 2026 hub.brussels</p></footer>'
        "</body></html>"
    )


def _contacts(html: str, lang: str) -> list[Contact]:
    url = f"https://hub.brussels/{lang}/news/brazil/"
    return extract_article(html, url, profile=profile_for_url(url)).contacts


SARAH = Contact(
    name="Sarah Peeters",
    role="Project manager",
    phones=["+3228004321"],
    emails=["sarah.peeters@hub.brussels"],
)
CHLOE = Contact(
    name="Chloé Martin",
    role="Attachée de presse",
    phones=["+3228004321"],
    emails=["chloe.martin@hub.brussels"],
)
JAN = Contact(
    name="Jan Van den Bossche",
    role="woordvoerder",
    phones=["+3228004321"],
    emails=["jvandenbossche@hub.brussels"],
)


# --- 1. a one-line contact in the post's footer or in a paragraph; 2. in a callout box ----------

ONE_LINE_CASES = [
    pytest.param(
        "en",
        "",
        '<footer class="post-footer"><p>Contact: Sarah Peeters — Project manager — '
        "+32 2 800 43 21 — Sarah.Peeters@hub.brussels</p></footer>",
        SARAH,
        id="post-footer-em-dashes",
    ),
    pytest.param(
        "nl",
        "",
        '<div class="entry-footer"><p>Perscontact: Jan Van den Bossche (woordvoerder) | '
        '<a href="tel:+3228004321">02 800 43 21</a> | '
        '<a href="mailto:jvandenbossche@hub.brussels">jvandenbossche@hub.brussels</a></p></div>',
        JAN,
        id="entry-footer-div-pipes-links",
    ),
    pytest.param(
        "fr",
        "<p>Contact presse : Chloé Martin (Attachée de presse) · 02 800 43 21 · "
        "chloe.martin@hub.brussels</p>",
        "",
        CHLOE,
        id="paragraph-role-in-parentheses",
    ),
    pytest.param(
        "en",
        "<p>The delegation leaves on 12 May and a few seats are still free. Contact: "
        "Sarah Peeters, Project manager, +32 2 800 43 21, sarah.peeters@hub.brussels</p>",
        "",
        SARAH,
        id="paragraph-after-a-sentence-commas",
    ),
    pytest.param(
        "en",
        '<div class="kg-card kg-callout-card kg-callout-card-grey">'
        '<div class="kg-callout-emoji">📞</div><div class="kg-callout-text">Press contact: '
        "Sarah Peeters (Project manager) · +32 2 800 43 21 · sarah.peeters@hub.brussels</div></div>",
        "",
        SARAH,
        id="ghost-callout-card",
    ),
    pytest.param(
        "fr",
        '<aside class="callout"><p><strong>Contact presse :</strong> Chloé Martin (Attachée de '
        'presse) · <a href="tel:+3228004321">02 800 43 21</a> · '
        '<a href="mailto:chloe.martin@hub.brussels">chloe.martin@hub.brussels</a></p></aside>',
        "",
        CHLOE,
        id="aside-callout-links",
    ),
]


@pytest.mark.parametrize(("lang", "inside", "after", "expected"), ONE_LINE_CASES)
def test_a_one_line_contact_gives_name_role_phone_and_email(
    lang: str, inside: str, after: str, expected: Contact
) -> None:
    assert _contacts(_post(lang, inside=inside, after=after), lang) == [expected]


# --- 3. joined address parts never double a separator ---------------------------------------------


def test_a_vcard_street_ending_in_a_comma_reads_with_single_separators() -> None:
    vcard = (
        '<address class="vcard"><span class="fn">Sarah Peeters</span><br>'
        '<span class="title">Project manager</span><br><span class="adr">'
        '<span class="street-address">Chaussée de Charleroi 110,</span> '
        '<span class="postal-code">1060</span> <span class="locality">Saint-Gilles</span></span>'
        '<br><span class="tel">+32 2 800 43 21</span><br>'
        '<span class="email">sarah.peeters@hub.brussels</span></address>'
    )
    (contact,) = _contacts(_post("en", inside=vcard), "en")
    assert contact == Contact(
        name="Sarah Peeters",
        role="Project manager",
        address="Chaussée de Charleroi 110, 1060 Saint-Gilles",
        phones=["+3228004321"],
        emails=["sarah.peeters@hub.brussels"],
    )


def test_address_lines_ending_in_separators_join_with_single_ones() -> None:
    card = (
        '<div class="contact"><p>Chloé Martin<br>Attachée de presse<br>Rue Royale 2-4 ;<br>'
        "1000 Bruxelles,<br>Tél. 02 800 43 21<br>chloe.martin@hub.brussels</p></div>"
    )
    (contact,) = _contacts(_post("fr", inside=card), "fr")
    assert contact.address == "Rue Royale 2-4, 1000 Bruxelles"


# --- never a contact ---------------------------------------------------------------------------

NO_CONTACT_CASES = [
    pytest.param(
        "en",
        '<footer class="post-footer"><p>Contact us: +32 2 422 00 20 · info@hub.brussels</p>'
        '<p><a href="/en/contact">Contact us</a></p></footer>',
        id="switchboard-and-contact-us-link-in-post-footer",
    ),
    pytest.param(
        "fr",
        "<div class=\"entry-footer\"><p>Agence bruxelloise pour l'accompagnement de l'entreprise — "
        "02 422 00 20 — info@hub.brussels</p></div>",
        id="organisation-line-in-entry-footer-div",
    ),
    pytest.param(
        "en",
        '<footer class="post-footer"><p>By Sarah Peeters — 3 min read</p>'
        '<p>By Sarah Peeters — <a href="mailto:sarah.peeters@hub.brussels">'
        "sarah.peeters@hub.brussels</a></p></footer>",
        id="byline-in-post-footer",
    ),
]


@pytest.mark.parametrize(("lang", "after"), NO_CONTACT_CASES)
def test_a_post_footer_naming_no_person_gives_no_contact(lang: str, after: str) -> None:
    assert _contacts(_post(lang, after=after), lang) == []


def test_a_postal_code_on_a_line_of_its_own_goes_with_its_locality() -> None:
    card = (
        '<div class="contact"><p>Jan Van den Bossche<br>woordvoerder<br>Havenlaan 86C,<br>'
        "1000<br>Brussel<br>Tel. 02 800 43 21<br>jvandenbossche@hub.brussels</p></div>"
    )
    (contact,) = _contacts(_post("nl", inside=card), "nl")
    assert contact.address == "Havenlaan 86C, 1000 Brussel"
