"""Regenerate the README's generated sections from the data; --check only compares.

Usage: python scripts/update_readme.py [--check] [--db FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SECTION = re.compile(r"(<!-- frameworks:start -->\n)(.*?)(<!-- frameworks:end -->)", re.DOTALL)


def frameworks_markdown(db: Path | None) -> str:
    """What `natoapp frameworks --markdown` prints."""
    from natoapp.cli import main

    argv = ["frameworks", "--markdown"] + (["--db", str(db)] if db else [])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        if main(argv) != 0:
            raise SystemExit("natoapp frameworks failed")
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the README is stale")
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    fresh = SECTION.sub(lambda m: m[1] + frameworks_markdown(args.db) + m[3], text)
    if fresh == text:
        return 0
    if args.check:
        print("README.md is stale: run python scripts/update_readme.py", file=sys.stderr)
        return 1
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
