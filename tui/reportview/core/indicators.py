"""The indicator registry: what `compare` lines up across reports, as data.

The built-in indicators are in ``reportview/data/indicators.yaml`` (the nine of the provinces
corpus); callers add more in the same shape (config.yaml's ``compare: indicators:``), and a free
text such as ``"sản lượng lương thực"`` is an indicator too: its words are its only name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from reportview.core.folding import fold

Measure = Literal["level", "growth", "share"]
KINDS = ("count", "percent", "money", "ratio", "measure")
MEASURES = ("level", "growth", "share")


class IndicatorError(ValueError):
    """An indicator definition that cannot be used, or an unknown indicator id."""


@dataclass(frozen=True, slots=True)
class Indicator:
    """One thing to compare: its id, how reports name it, and which figures can state it."""

    id: str
    title: str
    kind: str | None
    units: tuple[str, ...]
    measure: Measure
    names: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    prefer: tuple[str, ...] = ()
    free_text: bool = False

    def accepts(self, kind: str, unit: str) -> bool:
        """Whether a figure of this kind and unit can state the indicator."""
        if self.kind is not None and kind != self.kind:
            return False
        return not self.units or unit in self.units

    def unit_rank(self, unit: str) -> int:
        """Position of `unit` among the preferred units (lower is preferred)."""
        return self.units.index(unit) if unit in self.units else len(self.units)


def words_pattern(phrases: Iterable[str], tail: str = "") -> re.Pattern[str] | None:
    """One regex matching any of the phrases (folded) as whole words, longest first (`tail`:
    a pattern that must follow, e.g. r"\\s*$" for a phrase that ends the text)."""
    folded = sorted({fold(p).strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not folded:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in folded)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w){tail}")


def _indicator(key: str, spec: Mapping[str, Any], where: str) -> Indicator:
    if not isinstance(spec, Mapping):
        raise IndicatorError(f"{where}: indicator {key!r} must be a mapping")
    unknown = set(spec) - {"title", "kind", "units", "measure", "names", "not", "prefer"}
    if unknown:
        raise IndicatorError(f"{where}: indicator {key!r}: unknown key {sorted(unknown)[0]!r}")
    names = spec.get("names") or []
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise IndicatorError(f"{where}: indicator {key!r} needs a list of names")
    kind = spec.get("kind")
    if kind is not None and kind not in KINDS:
        raise IndicatorError(f"{where}: indicator {key!r}: kind must be one of {', '.join(KINDS)}")
    measure = spec.get("measure", "level")
    if measure not in MEASURES:
        raise IndicatorError(f"{where}: indicator {key!r}: measure must be one of {', '.join(MEASURES)}")
    units = spec.get("units") or []
    excludes = spec.get("not") or []
    prefer = spec.get("prefer") or []
    if not all(isinstance(x, list) for x in (units, excludes, prefer)):
        raise IndicatorError(f"{where}: indicator {key!r}: units, not and prefer must be lists")
    return Indicator(
        id=key,
        title=str(spec.get("title") or key),
        kind=kind,
        units=tuple(str(u) for u in units),
        measure=measure,
        names=tuple(names),
        excludes=tuple(str(x) for x in excludes),
        prefer=tuple(str(x) for x in prefer),
    )


def indicators_from_mapping(data: Mapping[str, Any], where: str = "indicators") -> dict[str, Indicator]:
    """Indicators from a mapping of id -> definition (the YAML shape)."""
    if not isinstance(data, Mapping):
        raise IndicatorError(f"{where}: must be a mapping of indicator ids")
    return {str(key): _indicator(str(key), spec, where) for key, spec in data.items()}


@cache
def builtin_indicators() -> dict[str, Indicator]:
    """The shipped registry (reportview/data/indicators.yaml)."""
    text = resources.files("reportview").joinpath("data/indicators.yaml").read_text(encoding="utf-8")
    # libyaml's loader when PyYAML has it: every start lists the ids (compare's help), and the
    # pure-Python loader takes 30 ms over this file.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return indicators_from_mapping(yaml.load(text, Loader=loader)["indicators"], "indicators.yaml")


def registry(extra: Mapping[str, Indicator] | None = None) -> dict[str, Indicator]:
    """The built-in indicators with `extra` added (an extra id replaces a built-in one)."""
    return {**builtin_indicators(), **(extra or {})}


def free_text_indicator(text: str) -> Indicator:
    """An indicator named only by the words the user typed (any kind, any unit)."""
    words = " ".join(text.split())
    if not words:
        raise IndicatorError("an indicator needs a name")
    return Indicator(
        id=words, title=words, kind=None, units=(), measure="level", names=(words,), free_text=True
    )


def resolve(spec: str, known: Mapping[str, Indicator]) -> list[Indicator]:
    """The indicators named by a comma-separated `spec`: ids, else free text."""
    out = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        out.append(known[part] if part in known else free_text_indicator(part))
    if not out:
        raise IndicatorError("no indicator given")
    return out


@dataclass(frozen=True, slots=True)
class CompiledIndicator:
    """An indicator with its name and exclusion patterns compiled (over folded text)."""

    indicator: Indicator
    names: re.Pattern[str]
    excludes: re.Pattern[str] | None
    prefer: re.Pattern[str] | None


def compile_indicator(indicator: Indicator) -> CompiledIndicator:
    names = words_pattern(indicator.names)
    assert names is not None  # validated: every indicator has a name
    return CompiledIndicator(
        indicator, names, words_pattern(indicator.excludes), words_pattern(indicator.prefer)
    )
