"""The shared date and title cases (the shared case set cases/2026-11-30: `generic/`, 06, 07, 08, 10, 16) and a
sibling of each kind written here, read with a profile that knows nothing of the sites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"
GENERIC_URLS: dict[str, str] = json.loads((CASES / "generic-urls.json").read_text("utf-8"))
URLS = {
    **GENERIC_URLS,
    "06-fr-sept-abbrev": "https://news.example.org/fr/news/salon-design-milan/",
    "07-fr-juill-abbrev": "https://news.example.org/fr/news/food-trucks-lyon/",
    "08-drupal-us-date-meta": "https://agency.example.gov/food/sweeteners-food-additives",
    "10-updated-time-only": "https://blog.example.net/posts/moving-static-site/",
    "16-copyright-year-as-date": "https://news.example.org/fr/news/commercants-travaux/",
}


def _diff(name: str, expected: dict[str, object], record: dict[str, object]) -> list[str]:
    return [
        f"{name}.{key}: expected {value!r}, got {record.get(key)!r}"
        for key, value in expected.items()
        if record.get(key) != value
    ]


@pytest.mark.parametrize("name", sorted(URLS))
def test_shared_case(name: str) -> None:
    html = (CASES / f"{name}.html").read_bytes()
    expected = json.loads((CASES / f"{name}.expected.json").read_text("utf-8"))
    record = extract_article(html, URLS[name], profile=generic_profile()).to_dict()
    assert not _diff(name, expected, record)


#: One sibling per kind of shared case, written here: another language, another markup, the same
#: kind of trap. (name, url, html, expected fields)
SIBLINGS: list[tuple[str, str, str, dict[str, object]]] = [
    (
        "tz_offset_west",  # d01: a timestamp's day as its offset writes it, no site zone
        "https://valley-news.example/story/",
        """<html lang="en"><head><meta property="article:published_time"
        content="2023-11-30T22:05:00-08:00"></head><body><main><h1>Night market returns</h1>
        <p>The night market returns to the riverside with forty stalls and live music.</p>
        </main></body></html>""",
        {"published": "2023-11-30"},
    ),
    (
        "utc_literal_gmt",  # d01b: a UTC stamp late in the evening, the byline the same day
        "https://gazette.example/local/pool/",
        """<html lang="en"><head><script type="application/ld+json">{"@type":"NewsArticle",
        "headline":"Pool reopens","datePublished":"2023-08-14T22:50:00Z"}</script></head>
        <body><article><h1>Pool reopens</h1><p>By Sam Lee · Aug 14, 2023</p>
        <p>The outdoor pool reopened after a month of repairs to its filtration system.</p>
        </article></body></html>""",
        {"published": "2023-08-14"},
    ),
    (
        "utc_next_day_url",  # d02: a UTC stamp one day after the date the URL files it under
        "https://daily.example/2023/10/31/halloween-parade/",
        """<html lang="en"><head><meta property="article:published_time"
        content="2023-11-01T01:30:00+00:00"></head><body><article><h1>Halloween parade</h1>
        <p>Thousands lined the streets for the parade, which ended after dark downtown.</p>
        </article></body></html>""",
        {"published": "2023-10-31"},
    ),
    (
        "stale_dc_date_labelled",  # d04: a generic meta date loses to a labelled date by the headline
        "https://stad.example/nieuws/fietsstraat/",
        """<html lang="nl"><head><meta name="dc.date" content="2024-05-30"></head><body><main>
        <h1>Nieuwe fietsstraat in het centrum</h1><p>Gepubliceerd op 21 mei 2024</p>
        <p>De stad maakt van de Kerkstraat een fietsstraat waar auto's te gast zijn.</p>
        </main></body></html>""",
        {"published": "2024-05-21"},
    ),
    (
        "script_published_at",  # d05: the only date in script data, under a publication key
        "https://app.example/posts/tram/",
        """<html lang="fr"><body><div id="root"><h1>Le tram arrive au quartier nord</h1>
        <p>Les travaux du tram commencent au printemps dans le quartier nord de la ville.</p></div>
        <script>self.__STATE__={"post":{"id":4,"publishedAt":"2022-04-19T08:00:00+02:00",
        "expires":"2030-01-01T00:00:00Z"}};</script></body></html>""",
        {"published": "2022-04-19"},
    ),
    (
        "german_abbreviated_month",  # d06: a German month abbreviation in a byline
        "https://zeitung.example/kultur/oper/",
        """<html lang="de"><body><article><h1>Die Oper wird saniert</h1>
        <div class="byline">Von Jan Berg | 7. Okt. 2022</div>
        <p>Das Opernhaus schließt für drei Jahre, der Spielbetrieb zieht in ein Zelt um.</p>
        </article></body></html>""",
        {"published": "2022-10-07"},
    ),
    (
        "german_label_veroeffentlicht",  # d06b: a German publication label after the text
        "https://verein.example/news/sommerfest/",
        """<html lang="de"><body><main><h1>Sommerfest im Garten</h1>
        <p>Wir laden alle Mitglieder zu unserem Sommerfest im Vereinsgarten ein.</p>
        <p class="info">Zuletzt aktualisiert: 02.07.2023 · Veröffentlicht am 28.06.2023</p>
        </main></body></html>""",
        {"published": "2023-06-28", "modified": "2023-07-02"},
    ),
    (
        "comment_time_after_article_time",  # d07: the <time> nearest the headline wins
        "https://blog.example/posts/garden/",
        """<html lang="en"><body><article><h1>Planting for bees</h1>
        <p>Posted <time datetime="2021-04-10">April 10, 2021</time></p>
        <p>Lavender, borage and clover bring bees to even the smallest balcony garden.</p>
        <div class="responses"><h3>Responses</h3><p><a href="/u/ann">Ann</a>
        <time class="published" datetime="2021-05-02">May 2, 2021</time> Lovely!</p></div>
        </article></body></html>""",
        {"published": "2021-04-10"},
    ),
    (
        "dateline_opening_paragraph",  # d08: a date opening the first paragraph
        "https://presse.example/communiques/eau/",
        """<html lang="fr"><body><main><h1>Coupure d'eau rue Haute</h1>
        <p>Namur, le 9 janvier 2024 – Une coupure d'eau est prévue rue Haute mardi matin pour
        remplacer une conduite ancienne.</p><p>Les riverains ont été prévenus par courrier.</p>
        </main><aside><p>12.01.2024 Concert</p></aside></body></html>""",
        {"published": "2024-01-09"},
    ),
    (
        "member_since_label",  # d10: a date labelled as something else is not the post's
        "https://board.example/t/bikes/",
        """<html lang="en"><body><h2>Which tyres for winter?</h2>
        <div class="user">mara<br>Member since: 05/06/2016</div>
        <div class="post"><p class="meta">mara » 21/01/2020</p>
        <p>Studded tyres are worth it if your commute has ice more than a few days a year.</p>
        </div></body></html>""",
        {"published": "2020-01-21"},
    ),
    (
        "us_meta_form_dc_date",  # d11: the US meta form of a generic date meta tag
        "https://county.example/news/library/",
        """<html lang="en-US"><head><meta name="dc.date" content="11/02/2023 16:40"></head><body>
        <main><h1>Library extends hours</h1>
        <p>Starting Monday the county library stays open until nine on weekdays.</p></main>
        </body></html>""",
        {"published": "2023-11-02"},
    ),
    (
        "sept_abbrev_nl",  # 06: an abbreviated month with a dot, another language
        "https://krant.example/nl/nieuws/haven/",
        """<html lang="nl"><body><main><article><h1>Haven breidt uit</h1>
        <p class="byline">Gepubliceerd op vr. 6 okt. 2023 om 09:12</p>
        <p>De haven bouwt een nieuwe kade voor containerschepen aan de noordkant.</p>
        </article></main></body></html>""",
        {"published": "2023-10-06"},
    ),
    (
        "juill_abbrev_short",  # 07: "juil." (another abbreviation of juillet)
        "https://journal.example/fr/culture/fete/",
        """<html lang="fr"><body><main><article><h1>La fête du quartier revient</h1>
        <p class="byline">Publié le 14 juil. 2023</p>
        <p>La fête du quartier revient avec un bal, des jeux et un marché de producteurs.</p>
        </article></main></body></html>""",
        {"published": "2023-07-14"},
    ),
    (
        "drupal_us_meta_forced",  # 08: the page's slash dates are month first
        "https://agency.example.gov/health/sun",
        """<html lang="en"><head><meta property="article:published_time" content="06/05/2023">
        </head><body><main><article><h1>Sun safety</h1>
        <p>Sunscreen should be applied twenty minutes before going outside.</p>
        <p class="small">Page last reviewed: 06/28/2023</p></article></main></body></html>""",
        {"published": "2023-06-05", "modified": "2023-06-28"},
    ),
    (
        "only_mis_a_jour",  # 10: only an update date shown
        "https://site.example/fr/billet/",
        """<html lang="fr"><body><main><article><h1>Nos nouveaux horaires</h1>
        <p>Mis à jour le <time datetime="2024-02-01T10:00:00+01:00">1 février 2024</time></p>
        <p>Le guichet est désormais ouvert le samedi matin de neuf heures à midi.</p>
        </article></main></body></html>""",
        {"published": None, "modified": "2024-02-01"},
    ),
    (
        "copyright_year_nl",  # 16: a year alone is never a day
        "https://vereniging.example/nl/activiteiten/",
        """<html lang="nl"><body><main><article><h1>Wandeling in het bos</h1>
        <p>Op zondag wandelen we met een gids door het bos, vertrek aan de kerk.</p>
        </article></main><footer><p>Copyright 2022 Vereniging Groen</p></footer></body></html>""",
        {"published": None},
    ),
    (
        "overline_in_h1_nl",  # t01: an overline glued into the <h1>
        "https://krant.example/nl/binnenland/treinen/",
        """<html lang="nl"><head><title>Minder treinen tijdens de werken | De Krant</title></head>
        <body><article><h1><small>Mobiliteit</small><span>Minder treinen tijdens de werken</span>
        </h1><p>Tijdens de zomer rijden er minder treinen tussen Gent en Brugge.</p></article>
        </body></html>""",
        {"title": "Minder treinen tijdens de werken"},
    ),
    (
        "site_name_first_slogan",  # t03: the site name (not the host exactly) and slogan first
        "https://theatre-lumiere.example/programme/hamlet",
        """<html lang="fr"><head><title>Théâtre Lumière – La scène du quai | Hamlet en plein air</title>
        </head><body><div class="content"><p>Hamlet se joue cet été dans la cour du théâtre,
        tous les soirs à vingt et une heures.</p></div></body></html>""",
        {"title": "Hamlet en plein air"},
    ),
    (
        "h1_beside_breadcrumb_in_article",  # t04: an <h1> inside the article's header with a breadcrumb
        "https://news.example/en/city/tram/",
        """<html lang="en"><head><meta property="og:title" content="Tram works"></head><body>
        <article><header><nav class="crumbs"><a href="/">Home</a> › <a href="/city">City</a>
        <h1>Tram works close the main square until May</h1></nav></header>
        <h2>Tram works</h2><p>Buses will be diverted around the square for three months.</p>
        </article></body></html>""",
        {"title": "Tram works close the main square until May"},
    ),
    (
        "slogan_h1_in_site_bar",  # t06: a slogan <h1> in the site bar
        "https://kunsthal.example/tentoonstelling/licht",
        """<html lang="nl"><head><title>Licht en schaduw - Kunsthal</title></head><body>
        <div class="bar"><h1>Kunst voor iedereen, sinds 1984</h1></div>
        <div class="expo"><h1>Licht en schaduw</h1><p>Een tentoonstelling over licht in de
        schilderkunst, van Rembrandt tot nu.</p></div></body></html>""",
        {"title": "Licht en schaduw"},
    ),
]


@pytest.mark.parametrize(
    ("name", "url", "html", "expected"), SIBLINGS, ids=[s[0] for s in SIBLINGS]
)
def test_sibling_case(name: str, url: str, html: str, expected: dict[str, object]) -> None:
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert not _diff(name, expected, record)


def test_the_site_zone_gives_the_local_day() -> None:
    """With the hub profile's zone (Europe/Brussels) a UTC stamp late in the evening is the next
    day there; without a zone it keeps the day as written."""
    html = """<html lang="fr"><head><meta property="article:published_time"
    content="2025-10-26T23:30:00+00:00"></head><body><article><h1>Un titre</h1>
    <p>Un texte assez long pour faire un paragraphe de l'article, sans date affichée.</p>
    </article></body></html>"""
    url = "https://hub.brussels/fr/news/un-titre/"
    assert extract_article(html, url).to_dict()["published"] == "2025-10-27"
    assert (
        extract_article(html, url, profile=generic_profile()).to_dict()["published"] == "2025-10-26"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # a short name signing the <title>, matching neither host nor site name
        (
            "<title>Lorem ipsum dolor sit amet – My website</title><p>x</p>",
            "Lorem ipsum dolor sit amet",
        ),
        # a short second piece of a short title is part of the headline
        ("<title>Brexit - Analysis</title><p>x</p>", "Brexit - Analysis"),
        # a documentation generator's permalink mark is not part of the heading
        (
            "<main><h1>Shared Mutable History<a href='#h'>¶</a></h1><p>x</p></main>",
            "Shared Mutable History",
        ),
    ],
)
def test_title_signatures_and_marks(html: str, expected: str) -> None:
    record = extract_article(html, "https://docs.example/p/", profile=generic_profile())
    assert record.title == expected


def test_a_profile_with_an_unknown_zone_is_refused(tmp_path: Path) -> None:
    from scraper.errors import ProfileError
    from scraper.sites import load_profile

    path = tmp_path / "site.toml"
    path.write_text('[site]\nkey = "x"\ntime_zone = "Europe/Bruxelles"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="IANA zone"):
        load_profile(path)
    path.write_text('[site]\nkey = "x"\ntime_zone = "America/New_York"\n', encoding="utf-8")
    assert load_profile(path).time_zone == "America/New_York"
