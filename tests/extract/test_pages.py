"""Fixture pages against hand-written expected records, compared field by field, diff on failure.

Each `tests/fixtures/pages/<name>.html` has a `<name>.expected.json` written from what a reader
sees on the page. Keys are those of `Article.to_dict()`, only the ones asserted; nested records
(qa, contacts, related) are compared on the keys the expectation gives, lists in full length.
Keys starting with "_" steer the test: `_url` (the URL the page is extracted as), `_encoding`
(the HTTP charset hint), `_body_includes` / `_body_excludes` (text the body must / must not hold),
`_warning_mentions` (signals disagree: some warning must name each of these words),
`_sector_group` (pages of one sector in different languages must share one `sector_key`),
`_about` (what the page exercises).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from scraper.models import Article

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
SEED_EXPECTED = (
    Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "seed-article.expected.json"
)
CASES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))
_MISSING = "<missing>"
#: Keys of an expectation that steer the test rather than name a record field.
STEERING_KEYS = frozenset(
    {"_url", "_encoding", "_about", "_body_includes", "_body_excludes", "_warning_mentions",
     "_sector_group"}
)  # fmt: skip


def _extractor() -> Callable[..., Article]:
    from scraper.extract import extract_article

    return extract_article


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return data


@cache
def _record(name: str) -> dict[str, Any]:
    """The extracted record of one fixture page (extracted once per session)."""
    expected = _expected(name)
    html = (PAGES / f"{name}.html").read_bytes()
    article = _extractor()(html, expected["_url"], encoding=expected.get("_encoding"))
    assert isinstance(article, Article), f"extract_article returned {type(article).__name__}"
    record: dict[str, Any] = article.to_dict()
    return record


#: Fields that are free-form mappings, compared whole rather than on the expected keys.
WHOLE_FIELDS = frozenset({"translations", "sources"})


def _project(got: Any, expected: Any) -> Any:
    """`got` cut down to the shape of `expected`: records to the expected keys, lists kept whole."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return {key: _project(got.get(key, _MISSING), value) for key, value in expected.items()}
    if isinstance(expected, list) and isinstance(got, list):
        shaped = [_project(g, e) for g, e in zip(got, expected, strict=False)]
        return shaped + got[len(expected) :]
    return got


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _field_diff(name: str, expected: Any, got: Any) -> list[str]:
    """Readable lines for one differing field: into list items and records, down to the values."""
    if isinstance(expected, list) and isinstance(got, list):
        lines = (
            [f"{name}: {len(expected)} expected, {len(got)} found"]
            if len(expected) != len(got)
            else []
        )
        for index in range(max(len(expected), len(got))):
            want = expected[index] if index < len(expected) else _MISSING
            have = got[index] if index < len(got) else _MISSING
            if want != have:
                lines.extend(_field_diff(f"{name}[{index}]", want, have))
        return lines
    if isinstance(expected, dict) and isinstance(got, dict):
        return [
            line
            for key in dict.fromkeys([*expected, *got])
            if expected.get(key, _MISSING) != got.get(key, _MISSING)
            for line in _field_diff(
                f"{name}.{key}", expected.get(key, _MISSING), got.get(key, _MISSING)
            )
        ]
    return [f"{name}:", f"    expected: {_show(expected)}", f"    got:      {_show(got)}"]


def record_diff(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Lines describing every asserted field whose extracted value differs from the expectation."""
    lines: list[str] = []
    for key, want in expected.items():
        if key.startswith("_"):
            continue
        have = got.get(key, _MISSING)
        if key not in WHOLE_FIELDS:
            have = _project(have, want)
        if have != want:
            lines.extend(_field_diff(key, want, have))
    body = got.get("body") or ""
    for text in expected.get("_body_includes", []):
        if text not in body:
            lines.append(f"body: should contain {text!r}")
    for text in expected.get("_body_excludes", []):
        if text in body:
            lines.append(f"body: should not contain {text!r}")
    warnings = " ".join(got.get("warnings") or []).lower()
    for word in expected.get("_warning_mentions", []):
        if word.lower() not in warnings:
            lines.append(f"warnings: signals disagree about {word!r}, no warning says so")
    return lines


@pytest.mark.parametrize("name", CASES)
def test_page_gives_expected_record(name: str) -> None:
    expected = _expected(name)
    diff = record_diff(expected, _record(name))
    if diff:
        pytest.fail(f"{name} ({expected.get('_about', '')})\n" + "\n".join(diff), pytrace=False)


def test_every_fixture_page_has_a_well_formed_expectation() -> None:
    pages = sorted(p.stem for p in PAGES.glob("*.html"))
    assert pages == CASES
    assert len(CASES) >= 18
    known = STEERING_KEYS | set(Article(url="https://hub.brussels/").to_dict())
    for name in CASES:
        expected = _expected(name)
        assert expected.get("_url", "").startswith("http"), f"{name}: no _url"
        assert set(expected) <= known, f"{name}: unknown keys {sorted(set(expected) - known)}"


def test_one_sector_shares_one_key_across_languages() -> None:
    groups: dict[str, dict[str, Any]] = defaultdict(dict)
    for name in CASES:
        group = _expected(name).get("_sector_group")
        if group:
            groups[group][name] = _record(name).get("sector_key")
    assert len(groups) >= 2
    keys = {}
    for group, found in groups.items():
        values = set(found.values())
        assert len(values) == 1 and None not in values, (
            f"the {group!r} pages should share one non-null sector_key, got {found}"
        )
        keys[group] = values.pop()
    assert len(set(keys.values())) == len(keys), f"different sectors share a key: {keys}"


def test_seed_reference_keys_are_record_keys() -> None:
    seed = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    keys = set(Article(url="https://hub.brussels/").to_dict())
    assert set(seed) <= keys, sorted(set(seed) - keys)
    for nested in ("qa", "contacts", "related"):
        for item in seed.get(nested, []):
            sample = Article.from_dict({"url": "u", nested: [item]}).to_dict()[nested][0]
            assert set(item) <= set(sample), (nested, sorted(set(item) - set(sample)))


def test_record_diff_names_only_the_differing_fields() -> None:
    expected = {"_url": "u", "title": "A", "lang": "fr", "qa": [{"question": "Q ?", "answer": "R"}]}
    got = {"title": "A", "lang": "nl", "qa": [{"question": "Q ?", "answer": "X", "speaker": None}]}
    diff = "\n".join(record_diff(expected, got))
    assert (
        "lang" in diff and "qa[0].answer" in diff and "title" not in diff and "question" not in diff
    )
    assert (
        record_diff(expected, {**got, "lang": "fr", "qa": [{"question": "Q ?", "answer": "R"}]})
        == []
    )
