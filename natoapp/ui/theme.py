"""Light and dark colour schemes: the system's by default, or the one the reader chose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}


def apply_color_scheme(app: QApplication, scheme: str) -> None:
    """Follow the system scheme ("system") or force "light" or "dark".

    Qt's platform theme is asked first; where it cannot switch (no desktop theme, as on
    a bare X server), the Fusion style gets an explicit palette so the choice still shows.
    """
    wanted = _SCHEMES.get(scheme, Qt.ColorScheme.Unknown)
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8 and later
        hints.setColorScheme(wanted)
    if wanted == Qt.ColorScheme.Unknown:
        app.setPalette(QPalette())
        return
    if is_dark(app.palette()) != (wanted == Qt.ColorScheme.Dark):
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setPalette(dark_palette() if wanted == Qt.ColorScheme.Dark else light_palette())


def is_dark(palette: QPalette | None = None) -> bool:
    """True when text is drawn light on dark."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return (
        pal.color(QPalette.ColorRole.Window).lightness()
        < pal.color(QPalette.ColorRole.WindowText).lightness()
    )


def dark_palette() -> QPalette:
    """A restrained dark palette for the Fusion style."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202326",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#17191b",
        QPalette.ColorRole.AlternateBase: "#25282b",
        QPalette.ColorRole.ToolTipBase: "#2c3034",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8f94",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2a2d31",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#7fb4ff",
        QPalette.ColorRole.LinkVisited: "#b89cff",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Light: "#3a3e42",
        QPalette.ColorRole.Midlight: "#2f3337",
        QPalette.ColorRole.Mid: "#34383c",
        QPalette.ColorRole.Dark: "#121314",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7f84"))
    return pal


def light_palette() -> QPalette:
    """Fusion's own light palette."""
    fusion = QStyleFactory.create("Fusion")
    return fusion.standardPalette() if fusion is not None else QPalette()


def highlight_colors(palette: QPalette | None = None) -> dict[str, QColor]:
    """Background colours for marks in the reader, readable in the current scheme.

    "hit": a matched search word; "mention": the entity a page is about; "passage": the
    passage a citation or a search hit points to.
    """
    if is_dark(palette):
        return {
            "hit": QColor("#7a5d00"),
            "mention": QColor("#2f5a2f"),
            "passage": QColor("#26313d"),
        }
    return {"hit": QColor("#ffe27a"), "mention": QColor("#d7f0c8"), "passage": QColor("#eaf1fb")}
