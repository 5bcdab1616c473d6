"""Dates written the way French and English web pages write them.

Every form is recognised in folded text (see :mod:`natoapp.corpus.normalize`),
so accents, case, non-breaking spaces and typographic dashes never matter:

- day month year: ``29 juin 2004``, ``1er janvier 2004``, ``08-Dec-2004 10:55``,
  ``04 Jun. 2012 17:06``, ``mardi 5 décembre 2017``;
- several days sharing a month: ``ces mardi 5 et mercredi 6 décembre 2017``,
  ``5 and 6 December``, ``du 5 au 7 mai 2004`` (each day is reported);
- month day year (English): ``December 5, 2017``;
- numbers: ``09/07/2004`` (day first, as in French), ``2004-07-09``;
- a compact date in a page slug: ``otan-20170125``;
- month year: ``décembre 2012`` (reported as ``2012-12``).

A day written without its year (``le 24 janvier``) is reported only when the
caller knows the year, through ``default_year``; nothing is ever guessed.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import NamedTuple

from natoapp.corpus.normalize import fold_with_map, span_to_original

# Folded spellings of each month: French and English names and abbreviations.
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("janvier", "janv", "jan", "january"),
    2: ("fevrier", "fevr", "fev", "february", "feb"),
    3: ("mars", "march", "mar"),
    4: ("avril", "avr", "april", "apr"),
    5: ("mai", "may"),
    6: ("juin", "june", "jun"),
    7: ("juillet", "juil", "july", "jul"),
    8: ("aout", "aou", "august", "aug"),
    9: ("septembre", "sept", "september", "sep"),
    10: ("octobre", "october", "oct"),
    11: ("novembre", "november", "nov"),
    12: ("decembre", "december", "dec"),
}

# Names only English writes before the day ("December 5, 2017"); French month
# names are never read that way, so "en juin 28 pays" is not a date.
_ENGLISH_MONTHS = frozenset(
    {
        "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may",
        "june", "jun", "july", "jul", "august", "aug", "september", "sept", "sep",
        "october", "oct", "november", "nov", "december", "dec",
    }
)  # fmt: skip

WEEKDAY_NAMES = (
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun",
)  # fmt: skip

_MONTH_BY_NAME = {name: month for month, names in MONTH_NAMES.items() for name in names}


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "juillet" wins over "juil" and "sept" over "sep".
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


_MONTH = rf"(?:{_alternation(_MONTH_BY_NAME)})\.?(?![a-z])"
_WEEKDAY = rf"(?:{_alternation(WEEKDAY_NAMES)})\.?,?\s+"
_DAY = r"(?:[0-3]?\d)(?:er|st|nd|rd|th)?(?![\d])"
_YEAR_DIGITS = r"(?:1[6-9]\d\d|2[01]\d\d)"
_YEAR = rf"{_YEAR_DIGITS}(?!\d)"


def _time(prefix: str) -> str:
    # A time right after the date: "10:55", "à 15 h 14", ", 17h06".
    return (
        rf"(?:\s*,?\s*(?:a|at|-)?\s*(?P<{prefix}_hour>[01]?\d|2[0-3])"
        rf"\s*(?::|h)\s*(?P<{prefix}_minute>[0-5]\d)(?!\d))"
    )


_DAY_JOIN = r"\s*(?:,|&|-|et|and|au|to|ou|or)\s*"

_DATE_RE = re.compile(
    rf"""
    (?P<dmy>                                   # [weekday] day [and day...] month [year] [time]
        (?<![\w.,/-])
        (?P<dmy_days>(?:{_WEEKDAY})?{_DAY}(?:{_DAY_JOIN}(?:{_WEEKDAY})?{_DAY})*)
        [\s./-]*(?P<dmy_month>{_MONTH})
        (?:[\s,/-]*(?P<dmy_year>{_YEAR}){_time("dmy")}?)?
    )
    | (?P<mdy>                                 # month day [and day...], year [time]
        (?<![\w.])
        (?:{_WEEKDAY})?
        (?P<mdy_month>{_MONTH})\s+
        (?P<mdy_days>{_DAY}(?:{_DAY_JOIN}{_DAY})*)
        (?:\s*,?\s*(?P<mdy_year>{_YEAR}){_time("mdy")}?)?
    )
    | (?P<iso>                                 # 2004-07-09[T10:55]
        (?<![\w./-])
        (?P<iso_year>{_YEAR})-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)
        (?:[t\s](?P<iso_hour>[01]\d|2[0-3]):(?P<iso_minute>[0-5]\d))?
        (?![\w/-])
    )
    | (?P<num>                                 # 09/07/2004, 9.7.2004, 09-07-2004: day first
        (?<![\w./-])
        (?P<num_day>[0-3]?\d)(?P<sep>[/.-])(?P<num_month>[01]?\d)(?P=sep)(?P<num_year>{_YEAR})
        (?![\w/-]|\.\d)
        {_time("num")}?
    )
    | (?P<slug>                                # otan-20170125: a page slug
        (?<=[a-z][-_])
        (?P<slug_year>{_YEAR_DIGITS})(?P<slug_month>[01]\d)(?P<slug_day>[0-3]\d)
        (?![\w])
    )
    | (?P<my>                                  # décembre 2012
        (?<![\w.])
        (?P<my_month>{_MONTH})[\s,]+(?P<my_year>{_YEAR})
    )
    """,
    re.VERBOSE,
)

_DAY_NUMBER_RE = re.compile(rf"(?:{_WEEKDAY})?(?<![\d])([0-3]?\d)(?:er|st|nd|rd|th)?(?!\d)")
_MONTH_WORD_RE = re.compile(r"[a-z]+")
# What may surround a date in a line that is nothing but a date.
_FILLER_WORDS = frozenset({"le", "la", "du", "the", "on", "of", "en", "in", "ce", "ces"})


class DateMatch(NamedTuple):
    """A date found in a text: ``text[start:end]`` reads as the ISO date ``iso``.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM`` when a time follows the
    date, or ``YYYY-MM`` for a month and year without a day.
    """

    start: int
    end: int
    iso: str


def _month_word(token: str) -> str:
    word = _MONTH_WORD_RE.match(token)
    return word.group(0) if word else ""


def _month_number(token: str) -> int | None:
    return _MONTH_BY_NAME.get(_month_word(token))


def _iso(year: int, month: int, day: int, hour: str | None, minute: str | None) -> str | None:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return None
    if hour is not None and minute is not None:
        return f"{year:04d}-{month:02d}-{day:02d}T{int(hour):02d}:{int(minute):02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _days_with_spans(
    match: re.Match[str], group: str
) -> list[tuple[int, int, int]]:  # (day, start, end) in folded text
    base = match.start(group)
    text = match.group(group)
    return [
        (int(m.group(1)), base + m.start(), base + m.end()) for m in _DAY_NUMBER_RE.finditer(text)
    ]


def _folded_matches(folded: str, default_year: int | None) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for m in _DATE_RE.finditer(folded):
        kind = m.lastgroup
        if kind in ("dmy", "mdy"):
            month = _month_number(m.group(f"{kind}_month"))
            year_text = m.group(f"{kind}_year")
            if month is None:
                continue
            if kind == "mdy" and _month_word(m.group("mdy_month")) not in _ENGLISH_MONTHS:
                continue
            year = int(year_text) if year_text else default_year
            if year is None:
                continue
            days = _days_with_spans(m, f"{kind}_days")
            for index, (day, d_start, d_end) in enumerate(days):
                last = index == len(days) - 1
                # The time and the shared month/year belong to the last day only.
                hour = m.group(f"{kind}_hour") if last else None
                minute = m.group(f"{kind}_minute") if last else None
                iso = _iso(year, month, day, hour, minute)
                if iso is None:
                    continue
                if len(days) == 1:
                    found.append((m.start(), m.end(), iso))
                elif index == 0:
                    found.append((m.start(), d_end, iso))
                elif last:
                    found.append((d_start, m.end(), iso))
                else:
                    found.append((d_start, d_end, iso))
        elif kind == "iso":
            iso = _iso(
                int(m.group("iso_year")),
                int(m.group("iso_month")),
                int(m.group("iso_day")),
                m.group("iso_hour"),
                m.group("iso_minute"),
            )
            if iso:
                found.append((m.start(), m.end(), iso))
        elif kind == "num":
            iso = _iso(
                int(m.group("num_year")),
                int(m.group("num_month")),
                int(m.group("num_day")),
                m.group("num_hour"),
                m.group("num_minute"),
            )
            if iso:
                found.append((m.start(), m.end(), iso))
        elif kind == "slug":
            iso = _iso(
                int(m.group("slug_year")),
                int(m.group("slug_month")),
                int(m.group("slug_day")),
                None,
                None,
            )
            if iso:
                found.append((m.start(), m.end(), iso))
        elif kind == "my":
            month = _month_number(m.group("my_month"))
            if month is not None:
                found.append((m.start(), m.end(), f"{int(m.group('my_year')):04d}-{month:02d}"))
    return found


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMatch]:
    """Every date written in ``text``, in order, with its span in ``text``.

    A day written without a year takes ``default_year`` (the year of the
    document it comes from, say), and is skipped when that is ``None``. In
    ``5 et 6 décembre 2017`` each day is reported with its own span: the first
    from ``5``, the last up to ``2017``. Impossible dates (``31 juin``) are not
    dates.
    """
    folded, origin = fold_with_map(text)
    out: list[DateMatch] = []
    for start, end, iso in _folded_matches(folded, default_year):
        o_start, o_end = span_to_original(origin, start, end)
        out.append(DateMatch(o_start, o_end, iso))
    return out


_SLUG_RE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def parse_date(text: str, *, default_year: int | None = None) -> str | None:
    """Read ``text`` as one date and return it in ISO form, or ``None``.

    ``text`` must hold a single date and nothing else but punctuation, bullets,
    a weekday or a word such as "le" ("• 04 Dec. 2017 -", "le 24 janvier",
    "08-Dec-2004 10:55"); a page slug ending in a compact date
    ("otan-20170125") reads as that date. The result is ``YYYY-MM-DD``,
    ``YYYY-MM-DDTHH:MM`` when a time is given, or ``YYYY-MM`` for a month and
    year. A day without a year takes ``default_year`` and is ``None`` without it.
    """
    stripped = text.strip()
    matches = find_dates(stripped, default_year=default_year)
    if len(matches) != 1:
        return None
    match = matches[0]
    if _SLUG_RE.fullmatch(stripped):
        return match.iso
    rest = (stripped[: match.start] + " " + stripped[match.end :]).lower()
    words = re.findall(r"[^\W\d_]+|\d+", rest)
    if any(word not in _FILLER_WORDS for word in words):
        return None
    return match.iso


def year_of(iso: str | None) -> int | None:
    """The year of an ISO date (``"2017-01-25"`` → 2017), or ``None``."""
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None
