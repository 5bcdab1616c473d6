#!/usr/bin/env bash
# Refreshes resources/translations/natoapp_fr.ts from the strings in natoapp/ui (new strings
# are added, translated ones kept), then compiles it to natoapp_fr.qm, which the app loads.
# Run after changing interface text; commit both files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out=resources/translations
mkdir -p "$out"
mapfile -t sources < <(find natoapp/ui -name '*.py' | sort)
for lang in fr; do
    pyside6-lupdate -no-obsolete -locations none "${sources[@]}" -ts "$out/natoapp_$lang.ts"
    pyside6-lrelease "$out/natoapp_$lang.ts" -qm "$out/natoapp_$lang.qm"
done
