"""``with library:``: one definition for every object that holds a connection."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class ClosedOnExit:
    """Makes a class with a ``close()`` method usable in a ``with`` block."""

    def close(self) -> None:
        """Release what the object holds; it cannot be used afterwards."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
