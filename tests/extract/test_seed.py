"""The seed page (a real hub.brussels article rendered as HTML) must give exactly the expected record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scraper.extract import extract_article

SEED_HTML = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "le-reve-americain.html"
SEED_EXPECTED = (
    Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "seed-article.expected.json"
)
PAGE_URL = "https://hub.brussels/fr/news/le-reve-americain-existe-encore/?utm_source=newsletter"


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return extract_article(SEED_HTML.read_bytes(), PAGE_URL).to_dict()


def _expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    data.pop("url", None)  # the URL is whatever the page says
    return data


def _shaped(got: Any, want: Any) -> Any:
    if isinstance(want, dict) and isinstance(got, dict):
        return {k: _shaped(got.get(k), v) for k, v in want.items()}
    if isinstance(want, list) and isinstance(got, list):
        return [_shaped(g, w) for g, w in zip(got, want, strict=False)] + got[len(want) :]
    return got


@pytest.mark.parametrize("field", sorted(_expected()))
def test_seed_field(record: dict[str, Any], field: str) -> None:
    want = _expected()[field]
    assert _shaped(record[field], want) == want


def test_seed_url_is_the_canonical_link(record: dict[str, Any]) -> None:
    assert record["url"] == "https://hub.brussels/fr/news/le-reve-americain-existe-encore/"


def test_seed_self_card_is_evidence_not_related(record: dict[str, Any]) -> None:
    assert record["sources"]["published"] == "card"
    assert record["sources"]["sector"] == "card"
    assert record["sector_key"] == "multisector"
    assert all(card["title"] != record["title"] for card in record["related"])


def test_seed_body_is_the_article_text_only(record: dict[str, Any]) -> None:
    body = record["body"]
    assert body.startswith("37 entreprises bruxelloises")
    assert "Envie d’en savoir plus ?" in body
    for furniture in (
        "cookies",
        "Partager",
        "Plus de nouvelles",
        "info@hub.brussels",
        "sanfrancisco@hub.brussels",
        "Malgré une actualité",
        "Entreprendre",
    ):
        assert furniture not in body
    assert "\u00a0" not in body and "\n\n\n" not in body


def test_seed_footer_contact_is_not_an_article_contact(record: dict[str, Any]) -> None:
    emails = [e for c in record["contacts"] for e in c["emails"]]
    assert emails == ["sanfrancisco@hub.brussels"]


def test_seed_translations_from_hreflang(record: dict[str, Any]) -> None:
    assert set(record["translations"]) == {"nl", "en"}
    assert record["translations"]["nl"].startswith("https://hub.brussels/nl/")
