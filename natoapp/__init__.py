"""natoapp: an offline reference browser of NATO's partnership frameworks."""

__version__ = "0.1.0"
