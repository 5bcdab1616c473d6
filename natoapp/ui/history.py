"""Where the reader has been: locations and the back/forward list over them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

# What a location can point at; the key of a location starts with one of these.
ENTITY = "entity"
DOCUMENT = "doc"
PASSAGE = "passage"
CELL = "cell"  # a country × framework grid cell: target "KW|member:istanbul-cooperation-initiative"

_KINDS = (ENTITY, DOCUMENT, PASSAGE, CELL)


@dataclass(frozen=True, slots=True)
class Location:
    """Something the detail pane can show.

    ``query`` (search words to highlight) and ``mark`` (a quote to highlight) matter only
    for a passage; they travel with the history but not with the saved last selection.
    """

    kind: str
    target: str
    query: str = ""
    mark: str = ""

    @property
    def key(self) -> str:
        """The location as a string, e.g. "entity:KW" or "passage:003_cac1df43d34c3008:2"."""
        return f"{self.kind}:{self.target}"

    @classmethod
    def parse(cls, key: str) -> Location | None:
        """The location a key names, or None when the key is not one."""
        kind, sep, target = key.partition(":")
        if not sep or kind not in _KINDS or not target.strip():
            return None
        return cls(kind, target)

    @classmethod
    def entity(cls, entity_id: str) -> Location:
        """An entity's page."""
        return cls(ENTITY, entity_id)

    @classmethod
    def document(cls, doc_id: str) -> Location:
        """A document from its beginning."""
        return cls(DOCUMENT, doc_id)

    @classmethod
    def passage(cls, passage_id: str, query: str = "", mark: str = "") -> Location:
        """A document scrolled to a passage, with ``query`` hits and ``mark`` highlighted."""
        return cls(PASSAGE, passage_id, query, mark)

    @classmethod
    def cell(cls, country_id: str, column_key: str) -> Location:
        """The evidence behind one cell of the country × framework grid."""
        return cls(CELL, f"{country_id}|{column_key}")


class History(QObject):
    """A browser-like back/forward list; ``changed`` fires whenever it moves."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, *, limit: int = 200) -> None:
        super().__init__(parent)
        self._entries: list[Location] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        """The location being shown, or None before anything was opened."""
        return self._entries[self._index] if self._index >= 0 else None

    def can_go_back(self) -> bool:
        """True when there is an earlier location."""
        return self._index > 0

    def can_go_forward(self) -> bool:
        """True when the reader went back and can go forward again."""
        return 0 <= self._index < len(self._entries) - 1

    def visit(self, location: Location) -> None:
        """Record that ``location`` was opened; forward entries are dropped."""
        if self.current == location:
            return
        del self._entries[self._index + 1 :]
        self._entries.append(location)
        if len(self._entries) > self._limit:
            del self._entries[: len(self._entries) - self._limit]
        self._index = len(self._entries) - 1
        self.changed.emit()

    def back(self) -> Location | None:
        """Step back and return the location to show, or None at the start."""
        if not self.can_go_back():
            return None
        self._index -= 1
        self.changed.emit()
        return self.current

    def forward(self) -> Location | None:
        """Step forward and return the location to show, or None at the end."""
        if not self.can_go_forward():
            return None
        self._index += 1
        self.changed.emit()
        return self.current
