"""A corpus: every report under some PATHs, loaded in order, streamed as it goes."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from reportview.config import Config
from reportview.core.loading import InputError, Skipped, discover, load_report
from reportview.core.model import Report


@dataclass(frozen=True, slots=True)
class Progress:
    """One step of loading: a report or a skipped file, and how far the whole load is."""

    done: int
    total: int
    report: Report | None = None
    skipped: Skipped | None = None


@dataclass
class LoadResult:
    reports: list[Report] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def iter_corpus(
    paths: Sequence[str | os.PathLike[str]],
    config: Config,
    use_cache: bool = True,
    cancel: threading.Event | None = None,
) -> Iterator[Progress]:
    """Load every report under PATHs, yielding each (in discovery order) as soon as it is ready.

    Files skipped during discovery come first (done stays 0). Stops early when `cancel` is set.
    """
    files, skipped = discover(paths, config.extensions)
    total = len(files)
    for s in skipped:
        yield Progress(0, total, skipped=s)
    for done, f in enumerate(files, 1):
        if cancel is not None and cancel.is_set():
            return
        try:
            yield Progress(done, total, report=load_report(f, config))
        except InputError as exc:
            yield Progress(done, total, skipped=Skipped(str(f), str(exc)))


def load_corpus(paths: Sequence[str | os.PathLike[str]], config: Config, use_cache: bool = True) -> LoadResult:
    """Every report under PATHs in discovery order, with the files skipped and why."""
    result = LoadResult()
    for step in iter_corpus(paths, config, use_cache):
        if step.report is not None:
            result.reports.append(step.report)
        elif step.skipped is not None:
            result.skipped.append(step.skipped)
    return result
