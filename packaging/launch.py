"""Entry point of the packaged program: the same ``main`` as ``python -m natoapp``."""

from natoapp.cli import main_entry

if __name__ == "__main__":
    main_entry()
