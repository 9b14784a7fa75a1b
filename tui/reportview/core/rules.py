"""What the core is given: parse rules (with their fingerprint) and load settings.

The core never reads the app's config: `reportview.config.Config` builds these (its `parse_rules`
and `load_settings`), and so can any library caller (`compile_parse_rules`, `LoadSettings`).
Workers receive exactly these two objects.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reportview import __version__

if TYPE_CHECKING:
    from reportview.core.figures import FigureRules
    from reportview.core.furniture import FurnitureRules

# Where parsing starts: every module these import (transitively, inside the package) decides what
# a cached parse holds; index terms are cached with it.
PARSE_ENTRY_MODULES = ("reportview.core.loading", "reportview.core.terms")

DEFAULT_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
DEFAULT_EXCLUDE = ("README*", "SOURCE.*", "SOURCES.*", "LICENSE*", "LICENCE*", "COPYING*")


@dataclass(frozen=True, slots=True)
class ParseRules:
    """The rules of one parse: config's extra furniture patterns, convention, units and magnitudes
    over the built-in tables, compiled when a parse first asks (a load served from the cache never
    imports the parsing modules), and their fingerprint."""

    furniture_lines: tuple[str, ...]
    tail_markers: tuple[str, ...]
    convention: str
    units: tuple[tuple[str, str], ...]
    magnitudes: tuple[tuple[str, float], ...]
    # Changes whenever the parse could change: rules, program version, or parsing code.
    fingerprint: str

    @property
    def furniture(self) -> FurnitureRules:
        return _furniture_rules(self.furniture_lines, self.tail_markers)

    @property
    def figures(self) -> FigureRules:
        return _figure_rules(self.convention, self.units, self.magnitudes)


@lru_cache(maxsize=32)
def _furniture_rules(furniture_lines: tuple[str, ...], tail_markers: tuple[str, ...]) -> FurnitureRules:
    from reportview.core import lexicon as lx
    from reportview.core.furniture import compile_rules

    return compile_rules(_with(lx.FURNITURE_LINES, furniture_lines), _with(lx.TAIL_MARKERS, tail_markers))


@lru_cache(maxsize=32)
def _figure_rules(
    convention: str, units: tuple[tuple[str, str], ...], magnitudes: tuple[tuple[str, float], ...]
) -> FigureRules:
    from reportview.core.figures import figure_rules

    return figure_rules(convention, units, magnitudes)


@dataclass(frozen=True, slots=True)
class LoadSettings:
    """How a corpus is loaded: which files, how many worker processes (0: one per core), the cache."""

    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    # File name globs skipped inside folders (corpus metadata files, not reports).
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    workers: int = 0
    cache: bool = True


class Setup(Protocol):
    """What loading a corpus needs (the app's Config is one; CoreSetup is the plain one)."""

    @property
    def parse_rules(self) -> ParseRules: ...

    @property
    def load_settings(self) -> LoadSettings: ...


@dataclass(frozen=True, slots=True)
class CoreSetup:
    """Parse rules and load settings, for callers without an app config."""

    parse_rules: ParseRules
    load_settings: LoadSettings = LoadSettings()


@lru_cache(maxsize=32)
def compile_parse_rules(
    furniture_lines: tuple[str, ...] = (),
    tail_markers: tuple[str, ...] = (),
    convention: str = "auto",
    units: tuple[tuple[str, str], ...] = (),
    magnitudes: tuple[tuple[str, float], ...] = (),
) -> ParseRules:
    """ParseRules from the built-in tables (lexicon.py) plus extra furniture patterns, units and
    magnitudes (config.yaml's)."""
    parts = {
        "version": __version__,
        "code": code_digest(PARSE_ENTRY_MODULES),
        "furniture": [furniture_lines, tail_markers],
        "figures": [convention, sorted(units), sorted(magnitudes)],
    }
    raw = json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()
    fingerprint = hashlib.sha1(raw).hexdigest()[:16]
    return ParseRules(furniture_lines, tail_markers, convention, units, magnitudes, fingerprint)


def _with(built_in: tuple[str, ...], extra: tuple[str, ...]) -> tuple[str, ...]:
    """The built-in patterns, then the extra ones not among them."""
    return (*built_in, *(p for p in extra if p not in built_in))


def default_rules() -> ParseRules:
    """The built-in tables alone (no extra furniture patterns, units or magnitudes)."""
    return compile_parse_rules()


def rules_of(setup: ParseRules | Setup | None) -> ParseRules:
    if setup is None:
        return default_rules()
    if isinstance(setup, ParseRules):
        return setup
    return setup.parse_rules


def load_settings_of(setup: LoadSettings | Setup | None) -> LoadSettings:
    if setup is None:
        return LoadSettings()
    if isinstance(setup, LoadSettings):
        return setup
    return setup.load_settings


# --- the parsing code's own fingerprint ------------------------------------------------------------


# Import statements, wherever they stand (inside functions too): `import a.b, c` and
# `from .x import (y, z)`. A regex, not ast.parse: this runs at every start (a tenth of a second
# for the parse modules' ASTs), and a string that looks like an import only adds a module.
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<base>\.*[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n#]+)"
    r"|import[ \t]+(?P<modules>[^\n#]+))",
    re.MULTILINE,
)


def _imports_in(source: str, name: str, is_package: bool) -> list[str]:
    """The modules (and module.name pairs) the source of module `name` imports, absolute."""
    out: list[str] = []
    for m in _IMPORT.finditer(source):
        if m["modules"]:
            out += [part.split(" as ")[0].strip() for part in m["modules"].split(",")]
            continue
        base = m["base"]
        level = len(base) - len(base.lstrip("."))
        if level:
            parts = name.split(".") if is_package else name.split(".")[:-1]
            parts = parts[: len(parts) - (level - 1)]
            rest = base.lstrip(".")
            base = ".".join([*parts, *([rest] if rest else [])])
        names = [n.split(" as ")[0].strip() for n in m["names"].strip("()").replace("\\", " ").split(",")]
        out += [base, *(f"{base}.{n}" for n in names if n)]
    return out


def imported_modules(roots: Iterable[str], package: str | None = None) -> dict[str, Path]:
    """Every module of `package` (default: the roots' top package) that `roots` import, directly or
    through each other, with its source file: read from the source (imports inside functions
    count too), so the set follows the code without a list of names to keep."""
    return {name: path for name, (path, _) in _module_sources(roots, package).items()}


def _module_sources(roots: Iterable[str], package: str | None = None) -> dict[str, tuple[Path, str]]:
    """imported_modules' modules with the source text each was read for (read once: at every start)."""
    found: dict[str, tuple[Path, str]] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        top = package or name.split(".")[0]
        if name in found:
            continue
        located = _source_of(name)
        if located is None:
            continue
        path, is_package = located
        source = path.read_text(encoding="utf-8", errors="replace")
        found[name] = (path, source)
        for imported in _imports_in(source, name, is_package):
            if imported == top or imported.startswith(top + "."):
                pieces = imported.split(".")
                todo.extend(".".join(pieces[: i + 1]) for i in range(len(pieces)))
    return found


def _source_of(name: str) -> tuple[Path, bool] | None:
    """The source file of module `name` and whether it is a package; None for a name that is not
    a module ("pkg.module.NAME") or has no .py source. Found from the top package's folder, not
    with importlib's finders: this runs at every start, and a finder imports each parent package."""
    top, _, rest = name.partition(".")
    folder = _package_folder(top)
    if folder is None:
        return None
    base = folder.joinpath(*rest.split(".")) if rest else folder
    if rest and base.with_suffix(".py").is_file():
        return base.with_suffix(".py"), False
    if (base / "__init__.py").is_file():
        return base / "__init__.py", True
    return None


@lru_cache(maxsize=16)
def _package_folder(top: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=8)
def code_digest(roots: tuple[str, ...], package: str | None = None) -> str:
    """A digest of the source of every module `roots` import (see imported_modules), and of every
    data file of their package that one of them names (`data/places.json`): parsing reads those
    too."""
    digest = hashlib.sha1()
    modules = _module_sources(roots, package)
    for name, (_, source) in sorted(modules.items()):
        digest.update(name.encode())
        digest.update(source.encode("utf-8", "surrogatepass"))
    for path in _data_files_named({name: source for name, (_, source) in modules.items()}):
        digest.update(path.name.encode())
        with contextlib.suppress(OSError):  # a file gone since it was listed: its name still counts
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _data_files_named(sources: dict[str, str]) -> list[Path]:
    """The files of each top package's `data/` folder whose relative path ("data/places.json") one of
    the modules' sources (by module name) holds."""
    out: set[Path] = set()
    for top in {name.split(".")[0] for name in sources}:
        folder = _package_folder(top)
        data = folder / "data" if folder is not None else None
        if data is None or not data.is_dir():
            continue
        for file in data.rglob("*"):
            rel = file.relative_to(folder).as_posix()
            if file.is_file() and any(rel in src for n, src in sources.items() if n.split(".")[0] == top):
                out.add(file)
    return sorted(out)
