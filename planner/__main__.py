"""``python -m planner``: the same as the ``sprintplan`` command."""

from planner.cli.entry import main

if __name__ == "__main__":
    raise SystemExit(main())
