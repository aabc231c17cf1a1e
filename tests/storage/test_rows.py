"""`canonical_json_bytes` writes exactly the bytes of `canonical_json`: content hashes must not
move when the faster writer is used (every stored article would look changed on the next crawl)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest

from storage.rows import canonical_json, canonical_json_bytes, content_hash
from tests.storage.samples import make_article

#: Every control character, quotes and backslashes, the characters JavaScript treats as line ends,
#: non-characters, astral characters and combining marks: what escaping could spell differently.
TRICKY = [chr(c) for c in range(0x00, 0x80)] + [
    "\u00e9",
    "e\u0301",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\uffff",
    "\U0001f600",
    "\U0010ffff",
    '"quoted" \\ back/slash',
]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({f"k{s}": [s, None, {"z": s, "a": [s, ""]}]}, id=f"U+{ord(s[0]):04X}")
        for s in TRICKY
    ]
    + [
        pytest.param(
            {"é": 1, "z": 2, "Z": 3, "\U0001f600": 4, "\uffff": 5, "a": []}, id="key order"
        ),
        pytest.param(make_article().hashed_content(), id="a record"),
    ],
)
def test_the_fast_writer_writes_the_canonical_bytes(data: dict[str, Any]) -> None:
    assert canonical_json_bytes(data) == canonical_json(data).encode("utf-8")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({1: "a non-string key"}, id="int key"),
        pytest.param({"when": dt.date(2025, 1, 2)}, id="a date"),
        pytest.param({"n": 2**70}, id="a big int"),
    ],
)
def test_what_the_fast_writer_refuses_or_writes_otherwise_takes_the_json_path(
    data: dict[Any, Any],
) -> None:
    try:
        expected = canonical_json(data).encode("utf-8")
    except TypeError:  # json cannot write it either (a date): neither may hash it
        with pytest.raises(TypeError):
            canonical_json_bytes(data)
        return
    assert canonical_json_bytes(data) == expected


def test_the_content_hash_is_the_sha256_of_the_canonical_json() -> None:
    article = make_article()
    expected = canonical_json(article.hashed_content()).encode("utf-8")
    assert content_hash(article) == hashlib.sha256(expected).hexdigest()
