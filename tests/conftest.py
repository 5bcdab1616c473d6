"""Every test runs with the user's folders pointed at a temporary place.

natoapp reads and writes the user's cache (the database), data (the personal
library) and log folders; no test may see, or leave anything in, the real ones.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_ROOT = Path(tempfile.mkdtemp(prefix="natoapp-tests-"))
for _name, _sub in (
    ("NATOAPP_CACHE_DIR", "cache"),
    ("NATOAPP_DATA_DIR", "data"),
    ("XDG_CACHE_HOME", "xdg-cache"),
    ("XDG_DATA_HOME", "xdg-data"),
    ("XDG_STATE_HOME", "xdg-state"),
    ("XDG_CONFIG_HOME", "xdg-config"),
):
    os.environ[_name] = str(_ROOT / _sub)
