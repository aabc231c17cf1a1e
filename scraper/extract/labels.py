"""Labels of contact fields ("Tél.", "Adres", "E-mail") and the field each one names; a label
written before its value in one element ("Rubrique : Commerce") taken off the value."""

from __future__ import annotations

import re
from collections.abc import Collection

from scraper.text import fold

#: Labels of a contact table or list ("Nom", "Adresse :", "Functie") -> the field they name; the
#: phone and email labels are dropped (their values speak for themselves).
FIELD_LABELS = {
    "name": ("nom", "name", "naam", "contactpersoon", "personne de contact", "contact person"),
    "role": (
        "fonction",
        "function",
        "functie",
        "role",
        "rôle",
        "titre",
        "job title",
        "poste",
        "position",
    ),
    "address": ("adresse", "address", "adres", "adresse postale", "postal address"),
    "other": (
        "téléphone",
        "telephone",
        "telefoon",
        "tél",
        "tel",
        "phone",
        "gsm",
        "mobile",
        "e-mail",
        "email",
        "courriel",
        "mail",
        "website",
        "site web",
        "site",
        "web",
    ),
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
