"""`contact_runs` tells a block of prose once (`_may_hold_channel`) before testing each line:
every block that holds a contact line still passes the test."""

import pytest

from scraper.extract.contacts import _is_contact_line, _may_hold_channel

CONTACT_LINES = [
    "jane.doe@example.org",
    "E-mail : julie.martin [at] ville.brussels",
    "Mail: piet (arobase) stad.gent",
    "Tél. : +32 2 513 89 40",
    "T 02/513.89.40",
    "Phone: (212) 555-0198",
]


@pytest.mark.parametrize("line", CONTACT_LINES)
def test_a_block_holding_a_contact_line_may_hold_a_channel(line: str) -> None:
    assert _is_contact_line(line, ("BE", "US"))
    # joined with the block's other lines, as `Block.text` joins them
    assert _may_hold_channel(" ".join(["Pour en savoir plus", line, "Merci."]))


def test_prose_with_a_year_or_an_aside_holds_no_channel() -> None:
    assert not _may_hold_channel("En 2023 (l'an passé), 40 entreprises ont rejoint le projet.")
    assert not _may_hold_channel("Meet us at the fair [stand 12] on 3 May.")
