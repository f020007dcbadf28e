"""Colours per category, human labels, and following the system's light/dark scheme."""
from __future__ import annotations

from .i18n import tr

# One colour per category (underline, panel badge, gauge bar); chosen to stay apart on
# both light and dark backgrounds.
CATEGORY_COLORS: dict[str, str] = {
    "gender": "#d81b60",
    "gender-coded": "#8e24aa",
    "age": "#ef6c00",
    "disability": "#1e88e5",
    "origin": "#00897b",
    "religion": "#6d4c41",
    "family": "#c0ca33",
    "appearance": "#f4511e",
    "orientation": "#5e35b1",
    "socioeconomic": "#546e7a",
    "readability": "#fbc02d",
    "spelling": "#e53935",
    "grammar": "#43a047",
}

# English labels; translated with tr() where shown.
CATEGORY_LABELS: dict[str, str] = {
    "gender": "Gender",
    "gender-coded": "Gender-coded words",
    "age": "Age",
    "disability": "Disability",
    "origin": "Origin and language",
    "religion": "Religion",
    "family": "Family",
    "appearance": "Appearance",
    "orientation": "Sexual orientation",
    "socioeconomic": "Social background",
    "readability": "Readability",
    "spelling": "Spelling",
    "grammar": "Grammar",
}

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "nl": "Dutch", "fr": "French", "de": "German"}
SEVERITY_LABELS: dict[str, str] = {"error": "Must fix", "warning": "Should fix", "info": "Consider"}


def category_color(category: str) -> str:
    return CATEGORY_COLORS.get(category, "#757575")


def category_label(category: str) -> str:
    return tr(CATEGORY_LABELS.get(category, category))


def language_name(code: str | None) -> str:
    return tr(LANGUAGE_NAMES.get(code or "", code or "?"))


def severity_label(severity: str) -> str:
    return tr(SEVERITY_LABELS.get(severity, severity))


def is_dark(palette=None) -> bool:
    """Whether the window background is dark (follows the system scheme)."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def apply_scheme(app, scheme: str = "system") -> None:
    """Fusion style with a light or dark palette; `scheme` is system, light or dark."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    dark = scheme == "dark"
    if scheme == "system":
        hints = app.styleHints()
        try:
            dark = hints.colorScheme() == Qt.ColorScheme.Dark
        except AttributeError:  # older Qt
            dark = False
    pal = QPalette()
    if dark:
        roles = {
            QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
            QPalette.ColorRole.Base: "#17181a", QPalette.ColorRole.AlternateBase: "#26282b",
            QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2d2f33",
            QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.ToolTipBase: "#2d2f33",
            QPalette.ColorRole.ToolTipText: "#e8eaed", QPalette.ColorRole.Highlight: "#5c8de8",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#8ab4f8",
            QPalette.ColorRole.PlaceholderText: "#9aa0a6", QPalette.ColorRole.Mid: "#3c4043",
        }
    else:
        roles = {
            QPalette.ColorRole.Window: "#f3f4f6", QPalette.ColorRole.WindowText: "#1f2328",
            QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f6f8fa",
            QPalette.ColorRole.Text: "#1f2328", QPalette.ColorRole.Button: "#f6f8fa",
            QPalette.ColorRole.ButtonText: "#1f2328", QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1f2328", QPalette.ColorRole.Highlight: "#2f6fdb",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#0b57d0",
            QPalette.ColorRole.PlaceholderText: "#6e7781", QPalette.ColorRole.Mid: "#d0d7de",
        }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8c959f"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8c959f"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8c959f"))
    app.setPalette(pal)
