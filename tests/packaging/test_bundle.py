"""The desktop bundle: what the spec keeps and leaves out, the icons, the desktop entry, and
(marked ``packaging``: ``pytest -m packaging``) a real one-folder build whose frozen program
passes its self-test offscreen, offline, writing nothing beside itself."""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import natoapp

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.natoapp"
ONEDIR_TARGET_BYTES = 90_000_000


def load(name: str) -> ModuleType:
    """A module of packaging/ (not a package: the spec imports them by path too)."""
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


contents = load("bundle_contents")
render_icons = load("render_icons")
trim_icu_data = load("trim_icu_data")


# --- what the spec keeps ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/networkinformation/libqglib.so", False),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
        ("PySide6/QtWidgets.abi3.so", True),
        ("PySide6/QtCore.pyd", True),
        ("PySide6/QtNetwork.abi3.so", False),
        ("PySide6/QtQml.abi3.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/opengl32sw.dll", False),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_binaries_kept_are_the_ones_the_program_uses(dest, kept):
    assert contents.keep_binary(dest) is kept


def test_linux_leaves_the_desktop_libraries_to_the_system():
    for name in ("libX11.so.6", "libfontconfig.so.1", "libglib-2.0.so.0", "libdbus-1.so.3"):
        assert contents.keep_binary(name)
        assert not contents.keep_binary(name, linux=True)
    for name in ("libxcb-cursor.so.0", "libsqlite3.so.0", "libffi.so.8", "libstdc++.so.6"):
        assert contents.keep_binary(name, linux=True)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/assistant_fr.qm", False),
        ("PySide6/translations/qtbase_fr.qm", True),
        ("pycountry/databases/iso3166-1.json", True),
        ("pycountry/databases/iso639-3.json", False),
        ("pycountry/locales/fr/LC_MESSAGES/iso3166-1.mo", True),
        ("pycountry/locales/de/LC_MESSAGES/iso3166-1.mo", False),
        ("pycountry/locales/fr/LC_MESSAGES/iso639-3.mo", False),
        ("resources/knowledge/frameworks.toml", True),
        ("seeds/000_3dd9bffdd09fa4c1.txt", True),
        ("natoapp/data/natoapp.sqlite", True),
    ],
)
def test_data_kept_are_the_ones_the_program_reads(dest, kept):
    assert contents.keep_data(dest) is kept


def test_only_libraries_a_kept_binary_links_to_stay():
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
        ("PySide6/QtCore.abi3.so", "/q/QtCore.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/q/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/q/libQt6Core.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),  # only the GTK theme's
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
    ]
    links = {
        "/q/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Core.so.6"],
        "/q/libQt6XcbQpa.so.6": ["/usr/lib/libxcb-cursor.so.0"],
        "/q/QtCore.abi3.so": ["libQt6Core.so.6"],
    }
    kept, dropped = contents.reachable_binaries(binaries, lambda src: links.get(src, []))
    assert [entry[0] for entry in dropped] == ["libcairo.so.2"]
    assert len(kept) == len(binaries) - 1


def test_links_to_left_out_libraries_go_too():
    kept = [("PySide6/Qt/lib/libQt6Core.so.6", "/q/libQt6Core.so.6", "BINARY")]
    links = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/alias.so", "../../../libnone.so", "SYMLINK"),
        ("PySide6/Qt/lib/core.so", "libQt6Core.so.6", "SYMLINK"),
    ]
    assert contents.without_dangling_links(links, kept + links) == [links[0], links[3]]


def test_no_module_the_program_imports_is_left_out():
    # A fresh interpreter imports every natoapp module; none of the modules the bundle
    # leaves out may be imported, but those the standard library tries and does without.
    code = (
        "import importlib, pkgutil, sys, natoapp\n"
        "for m in pkgutil.walk_packages(natoapp.__path__, 'natoapp.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
        timeout=120,
    )
    imported = set(done.stdout.split())
    left_out = [*contents.NEVER_IMPORTED, *contents.qt_module_excludes()]
    wrongly = [
        name
        for name in left_out
        if name in imported or any(module.startswith(f"{name}.") for module in imported)
    ]
    assert wrongly == []
    # The check is not empty: the Qt modules the program uses were imported.
    assert {f"PySide6.{name}" for name in contents.QT_MODULES_USED} <= imported


def test_every_resource_but_translation_sources_is_shipped(tmp_path):
    resources = tmp_path / "resources"
    for name in ("knowledge/a.toml", "map/world.geojson", "translations/natoapp_fr.ts"):
        (resources / name).parent.mkdir(parents=True, exist_ok=True)
        (resources / name).write_text("x")
    (resources / "translations" / "natoapp_fr.qm").write_text("old")
    (resources / "knowledge" / ".hidden").write_text("x")
    fresh = tmp_path / "stage" / "natoapp_fr.qm"
    fresh.parent.mkdir()
    fresh.write_text("new")

    shipped = contents.resource_files(resources, [fresh])

    assert sorted(shipped) == sorted(
        [
            (str(resources / "knowledge" / "a.toml"), "resources/knowledge"),
            (str(resources / "map" / "world.geojson"), "resources/map"),
            (str(fresh), "resources/translations"),
        ]
    )


# --- icons, desktop entry, metainfo -------------------------------------------------------


def test_ico_and_icns_hold_each_png_where_the_formats_say():
    pngs = {size: b"\x89PNG" + bytes([size % 256]) * size for size in (16, 32, 256)}
    ico = render_icons.ico_file(pngs.items())
    reserved, kind, count = struct.unpack_from("<HHH", ico, 0)
    assert (reserved, kind, count) == (0, 1, 3)
    for i, size in enumerate(sorted(pngs)):
        width, _, _, _, _, bits, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * i)
        assert width == (0 if size == 256 else size) and bits == 32
        assert ico[offset : offset + length] == pngs[size]

    icns = render_icons.icns_file([("icp4", pngs[16]), ("ic08", pngs[256])])
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert icns[8:12] == b"icp4" and struct.unpack(">I", icns[12:16])[0] == len(pngs[16]) + 8
    assert icns[16 : 16 + len(pngs[16])] == pngs[16]


def test_icons_are_rendered_from_the_svg(tmp_path):
    # In a process of its own: the renderer makes its own QGuiApplication.
    subprocess.run(
        [sys.executable, str(PACKAGING / "render_icons.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for size in render_icons.PNG_SIZES:
        png = (tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    ico = (tmp_path / "natoapp.ico").read_bytes()
    assert struct.unpack_from("<H", ico, 4)[0] == len(render_icons.ICO_SIZES)
    assert (tmp_path / "natoapp.icns").read_bytes()[:4] == b"icns"
    svg = tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (ROOT / "resources" / "icons" / "natoapp.svg").read_bytes()


def test_render_icons_says_in_one_line_when_the_svg_is_missing(tmp_path):
    done = subprocess.run(
        [
            *(sys.executable, str(PACKAGING / "render_icons.py")),
            *("--out", str(tmp_path), "--svg", str(tmp_path / "none.svg")),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr == f"render_icons: no SVG at {tmp_path / 'none.svg'}\n"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_natoapp_with_its_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "natoapp" and entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run(
            [validator, str(PACKAGING / f"{APP_ID}.desktop")], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_names_the_desktop_entry_and_this_version():
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "natoapp"
    assert root.find("releases/release").get("version") == natoapp.__version__
    appstream = shutil.which("appstreamcli")
    if appstream:
        done = subprocess.run(
            [appstream, "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="the desktop entry installer is for Linux")
def test_desktop_entry_installer_names_the_program_where_it_is_and_removes_it(tmp_path):
    bundle = tmp_path / 'natoapp "2" $HOME'
    share = bundle / "_internal" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(PACKAGING / f"{APP_ID}.desktop", share / "applications")
    shutil.copy(PACKAGING / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icon = share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
    icon.parent.mkdir(parents=True)
    icon.write_bytes(b"\x89PNG")
    (bundle / "natoapp").write_text("#!/bin/sh\n")
    (bundle / "natoapp").chmod(0o755)
    shutil.copy(PACKAGING / "install-desktop-entry.sh", bundle)
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}

    subprocess.run(
        [str(bundle / "install-desktop-entry.sh")], env=env, check=True, capture_output=True
    )

    installed = data / "applications" / f"{APP_ID}.desktop"
    lines = installed.read_text(encoding="utf-8").splitlines()
    assert f'Exec="{tmp_path}/natoapp \\\\"2\\\\" \\\\$HOME/natoapp"' in lines
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert not any(path.name.endswith(".desktop") for path in bundle.iterdir())

    subprocess.run(
        [str(bundle / "install-desktop-entry.sh"), "--remove"],
        env=env,
        check=True,
        capture_output=True,
    )
    assert not installed.exists()
    assert not (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").exists()


# --- ICU data ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/fr.res", True),
        ("icudt73l/fr_CA.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/root.res", True),
        ("icudt73l/de.res", False),
        ("icudt73l/res_index.res", True),
        ("icudt73l/pool.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/uts46.nrm", True),
        ("icudt73l/unames.icu", False),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/fr.res", True),
        ("icudt73l/coll/de__PHONEBOOK.res", False),
        ("icudt73l/coll/res_index.res", True),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/zone/fr.res", True),
    ],
)
def test_icu_items_kept_are_the_core_and_the_interface_languages(name, kept):
    assert trim_icu_data.keep_item(name) is kept


def test_icu_packages_read_back_as_written():
    header = bytes([32, 0, 0xDA, 0x27]) + bytes(8) + b"CmnD" + bytes(16)
    # Items are padded to 16 bytes in a package, as ICU's own tools write them.
    package = trim_icu_data.Package(
        header, [("icudt73l/a.res", b"\x01" * 16), ("icudt73l/b.res", b"\x02" * 40)]
    )
    data = trim_icu_data.write_package(package)
    assert trim_icu_data.read_package(data) == package
    for i in range(2):
        _, offset = struct.unpack_from("<II", data, len(header) + 4 + 8 * i)
        assert (len(header) + offset) % 16 == 0


def test_a_file_that_is_no_icu_library_is_refused(tmp_path):
    with pytest.raises(trim_icu_data.IcuDataError, match="not a 64-bit"):
        trim_icu_data.data_symbol(b"MZ" + bytes(100))
    with pytest.raises(trim_icu_data.IcuDataError, match="not an ICU common data package"):
        trim_icu_data.read_package(bytes(64))


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux builds of Qt ship ICU")
def test_trimmed_icu_still_collates_and_cases_french(tmp_path):
    if not (shutil.which("cc") or (shutil.which("as") and shutil.which("ld"))):
        pytest.skip("no cc, as or ld to link the trimmed ICU data library")
    source = trim_icu_data.qt_icu_library()
    before, after = trim_icu_data.trim_library(source, tmp_path / source.name)
    assert after < before / 4
    code = (
        "from PySide6.QtCore import QCollator, QLocale\n"
        "c = QCollator(QLocale('fr_FR'))\n"
        "print(sorted(['zèbre', 'Éléphant', 'côte', 'abricot'], key=c.sortKey))\n"
        "print(QLocale('fr').toUpper('straße'), QLocale('tr').toUpper('i'))\n"
    )
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        "['abricot', 'côte', 'Éléphant', 'zèbre']",
        "STRASSE İ",
    ]
    assert "ICU" not in done.stderr


# --- the frozen program -------------------------------------------------------------------


def run_quietly(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle, built once by the README's command into a temporary folder."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (the package extra)")
    if sys.platform != "linux":
        pytest.skip("packaging/build.sh builds on Linux; see packaging/README-windows-macos.md")
    out = tmp_path_factory.mktemp("package")
    env = {
        **os.environ,
        # PyInstaller's cache of stripped libraries and Qt's caches, out of the user's folders.
        "PYINSTALLER_CONFIG_DIR": str(out / "pyinstaller-cache"),
        "XDG_CACHE_HOME": str(out / "cache"),
        "XDG_CONFIG_HOME": str(out / "config"),
    }
    done = run_quietly(
        [
            *("bash", str(PACKAGING / "build.sh"), "--python", sys.executable),
            *("--dist", str(out / "dist"), "--work", str(out / "work")),
        ],
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "one-folder bundle:" in done.stderr and "OVER" not in done.stderr, done.stderr
    return out / "dist" / "natoapp"


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose user folders are all inside ``tmp_path``."""
    home = tmp_path / "home"
    home.mkdir()
    keep = {name: os.environ[name] for name in ("PATH", "SYSTEMROOT") if name in os.environ}
    return {
        **keep,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    }


@pytest.mark.packaging
def test_bundle_is_within_its_size_and_holds_what_the_program_reads(bundle):
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= ONEDIR_TARGET_BYTES
    internal = bundle / "_internal"
    # ICU's data holds only the interface languages (about 4 MB of its 32).
    (icu_data,) = (internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    assert icu_data.stat().st_size < 8_000_000
    assert (internal / "natoapp" / "data" / "natoapp.sqlite").is_file()
    assert sorted(p.name for p in (internal / "seeds").iterdir()) == sorted(
        p.name for p in (ROOT / "seeds").iterdir()
    )
    assert (internal / "resources" / "translations" / "natoapp_fr.qm").is_file()
    assert (internal / "resources" / "icons" / "natoapp.svg").is_file()
    assert (internal / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (bundle / "install-desktop-entry.sh").is_file()
    plugins = {p.name for p in (internal / "PySide6" / "Qt" / "plugins").rglob("*.so")}
    assert {"libqxcb.so", "libqoffscreen.so", "libqsvgicon.so", "libqsvg.so"} <= plugins
    assert not any("network" in p.lower() or "opengl" in p.lower() for p in plugins)
    assert not list(internal.rglob("*QtNetwork*")) and not list(internal.rglob("*lxml*"))
    assert not any(p.is_symlink() and not p.exists() for p in internal.rglob("*"))


@pytest.mark.packaging
def test_frozen_self_test_passes_offscreen_with_the_shipped_database(bundle, user_env):
    before = snapshot(bundle)

    done = run_quietly([str(bundle / "natoapp"), "--self-test"], env=user_env)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("natoapp self-test passed: "), done.stdout
    home = Path(user_env["HOME"])
    written = [path for path in home.rglob("*") if path.is_file()]
    # The prebuilt database was used as it is: no search database was built.
    assert not [path for path in written if path.name == "natoapp.sqlite"]
    # What the program wrote went to the user's folders (the log at least), and nothing
    # beside the program.
    user_folders = [Path(user_env[name]) for name in user_env if name.startswith("XDG_")]
    assert any(path.name == "natoapp.log" for path in written)
    assert all(any(path.is_relative_to(folder) for folder in user_folders) for path in written)
    assert snapshot(bundle) == before


@pytest.mark.packaging
def test_frozen_command_line_searches_and_builds(bundle, user_env, tmp_path):
    program = str(bundle / "natoapp")
    search = run_quietly([program, "search", "--json", "--limit", "3", "koweit"], env=user_env)
    assert search.returncode == 0 and search.stderr == ""
    hits = json.loads(search.stdout)
    assert len(hits) == 3 and any("Koweït" in hit["snippet"] for hit in hits)

    # Building from the shipped seeds exercises the corpus and knowledge code and pycountry.
    built = run_quietly([program, "build", "--db", str(tmp_path / "x.sqlite")], env=user_env)
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith(f"built {tmp_path / 'x.sqlite'}: 5 documents")


@pytest.mark.packaging
def test_frozen_program_makes_no_network_call(bundle, user_env):
    strace = shutil.which("strace")
    if strace is None or run_quietly([strace, "-o", os.devnull, "true"]).returncode != 0:
        pytest.skip("strace is missing or not allowed here")
    trace = Path(user_env["HOME"]) / "trace.txt"
    done = run_quietly(
        [
            *(strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace)),
            *(str(bundle / "natoapp"), "--self-test"),
        ],
        env=user_env,
    )
    assert done.returncode == 0, done.stderr
    calls = trace.read_text().splitlines()
    assert not [call for call in calls if "AF_INET" in call], calls


@pytest.mark.packaging
def test_frozen_program_starts_without_any_network(bundle, user_env):
    unshare = shutil.which("unshare")
    if unshare is None or run_quietly([unshare, "-rn", "true"]).returncode != 0:
        pytest.skip("cannot make a network namespace here (unshare -rn)")
    done = run_quietly([unshare, "-rn", str(bundle / "natoapp"), "--self-test"], env=user_env)
    assert done.returncode == 0, done.stderr


@pytest.mark.packaging
def test_frozen_self_test_passes_on_an_x11_display(bundle, user_env):
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.skip("xvfb-run is not installed: the X11 plugin is not tried")
    env = {**user_env, "QT_QPA_PLATFORM": "xcb"}
    done = run_quietly([xvfb_run, "-a", str(bundle / "natoapp"), "--self-test"], env=env)
    assert done.returncode == 0, done.stderr
