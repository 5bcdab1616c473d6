# Sourced by scripts/run and scripts/test: makes .venv with natoapp installed, once.
# Usage: source scripts/bootstrap.sh [run|test]
# Installs, only when missing: Python 3.11+ with venv (Debian/Ubuntu), the system
# libraries Qt needs (offscreen for tests; X11 ones too when a display is used),
# and the Python packages from pyproject.toml (the dev extras for tests).

natoapp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
natoapp_mode="${1:-run}"
VENV="${NATOAPP_VENV:-$natoapp_root/.venv}"

_say() { printf 'natoapp setup: %s\n' "$*" >&2; }

_as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else return 1
    fi
}

_apt_updated=""
_apt_install() {
    # Installs the Debian packages among "$@" that are not installed yet.
    command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    _say "installing system packages: ${missing[*]}"
    if [ -z "$_apt_updated" ]; then
        _as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
        _apt_updated=1
    fi
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null \
        || _say "could not install ${missing[*]} (no root?); Qt may fail to start"
}

_find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

# Qt's offscreen platform (tests) needs these; a real X display needs the xcb ones too.
_apt_install libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0
# Tests build the frozen app too, whose spec bundles the X11 platform plugin and its libraries.
if [ "$natoapp_mode" = test ] || [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    _apt_install libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
        libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
fi

natoapp_python="$(_find_python)" || {
    _apt_install python3 python3-venv
    natoapp_python="$(_find_python)" || { _say "Python 3.11 or newer is required"; return 1 2>/dev/null || exit 1; }
}

if [ ! -x "$VENV/bin/python" ]; then
    _say "creating $VENV"
    "$natoapp_python" -m venv "$VENV" 2>/dev/null || {
        _apt_install python3-venv
        rm -rf "$VENV"
        "$natoapp_python" -m venv "$VENV"
    } || { _say "could not create a virtual environment"; return 1 2>/dev/null || exit 1; }
fi

_extras="."
[ "$natoapp_mode" = test ] && _extras=".[dev]"
_stamp="$VENV/.natoapp-$(cat "$natoapp_root/pyproject.toml" | sha256sum | cut -c1-16)-$natoapp_mode"
if [ ! -f "$_stamp" ]; then
    _say "installing Python packages ($_extras)"
    _log="$VENV/pip-install.log"
    "$VENV/bin/python" -m pip install --upgrade pip >"$_log" 2>&1 || true
    (cd "$natoapp_root" && "$VENV/bin/python" -m pip install -e "$_extras") >>"$_log" 2>&1 || {
        tail -n 30 "$_log" >&2
        _say "pip install failed (full log: $_log)"
        return 1 2>/dev/null || exit 1
    }
    touch "$_stamp"
fi
