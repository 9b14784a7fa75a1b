"""`reportview` entry point: parse arguments, run a command or open the app."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from reportview import __version__
from reportview.cli import compare_cmd
from reportview.cli import index as index_cli
from reportview.config import ConfigError, load_config
from reportview.core.textsafe import printable

COMMANDS = ("outline", "figures", "search", "export", "compare", "cache", "keys", "index")


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


EXIT_CODES = """\
exit codes:
  0  done
  1  nothing found (no figure, no hit, no report), or files inside a folder were skipped
     (each named on stderr)
  2  bad usage or config, a PATH that does not exist, or a file named as PATH that holds no
     report (empty, binary, unreadable): said on stderr in one line"""

WATCH_HELP = (
    "follow the folders: new and changed files appear, removed ones leave, without a restart"
    " (also: watch: true in config.yaml)"
)
PATH_HELP = "a report file or a folder (read recursively); default: the corpus in config.yaml"


def _command(
    sub: argparse._SubParsersAction,
    name: str,
    common: argparse.ArgumentParser,
    summary: str,
    description: str,
    examples: Sequence[str],
) -> argparse.ArgumentParser:
    epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples) + "\n\n" + EXIT_CODES
    return sub.add_parser(
        name,
        parents=[common],
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=_HelpFormatter,
    )


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and examples as written; each option's default said after its help."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if (
            "%(default)" not in text
            and default not in (None, False, argparse.SUPPRESS)
            and not isinstance(default, list)
            and action.option_strings
        ):
            text += " (default: %(default)s)"
        return text


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(suppress=True)
    parser = _Parser(
        prog="reportview",
        description="A keyboard-driven terminal explorer for reports. Without a command: open the app"
        " on PATHs (--watch: follow new, changed and removed files).",
        epilog="Each command has its own --help with examples.\n\n" + EXIT_CODES,
        formatter_class=_HelpFormatter,
        parents=[_common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"reportview {__version__}")
    parser.add_argument("--watch", action="store_true", help=WATCH_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = _command(
        sub,
        "outline",
        common,
        "title, date and sections of each report",
        "Print each report's title, date and sections (numbered highlight items, or paragraphs).",
        ("reportview outline seeds/", "reportview outline --format json report.txt > outline.json"),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP)
    p.add_argument("--format", choices=("json", "text"), default="text", help="output format")

    p = _command(
        sub,
        "figures",
        common,
        "every figure of each report",
        "Print the figures (quantities with their label, unit, kind, change) of each report.\n"
        "csv and tsv have the columns every export and copy has; jsonl is one object per figure.",
        (
            "reportview figures seeds/000_30228f7ad0dec25a.txt --section 6",
            "reportview figures seeds/ --format csv > figures.csv",
            "reportview figures seeds/ | jq -r .label     # piped: jsonl",
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP)
    p.add_argument(
        "--format",
        choices=("jsonl", "csv", "tsv", "table"),
        default=None,
        help="output format (default: table on a terminal, jsonl when piped or redirected)",
    )
    p.add_argument("--section", type=int, metavar="N", help="only the figures of section number N")

    p = _command(
        sub,
        "search",
        common,
        "fuzzy, accent-insensitive search",
        "Search report titles, section titles, section text and figure labels: fuzzy, accents and\n"
        'case ignored ("cu tri di bau" finds "cử tri đi bầu"). Also: "exact phrase", kind:money,\n'
        "in:titles|text|figures.",
        (
            "reportview search 'cu tri di bau' seeds/",
            "reportview search 'kind:money ngan sach' --limit 5",
            "reportview search GRDP seeds/ --format json",
        ),
    )
    p.add_argument("query", nargs="?", metavar="QUERY", help="what to find (quote several words)")
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP)
    p.add_argument(
        "--limit", type=int, default=None, metavar="N", help="at most N results (default: search.limit)"
    )
    p.add_argument("--format", choices=("json", "text"), default="text", help="output format")
    index_cli.add_search_option(p)

    p = _command(
        sub,
        "export",
        common,
        "write figures to .csv .json .jsonl .md .xlsx .sqlite",
        "Write the figures of the reports to FILE; the format follows its extension:\n"
        "  .csv .json .jsonl .md  the columns every copy has (README: Columns)\n"
        "  .xlsx                  numbers as numbers, frozen header, filters (the xlsx extra)\n"
        "  .sqlite                tables reports, sections, figures to query with SQL\n"
        "An existing FILE is kept unless --force; nothing is written inside a folder being read.",
        (
            "reportview export seeds/ -o figures.xlsx",
            "reportview export seeds/000_30228f7ad0dec25a.txt --section 6 -o grdp.csv",
            "reportview export seeds/ -o figures.sqlite && sqlite3 figures.sqlite"
            " \"select label, value, unit from figures where kind = 'money'\"",
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP)
    p.add_argument("--output", "-o", required=True, metavar="FILE", help="the file to write")
    p.add_argument("--section", type=int, metavar="N", help="only the figures of section number N")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = _command(
        sub,
        "cache",
        common,
        "show or empty the parse cache",
        "The parse cache keeps each file's parse, keyed by its size, mtime and content, so that\n"
        "reopening a corpus does not parse it again. info: where it is and how big; clear: empty it.",
        ("reportview cache info", "reportview cache clear"),
    )
    p.add_argument("action", choices=("info", "clear"), help="info or clear")

    _command(
        sub,
        "keys",
        common,
        "print the key bindings",
        "Print the app's key bindings (with remaps from config.yaml).",
        ("reportview keys",),
    )
    compare_cmd.add_parser(sub, common)
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
    parser.add_argument("--watch", action="store_true", help=WATCH_HELP)
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

    if args.archive and args.watch:
        raise UsageError("reportview: --watch follows files; an archive is updated by 'reportview index'")
    app = ReportViewApp(
        paths=paths,
        config=config,
        use_cache=not args.no_cache,
        watch=(args.watch or config.watch) and not args.archive,
        archive=args.archive,
    )
    app.run()
    return app.return_code or 0
