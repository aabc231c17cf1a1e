"""A © credit inside a figure's caption ("Photo © Name", "… © Name / Agency") goes from the body the
way a "Photo: …" credit does, the caption's own text kept; on a hub page and on a news template."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

FR = (
    "<p>Le port de Houston a traité un volume record de marchandises l'an dernier, selon les "
    "autorités portuaires, grâce aux exportations de gaz naturel liquéfié.</p>"
)
EN = (
    "<p>The port of Houston handled a record volume of cargo last year, officials said on "
    "Tuesday, as exports of liquefied natural gas kept growing.</p>"
)


def _hub_body(caption: str) -> str:
    url = "https://hub.brussels/fr/news/houston/"
    html = (
        '<html lang="fr"><head><meta charset="utf-8"><title>Houston | hub.brussels</title></head>'
        '<body><main><article><h1>Le port de Houston bat un record</h1><div class="content-area">'
        f'{FR}<figure><img src="port.jpg" alt=""><figcaption>{caption}</figcaption></figure>{FR}'
        "</div></article></main></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url)).body or ""


def _news_body(caption: str) -> str:
    url = "https://www.dailyledger.example/world/2027/03/02/houston-port"
    html = (
        '<html lang="en"><head><meta charset="utf-8"><title>Houston port - Daily Ledger</title>'
        '</head><body><main><article><h1>Houston port sets a record</h1><div class="story">'
        f'{EN}<figure class="wp-caption"><img src="port.jpg"><figcaption class="caption">'
        f"{caption}</figcaption></figure>{EN}</div></article></main></body></html>"
    )
    return extract_article(html, url, profile=profile_for_url(url)).body or ""


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        ("Le port de Houston. Photo © Jean Dupont", "Le port de Houston."),
        ("Le port de Houston © Jean Dupont / Belga", "Le port de Houston"),
        ("Photo © Jean Dupont", None),
    ],
)
def test_a_copyright_credit_in_a_hub_caption_leaves_the_body(caption: str, kept: str) -> None:
    body = _hub_body(caption)
    assert "Dupont" not in body and "©" not in body
    if kept:
        assert kept in body.split("\n\n")


@pytest.mark.parametrize(
    ("caption", "kept"),
    [
        (
            "Cranes at the container terminal. Photo © Maria Lopez",
            "Cranes at the container terminal.",
        ),
        (
            "Cranes at the container terminal © Maria Lopez / Reuters",
            "Cranes at the container terminal",
        ),
        ("Image © Maria Lopez", None),
    ],
)
def test_a_copyright_credit_in_a_news_caption_leaves_the_body(caption: str, kept: str) -> None:
    body = _news_body(caption)
    assert "Lopez" not in body and "©" not in body
    if kept:
        assert kept in body.split("\n\n")
