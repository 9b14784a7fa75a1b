"""A corpus: every report under some PATHs, loaded (in parallel, through the cache) in order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportview.config import Config
from reportview.core.loading import InputError, Skipped, discover, load_report
from reportview.core.model import Report


@dataclass
class LoadResult:
    reports: list[Report] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def load_corpus(paths: Sequence[str | os.PathLike[str]], config: Config, use_cache: bool = True) -> LoadResult:
    """Every report under PATHs in discovery order, with the files skipped and why."""
    files, skipped = discover(paths, config.extensions)
    result = LoadResult(skipped=list(skipped))
    for f in files:
        try:
            result.reports.append(load_report(f, config))
        except InputError as exc:
            result.skipped.append(Skipped(str(f), str(exc)))
    return result
