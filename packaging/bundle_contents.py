"""What of PyInstaller's analysis goes into the natoapp bundle, and what is left out.

natoapp uses QtCore, QtGui, QtWidgets and QtSvg, reads SQLite and a few data files; it
never touches the network. PyInstaller has no switch to leave out Qt
plugins or translations, so ``natoapp.spec`` filters its ``a.binaries`` and ``a.datas``
lists through the functions below. They work on plain ``(dest, source, typecode)``
tuples, so they can be checked without running PyInstaller.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

Entry = tuple[str, str, str]  # PyInstaller TOC entry: destination, source, typecode

# Qt for Python modules the program imports; every other one is excluded from the analysis.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtSvg")
QT_MODULES_UNUSED = (
    *("Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender"),
    *("QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization"),
    *("QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer"),
    *("QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth"),
    *("QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning"),
    *("QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest"),
    *("QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus"),
    *("QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets"),
    *("QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore"),
    *("QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml"),
)

# Python packages and standard modules the program never imports.
NEVER_IMPORTED = (
    # development tools that may be installed beside the program
    *("_pytest", "pytest", "pytestqt", "hypothesis", "mypy", "mypyc", "ruff", "pip"),
    *("setuptools", "pkg_resources", "distutils", "wheel", "IPython", "PIL"),
    "snowballstemmer",
    # standard library parts for other kinds of programs
    *("tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "unittest", "doctest"),
    *("pydoc", "pydoc_data", "test", "lib2to3", "ensurepip", "venv", "xmlrpc", "curses"),
    *("_curses", "readline"),
)

# Modules that the standard library or a dependency imports only if present, carrying on
# without them; leaving out a C module also leaves out what it links to.
IMPORTED_IF_PRESENT = (
    # no network, so no TLS (OpenSSL); hashlib falls back to its built-in algorithms
    *("ssl", "_ssl", "_hashlib"),
    # decimal falls back to its pure-Python twin; no bzip2 or xz archive is ever read
    *("_decimal", "bz2", "_bz2", "lzma", "_lzma"),
    # extras of the importers' libraries: beautifulsoup4 runs on Python's html.parser;
    # pypdf opens unencrypted and RC4-protected PDFs without a cryptography library
    # (11 MB on its own), which only AES-protected ones need
    *("lxml", "html5lib", "cryptography", "Crypto", "Cryptodome", "cchardet", "chardet"),
    # sqlite-utils converts numpy and pandas values when they are installed; natoapp
    # writes plain Python values
    *("numpy", "pandas", "sqlite_dump"),
    # the Word export of collections, offered only when python-docx (the `docx` extra,
    # which needs lxml) is installed
    "docx",
)

PYTHON_EXCLUDES = (*NEVER_IMPORTED, *IMPORTED_IF_PRESENT)

# Qt plugins kept, by folder and name (file name without "lib" and extension). Every
# platform keeps its own windowing plugin; Linux also keeps offscreen (self-test, CI),
# X11 and Wayland, the compose key and input methods (accented letters typed with dead
# keys), and the desktop portal theme (dark mode, native dialogs).
QT_PLUGINS_KEPT: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"}),
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "imageformats": frozenset({"qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
    "styles": frozenset({"qwindowsvistastyle", "qmodernwindowsstyle", "qmacstyle"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"adwaita", "bradient"}),
}

# Qt's own translations: the standard dialogs and menus in the interface languages.
QT_TRANSLATIONS_KEPT = frozenset({"qtbase_fr.qm", "qtbase_en.qm"})

# pycountry: ISO 3166-1 and its French names are all the knowledge builder reads.
PYCOUNTRY_KEPT = frozenset({"databases/iso3166-1.json", "locales/fr/LC_MESSAGES/iso3166-1.mo"})

# Libraries never needed by a widgets program that draws in software.
LIBRARIES_DROPPED = frozenset({"opengl32sw.dll"})

# Linux libraries every desktop already has (X11, fontconfig and FreeType, GLib, D-Bus
# and what they link to), left to the system as AppImages do: a copy from the build
# machine would only be older or newer than the configuration files beside it. The
# xcb utility libraries, xkbcommon, libffi, SQLite and the C++ runtime stay in the
# bundle: they are missing from some desktops or must be recent enough.
SYSTEM_LIBRARIES = frozenset(
    {
        *("libX11.so.6", "libX11-xcb.so.1", "libXau.so.6", "libXdmcp.so.6", "libxcb.so.1"),
        *("libfontconfig.so.1", "libfreetype.so.6", "libexpat.so.1", "libpng16.so.16"),
        *("libbrotlicommon.so.1", "libbrotlidec.so.1", "libz.so.1", "libbsd.so.0"),
        *("libmd.so.0", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libpcre2-8.so.0"),
        *("libdbus-1.so.3", "libsystemd.so.0", "libgcrypt.so.20", "libgpg-error.so.0"),
        *("liblz4.so.1", "libzstd.so.1", "libcap.so.2", "liblzma.so.5"),
        *("libEGL.so.1", "libGL.so.1", "libGLX.so.0", "libOpenGL.so.0", "libGLdispatch.so.0"),
        *("libwayland-client.so.0", "libwayland-cursor.so.0", "libwayland-egl.so.1"),
    }
)

_PLUGIN_NAME = re.compile(r"^(?:lib)?(?P<name>.+?)(?:\.so|\.dll|\.dylib)$")


def qt_module_excludes() -> list[str]:
    """The Qt for Python modules to exclude from the analysis (``Analysis(excludes=...)``)."""
    return [f"PySide6.{name}" for name in QT_MODULES_UNUSED]


def python_excludes() -> list[str]:
    """Every module name to exclude from the analysis."""
    return [*qt_module_excludes(), *PYTHON_EXCLUDES]


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _qt_subpath(dest: str, folder: str) -> tuple[str, ...] | None:
    """The part of ``dest`` under PySide6's Qt ``folder`` ("plugins", ...), or None."""
    parts = _parts(dest)
    for i in range(len(parts) - 1):
        if parts[i] == "PySide6" and folder in parts[i + 1 : i + 3]:
            start = parts.index(folder, i + 1) + 1
            return parts[start:]
    return None


def plugin_name(file_name: str) -> str:
    """A plugin's name from its file name: "libqxcb.so" and "qxcb.dll" are both "qxcb"."""
    match = _PLUGIN_NAME.match(file_name)
    return match.group("name") if match else file_name


def is_qt_plugin(dest: str) -> bool:
    """True when ``dest`` is a file inside Qt's plugin folder."""
    sub = _qt_subpath(dest, "plugins")
    return sub is not None and len(sub) >= 2


def keep_binary(dest: str, *, linux: bool = False) -> bool:
    """Whether a binary at bundle path ``dest`` is part of the program.

    ``linux`` also leaves out the libraries in :data:`SYSTEM_LIBRARIES`.
    """
    parts = _parts(dest)
    if not parts:
        return False
    if parts[-1].lower() in LIBRARIES_DROPPED or (linux and parts[-1] in SYSTEM_LIBRARIES):
        return False
    sub = _qt_subpath(dest, "plugins")
    if sub is not None:
        if len(sub) < 2:
            return False
        return plugin_name(sub[-1]) in QT_PLUGINS_KEPT.get(sub[0], frozenset())
    if len(parts) == 2 and parts[0] == "PySide6" and parts[1].startswith("Qt"):
        # The binding modules themselves: PySide6/QtCore.abi3.so, QtCore.pyd, ...
        return parts[1].split(".")[0] in QT_MODULES_USED
    return True


def keep_data(dest: str) -> bool:
    """Whether a data file at bundle path ``dest`` is part of the program."""
    parts = _parts(dest)
    translations = _qt_subpath(dest, "translations")
    if translations is not None:
        return len(translations) == 1 and translations[0] in QT_TRANSLATIONS_KEPT
    if is_qt_plugin(dest):
        return keep_binary(dest)
    if parts and parts[0] == "pycountry" and len(parts) > 2:
        return "/".join(parts[1:]) in PYCOUNTRY_KEPT
    return True


def is_root_binary(dest: str, typecode: str) -> bool:
    """Binaries loaded by Python or Qt themselves rather than linked to by another one.

    Python extension modules, Qt plugins and the Python library are roots; any other
    library is needed only if a root (or a library a root needs) links to it.
    """
    name = _parts(dest)[-1]
    return (
        typecode == "EXTENSION"
        or is_qt_plugin(dest)
        or re.match(r"^(lib)?python3\d*[.\d]*(\.so|\.dll|\.dylib)", name) is not None
        or name == "Python"
    )


def reachable_binaries(
    binaries: Iterable[Entry], imports_of: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """Split ``binaries`` into those a root binary needs, directly or not, and the rest.

    ``imports_of(source)`` names the libraries a binary links to (base names such as
    "libQt6Gui.so.6"). Libraries left behind by dropped plugins (the GTK theme's cairo and
    pango, the OpenGL integrations, ...) end up in the second list.
    """
    entries = list(binaries)
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        for name in {_parts(entry[0])[-1], _parts(entry[1])[-1]}:
            by_name.setdefault(name, []).append(entry)
    needed = {entry for entry in entries if is_root_binary(entry[0], entry[2])}
    queue = list(needed)
    while queue:
        entry = queue.pop()
        for library in imports_of(entry[1]):
            for found in by_name.get(_parts(library)[-1], []):
                if found not in needed:
                    needed.add(found)
                    queue.append(found)
    kept = [entry for entry in entries if entry in needed]
    dropped = [entry for entry in entries if entry not in needed]
    return kept, dropped


def without_dangling_links(entries: Iterable[Entry], kept: Iterable[Entry]) -> list[Entry]:
    """``entries`` less the symbolic links whose target is not among the ``kept`` files.

    PyInstaller records a link such as ``libQt6Core.so.6 -> PySide6/Qt/lib/...`` for each
    library it found in a package; once the library is left out, so must its link be.
    """
    present = {_parts(dest) for dest, _, typecode in kept if typecode != "SYMLINK"}
    return [
        entry
        for entry in entries
        if entry[2] != "SYMLINK" or _resolve_link(entry[0], entry[1]) in present
    ]


def _resolve_link(dest: str, target: str) -> tuple[str, ...]:
    parts = list(_parts(dest)[:-1])
    for part in _parts(target):
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return tuple(parts)


def resource_files(resources: Path, compiled: Iterable[Path] = ()) -> list[tuple[str, str]]:
    """``(source, bundle folder)`` for every file of ``resources/`` the program reads.

    Translation sources (``.ts``) stay out. ``compiled`` translations (``.qm`` made at
    packaging time) go to ``resources/translations`` in place of the checked-in ones.
    """
    fresh = {path.name: path for path in compiled}
    pairs = []
    for path in sorted(resources.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.suffix == ".ts":
            continue
        if path.suffix == ".qm" and path.name in fresh:
            continue
        folder = PurePosixPath("resources", path.parent.relative_to(resources).as_posix())
        pairs.append((str(path), str(folder)))
    pairs += [(str(path), "resources/translations") for path in fresh.values()]
    return pairs
