"""Reading the curated data in ``resources/knowledge/*.toml`` and checking its shape.

Every ``.toml`` file of the folder is read, in name order; a file holds any of
the tables below, each an array (``[[framework]]``, ``[[claim]]`` ...). What the
fields mean is explained to curators in ``resources/knowledge/README.md``.
This module checks the shape of the data (known keys, types, ids, dates);
whether the ids and quotes hold against each other and the texts is checked
when the knowledge is built.
"""

from __future__ import annotations

import datetime
import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pycountry

from natoapp.knowledge.model import Alias, EntityKind, KnowledgeError

ENTITY_TABLES: Mapping[str, EntityKind] = MappingProxyType(
    {
        "framework": EntityKind.FRAMEWORK,
        "organisation": EntityKind.ORGANISATION,
        "person": EntityKind.PERSON,
        "event": EntityKind.EVENT,
        "country": EntityKind.COUNTRY,
    }
)
CLAIM_TABLE = "claim"
REJECTION_TABLE = "not_member"

# Alias lists: key -> (alias kind, language).
_ALIAS_KEYS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "aliases_fr": ("name", "fr"),
        "aliases_en": ("name", "en"),
        "variants": ("variant", "fr"),
        "acronyms_fr": ("acronym", "fr"),
        "acronyms_en": ("acronym", "en"),
        "acronyms": ("acronym", ""),
        "adjectives": ("adjective", "fr"),
        "misspellings": ("misspelling", "fr"),
    }
)
_TEXT_KEYS = ("name_fr", "name_en", "description_en", "description_fr")
_ENTITY_KEYS: Mapping[EntityKind, frozenset[str]] = MappingProxyType(
    {
        kind: frozenset({"id", *_TEXT_KEYS, *_ALIAS_KEYS, "source", *extra})
        for kind, extra in {
            EntityKind.FRAMEWORK: ("parent", "date"),
            EntityKind.ORGANISATION: (),
            EntityKind.PERSON: ("role_en", "role_fr"),
            EntityKind.EVENT: ("date",),
            EntityKind.COUNTRY: ("relevant", "exclude_names"),
        }.items()
    }
)
_CLAIM_KEYS = frozenset({"kind", "subject", "subjects", "object", "doc", "quote", "date", "note"})
_REJECTION_KEYS = frozenset({"subject", "subjects", "framework", "reason"})
_SOURCE_KEYS = frozenset({"doc", "quote"})

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_DATE = re.compile(rf"{_ISO_DAY}(?:/{_ISO_DAY})?")


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """A passage named by its document and a sentence it contains."""

    doc: str
    quote: str


@dataclass(frozen=True, slots=True)
class EntitySpec:
    """A curated entity as written in the resources; ``where`` names it for messages."""

    where: str
    kind: EntityKind
    id: str
    name_fr: str | None
    name_en: str | None
    aliases: tuple[Alias, ...]
    parent: str | None = None
    date: str | None = None
    role_en: str | None = None
    role_fr: str | None = None
    description_en: str | None = None
    description_fr: str | None = None
    sources: tuple[SourceSpec, ...] = ()
    relevant: bool = True
    # pycountry names of a country that are common words in French (« Réunion »).
    exclude_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    """A relation the texts state: ``subjects`` --kind--> ``object``, quoted from ``doc``."""

    where: str
    kind: str
    subjects: tuple[str, ...]
    object: str
    doc: str
    quote: str
    date: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """A membership the texts might seem to suggest but do not state, and why.

    ``framework`` None means "member of no framework at all".
    """

    where: str
    subjects: tuple[str, ...]
    framework: str | None
    reason: str

    def rejects(self, subject: str, framework: str) -> bool:
        """Whether this entry says ``subject`` is not a member of ``framework``."""
        return subject in self.subjects and self.framework in (None, framework)


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything curated: entities, claims and rejected memberships."""

    entities: tuple[EntitySpec, ...]
    claims: tuple[ClaimSpec, ...]
    rejections: tuple[Rejection, ...]


def knowledge_dir(resources_dir: Path) -> Path:
    """The folder holding the curated knowledge files inside ``resources_dir``."""
    return Path(resources_dir) / "knowledge"


def load_catalog(resources_dir: Path) -> Catalog:
    """Read and check every ``knowledge/*.toml`` file under ``resources_dir``.

    Raises :class:`KnowledgeError` naming the file and the entry for anything
    malformed: invalid TOML, an unknown table or key, a wrong type, a bad id or
    date, an id defined twice.
    """
    folder = knowledge_dir(resources_dir)
    if not folder.is_dir():
        raise KnowledgeError(f"no curated knowledge: folder {folder} is missing")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise KnowledgeError(f"no curated knowledge: no .toml file in {folder}")
    entities: list[EntitySpec] = []
    claims: list[ClaimSpec] = []
    rejections: list[Rejection] = []
    for path in files:
        label = f"knowledge/{path.name}"
        data = _read_toml(path, label)
        for table, rows in data.items():
            if table not in (*ENTITY_TABLES, CLAIM_TABLE, REJECTION_TABLE):
                known = [*ENTITY_TABLES, CLAIM_TABLE, REJECTION_TABLE]
                raise KnowledgeError(f"{label}: unknown table [[{table}]]{_hint(table, known)}")
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise KnowledgeError(f"{label}: {table} must be written [[{table}]] (a list)")
            for number, row in enumerate(rows, 1):
                where = f"{label}, {table} #{number}"
                if table == CLAIM_TABLE:
                    claims.append(_claim(row, where))
                elif table == REJECTION_TABLE:
                    rejections.append(_rejection(row, where))
                else:
                    entities.append(_entity(row, ENTITY_TABLES[table], where, label))
    _refuse_duplicate_ids(entities)
    return Catalog(tuple(entities), tuple(claims), tuple(rejections))


def adjective_forms(base: str) -> list[str]:
    """The masculine, feminine and plural forms of a French adjective of nationality.

    >>> adjective_forms("koweïtien")
    ['koweïtien', 'koweïtiens', 'koweïtienne', 'koweïtiennes']
    """
    if base.endswith("en"):
        endings = ["", "s", "ne", "nes"]
    elif base.endswith("c"):
        # « turc », « grec »: the feminine is irregular, list it as its own adjective.
        endings = ["", "s"]
    elif base.endswith(("s", "x")):
        endings = ["", "e", "es"]
    elif base.endswith("e"):
        endings = ["", "s"]
    else:
        endings = ["", "s", "e", "es"]
    return [base + ending for ending in endings]


def _read_toml(path: Path, label: str) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{label}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise KnowledgeError(f"{label}: cannot be read: {exc.strerror or exc}") from exc


def _hint(word: str, known: list[str] | frozenset[str]) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(sorted(known))})"


def _check_keys(row: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    for key in row:
        if key not in known:
            raise KnowledgeError(f"{where}: unknown key {key!r}{_hint(key, known)}")


def _text(row: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
    value = row.get(key)
    if value is None:
        if required:
            raise KnowledgeError(f"{where}: {key!r} is missing")
        return None
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(f"{where}: {key!r} must be a non-empty text")
    return value.strip()


def _texts(row: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f'{where}: {key!r} must be a list of texts, e.g. ["a", "b"]')
    return [v.strip() for v in value]


def _date(row: Mapping[str, Any], where: str) -> str | None:
    value = _text(row, "date", where)
    if value is None:
        return None
    if not _DATE.fullmatch(value) or not all(_real_day(part) for part in value.split("/")):
        raise KnowledgeError(
            f"{where}: date {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or a range FROM/TO"
        )
    return value


def _real_day(text: str) -> bool:
    """Whether a YYYY[-MM[-DD]] date exists on the calendar."""
    year, month, day = [*text.split("-"), "01", "01"][:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _subjects(row: Mapping[str, Any], where: str) -> tuple[str, ...]:
    if "subject" in row and "subjects" in row:
        raise KnowledgeError(f"{where}: give either 'subject' or 'subjects', not both")
    if "subject" in row:
        subject = _text(row, "subject", where, required=True)
        return (subject,) if subject else ()
    subjects = _texts(row, "subjects", where)
    if not subjects:
        raise KnowledgeError(f"{where}: 'subject' (or 'subjects') is missing")
    return tuple(subjects)


def _entity(
    row: Mapping[str, Any], kind: EntityKind, table_label: str, file_label: str
) -> EntitySpec:
    where = table_label
    entity_id = _text(row, "id", where, required=True) or ""
    where = f"{file_label}, {kind.value} {entity_id!r}"
    _check_keys(row, _ENTITY_KEYS[kind], where)
    _check_id(entity_id, kind, where)
    is_country = kind is EntityKind.COUNTRY
    aliases: list[Alias] = []
    for key, (alias_kind, lang) in _ALIAS_KEYS.items():
        for text in _texts(row, key, where):
            forms = adjective_forms(text) if alias_kind == "adjective" else [text]
            aliases.extend(Alias(form, lang, alias_kind) for form in forms)
    relevant = row.get("relevant", True)
    if not isinstance(relevant, bool):
        raise KnowledgeError(f"{where}: 'relevant' must be true or false")
    spec = EntitySpec(
        where=where,
        kind=kind,
        id=entity_id,
        name_fr=_text(row, "name_fr", where, required=not is_country),
        name_en=_text(row, "name_en", where, required=not is_country),
        aliases=tuple(aliases),
        parent=_text(row, "parent", where),
        date=_date(row, where),
        role_en=_text(row, "role_en", where),
        role_fr=_text(row, "role_fr", where),
        description_en=_text(row, "description_en", where),
        description_fr=_text(row, "description_fr", where),
        sources=_sources(row, where),
        relevant=relevant,
        exclude_names=tuple(_texts(row, "exclude_names", where)),
    )
    stated = [
        k for k in ("date", "role_en", "role_fr", "description_en", "description_fr") if row.get(k)
    ]
    if stated and not spec.sources:
        raise KnowledgeError(
            f"{where}: {', '.join(stated)} must come from the texts: add a [[{kind.value}.source]]"
            " with the doc and the quote that say so"
        )
    return spec


def _check_id(entity_id: str, kind: EntityKind, where: str) -> None:
    if kind is EntityKind.COUNTRY:
        if (
            not re.fullmatch(r"[A-Z]{2}", entity_id)
            or pycountry.countries.get(alpha_2=entity_id) is None
        ):
            raise KnowledgeError(
                f"{where}: {entity_id!r} is not an ISO 3166-1 alpha-2 country code"
            )
    elif not _SLUG.fullmatch(entity_id):
        raise KnowledgeError(
            f"{where}: id {entity_id!r} must be lowercase words joined by '-', e.g. 'world-bank'"
        )


def _sources(row: Mapping[str, Any], where: str) -> tuple[SourceSpec, ...]:
    value = row.get("source", [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise KnowledgeError(f"{where}: 'source' must be written [[...source]] with doc and quote")
    out = []
    for number, source in enumerate(value, 1):
        source_where = f"{where}, source #{number}"
        _check_keys(source, _SOURCE_KEYS, source_where)
        doc = _text(source, "doc", source_where, required=True) or ""
        quote = _text(source, "quote", source_where, required=True) or ""
        out.append(SourceSpec(doc, quote))
    return tuple(out)


def _claim(row: Mapping[str, Any], where: str) -> ClaimSpec:
    _check_keys(row, _CLAIM_KEYS, where)
    kind = _text(row, "kind", where, required=True) or ""
    subjects = _subjects(row, where)
    obj = _text(row, "object", where, required=True) or ""
    where = f"{where} ({kind} {', '.join(subjects)} -> {obj})"
    return ClaimSpec(
        where=where,
        kind=kind,
        subjects=subjects,
        object=obj,
        doc=_text(row, "doc", where, required=True) or "",
        quote=_text(row, "quote", where, required=True) or "",
        date=_date(row, where),
        note=_text(row, "note", where),
    )


def _rejection(row: Mapping[str, Any], where: str) -> Rejection:
    _check_keys(row, _REJECTION_KEYS, where)
    subjects = _subjects(row, where)
    framework = _text(row, "framework", where)
    where = f"{where} ({', '.join(subjects)} not member of {framework or 'any framework'})"
    reason = _text(row, "reason", where, required=True) or ""
    return Rejection(where, subjects, framework, reason)


def _refuse_duplicate_ids(entities: list[EntitySpec]) -> None:
    first: dict[str, EntitySpec] = {}
    for spec in entities:
        if spec.id in first:
            raise KnowledgeError(
                f"{spec.where}: id {spec.id!r} is already used by {first[spec.id].where}"
            )
        first[spec.id] = spec
