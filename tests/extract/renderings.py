"""Article records as data, and templates that render one record as differently shaped pages.

The invariance tests extract every rendering and compare the content records: the markup of a
site must not change what the extractor reads. Records are built from small pools of values per
language (`records()`); templates write them as a WordPress/BEM page, definition lists, a
table layout, minified markup with omitted end tags, or JSON-LD alone.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}  # fmt: skip
SECTORS = {
    "fr": ["Numérique", "Alimentation", "Construction", "Tourisme", "Commerce"],
    "nl": ["Digitaal", "Voeding", "Bouw", "Toerisme", "Handel"],
    "en": ["Digital", "Food", "Construction", "Tourism", "Retail"],
}
TOPICS = {
    "fr": [("Mission économique à {city}", "Des entreprises bruxelloises rencontrent leurs partenaires à {city}."),
           ("Un salon pour les PME à {city}", "Le salon de {city} accueille un pavillon bruxellois cette année.")],
    "nl": [("Handelsmissie naar {city}", "Brusselse bedrijven ontmoeten hun partners in {city}."),
           ("Een beurs voor kmo's in {city}", "De beurs in {city} heeft dit jaar een Brussels paviljoen.")],
    "en": [("Trade mission to {city}", "Brussels companies meet their partners in {city}."),
           ("A fair for SMEs in {city}", "The fair in {city} hosts a Brussels pavilion this year.")],
}  # fmt: skip
CITIES = [
    "Lyon",
    "Oslo",
    "Lisbon",
    "Montreal",
    "Tokyo",
    "Dakar",
    "Madrid",
    "Boston",
    "Milan",
    "Seoul",
]
BODY = {
    "fr": ["La délégation compte {n} entreprises de secteurs variés.",
           "Les rendez-vous ont été préparés par notre bureau sur place pendant trois mois.",
           "Une deuxième mission est prévue au printemps prochain."],
    "nl": ["De delegatie telt {n} bedrijven uit verschillende sectoren.",
           "De afspraken werden drie maanden lang voorbereid door ons kantoor ter plaatse.",
           "Een tweede missie staat volgend voorjaar gepland."],
    "en": ["The delegation counts {n} companies from several sectors.",
           "Our local office prepared the meetings for three months.",
           "A second mission is planned for next spring."],
}  # fmt: skip
INTRO = {
    "fr": "{name} a répondu à nos questions.",
    "nl": "{name} beantwoordde onze vragen.",
    "en": "{name} answered our questions.",
}
QUESTIONS = {
    "fr": [("Pourquoi ce marché ?", "Parce que la demande y grandit chaque année."),
           ("Qui peut participer ?", "Toute entreprise bruxelloise prête à exporter."),
           ("Quel est votre conseil ?", "Préparez vos rendez-vous longtemps à l'avance.")],
    "nl": [("Waarom deze markt?", "Omdat de vraag er elk jaar groeit."),
           ("Wie kan deelnemen?", "Elk Brussels bedrijf dat klaar is om te exporteren."),
           ("Wat is uw advies?", "Bereid uw afspraken ruim op voorhand voor.")],
    "en": [("Why this market?", "Because demand grows there every year."),
           ("Who can take part?", "Any Brussels company ready to export."),
           ("What is your advice?", "Prepare your meetings well in advance.")],
}  # fmt: skip
PEOPLE = ["Claire Dumont", "Pieter Janssens", "Amina Benali", "Tom Verbeke", "Sofia Rossi",
          "Koen Maes", "Julie Leroy", "Yannick Peeters", "Nadia Haddad", "Lucas Martin"]  # fmt: skip
ROLES = {"fr": "Conseiller export", "nl": "Exportadviseur", "en": "Export advisor"}
RELATED = {
    "fr": ("Plus d'actualités", "/fr/news/"),
    "nl": ("Meer nieuws", "/nl/nieuws/"),
    "en": ("More news", "/en/news/"),
}
SITE = "https://hub.brussels"


@dataclass
class Person:
    name: str
    role: str
    phone: str  # E.164
    email: str

    @property
    def shown_phone(self) -> str:
        digits = self.phone[3:]
        return f"+32 {digits[0]} {digits[1:4]} {digits[4:6]} {digits[6:]}"


@dataclass
class Record:
    """One article as a reader sees it, in the terms of the extracted record."""

    key: str
    lang: str
    url: str
    title: str
    published: dt.date
    sector: str
    lead: str
    body: list[str]
    speaker: str | None = None
    qa: list[tuple[str, str]] = field(default_factory=list)
    contacts: list[Person] = field(default_factory=list)
    related: list[tuple[str, str, str, dt.date]] = field(default_factory=list)

    def date_text(self) -> str:
        month = MONTHS[self.lang][self.published.month - 1]
        return f"{self.published.day} {month} {self.published.year}"

    def expected(self) -> dict[str, object]:
        """The fields of the record every rendering must give."""
        return {
            "lang": self.lang,
            "title": self.title,
            "published": self.published.isoformat(),
            "sector": self.sector,
            "qa": [
                {"question": q, "answer": a, "speaker": self.speaker} for q, a in self.qa
            ],
            "contacts": [
                {"name": p.name, "role": p.role, "address": None, "phones": [p.phone],
                 "emails": [p.email]}
                for p in self.contacts
            ],
        }  # fmt: skip


def records() -> list[Record]:
    """Twenty records: three languages, with and without interview, one or two contacts, with and
    without related cards."""
    out: list[Record] = []
    for i in range(20):
        lang = ("fr", "nl", "en")[i % 3]
        city = CITIES[i % len(CITIES)]
        title_form, lead_form = TOPICS[lang][i % 2]
        title = title_form.format(city=city)
        slug = f"{title_form.split()[0].lower()}-{city.lower()}-{i}"
        section = RELATED[lang][1]
        people = [
            Person(PEOPLE[(i + k) % len(PEOPLE)], ROLES[lang], f"+3228{i:02d}{k}{i:03d}",
                   f"{PEOPLE[(i + k) % len(PEOPLE)].split()[0].lower()}{i}@hub.brussels")
            for k in range(1 + (i % 4 == 1))
        ] if i % 5 != 4 else []  # fmt: skip
        interview = i % 2 == 0
        speaker = PEOPLE[(i + 5) % len(PEOPLE)] if interview else None
        lead = lead_form.format(city=city) + (
            " " + INTRO[lang].format(name=speaker) if speaker else ""
        )
        related = [
            (f"{TOPICS[lang][(i + k) % 2][0].format(city=CITIES[(i + k + 3) % 10])}",
             f"{SITE}{section}{slug}-related-{k}/", SECTORS[lang][(i + k) % 5],
             dt.date(2025, 1 + (i + k) % 12, 10 + k))
            for k in range(1, 1 + (i % 4))
        ]  # fmt: skip
        out.append(
            Record(
                key=f"r{i:02d}_{lang}",
                lang=lang,
                url=f"{SITE}{section}{slug}/",
                title=title,
                published=dt.date(2025, 1 + i % 12, 1 + (i * 7) % 27),
                sector=SECTORS[lang][i % 5],
                lead=lead,
                body=[BODY[lang][0].format(n=5 + i), *BODY[lang][1:]],
                speaker=speaker,
                qa=QUESTIONS[lang][: 2 + i % 2] if interview else [],
                contacts=people,
                related=related,
            )
        )
    return out


def e(text: str) -> str:
    return html.escape(text, quote=True)


def _jsonld(r: Record) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": r.title,
        "datePublished": f"{r.published.isoformat()}T09:00:00+01:00",
        "articleSection": r.sector,
        "inLanguage": r.lang,
        "description": r.lead,
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def wordpress(r: Record, *, heading: str | None = None, chrome: str = "", extra: str = "") -> str:
    """A WordPress theme with BEM classes: header, article, contact card(s), a related grid."""
    heading = RELATED[r.lang][0] if heading is None else heading
    qa = "".join(f"<p><strong>{e(q)}</strong></p>\n<p>{e(a)}</p>\n" for q, a in r.qa)
    people = "".join(
        f'<div class="contact-card"><p class="contact-card__name">{e(p.name)}</p>'
        f'<p class="contact-card__role">{e(p.role)}</p>'
        f'<p class="contact-card__phone"><a href="tel:{p.phone}">{p.shown_phone}</a></p>'
        f'<p class="contact-card__email"><a href="mailto:{p.email}">{p.email}</a></p></div>\n'
        for p in r.contacts
    )
    cards = "".join(
        f'<div class="news-card"><a class="news-card__link" href="{url}"><h3 class="news-card__title">'
        f'{e(t)}</h3></a><span class="news-card__sector">{e(s)}</span> '
        f'<span class="news-card__date">{d:%d/%m/%Y}</span></div>\n'
        for t, url, s, d in r.related
    )
    related = (
        f'<section class="news-more">{f"<h2>{e(heading)}</h2>" if heading else ""}\n{cards}</section>'
        if r.related
        else ""
    )
    body = "".join(f"<p>{e(p)}</p>\n" for p in r.body)
    return f"""<!DOCTYPE html>
<html lang="{r.lang}"><head><meta charset="utf-8"><title>{e(r.title)} - hub.brussels</title></head>
<body class="single single-post">
<header class="site-header"><a class="site-header__logo" href="/{r.lang}/">hub.brussels</a>{chrome}</header>
<main class="site-main">
<article class="post">
<header class="post__header"><span class="post__category">{e(r.sector)}</span>
<h1 class="post__title">{e(r.title)}</h1>
<time class="post__date" datetime="{r.published.isoformat()}">{r.date_text()}</time></header>
<div class="post__content">
<p class="post__lead">{e(r.lead)}</p>
{body}{qa}{people}</div>
</article>
{related}
{extra}
</main>
<footer class="site-footer"><p>© hub.brussels</p></footer>
</body></html>"""


def definition_lists(r: Record) -> str:
    """Metadata, interview and contacts as definition lists."""
    qa = (
        '<dl class="interview">'
        + "".join(f"<dt><b>{e(q)}</b></dt><dd>{e(a)}</dd>" for q, a in r.qa)
        + "</dl>"
        if r.qa
        else ""
    )
    people = "".join(
        f'<dl class="person"><dt>Name</dt><dd>{e(p.name)}</dd><dt>Function</dt><dd>{e(p.role)}</dd>'
        f"<dt>Tel</dt><dd>{p.shown_phone}</dd><dt>E-mail</dt><dd>{p.email}</dd></dl>\n"
        for p in r.contacts
    )
    related = (
        f'<div class="rel"><h2>{e(RELATED[r.lang][0])}</h2><dl>'
        + "".join(
            f'<dt><a href="{url}">{e(t)}</a></dt><dd>{e(s)} – {d:%d/%m/%Y}</dd>'
            for t, url, s, d in r.related
        )
        + "</dl></div>"
        if r.related
        else ""
    )
    body = "".join(f"<p>{e(p)}</p>" for p in r.body)
    return f"""<!DOCTYPE html>
<html lang="{r.lang}"><head><meta charset="utf-8"><title>{e(r.title)}</title></head>
<body><div id="page">
<div id="content">
<h1>{e(r.title)}</h1>
<dl class="meta"><dt>Secteur</dt><dd class="sector">{e(r.sector)}</dd><dt>Date</dt><dd>{r.published:%d/%m/%Y}</dd></dl>
<p class="intro">{e(r.lead)}</p>
{body}
{qa}
{people}
</div>
{related}
</div></body></html>"""


def table_layout(r: Record) -> str:
    """An old table layout: the article in one cell, contacts and related cards as table rows."""
    qa = "".join(f"<h3>{e(q)}</h3><p>{e(a)}</p>" for q, a in r.qa)
    people = "".join(
        f'<table class="contact"><tr><th>Contact</th><td>{e(p.name)}</td></tr>'
        f"<tr><th>Fonction</th><td>{e(p.role)}</td></tr>"
        f"<tr><th>Tél.</th><td>{p.shown_phone}</td></tr>"
        f"<tr><th>Courriel</th><td>{p.email}</td></tr></table>"
        for p in r.contacts
    )
    rows = "".join(
        f'<tr><td>{d:%d/%m/%Y}</td><td>{e(s)}</td><td><a href="{url}">{e(t)}</a></td></tr>'
        for t, url, s, d in r.related
    )
    related = f"<h3>{e(RELATED[r.lang][0])}</h3><table class='news'>{rows}</table>" if rows else ""
    body = "".join(f"<p>{e(p)}</p>" for p in r.body)
    return f"""<html lang="{r.lang}"><head><title>{e(r.title)}</title></head><body>
<table width="100%"><tr><td class="main">
<h1>{e(r.title)}</h1>
<p class="date">{e(r.sector)} | {r.date_text()}</p>
<p class="chapo">{e(r.lead)}</p>
{body}{qa}{people}
{related}
</td><td class="side"><a href="/{r.lang}/newsletter/">Newsletter</a></td></tr></table>
</body></html>"""


def minified(r: Record) -> str:
    """One line, unquoted attributes, no </p>, </li> or </div> where HTML lets them go."""
    qa = "".join(f"<p><strong>{e(q)}</strong><p>{e(a)}" for q, a in r.qa)
    people = "".join(
        f"<div class=vcard><p><b>{e(p.name)}</b><br>{e(p.role)}<br>T {p.shown_phone}<br>"
        f"<a href=mailto:{p.email}>{p.email}</a></div>"
        for p in r.contacts
    )
    cards = "".join(
        f"<li class=item><a href={url}>{e(t)}</a><span> {e(s)} · {d:%d/%m/%Y}</span>"
        for t, url, s, d in r.related
    )
    related = (
        f"<div class=more><h2>{e(RELATED[r.lang][0])}</h2><ul>{cards}</ul></div>" if cards else ""
    )
    body = "".join(f"<p>{e(p)}" for p in r.body)
    return (
        f"<!doctype html><html lang={r.lang}><meta charset=utf-8><title>{e(r.title)}</title>"
        f"<body><div class=top><a href=/{r.lang}/>hub.brussels</a></div><div class=art>"
        f"<p class=cat>{e(r.sector)}<h1>{e(r.title)}</h1><p class=d>{r.published:%d.%m.%Y}"
        f"<p class=lead>{e(r.lead)}{body}{qa}{people}</div>{related}"
        f"<div class=bottom><ul><li><a href=/{r.lang}/privacy/>Privacy<li><a href=/{r.lang}/cookies/>Cookies</ul></div>"
    )


def jsonld_only(r: Record) -> str:
    """The metadata in JSON-LD only: no visible headline, date or sector."""
    body = "".join(f"<p>{e(p)}</p>" for p in r.body)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">{_jsonld(r)}</head>
<body><main><div class="text"><p>{e(r.lead)}</p>{body}</div></main></body></html>"""


TEMPLATES: dict[str, Callable[[Record], str]] = {
    "wordpress_bem": wordpress,
    "definition_lists": definition_lists,
    "table_layout": table_layout,
    "minified": minified,
}
#: What JSON-LD carries: the record fields a JSON-LD-only page must give.
JSONLD_FIELDS = ("lang", "title", "published", "sector")
