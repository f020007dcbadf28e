"""Settings: interface language, document language, conventions, categories, organisation pack."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTabWidget, QVBoxLayout, QWidget)

from ..core.model import CATEGORIES
from .i18n import UI_LANGUAGES, Binder, tr
from .settings import LOCALES, STYLES, GuiSettings
from .theme import category_label, language_name

STYLE_LABELS = {
    "neutral": "Neutral words (salesperson, Verkaufskraft)",
    "doublet": "Both forms (Verkäuferin und Verkäufer)",
    "median": "Median point (vendeur·euse)",
    "star": "Gender star (Verkäufer*in)",
    "colon": "Colon (Verkäufer:in)",
    "label": "Job title + label (m/v/x)",
}
LOCALE_LABELS = {"BE": "Belgium", "NL": "Netherlands", "FR": "France", "DE": "Germany"}
SCHEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class SettingsDialog(QDialog):
    def __init__(self, settings: GuiSettings, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.s = settings
        self.t = Binder()
        self.t(self.setWindowTitle, "Settings")
        lay = QVBoxLayout(self)
        tabs = QTabWidget()
        lay.addWidget(tabs)

        general = QWidget()
        form = QFormLayout(general)
        self.ui_lang = QComboBox()
        self.ui_lang.setObjectName("uiLanguage")
        for code, name in UI_LANGUAGES.items():
            self.ui_lang.addItem(name, code)
        self.ui_lang.setCurrentIndex(max(0, self.ui_lang.findData(settings.ui_language)))
        self.doc_lang = QComboBox()
        self.doc_lang.setObjectName("defaultDocumentLanguage")
        self.doc_lang.addItem(tr("Detect automatically"), "auto")
        for code in ("en", "nl", "fr", "de"):
            self.doc_lang.addItem(language_name(code), code)
        self.doc_lang.setCurrentIndex(max(0, self.doc_lang.findData(settings.document_language)))
        self.scheme = QComboBox()
        for code, label in SCHEMES.items():
            self.scheme.addItem(tr(label), code)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(settings.color_scheme)))
        form.addRow(tr("Interface language"), self.ui_lang)
        form.addRow(tr("Default document language"), self.doc_lang)
        form.addRow(tr("Colour scheme"), self.scheme)
        tabs.addTab(general, tr("General"))

        conv = QWidget()
        grid = QGridLayout(conv)
        grid.addWidget(QLabel("<b>" + tr("Language") + "</b>"), 0, 0)
        grid.addWidget(QLabel("<b>" + tr("Gender label conventions of") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + tr("Inclusive style") + "</b>"), 0, 2)
        self.locale_boxes: dict[str, QComboBox] = {}
        self.style_boxes: dict[str, QComboBox] = {}
        for row, lang in enumerate(("en", "nl", "fr", "de"), start=1):
            grid.addWidget(QLabel(language_name(lang)), row, 0)
            if LOCALES[lang] != ("",):
                box = QComboBox()
                box.setAccessibleName(tr("Gender label conventions for {lang}", lang=language_name(lang)))
                for loc in LOCALES[lang]:
                    box.addItem(tr(LOCALE_LABELS.get(loc, loc)), loc)
                box.setCurrentIndex(max(0, box.findData(settings.locale.get(lang, LOCALES[lang][0]))))
                self.locale_boxes[lang] = box
                grid.addWidget(box, row, 1)
            style = QComboBox()
            style.setAccessibleName(tr("Inclusive style for {lang}", lang=language_name(lang)))
            for st in STYLES:
                if lang == "en" and st not in ("neutral",):
                    continue
                style.addItem(tr(STYLE_LABELS[st]), st)
            style.setCurrentIndex(max(0, style.findData(settings.style.get(lang, "neutral"))))
            self.style_boxes[lang] = style
            grid.addWidget(style, row, 2)
        grid.setRowStretch(6, 1)
        tabs.addTab(conv, tr("Conventions"))

        cats = QWidget()
        cgrid = QGridLayout(cats)
        cgrid.addWidget(QLabel(tr("Check these categories:")), 0, 0, 1, 2)
        self.cat_boxes: dict[str, QCheckBox] = {}
        for i, cat in enumerate(CATEGORIES):
            cb = QCheckBox(category_label(cat))
            cb.setChecked(settings.categories.get(cat, True))
            self.cat_boxes[cat] = cb
            cgrid.addWidget(cb, 1 + i // 2, i % 2)
        self.hints = QCheckBox(tr("Model hints: also mark sentences that read like an "
                                  "exclusionary statement without a flagged word (on-device model)"))
        self.hints.setObjectName("modelHints")
        self.hints.setChecked(settings.model_hints)
        cgrid.addWidget(self.hints, 2 + (len(CATEGORIES) - 1) // 2, 0, 1, 2)
        tabs.addTab(cats, tr("Categories"))

        org = QWidget()
        ol = QVBoxLayout(org)
        note = QLabel(tr("An organisation rule pack adds your own rules and accepted words "
                         "(a folder with config.yaml and rules/<language>/)."))
        note.setWordWrap(True)
        ol.addWidget(note)
        row = QHBoxLayout()
        self.org = QLineEdit(settings.org_pack)
        self.org.setObjectName("orgPack")
        self.org.setAccessibleName(tr("Organisation rule pack folder"))
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.org, 1)
        row.addWidget(browse)
        ol.addLayout(row)
        ol.addStretch(1)
        tabs.addTab(org, tr("Organisation"))

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Organisation rule pack folder"), self.org.text())
        if path:
            self.org.setText(path)

    def apply(self) -> GuiSettings:
        """Write the choices into the settings object and return it."""
        s = self.s
        s.ui_language = self.ui_lang.currentData()
        s.document_language = self.doc_lang.currentData()
        s.color_scheme = self.scheme.currentData()
        s.locale = {lang: box.currentData() for lang, box in self.locale_boxes.items()}
        s.style = {lang: box.currentData() for lang, box in self.style_boxes.items()}
        s.categories = {c: cb.isChecked() for c, cb in self.cat_boxes.items()}
        s.model_hints = self.hints.isChecked()
        s.org_pack = self.org.text().strip()
        return s
