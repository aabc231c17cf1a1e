"""Labels of contact fields ("Tél.", "Adres", "E-mail": per-language vocabulary data) and the
field each one names; a label written before its value in one element ("Rubrique : Commerce")
taken off the value."""

from __future__ import annotations

import re
from collections.abc import Collection

from scraper.lexicon import words
from scraper.text import fold

#: The vocabulary key (`scraper/vocabulary/<lang>.toml`) of the labels of a contact table or list
#: ("Nom", "Adresse :", "Functie") that name each field; the phone, email and website labels name
#: "other" (their values speak for themselves).
FIELD_LABEL_KEYS = {
    "name": "contact_name_labels",
    "role": "contact_role_labels",
    "address": "contact_address_labels",
    "other": "contact_other_labels",
}
#: Every language's labels of each field, lower case, accents as written ("téléphone", "telephone").
FIELD_LABELS = {
    field: tuple(dict.fromkeys(w.lower() for w in words(key, folded=False)))
    for field, key in FIELD_LABEL_KEYS.items()
}
_FIELD_LABEL = re.compile(
    r"^(?P<label>"
    + "|".join(
        sorted((re.escape(w) for ws in FIELD_LABELS.values() for w in ws), key=len, reverse=True)
    )
    + r")\.?\s*(?::\s*(?P<value>.*)|$)",
    re.IGNORECASE,
)
_FIELD_OF = {w: kind for kind, ws in FIELD_LABELS.items() for w in ws}


def field_label(line: str) -> tuple[str, str] | None:
    """(field, value) for a labelled line ("Adresse : Rue …" -> ("address", "Rue …")); the
    value is "" for a bare label cell."""
    m = _FIELD_LABEL.match(line.strip())
    if m is None:
        return None
    return _FIELD_OF[m.group("label").lower()], (m.group("value") or "").strip()


def strip_label(text: str, labels: Collection[str]) -> str:
    """`text` without a leading label of `labels` (folded) and its colon when a value follows in
    the same text ("Rubrique : Commerce" -> "Commerce", "Sector: Bouw" -> "Bouw"); else `text`."""
    head, colon, value = text.partition(":")
    value = value.strip()
    if colon and value and fold(head) in labels:
        return value
    return text
