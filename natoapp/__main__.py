"""``python -m natoapp``."""

from natoapp.cli import main_entry

main_entry()
