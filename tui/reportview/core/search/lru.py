"""A bounded most-recently-used cache (the folded text the index keeps for searching)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class _RecentCache(Generic[K, V]):
    """The most recently used values, the oldest dropped once their sizes pass `budget` (the
    newest is always kept)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._size = 0

    def get(self, key: K) -> V | None:
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: K, value: V, size: int) -> None:
        self._items[key] = (value, size)
        self._size += size
        while self._size > self.budget and len(self._items) > 1:
            _, (_, dropped) = self._items.popitem(last=False)
            self._size -= dropped
