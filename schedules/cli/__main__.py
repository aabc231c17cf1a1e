"""`python -m schedules.cli …` runs the `hubarchive` command (as cron may call it without the script)."""

from schedules.cli import main

main()
