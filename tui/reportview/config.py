"""config.yaml: lookup order, merging over the shipped defaults, and validation with line numbers."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reportview.core.indicators import Indicator, IndicatorError, indicators_from_mapping
from reportview.core.rules import DEFAULT_EXCLUDE, LoadSettings, ParseRules, compile_parse_rules
from reportview.ui.actions import key_ids

SHIPPED_CONFIG = Path(__file__).resolve().parent / "data" / "config.yaml"
ENV_VAR = "REPORTVIEW_CONFIG"

# Lists under these keys are added to the defaults instead of replacing them.
ADDITIVE_KEYS = frozenset({("furniture", "lines"), ("furniture", "tail_markers")})


class ConfigError(Exception):
    """A config file that cannot be used; str() is the one line shown to the user."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("reportview")) / "config.yaml"


@dataclass(frozen=True, slots=True)
class ParseSettings:
    """config.yaml's parsing keys: extra furniture patterns, the number convention, extra units."""

    furniture_lines: tuple[str, ...] = ()
    tail_markers: tuple[str, ...] = ()
    convention: str = "auto"
    units: tuple[tuple[str, str], ...] = ()
    magnitudes: tuple[tuple[str, float], ...] = ()

    def rules(self) -> ParseRules:
        """The compiled rules the core parses with (cached per distinct settings)."""
        return compile_parse_rules(
            self.furniture_lines, self.tail_markers, self.convention, self.units, self.magnitudes
        )


@dataclass(frozen=True, slots=True)
class UiSettings:
    """config.yaml's keys for the app: key bindings, clipboard, theme, search results shown."""

    keys: Mapping[str, str]
    clipboard_method: str = "auto"
    clipboard_command: str | None = None
    theme: str = "textual-dark"
    search_limit: int = 50


@dataclass(frozen=True, slots=True)
class CompareSettings:
    """config.yaml's `compare:`: indicators added to (or replacing) the built-in registry."""

    indicators: tuple[tuple[str, Indicator], ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    """The effective configuration, by concern: parsing, loading, the app, compare."""

    corpus: tuple[str, ...]
    parse: ParseSettings
    load: LoadSettings
    ui: UiSettings
    compare: CompareSettings = CompareSettings()
    # Follow the loaded paths for changes (--watch): the app and CLI read it.
    watch: bool = False
    source: str = ""
    base_dir: str = ""
    # An archive of at most this many reports is opened in memory, a bigger one lazily.
    archive_in_memory_max: int = 5000

    # What the core is given (reportview.core.rules.Setup): compiled rules and load settings.
    @property
    def parse_rules(self) -> ParseRules:
        return self.parse.rules()

    @property
    def load_settings(self) -> LoadSettings:
        return self.load

    def parsing_fingerprint(self) -> str:
        """A hash of everything that changes how a file is parsed (for the cache)."""
        return self.parse_rules.fingerprint

    # The flat names readers used before the settings were grouped.
    @property
    def extensions(self) -> tuple[str, ...]:
        return self.load.extensions

    @property
    def exclude(self) -> tuple[str, ...]:
        return self.load.exclude

    @property
    def keys(self) -> Mapping[str, str]:
        return self.ui.keys

    @property
    def clipboard_method(self) -> str:
        return self.ui.clipboard_method

    @property
    def clipboard_command(self) -> str | None:
        return self.ui.clipboard_command

    @property
    def theme(self) -> str:
        return self.ui.theme

    @property
    def search_limit(self) -> int:
        return self.ui.search_limit

    def corpus_paths(self) -> list[Path]:
        """The default corpus, relative paths tried against the cwd, then the config's folder."""
        paths = []
        for entry in self.corpus:
            p = Path(entry).expanduser()
            if not p.is_absolute() and not p.exists() and self.base_dir:
                alt = Path(self.base_dir) / p
                if alt.exists():
                    p = alt
            paths.append(p)
        return paths


# --- schema -------------------------------------------------------------------------------------

Checker = Callable[[yaml.Node, str, str], Any]


def _fail(node: yaml.Node, path: str, problem: str) -> ConfigError:
    return ConfigError(path, node.start_mark.line + 1, problem)


def _scalar(node: yaml.Node, path: str, where: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(node, path, f"{where}: expected a single value, not a {_kind(node)}")
    # The composer has resolved the node's tag: build the value from it (a round trip through
    # yaml.serialize + safe_load per value cost most of the app's start-up config read).
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def _kind(node: yaml.Node) -> str:
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "value")


def _string(node: yaml.Node, path: str, where: str) -> str:
    value = _scalar(node, path, where)
    if not isinstance(value, str):
        raise _fail(node, path, f"{where}: expected text, got {value!r}")
    return value


def _optional_string(node: yaml.Node, path: str, where: str) -> str | None:
    value = _scalar(node, path, where)
    if value is not None and not isinstance(value, str):
        raise _fail(node, path, f"{where}: expected text or null, got {value!r}")
    return value


def _regex(node: yaml.Node, path: str, where: str) -> str:
    value = _string(node, path, where)
    try:
        re.compile(value)
    except re.error as exc:
        raise _fail(node, path, f"{where}: bad regular expression {value!r}: {exc}") from None
    return value


def _int(minimum: int) -> Checker:
    def check(node: yaml.Node, path: str, where: str) -> int:
        value = _scalar(node, path, where)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise _fail(node, path, f"{where}: expected a whole number >= {minimum}, got {value!r}")
        return value

    return check


def _bool(node: yaml.Node, path: str, where: str) -> bool:
    value = _scalar(node, path, where)
    if not isinstance(value, bool):
        raise _fail(node, path, f"{where}: expected true or false, got {value!r}")
    return value


def _choice(*options: str) -> Checker:
    def check(node: yaml.Node, path: str, where: str) -> str:
        value = _scalar(node, path, where)
        if value not in options:
            raise _fail(node, path, f"{where}: expected one of {', '.join(options)}, got {value!r}")
        return value

    return check


def _list(item: Checker) -> Checker:
    def check(node: yaml.Node, path: str, where: str) -> list[Any]:
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(node, path, f"{where}: expected a list")
        return [item(child, path, f"{where}[{i}]") for i, child in enumerate(node.value)]

    return check


def _map_of(value_check: Checker) -> Checker:
    def check(node: yaml.Node, path: str, where: str) -> dict[str, Any]:
        if isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~"):
            return {}
        if not isinstance(node, yaml.MappingNode):
            raise _fail(node, path, f"{where}: expected a mapping")
        out = {}
        for key_node, value_node in node.value:
            key = _string(key_node, path, f"{where} key")
            out[key] = value_check(value_node, path, f"{where}.{key}")
        return out

    return check


def _indicators(node: yaml.Node, path: str, where: str) -> dict[str, Indicator]:
    """`compare: indicators:` checked by the registry's own rules, the error at its line."""
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~"):
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise _fail(node, path, f"{where}: expected a mapping of indicator ids")
    out: dict[str, Indicator] = {}
    for key_node, value_node in node.value:
        key = _string(key_node, path, f"{where} key")
        data = yaml.safe_load(yaml.serialize(value_node))
        try:
            out.update(indicators_from_mapping({key: data}, where))
        except IndicatorError as exc:
            raise _fail(value_node, path, str(exc)) from None
    return out


def _number(node: yaml.Node, path: str, where: str) -> float:
    value = _scalar(node, path, where)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise _fail(node, path, f"{where}: expected a positive number, got {value!r}")
    return float(value)


# Textual's built-in themes (textual.theme.BUILTIN_THEMES; a test keeps this list equal to it).
# Named here, not imported: textual.theme costs ~100 ms, and every CLI command reads the config.
THEMES = (
    "ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light", "catppuccin-frappe",
    "catppuccin-latte", "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki", "gruvbox",
    "monokai", "nord", "rose-pine", "rose-pine-dawn", "rose-pine-moon", "solarized-dark",
    "solarized-light", "textual-dark", "textual-light", "tokyo-night",
)  # fmt: skip

SCHEMA: dict[str, Any] = {
    "corpus": _list(_string),
    "extensions": _list(_string),
    "exclude": _list(_string),
    "furniture": {"lines": _list(_regex), "tail_markers": _list(_regex)},
    "figures": {
        "convention": _choice("auto", "vi", "en"),
        "units": _map_of(_choice("measure", "count")),
        "magnitudes": _map_of(_number),
    },
    "keys": {name: _string for name in key_ids()},
    "clipboard": {"method": _choice("auto", "osc52", "command"), "command": _optional_string},
    "theme": _choice(*THEMES),
    "watch": _bool,
    "search": {"limit": _int(1)},
    "loading": {"workers": _int(0), "cache": _bool, "archive_in_memory_max": _int(0)},
    "compare": {"indicators": _indicators},
}


def _validate(node: yaml.Node, schema: Any, path: str, where: str = "") -> Any:
    if callable(schema):
        return schema(node, path, where or "value")
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~") and where:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise _fail(node, path, f"{where or 'top level'}: expected a mapping, not a {_kind(node)}")
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problem = f"{where or 'top level'}: a key must be a plain name, not a {_kind(key_node)}"
            raise _fail(key_node, path, problem)
        key = key_node.value
        name = f"{where}.{key}" if where else str(key)
        if key in out:
            raise _fail(key_node, path, f"duplicate key {name!r}")
        if key not in schema:
            known = ", ".join(sorted(schema))
            raise _fail(key_node, path, f"unknown key {name!r} (known here: {known})")
        out[key] = _validate(value_node, schema[key], path, name)
    return out


def read_config_file(path: Path, *, shipped: bool = False) -> dict[str, Any]:
    """Parse and validate one config file; raise ConfigError naming the file and line.

    `shipped`: the file is the package's own, read with libyaml when present (0.1 ms instead
    of 3 at every start). Users' files always go through the pure-Python composer, whose
    RecursionError on deep nesting is caught: libyaml's recursion overflows the C stack.
    """
    data = _read_config_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(path, line, "not a UTF-8 text file") from None
    if "\x00" in text:
        raise ConfigError(path, text[: text.index("\x00")].count("\n") + 1, "not a text file (NUL byte)")
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if shipped else yaml.SafeLoader
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(path, line, f"YAML error: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, None, f"YAML error: {exc}") from None
    except RecursionError:
        raise ConfigError(path, _deepest_line(text), "YAML error: nested too deeply") from None
    if node is None:
        return {}
    try:
        return _validate(node, SCHEMA, str(path))
    except yaml.MarkedYAMLError as exc:  # a value that cannot be built, e.g. an unknown !tag
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(path, line, f"YAML error: {exc.problem or exc.context}") from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        raise ConfigError(path, None, f"cannot use this value: {type(exc).__name__}") from None


def _deepest_line(text: str) -> int:
    """The line where [ and { nest deepest (where a too-deep file goes wrong)."""
    depth = best = 0
    line = best_line = 1
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > best:
                best, best_line = depth, line
        elif ch in "]}":
            depth -= 1
        elif ch == "\n":
            line += 1
    return best_line


# A config file is a few kilobytes; anything this big is not one.
MAX_CONFIG_BYTES = 1024 * 1024


def _read_config_bytes(path: Path) -> bytes:
    """The file's bytes, refusing folders, FIFOs and devices (no blocking) and huge files."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ConfigError(path, None, f"cannot read config: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
            raise ConfigError(path, None, f"cannot read config: {what}")
        if st.st_size > MAX_CONFIG_BYTES:
            raise ConfigError(path, None, f"not a config file: {st.st_size // 1024} KB is too large")
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(path, None, f"cannot read config: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _merge(base: dict[str, Any], over: dict[str, Any], trail: tuple[str, ...] = ()) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        here = (*trail, key)
        if isinstance(value, dict) and isinstance(out.get(key), dict) and here[:1] != ("keys",):
            out[key] = _merge(out[key], value, here)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        elif here in ADDITIVE_KEYS and isinstance(out.get(key), list):
            out[key] = [*out[key], *[v for v in value if v not in out[key]]]
        else:
            out[key] = value
    return out


def find_config_path(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The user's config file by the lookup order, or None for the shipped defaults only."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    candidate = user_config_path()
    return candidate if candidate.is_file() else None


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    """The effective config: shipped defaults, overridden by the first user file found."""
    defaults = read_config_file(SHIPPED_CONFIG, shipped=True)
    chosen = find_config_path(explicit)
    merged = defaults
    source = str(SHIPPED_CONFIG)
    if chosen is not None:
        merged = _merge(defaults, read_config_file(chosen))
        source = str(chosen)
    return config_from_dict(merged, source=source, base_dir=str(Path(source).resolve().parent))


def config_from_dict(merged: Mapping[str, Any], source: str = "", base_dir: str = "") -> Config:
    fig = merged.get("figures", {})
    fur = merged.get("furniture", {})
    clip = merged.get("clipboard", {})
    loading = merged.get("loading", {})
    return Config(
        corpus=tuple(merged.get("corpus", ())),
        parse=ParseSettings(
            furniture_lines=tuple(fur.get("lines", ())),
            tail_markers=tuple(fur.get("tail_markers", ())),
            convention=fig.get("convention", "auto"),
            units=tuple(sorted(fig.get("units", {}).items())),
            magnitudes=tuple(sorted(fig.get("magnitudes", {}).items())),
        ),
        load=LoadSettings(
            extensions=tuple(
                e.lower() if e.startswith(".") else "." + e.lower() for e in merged.get("extensions", ())
            ),
            exclude=tuple(merged.get("exclude", DEFAULT_EXCLUDE)),
            workers=loading.get("workers", 0),
            cache=loading.get("cache", True),
        ),
        ui=UiSettings(
            keys=dict(merged.get("keys", {})),
            clipboard_method=clip.get("method", "auto"),
            clipboard_command=clip.get("command"),
            theme=merged.get("theme", "textual-dark"),
            search_limit=merged.get("search", {}).get("limit", 50),
        ),
        compare=CompareSettings(tuple(sorted(merged.get("compare", {}).get("indicators", {}).items()))),
        watch=merged.get("watch", False),
        archive_in_memory_max=loading.get("archive_in_memory_max", 5000),
        source=source,
        base_dir=base_dir or (str(Path(source).resolve().parent) if source else ""),
    )


def default_config() -> Config:
    """The shipped defaults alone (for tests and library use)."""
    return config_from_dict(read_config_file(SHIPPED_CONFIG, shipped=True), source=str(SHIPPED_CONFIG))
