"""One-line contacts (name, role, phone and e-mail on one line, in a post footer, a paragraph or a
callout box) and vCard-like addresses, each with a sibling in another language or markup; and the
post-footer lines that name no contact (a byline, the organisation's switchboard)."""

from __future__ import annotations

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


# --- 1. a one-line contact in the post's footer or in a paragraph ---------------------------------


def test_a_one_line_contact_in_the_post_footer_is_the_articles_contact() -> None:
    footer = (
        '<footer class="post-footer"><p>Contact: Sarah Peeters — Project manager — '
        "+32 2 800 43 21 — Sarah.Peeters@hub.brussels</p></footer>"
    )
    assert _contacts(_post("en", after=footer), "en") == [SARAH]


def test_a_one_line_contact_in_an_entry_footer_div_with_pipes_and_parentheses() -> None:
    footer = (
        '<div class="entry-footer"><p>Perscontact: Jan Van den Bossche (woordvoerder) | '
        '<a href="tel:+3228004321">02 800 43 21</a> | '
        '<a href="mailto:jvandenbossche@hub.brussels">jvandenbossche@hub.brussels</a></p></div>'
    )
    assert _contacts(_post("nl", after=footer), "nl") == [JAN]


def test_a_one_line_contact_with_its_role_in_parentheses_in_a_paragraph() -> None:
    line = (
        "<p>Contact presse : Chloé Martin (Attachée de presse) · 02 800 43 21 · "
        "chloe.martin@hub.brussels</p>"
    )
    assert _contacts(_post("fr", inside=line), "fr") == [CHLOE]


def test_a_one_line_contact_after_a_sentence_of_the_same_paragraph() -> None:
    line = (
        "<p>The delegation leaves on 12 May and a few seats are still free. Contact: "
        "Sarah Peeters, Project manager, +32 2 800 43 21, sarah.peeters@hub.brussels</p>"
    )
    assert _contacts(_post("en", inside=line), "en") == [SARAH]


# --- 2. a one-line press-contact callout box ------------------------------------------------------


def test_a_ghost_callout_card_with_a_one_line_press_contact() -> None:
    callout = (
        '<div class="kg-card kg-callout-card kg-callout-card-grey">'
        '<div class="kg-callout-emoji">📞</div><div class="kg-callout-text">Press contact: '
        "Sarah Peeters (Project manager) · +32 2 800 43 21 · sarah.peeters@hub.brussels</div></div>"
    )
    assert _contacts(_post("en", inside=callout), "en") == [SARAH]


def test_an_aside_with_a_one_line_press_contact_and_links() -> None:
    aside = (
        '<aside class="callout"><p><strong>Contact presse :</strong> Chloé Martin (Attachée de '
        'presse) · <a href="tel:+3228004321">02 800 43 21</a> · '
        '<a href="mailto:chloe.martin@hub.brussels">chloe.martin@hub.brussels</a></p></aside>'
    )
    assert _contacts(_post("fr", inside=aside), "fr") == [CHLOE]


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
    assert contact.address is not None
    assert ",," not in contact.address and ", ," not in contact.address
    assert contact.address.startswith("Chaussée de Charleroi 110, 1060")
    assert contact.address.endswith("Saint-Gilles")


def test_address_lines_ending_in_separators_join_with_single_ones() -> None:
    card = (
        '<div class="contact"><p>Chloé Martin<br>Attachée de presse<br>Rue Royale 2-4 ;<br>'
        "1000 Bruxelles,<br>Tél. 02 800 43 21<br>chloe.martin@hub.brussels</p></div>"
    )
    (contact,) = _contacts(_post("fr", inside=card), "fr")
    assert contact.address == "Rue Royale 2-4, 1000 Bruxelles"


# --- never a contact --------------------------------------------------------------------------------


def test_the_switchboard_in_the_post_footer_is_no_contact() -> None:
    footer = (
        '<footer class="post-footer"><p>Contact us: +32 2 422 00 20 · info@hub.brussels</p>'
        '<p><a href="/en/contact">Contact us</a></p></footer>'
    )
    assert _contacts(_post("en", after=footer), "en") == []


def test_an_organisation_line_in_an_entry_footer_div_is_no_contact() -> None:
    footer = (
        "<div class=\"entry-footer\"><p>Agence bruxelloise pour l'accompagnement de l'entreprise — "
        "02 422 00 20 — info@hub.brussels</p></div>"
    )
    assert _contacts(_post("fr", after=footer), "fr") == []


def test_a_byline_in_the_post_footer_is_no_contact() -> None:
    footer = (
        '<footer class="post-footer"><p>By Sarah Peeters — 3 min read</p>'
        '<p>By Sarah Peeters — <a href="mailto:sarah.peeters@hub.brussels">'
        "sarah.peeters@hub.brussels</a></p></footer>"
    )
    assert _contacts(_post("en", after=footer), "en") == []
