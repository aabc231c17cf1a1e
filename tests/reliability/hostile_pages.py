"""A corpus of malformed and hostile article pages, generated (nothing stored): name -> bytes."""

from __future__ import annotations

import random
from collections.abc import Callable

from tests import edits

_HEAD = '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>T</title></head><body>'
_ARTICLE = (
    '<article class="post"><h1 class="entry-title">Titre réel</h1>'
    '<div class="entry-content"><p class="lead">Chapeau réel.</p>'
    "<p>Corps réel de l'article.</p></div></article>"
)
_TAIL = "</body></html>"
#: text that looks like an interview but sits in script/style/template: never content
DECOY = "Pourquoi un leurre ? Eric Gabrys: « Ceci n'est pas du contenu. » decoy@example.org"


def _page(inner: str, *, article: bool = True) -> bytes:
    return (_HEAD + inner + (_ARTICLE if article else "") + _TAIL).encode("utf-8")


def deep_nesting(levels: int = 100_000) -> bytes:
    return _page("<div>" * levels + "<p>au fond</p>" + "</div>" * levels)


def deep_unclosed(levels: int = 100_000) -> bytes:
    return _page("<span><b>" * (levels // 2) + "jamais fermé")


def huge_attributes() -> bytes:
    many = " ".join(f'data-a{i}="{i}"' for i in range(50_000))
    return _page(
        f'<div class="{"x" * 4_000_000}" {many}>attributs</div>'
        f'<a href="{"/" + "a" * 1_000_000}">lien</a>'
    )


def null_bytes() -> bytes:
    page = _page("<p>nul\x00 octet</p><di\x00v>\x00</div>")
    return edits.replace(page, b"Corps", b"Co\x00rps")


def invalid_utf8() -> bytes:
    rng = random.Random(3)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(20_000))
    return _page("<p>avant</p>") + noise + b"\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80" + _page("")


def mixed_encodings() -> bytes:
    return (
        _page("<p>utf-8 : été</p>")
        + "<p>cp1252 : été « ok »</p>".encode("windows-1252")
        + "<p>utf-16 : été</p>".encode("utf-16")
        + "<p>sjis : 日本</p>".encode("shift_jis")
    )


def wrong_declared_charset() -> bytes:
    return edits.replace(_page("<p>été</p>"), b'charset="utf-8"', b'charset="utf-16"')


def script_and_style_decoys() -> bytes:
    decoys = (
        f"<script>document.write('<p>{DECOY}</p>')</script>"
        f"<style>p::after {{ content: '{DECOY}' }}</style>"
        f"<template><p>{DECOY}</p></template>"
        f'<script type="application/ld+json">{{"headline": "{DECOY}", broken</script>'
        f"<noscript><style>{DECOY}</style></noscript>"
    )
    html = _page("")
    return edits.replace(html, b"</p></div>", b"</p>" + decoys.encode("utf-8") + b"</div>", 1)


def five_megabytes() -> bytes:
    paragraph = "<p>Bruxelles exporte, paragraphe long et ordinaire numéro {i}.</p>"
    inner = "".join(paragraph.format(i=i) for i in range(80_000))
    return _page(
        f'<article class="post"><h1>Grand</h1><div class="entry-content">{inner}</div></article>',
        article=False,
    )


def binary_garbage() -> bytes:
    rng = random.Random(9)
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(200_000))


def empty() -> bytes:
    return b""


def many_questions() -> bytes:
    return _page("".join(f"<h3>Question {i} ?</h3><p>E.G.: réponse {i}</p>" for i in range(20_000)))


CORPUS: dict[str, Callable[[], bytes]] = {
    f.__name__: f
    for f in (
        deep_nesting,
        deep_unclosed,
        huge_attributes,
        null_bytes,
        invalid_utf8,
        mixed_encodings,
        wrong_declared_charset,
        script_and_style_decoys,
        five_megabytes,
        binary_garbage,
        empty,
        many_questions,
    )
}
