#!/bin/sh
# Adds natoapp (this folder's program) to your applications menu, with its icon:
#   ./install-desktop-entry.sh           install for the current user
#   ./install-desktop-entry.sh --remove  take it out again
# Files go to ~/.local/share (or $XDG_DATA_HOME); nothing is written in this folder.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
share="$here/_internal/share"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
app_id=io.github.natoapp
entry="$data/applications/$app_id.desktop"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$data/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = --remove ]; then
    rm -f "$entry" "$data/metainfo/$app_id.metainfo.xml"
    rm -f "$data"/icons/hicolor/*/apps/"$app_id".png "$data/icons/hicolor/scalable/apps/$app_id.svg"
    refresh
    echo "natoapp removed from the applications menu"
    exit 0
fi

[ -x "$here/natoapp" ] && [ -d "$share" ] || { echo "run this script from the natoapp folder" >&2; exit 1; }
for icon in "$share"/icons/hicolor/*/apps/"$app_id".*; do
    size="$(basename "$(dirname "$(dirname "$icon")")")"
    mkdir -p "$data/icons/hicolor/$size/apps"
    cp "$icon" "$data/icons/hicolor/$size/apps/"
done
mkdir -p "$data/applications" "$data/metainfo"
cp "$share/metainfo/$app_id.metainfo.xml" "$data/metainfo/"
# Exec names this very program, quoted as the Desktop Entry format asks: a backslash is
# written as four, ", ` and $ behind two backslashes, and % doubled.
quoted="$(printf '%s' "$here/natoapp" \
    | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')"
while IFS= read -r line; do
    case "$line" in
        Exec=*) printf 'Exec="%s"\n' "$quoted" ;;
        TryExec=*) printf 'TryExec=%s\n' "$here/natoapp" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$share/applications/$app_id.desktop" >"$entry"
refresh
echo "natoapp added to the applications menu ($entry)"
