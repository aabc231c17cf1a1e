"""A small archive with a history, built through the archive API, for search and export tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from scraper.models import Article, Capture, Contact, QAPair, RelatedCard
from storage.archive import mark_gone, store_record
from storage.db import open_engine, transaction

BASE = "https://hub.brussels"
DREAM = f"{BASE}/fr/blog/le-reve-americain-existe-encore/"
ZORG = f"{BASE}/nl/blog/zorg-in-brussel/"
TARIFFS = f"{BASE}/en/blog/tariffs-and-tech/"
OLD = f"{BASE}/fr/blog/ancien-article/"
LATE = f"{BASE}/fr/blog/nouvel-article/"

#: Text hard on every format: quotes, commas, newlines, emoji, right-to-left scripts; and a formula.
AWKWARD = 'He said "yes, and no",\nthen left 🚀 — مرحبا بالعالم — שלום עולם; end'
FORMULA = '=HYPERLINK("http://evil.example","click")'


def day(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


DREAM_V1 = Article(
    url=DREAM,
    lang="fr",
    title="Le rêve américain existe encore",
    published=dt.date(2025, 10, 27),
    sector="Multisecteurs",
    sector_key="multisector",
    lead="Les États-Unis restent un partenaire économique incontournable.",
    body="Bruxelles a une stratégie pour aider ses entreprises en Californie.",
    qa=[
        QAPair(
            question="Pourquoi un bureau en Californie ?",
            answer="Parce qu’il s’agit du plus grand écosystème technologique.",
            speaker="Eric Gabrys",
        ),
        QAPair(
            question="Les relations actuelles affectent-elles nos exportateurs?",
            answer="Les droits de douane sur les biens européens sont un défi.",
            speaker="Eric Gabrys",
        ),
    ],
    contacts=[
        Contact(
            name="Eric Gabrys",
            role="États-Unis (San Francisco - Silicon Valley)",
            address="98 Battery Street, Suite 601, San Francisco CA 94111, USA",
            phones=["+14152910130"],
            emails=["sanfrancisco@hub.brussels"],
        )
    ],
    related=[
        RelatedCard(
            title="Arab Health devient WHX Dubaï",
            url=f"{BASE}/fr/blog/whx/",
            sector="Santé & soins",
            published=dt.date(2025, 10, 27),
        )
    ],
    translations={"en": TARIFFS},
    sources={"title": "jsonld", "lead": "meta", "qa": "html", "published": "card"},
)
DREAM_V2 = replace(
    DREAM_V1,
    title="La Californie, le rêve américain",
    body="Bruxelles aide ses entreprises en Californie : la Californie héberge 57 entreprises.",
)
ZORG_V1 = Article(
    url=ZORG,
    lang="nl",
    title="Zorg in Brussel",
    published=dt.date(2025, 9, 1),
    sector="Gezondheid & zorg",
    sector_key="health",
    lead="Ziekenhuizen en zorgverleners werken samen.",
    body="De gezondheidszorg in Brussel groeit.",
)
TARIFFS_V1 = Article(
    url=TARIFFS,
    lang="en",
    title="Tariffs and the tech sector",
    published=dt.date(2025, 6, 1),
    sector="Digital",
    sector_key="digital",
    lead=FORMULA,
    body=AWKWARD,
    qa=[
        QAPair(
            question="Do tariffs hit services?",
            answer="No, tariffs apply to goods.\n\nOnly goods.",
            speaker="Jane Doe",
        )
    ],
    contacts=[
        Contact(
            name="+32 trick",
            role="@admin",
            address="-1 Rue, Bruxelles",
            phones=["+3225480000"],
            emails=["info@hub.brussels"],
        )
    ],
    translations={"fr": DREAM},
)
OLD_V1 = Article(
    url=OLD,
    lang="fr",
    title="Un ancien article",
    published=dt.date(2024, 1, 15),
    sector="Multisecteurs",
    sector_key="multisector",
    body="Un voyage en Californie en 2024.",
)
LATE_V1 = Article(
    url=LATE,
    lang="fr",
    title="Un nouvel article sur la Californie",
    published=dt.date(2025, 12, 1),
    sector="Digital",
    sector_key="digital",
    body="Publié bien plus tard.",
)


def capture(url: str, when: dt.datetime, text: str) -> Capture:
    return Capture(
        url=url,
        status=200,
        body=text.encode("utf-8"),
        fetched_at=when,
        headers={"Content-Type": "text/html; charset=utf-8"},
    )


def build_archive(db_url: str) -> None:
    """The history: dream v1 (Oct 28) → v2 (Nov 10); zorg gone on Nov 15; late first seen Dec 2."""
    engine = open_engine(db_url)
    steps = [
        (OLD_V1, "2024-01-16"),
        (TARIFFS_V1, "2025-06-02"),
        (ZORG_V1, "2025-09-02"),
        (DREAM_V1, "2025-10-28T08:00:00"),
        (DREAM_V2, "2025-11-10T08:00:00"),
        (LATE_V1, "2025-12-02"),
    ]
    with transaction(engine) as session:
        for article, when in steps:
            seen = day(when)
            store_record(
                session,
                article,
                seen_at=seen,
                extractor_version="1",
                capture=capture(article.url, seen, f"<html>{article.title}</html>"),
            )
        mark_gone(session, ZORG, seen_at=day("2025-11-15"))
    engine.dispose()
