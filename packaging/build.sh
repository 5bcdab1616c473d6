#!/usr/bin/env bash
# Builds natoapp as a desktop program with PyInstaller, from a clone of the repository.
#
#   bash packaging/build.sh            one-folder bundle: dist/natoapp/natoapp (fast start)
#   bash packaging/build.sh --onefile  one-file executable: dist/onefile/natoapp
#   bash packaging/build.sh --all      both
#
# Options: --python PY (a Python that has natoapp's dependencies and PyInstaller, instead of
# .venv), --dist DIR (default dist/), --work DIR (default build/natoapp-package/), --debug
# (console and verbose start-up, to diagnose a bundle).
#
# Steps: install the X11 libraries the bundle carries when they are missing (apt-get), set
# up .venv with the `package` extra (scripts/bootstrap.sh), prebuild the database from
# seeds/, compile the translations, render the icons, trim ICU's data to the interface
# languages (Linux), run PyInstaller with packaging/natoapp.spec, then print the sizes and
# the build time. Nothing is downloaded by the program at run time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
onedir=1 onefile=0 debug=() python="" dist="$root/dist" work="$root/build/natoapp-package"
ONEDIR_TARGET_MB=90 ONEFILE_TARGET_MB=45

say() { printf 'natoapp package: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --onefile) onedir=0 onefile=1 ;;
        --all) onedir=1 onefile=1 ;;
        --debug) debug=(--debug) ;;
        --python) python="${2:?--python needs a program}"; shift ;;
        --dist) dist="${2:?--dist needs a folder}"; shift ;;
        --work) work="${2:?--work needs a folder}"; shift ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown option $1 (see --help)" ;;
    esac
    shift
done

started=$(date +%s%N)
elapsed() { printf '%.1f' "$(( $(date +%s%N) - started ))e-9"; }

# The libraries the xcb plugin links to go into the bundle, so they must be on this machine;
# binutils links the trimmed ICU data. Debian and Ubuntu get them with apt-get (as root or
# through sudo); elsewhere the spec names any that are missing.
system_packages=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
    libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 binutils)
install_system_packages() {
    command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
    local missing=() pkg
    for pkg in "${system_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing system packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    { ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends "${missing[@]}"; } >/dev/null \
        || say "could not install ${missing[*]}; the build stops if the bundle needs them"
}
[ "$(uname -s)" = Linux ] && install_system_packages

if [ -n "$python" ]; then
    PY="$python"
else
    # shellcheck source=../scripts/bootstrap.sh
    source "$root/scripts/bootstrap.sh" run
    PY="$VENV/bin/python"
    if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
        say "installing PyInstaller (the package extra)"
        (cd "$root" && "$PY" -m pip install -q -e ".[package]") || fail "pip install failed"
    fi
fi
"$PY" -c 'import PyInstaller, PySide6' 2>/dev/null \
    || fail "$PY lacks PyInstaller or PySide6: pip install -e '.[package]'"

stage="$work/stage"
rm -rf "$stage"
mkdir -p "$stage/natoapp/data" "$stage/translations"
cd "$root"
export NATOAPP_SEEDS="$root/seeds" NATOAPP_RESOURCES="$root/resources" QT_QPA_PLATFORM=offscreen

say "prebuilding the database from seeds/"
db="$stage/natoapp/data/natoapp.sqlite"
"$PY" -m natoapp build --seeds "$root/seeds" --db "$db" >&2 || fail "the database build failed"
"$PY" - "$db" <<'EOF' || fail "the prebuilt database does not match seeds/ and resources/"
import sys
from pathlib import Path
from natoapp import paths
from natoapp.store.build import compute_input_hash
from natoapp.store.lifecycle import database_state
state = database_state(Path(sys.argv[1]), compute_input_hash(paths.seeds_dir(), paths.resources_dir()))
sys.exit(0 if state.ok else f"natoapp package: {state.reason}")
EOF

shopt -s nullglob
sources=("$root"/resources/translations/*.ts)
if [ ${#sources[@]} -gt 0 ]; then
    lrelease="$("$PY" - <<'EOF'
import os, shutil, sys
from pathlib import Path
import PySide6
here = os.path.dirname(sys.executable)
print(shutil.which("pyside6-lrelease", path=here) or shutil.which("pyside6-lrelease")
      or next((str(p) for p in Path(PySide6.__file__).parent.glob("lrelease*")), ""))
EOF
)"
    [ -n "$lrelease" ] || fail "no lrelease in PySide6 to compile the translations"
    say "compiling ${#sources[@]} translation(s)"
    for ts in "${sources[@]}"; do
        name="$(basename "${ts%.ts}")"
        "$lrelease" -silent "$ts" -qm "$stage/translations/$name.qm" >&2 \
            || fail "lrelease failed on $ts"
    done
fi

say "rendering the icons"
"$PY" "$root/packaging/render_icons.py" --out "$stage/icons" >&2 || fail "icon rendering failed"

if [ "$(uname -s)" = Linux ]; then
    say "trimming ICU's data to the interface languages"
    "$PY" "$root/packaging/trim_icu_data.py" --out-dir "$stage/icu" >&2 \
        || say "kept ICU's full data (about 30 MB more): the trimmed copy could not be made"
fi
unset QT_QPA_PLATFORM

pyinstaller() {
    local kind="$1" log="$work/$1.log"; shift
    say "running PyInstaller ($kind)"
    mkdir -p "$work"
    # Left out of the output: PyInstaller's banner, and warnings about the plugins the spec
    # drops and about Windows libraries that Python's ctypes module names.
    local noise='^[0-9]+ INFO: |WARNING: Library (not found: could not resolve|[a-z0-9]+ required via ctypes not found)'
    if ! "$PY" -m PyInstaller --noconfirm --log-level WARN --workpath "$work/$kind" "$@" \
        "$root/packaging/natoapp.spec" -- --stage "$stage" ${debug[@]+"${debug[@]}"} \
        ${extra[@]+"${extra[@]}"} >"$log" 2>&1; then
        grep -v -E "$noise" "$log" | tail -n 20 >&2
        fail "PyInstaller failed ($kind); the whole log is $log"
    fi
    grep -v -E "$noise" "$log" >&2 || true
}

megabytes() { printf '%.1f MB (%.1f MiB)' "$(( $1 ))e-6" "$(( $1 * 100 / 1048576 ))e-2"; }
report=()
check_size() {
    local what="$1" path="$2" target="$3" bytes
    [ -e "$path" ] || fail "PyInstaller made no $what at $path"
    bytes=$(du -s --block-size=1 "$path" | cut -f1)
    local line="$what: $path, $(megabytes "$bytes") on disk, target $target MB"
    if [ "$bytes" -gt $(( target * 1000000 )) ]; then line="$line: OVER"; fi
    report+=("$line")
}

if [ "$onedir" = 1 ]; then
    extra=()
    pyinstaller onedir --distpath "$dist"
    if [ "$(uname -s)" = Linux ] && [ -d "$dist/natoapp" ]; then
        install -m 755 "$root/packaging/install-desktop-entry.sh" "$dist/natoapp/"
    fi
    check_size "one-folder bundle" "$dist/natoapp" "$ONEDIR_TARGET_MB"
fi
if [ "$onefile" = 1 ]; then
    extra=(--onefile)
    pyinstaller onefile --distpath "$dist/onefile"
    program="$dist/onefile/natoapp"
    [ -e "$program.exe" ] && program="$program.exe"
    check_size "one-file executable" "$program" "$ONEFILE_TARGET_MB"
fi

for line in "${report[@]}"; do say "$line"; done
say "built in $(elapsed) s"
