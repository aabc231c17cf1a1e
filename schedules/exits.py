"""The exit codes of the commands that run unattended (crawl, worker, import, reparse): one table,
the one DECISIONS.md and the README give, so that cron and systemd can alert on what matters."""

from __future__ import annotations

#: the run did all it had to
EXIT_OK = 0
#: the run finished, some pages failed; they are retried by the next run
EXIT_FAILURES = 1
#: usage or configuration error: a bad flag or profile, a start URL answering 404/410 or
#: disallowed by robots.txt, not an
#: archive, an archive at an older revision
EXIT_USAGE = 2
#: the profile found nothing: a listing held no article (`warc import`: no page to import)
EXIT_NOTHING_FOUND = 3
#: the site is unreachable or down: no request was answered (DNS, connect, TLS), or none was
#: served (every answer a server error, 5xx or 429, or too slow) — sysexits EX_UNAVAILABLE
EXIT_UNREACHABLE = 69
#: the run could not complete: unexpected error, disk full, database locked past the busy
#: timeout — sysexits EX_SOFTWARE
EXIT_SOFTWARE = 70
#: another run holds the lock (cron may simply try again) — sysexits EX_TEMPFAIL
EXIT_LOCKED = 75
#: interrupted by a signal: 128 + its number (SIGINT 130, SIGTERM 143)
SIGNAL_BASE = 128
#: interrupted by Ctrl-C (SIGINT) before a run was recorded, or in a command with no run
EXIT_INTERRUPTED = SIGNAL_BASE + 2
