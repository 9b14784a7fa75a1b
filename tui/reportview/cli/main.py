"""`reportview` entry point: parse arguments, run a command or open the app."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from reportview import __version__
from reportview.cli import index as index_cli
from reportview.config import ConfigError, load_config
from reportview.core.textsafe import printable

COMMANDS = ("outline", "figures", "search", "export", "cache", "keys", "index")


class UsageError(Exception):
    """Bad usage: exit 2 with one line on stderr."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        raise UsageError(f"{self.prog}: {message}")


def _common_options(suppress: bool) -> argparse.ArgumentParser:
    """--config and --no-cache, accepted before and after the command.

    The command's copy has no defaults (SUPPRESS), so it never overwrites a value given before
    the command: `reportview --config FILE outline` and `reportview outline --config FILE` agree.
    """
    common = _Parser(add_help=False)
    extra = {"default": argparse.SUPPRESS} if suppress else {}
    common.add_argument(
        "--config",
        metavar="FILE",
        help="config file (default: $REPORTVIEW_CONFIG, user config, shipped)",
        **extra,
    )
    common.add_argument(
        "--no-cache", action="store_true", help="do not read or write the parse cache", **extra
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(suppress=True)
    parser = _Parser(
        prog="reportview",
        description="A keyboard-driven terminal explorer for reports. Without a command: open the app.",
        parents=[_common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"reportview {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("outline", parents=[common], help="title, date and sections of each report")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--format", choices=("json", "text"), default="text")

    p = sub.add_parser("figures", parents=[common], help="every figure of each report")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "csv", "tsv", "table"), default="table")
    p.add_argument("--section", type=int, metavar="N", help="only figures of section number N")

    p = sub.add_parser("search", parents=[common], help="fuzzy, accent-insensitive search")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--limit", type=int, default=None, metavar="N")
    p.add_argument("--format", choices=("json", "text"), default="text")
    index_cli.add_search_option(p)

    p = sub.add_parser(
        "export", parents=[common], help="write figures to .csv .json .jsonl .md .xlsx .sqlite"
    )
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--output", "-o", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = sub.add_parser("cache", parents=[common], help="show or empty the parse cache")
    p.add_argument("action", choices=("info", "clear"))

    sub.add_parser("keys", parents=[common], help="print the key bindings")
    index_cli.add_parser(sub, common)
    return parser


def _split_app_args(argv: list[str]) -> bool:
    """True when argv names no command: `reportview [PATH ...]` opens the app."""
    skip_value = False
    for arg in argv:
        if skip_value:  # the FILE of `--config FILE`
            skip_value = False
            continue
        if arg in ("-h", "--help", "--version"):
            return False
        if arg in ("--config", "--archive"):
            skip_value = True
            continue
        if arg == "--":
            return True
        if arg.startswith("-"):
            continue
        return arg not in COMMANDS
    return True


def _safe_streams() -> None:
    """Never die on printing: characters the terminal's encoding lacks, and the lone surrogates
    of non-UTF-8 file names, come out as backslash escapes instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the exit-time flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _safe_streams()
    try:
        if _split_app_args(args_list):
            return _open_app(args_list)
        args = build_parser().parse_args(args_list)
        if args.command is None:
            return _open_app([])
        config = load_config(args.config)
        from reportview.cli import commands

        return commands.run(args, config)
    except UsageError as exc:
        print(printable(str(exc), keep_newlines=False), file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"reportview: config error: {printable(str(exc), keep_newlines=False)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reportview figures | head`: the reader left; nothing more to say.
        _silence_stdout()
        return 0
    except OSError as exc:
        # Output that cannot be written (a full disk, a closed stdout): say so; not a bug.
        _silence_stdout()
        print(f"reportview: cannot write: {printable(exc.strerror or str(exc))}", file=sys.stderr)
        return 2
    except Exception as exc:
        # No traceback for users (REPORTVIEW_DEBUG=1 shows it): one line, and a bug to report.
        if os.environ.get("REPORTVIEW_DEBUG"):
            raise
        why = " ".join(str(exc).split())[:200]
        print(
            f"reportview: internal error ({type(exc).__name__}: {printable(why)}); please report it",
            file=sys.stderr,
        )
        return 2


def _open_app(argv: list[str]) -> int:
    parser = _Parser(
        prog="reportview", description="Open the explorer on PATHs (default: the configured corpus)."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--config", metavar="FILE")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--archive", metavar="DIR", help="open an archive built by 'reportview index'")
    args = parser.parse_args(argv)
    config = load_config(args.config)
    from reportview.cli.commands import check_paths

    if args.archive:
        if args.paths:
            raise UsageError("reportview: give PATHs or --archive, not both")
        from reportview.core.archive.reader import Archive, ArchiveError

        try:
            Archive(args.archive).close()
        except ArchiveError as exc:
            raise UsageError(f"reportview: {exc}") from None
        paths = [args.archive]
    else:
        paths = args.paths or [str(p) for p in config.corpus_paths()]
        check_paths(paths)
    from reportview.ui.app import ReportViewApp

    app = ReportViewApp(paths=paths, config=config, use_cache=not args.no_cache, archive=args.archive)
    app.run()
    return app.return_code or 0
