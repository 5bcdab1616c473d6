"""natoapp's command line: ``natoapp.cli.main(argv) -> int`` is the single entry point.

Exit status: 0 on success, 2 with a one-line message on stderr for a usage error
or bad input, 1 for a failure of the machine (unreadable files, a failed build).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from natoapp.cli.parser import UsageError, build_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; with no command, open the window."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
    except UsageError as exc:
        print(f"natoapp: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)

    if args.command in (None, "gui"):
        from natoapp.ui.app import run_gui  # Qt is imported only when a window is wanted

        return run_gui([sys.argv[0], *args_list], self_test=args.self_test)

    from natoapp.cli.commands import run_command

    return run_command(args)


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
