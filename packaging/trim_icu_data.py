"""A smaller ICU data library for the Linux bundle: Qt's ICU with only what natoapp needs.

    python packaging/trim_icu_data.py --out-dir build/stage/icu

QtCore links ICU, whose data library (``libicudata.so.73``, about 30 MB) holds every
locale, converter and dictionary of CLDR. Qt itself formats numbers and dates from its own
tables; what it asks ICU for is collation (``QCollator``), locale-aware case mapping and
time zones. This script reads the data package out of the library PySide6 ships, keeps the
core files (properties, normalisation, supplemental data, time zones) and the root, French
and English locales of the trees Qt reads, and links a new library exporting the same
symbol, so ``libicuuc`` loads it unchanged. Left out: the other locales, the character
conversion tables (natoapp decodes text in Python), break-iteration dictionaries,
transliterators, spelled-out number rules and character names.

ICU's data files are the format of ICU's own ``icupkg`` tool (a "CmnD" package: a header,
a sorted table of contents, then the items, each aligned on 16 bytes). The library is
linked with ``cc`` (or ``as`` and ``ld``) from binutils.
"""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

KEPT_LANGUAGES = ("root", "en", "fr")
# Trees of locale data Qt may read through ICU; the others are dropped whole.
KEPT_TREES = frozenset({"coll", "zone", "curr", "lang", "region", "unit"})
DROPPED_TREES = frozenset({"brkitr", "translit", "rbnf"})
DROPPED_FILES = frozenset({"unames.icu"})
# A locale's file: "fr.res", "fr_CA.res", "zh_Hant_TW.res", "de__PHONEBOOK.res", "root.res".
_LOCALE_FILE = re.compile(r"^(?:root|[a-z]{2,3}(?:_[A-Za-z0-9]*)*)\.res$")
# Each tree's list of its locales and its shared strings: not locales themselves.
_INDEX_FILES = frozenset({"res_index.res", "pool.res"})
_ALIGN = 16


class IcuDataError(Exception):
    """The ICU library or its data package is not in the expected form (one line)."""


@dataclass(frozen=True, slots=True)
class Package:
    """An ICU common data package: its header bytes and its items by name, in order."""

    header: bytes
    items: list[tuple[str, bytes]]

    @property
    def prefix(self) -> str:
        """The package name items start with, e.g. "icudt73l"."""
        return self.items[0][0].split("/", 1)[0] if self.items else ""


def data_symbol(elf: bytes) -> tuple[str, int, int]:
    """The ``icudtNN_dat`` symbol of an ELF64 little-endian library: name, file offset, size."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise IcuDataError("not a 64-bit little-endian ELF library")
    (shoff,) = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _, sh_type, _, _, offset, size, link, _, _, entsize in sections:
        if sh_type != 11:  # SHT_DYNSYM
            continue
        strtab_offset = sections[link][4]
        for pos in range(offset, offset + size, entsize):
            st_name, _, _, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", elf, pos)
            end = elf.index(b"\0", strtab_offset + st_name)
            name = elf[strtab_offset + st_name : end].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name) and st_size:
                section = sections[st_shndx]
                return name, section[4] + st_value - section[3], st_size
    raise IcuDataError("no icudtNN_dat symbol in the library")


def read_package(data: bytes) -> Package:
    """Split a common data package into its header and named items."""
    if len(data) < 32:
        raise IcuDataError("the data package is truncated")
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise IcuDataError("not an ICU common data package")
    (count,) = struct.unpack_from("<I", data, header_size)
    toc = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in toc[1:]] + [len(data) - header_size]
    items = []
    for (name_offset, data_offset), end in zip(toc, ends, strict=True):
        start = header_size + name_offset
        name = data[start : data.index(b"\0", start)].decode("ascii")
        items.append((name, data[header_size + data_offset : header_size + end]))
    return Package(data[:header_size], items)


def write_package(package: Package) -> bytes:
    """The bytes of ``package``: header, table of contents, names, 16-byte aligned items."""
    count = len(package.items)
    names = b""
    name_offsets = []
    for name, _ in package.items:
        name_offsets.append(4 + 8 * count + len(names))
        names += name.encode("ascii") + b"\0"
    body_start = 4 + 8 * count + len(names)
    body_start += -(len(package.header) + body_start) % _ALIGN
    body = b""
    data_offsets = []
    for _, item in package.items:
        body += b"\0" * (-(len(package.header) + body_start + len(body)) % _ALIGN)
        data_offsets.append(body_start + len(body))
        body += item
    toc = struct.pack("<I", count) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    padding = b"\0" * (body_start - len(toc) - len(names))
    return package.header + toc + names + padding + body


def keep_item(name: str, languages: Iterable[str] = KEPT_LANGUAGES) -> bool:
    """Whether the package item ``name`` ("icudt73l/coll/fr.res") stays in the data."""
    path = name.split("/", 1)[1] if "/" in name else name
    parts = path.split("/")
    file_name = parts[-1]
    if len(parts) == 1:
        if file_name.endswith(".cnv") or file_name in DROPPED_FILES:
            return False
    elif len(parts) != 2 or parts[0] in DROPPED_TREES or parts[0] not in KEPT_TREES:
        return False
    if file_name in _INDEX_FILES or not _LOCALE_FILE.match(file_name):
        return True  # ucadata.icu, supplementalData.res, ...
    language = file_name.removesuffix(".res").split("_", 1)[0]
    return language in set(languages)


def trim(package: Package, languages: Iterable[str] = KEPT_LANGUAGES) -> Package:
    """``package`` with only the items :func:`keep_item` keeps."""
    wanted = tuple(languages)
    return Package(package.header, [item for item in package.items if keep_item(item[0], wanted)])


def link_library(data: bytes, symbol: str, soname: str, out: Path) -> None:
    """Write a shared library named ``soname`` whose ``symbol`` holds ``data``."""
    with tempfile.TemporaryDirectory(prefix="natoapp-icu-") as tmp:
        folder = Path(tmp)
        (folder / "data.bin").write_bytes(data)
        (folder / "data.S").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"\t.balign {_ALIGN}\n"
            f"{symbol}:\n"
            '\t.incbin "data.bin"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc:
            link = [cc, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out)]
            commands = [[*link, "data.S"]]
        elif shutil.which("as") and shutil.which("ld"):
            commands = [
                ["as", "-o", "data.o", "data.S"],
                ["ld", "-shared", "-soname", soname, "-o", str(out), "data.o"],
            ]
        else:
            raise IcuDataError("neither cc nor as and ld found (install binutils)")
        for command in commands:
            done = subprocess.run(command, cwd=folder, capture_output=True, text=True)
            if done.returncode != 0:
                first = (done.stderr or done.stdout).strip().splitlines()
                raise IcuDataError(f"{command[0]} failed: {first[0] if first else done.returncode}")


def qt_icu_library() -> Path:
    """The ICU data library of the installed PySide6."""
    import PySide6  # noqa: TID251 (a build tool, not the program)

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        raise IcuDataError("this PySide6 ships no ICU data library (not Linux?)")
    return found[0]


def trim_library(
    source: Path, out: Path, languages: Sequence[str] = KEPT_LANGUAGES
) -> tuple[int, int]:
    """Write the trimmed copy of the ICU data library ``source`` to ``out``.

    Returns the sizes of the data package before and after.
    """
    elf = source.read_bytes()
    symbol, offset, size = data_symbol(elf)
    package = read_package(elf[offset : offset + size])
    kept = trim(package, languages)
    trimmed = write_package(kept)
    if read_package(trimmed).items != kept.items:
        raise IcuDataError("the trimmed data package does not read back as written")
    link_library(trimmed, symbol, source.name, out)
    linked = out.read_bytes()
    _, new_offset, new_size = data_symbol(linked)
    if linked[new_offset : new_offset + new_size] != trimmed:
        raise IcuDataError(f"{out} does not hold the trimmed data under {symbol}")
    return size, len(trimmed)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--out-dir DIR`` (required), ``--source FILE``, ``--languages fr,en``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, required=True, help="folder for the library")
    parser.add_argument("--source", type=Path, help="ICU data library (default: PySide6's)")
    parser.add_argument("--languages", default=",".join(KEPT_LANGUAGES[1:]))
    args = parser.parse_args(argv)
    languages = ("root", *(part.strip() for part in args.languages.split(",") if part.strip()))
    try:
        source = args.source or qt_icu_library()
        out = args.out_dir / source.name
        before, after = trim_library(source, out, languages)
    except (IcuDataError, OSError) as exc:
        print(f"trim_icu_data: {exc}", file=sys.stderr)
        return 1
    kept = ", ".join(languages)
    print(f"{out.name}: ICU data {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB ({kept})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
