"""`check_storable`: text no database can hold is refused wherever it hides in a record, naming
the field; everything else passes (the archive checks all of a record's text at once, and walks
it field by field only to name a problem)."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from typing import Any

import pytest

from scraper.models import Article, Capture, Contact, QAPair, RelatedCard
from storage.errors import UnstorableRecordError
from storage.validate import check_storable
from tests.storage.samples import T0, make_article, make_capture

URL = "https://hub.brussels/fr/blog/silicon-valley/"

#: (where, how to put `bad` text there, the field path the error names)
PLACES: list[tuple[str, Callable[[Article, Capture, str], None], str]] = [
    ("title", lambda a, c, bad: setattr(a, "title", f"Titre {bad}"), "article.title"),
    ("body", lambda a, c, bad: setattr(a, "body", f"Texte\n\n{bad}"), "article.body"),
    (
        "a Q&A speaker",
        lambda a, c, bad: setattr(a.qa[1], "speaker", bad),
        "article.qa[1].speaker",
    ),
    (
        "a contact e-mail",
        lambda a, c, bad: a.contacts[0].emails.append(f"x{bad}@hub.brussels"),
        "article.contacts[0].emails[1]",
    ),
    (
        "a related card",
        lambda a, c, bad: setattr(a.related[0], "sector", bad),
        "article.related[0].sector",
    ),
    ("a translation key", lambda a, c, bad: a.translations.update({bad: URL}), "(a key)"),
    ("a warning", lambda a, c, bad: a.warnings.append(bad), "article.warnings[0]"),
    (
        "a response header",
        lambda a, c, bad: c.headers.update({"X-Note": bad}),
        "capture.headers.X-Note",
    ),
]
BAD_TEXT = {"a NUL character": "zé\x00ro", "a lone surrogate U+D800": "demi \ud800 paire"}


@pytest.mark.parametrize(("problem", "bad"), BAD_TEXT.items(), ids=list(BAD_TEXT))
@pytest.mark.parametrize(("where", "put", "path"), PLACES, ids=[p[0] for p in PLACES])
def test_unstorable_text_is_refused_wherever_it_is_and_named(
    where: str, put: Callable[[Article, Capture, str], None], path: str, problem: str, bad: str
) -> None:
    article = make_article(URL)
    capture = make_capture(URL, b"<html></html>", T0)
    put(article, capture, bad)
    with pytest.raises(UnstorableRecordError) as refused:
        check_storable(article, capture)
    assert path in str(refused.value) and problem in str(refused.value)


class Layer(enum.StrEnum):
    """A text value of an unusual type: a record built by other code may hold one."""

    JSONLD = "jsonld"


@pytest.mark.parametrize(
    "odd",
    [
        pytest.param(lambda a: a.sources.update({"title": Layer.JSONLD}), id="a str enum"),
        pytest.param(lambda a: setattr(a, "warnings", ("one", "two")), id="a tuple"),
        pytest.param(
            lambda a: a.qa.append(QAPair("Encore ?", "Oui, encore 100 %.", None)),
            id="a pair without speaker",
        ),
        pytest.param(lambda a: setattr(a, "contacts", [Contact()]), id="an empty contact"),
        pytest.param(lambda a: a.related.append(RelatedCard("Sans lien")), id="a bare card"),
    ],
)
def test_records_with_unusual_but_storable_values_pass(odd: Callable[[Article], Any]) -> None:
    article = make_article(URL)
    odd(article)
    check_storable(article, make_capture(URL, b"<html></html>", T0))


def test_a_value_of_an_unknown_kind_is_judged_by_its_text() -> None:
    @dataclasses.dataclass
    class Note:
        text: str

        def __str__(self) -> str:
            return self.text

    article = make_article(URL)
    article.warnings = [Note("fine")]  # type: ignore[list-item]
    check_storable(article)
    article.warnings = [object.__new__(type("Odd", (), {"__str__": lambda s: "bad\x00"}))]  # type: ignore[list-item]
    with pytest.raises(UnstorableRecordError, match="NUL"):
        check_storable(article)
