"""Live folders: which report files under the loaded paths appeared, changed or left since last look.

Polling, not OS notifications: every few seconds the paths are walked as at load (same discovery
rules) and each file's size and mtime_ns compared with the last look. That is the parse cache's
own freshness key, so a file seen as changed here is exactly one the cache parses again; it needs
no dependency and works on network and container mounts where inotify sees nothing. Its cost is a
stat per file per look (measured in the README: Live folders).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reportview.core.files import discover

Stamp = tuple[int, int]  # (size, mtime_ns): the cache's key for "this file is as parsed"


@dataclass(frozen=True, slots=True)
class Changes:
    """What differs between two looks at the same paths, each in discovery order."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def to_parse(self) -> tuple[str, ...]:
        return self.added + self.changed

    def summary(self) -> str:
        """'1 new, 2 changed, 1 removed' (the parts that are not zero)."""
        parts = [(len(self.added), "new"), (len(self.changed), "changed"), (len(self.removed), "removed")]
        return ", ".join(f"{n} {what}" for n, what in parts if n)


def look(
    paths: Iterable[str | os.PathLike[str]], extensions: Iterable[str], exclude: Iterable[str] = ()
) -> dict[str, Stamp]:
    """Each report file under `paths` (as discover finds them) with its stamp, in discovery order.

    A path that is gone now (a removed folder) gives nothing instead of raising: its files have
    left. Files that vanish between the walk and their stat are left out the same way."""
    paths = list(paths)
    for _attempt in range(3):
        try:
            files, _skipped = discover([p for p in paths if os.path.lexists(p)], extensions, exclude)
            break
        except FileNotFoundError:  # a PATH went away between the check and the walk: look again
            continue
    else:
        return {}
    out: dict[str, Stamp] = {}
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        out[str(path)] = (st.st_size, st.st_mtime_ns)
    return out


def compare(before: Mapping[str, Stamp], after: Mapping[str, Stamp]) -> Changes:
    """The files added, changed (another size or mtime) and removed from `before` to `after`."""
    added = tuple(p for p in after if p not in before)
    changed = tuple(p for p, stamp in after.items() if p in before and before[p] != stamp)
    removed = tuple(p for p in before if p not in after)
    return Changes(added, changed, removed)
