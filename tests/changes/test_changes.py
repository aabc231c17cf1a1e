"""`list_changes` and `hubarchive changes`: what a run found, with the right fields and diffs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from schedules.cli import main
from storage.changes import ChangeQuery, list_changes, short_diff
from storage.db import open_engine, transaction

from .conftest import History
from .sites import NEW_ANSWER, NEW_BODY, NEW_QUESTION


def _changes(db_url: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["changes", "--db", db_url, "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["changes"]


def test_changes_of_the_last_run_are_exactly_the_three_edits(history: History) -> None:
    changes = _changes(history.db_url)
    by_url = {c["url"]: c for c in changes}
    assert sorted(by_url) == sorted([history.edited_url, history.qa_url, history.gone_url])
    assert {c["run_id"] for c in changes} == {history.second_run}

    edited = by_url[history.edited_url]
    assert edited["kind"] == "changed"
    assert edited["changed_fields"] == ["body"]
    assert (edited["from_version"], edited["version"]) == (1, 2)
    body = edited["diff"][0]
    assert body["field"] == "body"
    assert {"op": "+", "text": NEW_BODY} in body["lines"]
    assert any(line["op"] == "-" for line in body["lines"])

    extended = by_url[history.qa_url]
    assert extended["kind"] == "changed"
    assert "qa" in extended["changed_fields"]
    qa = next(d for d in extended["diff"] if d["field"] == "qa")
    assert [line["op"] for line in qa["lines"]] == ["+"]
    assert NEW_QUESTION in qa["lines"][0]["text"] and NEW_ANSWER in qa["lines"][0]["text"]

    gone = by_url[history.gone_url]
    assert gone["kind"] == "gone"
    assert gone["diff"] == [] and gone["title"]
    for change in changes:
        assert change["site"] and change["lang"] == "fr" and change["seen_at"]


def test_changes_json_is_the_documented_object_and_runs_json_a_list(history: History) -> None:
    """`changes --json` prints `{"count": N, "changes": [...]}` while `runs --json` prints a
    list: both shapes are what the README documents and scripts read (`jq '.changes[]'`,
    `jq '.[0].outcome'`), so neither changes silently."""
    result = CliRunner().invoke(main, ["changes", "--db", history.db_url, "--json"])
    data = json.loads(result.output)
    assert sorted(data) == ["changes", "count"] and data["count"] == len(data["changes"]) == 3
    runs = json.loads(CliRunner().invoke(main, ["runs", "--db", history.db_url, "--json"]).output)
    assert isinstance(runs, list) and {run["id"] for run in runs} >= {history.second_run}
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert '`{"count": N, "changes": [...]}`' in readme  # the shape, where people look


def test_first_run_lists_every_article_as_new(history: History) -> None:
    changes = _changes(history.db_url, "--run", str(history.first_run))
    assert changes and {c["kind"] for c in changes} == {"new"}
    assert len(changes) == len({c["url"] for c in changes})


def test_filters_narrow_the_changes(history: History) -> None:
    assert _changes(history.db_url, "--lang", "nl") == []
    since = _changes(history.db_url, "--since", "2000-01-01")
    assert {c["run_id"] for c in since} == {history.first_run, history.second_run}
    assert since[0]["run_id"] == history.second_run  # newest run first


def test_unknown_run_and_site_are_one_line_errors(sqlite_history: History) -> None:
    runner = CliRunner()
    for args in (["--run", "999"], ["--site", "nowhere"], ["--run", "1", "--since", "2020-01-01"]):
        result = runner.invoke(main, ["changes", "--db", sqlite_history.db_url, *args])
        assert result.exit_code != 0
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
        if args[0] == "--site":  # a typo to fix, as search's and export's --site: not 1
            assert result.exit_code == 2 and "no site 'nowhere'" in result.output
        if len(args) == 4:  # the options as typed, not the fields behind them
            assert result.exit_code == 2
            assert result.output == (
                "Error: give one of --run, --since, --captured-since, not --run and --since\n"
            )


def test_text_output_names_each_change(sqlite_history: History) -> None:
    result = CliRunner().invoke(main, ["changes", "--db", sqlite_history.db_url])
    assert result.exit_code == 0, result.output
    assert sqlite_history.gone_url in result.output and "GONE" in result.output
    assert NEW_BODY in result.output


def test_library_call_matches_the_cli(sqlite_history: History) -> None:
    engine = open_engine(sqlite_history.db_url, migrate=False, create=False)
    try:
        with transaction(engine) as session:
            changes = list_changes(session, ChangeQuery(run_id=sqlite_history.second_run))
    finally:
        engine.dispose()
    assert [c.to_dict() for c in changes] == _changes(sqlite_history.db_url)


def test_short_diff_is_cut_to_three_lines_and_300_characters() -> None:
    many = short_diff("body", "a\nb\nc\nd", "e\nf\ng\nh")
    assert len(many.lines) == 3 and many.truncated
    long = short_diff("title", "x", "y" * 1000)
    assert sum(len(line.text) for line in long.lines) <= 300 and long.truncated
    small = short_diff("title", "old", "new")
    assert [(line.op, line.text) for line in small.lines] == [("-", "old"), ("+", "new")]
    assert not small.truncated


def test_an_article_back_unchanged_is_revived(sqlite_history: History) -> None:
    from schedules.job import run_crawl
    from tests.crawl.conftest import fast_options

    from .conftest import GONE

    sqlite_history.site.articles[GONE].deleted = False
    third = run_crawl(fast_options(sqlite_history.db_url, sqlite_history.base_url))
    assert third.exit_code == 0
    changes = _changes(sqlite_history.db_url)
    assert [(c["kind"], c["url"]) for c in changes] == [("revived", sqlite_history.gone_url)]
    assert changes[0]["run_id"] == third.run_id


def test_reparse_versions_are_left_out_unless_asked_for(sqlite_history: History) -> None:
    from schedules.reparse import reparse
    from scraper.extract import extract_article

    def shouting(html: bytes | str, url: str, **kwargs: object):  # type: ignore[no-untyped-def]
        article = extract_article(html, url, **kwargs)  # type: ignore[arg-type]
        article.title = (article.title or "").upper()
        return article

    def month_stats() -> dict:
        args = ["stats", "--json", "--db", sqlite_history.db_url]
        return json.loads(CliRunner().invoke(main, args).output)

    stats_before = month_stats()
    engine = open_engine(sqlite_history.db_url, migrate=False, create=False)
    try:
        report = reparse(engine, extract=shouting, extractor_version="test-2")
    finally:
        engine.dispose()
    assert report.changed > 0
    every = _changes(sqlite_history.db_url, "--since", "2000-01-01", "--limit", "100")
    assert all(c["cause"] == "crawl" for c in every)
    assert len(every) == 8 + 3
    with_reparse = _changes(
        sqlite_history.db_url, "--since", "2000-01-01", "--include-reparse", "--limit", "100"
    )
    extractor = [c for c in with_reparse if c["cause"] == "extractor"]
    assert len(extractor) == report.changed
    assert all(c["changed_fields"] == ["title"] for c in extractor)
    assert month_stats() == stats_before  # nor are they changes in the statistics
