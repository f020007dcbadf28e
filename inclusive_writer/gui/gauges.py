"""At-a-glance gauges, drawn with QPainter: gender-coding balance, readability vs B1, counts."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..core.model import CATEGORIES
from .i18n import tr
from .theme import category_color, category_label

MASC, FEM = QColor("#3b78e7"), QColor("#d0508a")
CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")
READABILITY_DETAILS = {
    "words_per_sentence": "Average sentence length: {v} words",
    "syllables_per_word": "Syllables per word: {v}",
    "score": "Reading-ease score: {v}",
    "formula": "Formula: {v}",
}

VERDICTS = {
    "empty": "No coded words",
    "neutral": "Balanced",
    "masculine-coded": "Leans masculine",
    "strongly masculine-coded": "Strongly masculine",
    "feminine-coded": "Leans feminine",
    "strongly feminine-coded": "Strongly feminine",
}


def _text_color(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def _track_color(widget: QWidget) -> QColor:
    base = widget.palette().color(QPalette.ColorRole.Window)
    return base.darker(115) if base.lightness() > 128 else base.lighter(160)


class GenderBalanceGauge(QWidget):
    """A bar from masculine (left) to feminine (right) with a marker for the balance."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] = {}
        self.setMinimumHeight(58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Gender-coded wording balance"))

    def set_data(self, coding: dict[str, Any] | None) -> None:
        self.data = dict(coding or {})
        self.setAccessibleDescription(self.summary_text())
        self.setToolTip(self.words_text())
        self.update()

    def verdict_text(self) -> str:
        return tr(VERDICTS.get(self.data.get("verdict", "empty"), str(self.data.get("verdict", ""))))

    def summary_text(self) -> str:
        m, f = int(self.data.get("masculine_count", 0)), int(self.data.get("feminine_count", 0))
        return tr("{verdict}: {m} masculine-coded, {f} feminine-coded words",
                  verdict=self.verdict_text(), m=m, f=f)

    def words_text(self) -> str:
        mw = ", ".join(self.data.get("masculine_words", [])[:12]) or "—"
        fw = ", ".join(self.data.get("feminine_words", [])[:12]) or "—"
        return tr("Masculine-coded: {m}", m=mw) + "\n" + tr("Feminine-coded: {f}", f=fw)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(260, 58)

    def paintEvent(self, _ev) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, fg = self.width(), _text_color(self)
        m, f = int(self.data.get("masculine_count", 0)), int(self.data.get("feminine_count", 0))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        p.setFont(small)
        p.setPen(MASC.lighter(120) if self.palette().color(QPalette.ColorRole.Window).lightness() < 128 else MASC)
        p.drawText(QRectF(0, 0, w / 2, 16), Qt.AlignmentFlag.AlignLeft, tr("Masculine {n}", n=m))
        p.setPen(FEM)
        p.drawText(QRectF(w / 2, 0, w / 2, 16), Qt.AlignmentFlag.AlignRight, tr("{n} Feminine", n=f))
        bar = QRectF(0, 20, w, 12)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_track_color(self))
        p.drawRoundedRect(bar, 6, 6)
        total = m + f
        if total:
            share = m / total
            p.setBrush(MASC)
            p.drawRoundedRect(QRectF(0, 20, w * share, 12), 6, 6)
            p.setBrush(FEM)
            p.drawRoundedRect(QRectF(w * share, 20, w * (1 - share), 12), 6, 6)
        # neutral zone marker in the middle
        p.setPen(QPen(fg, 2))
        p.drawLine(int(w / 2), 17, int(w / 2), 35)
        p.setFont(self.font())
        p.setPen(fg)
        p.drawText(QRectF(0, 36, w, 20), Qt.AlignmentFlag.AlignHCenter, self.verdict_text())
        p.end()


class ReadabilityGauge(QWidget):
    """CEFR scale A1–C2 with the B1 target and the text's estimated level."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] = {}
        self.setMinimumHeight(58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Readability compared with level B1"))

    def level(self) -> str | None:
        d = self.data
        for key in ("cefr", "level", "estimated_level", "grade"):
            val = d.get(key)
            if isinstance(val, str) and val.upper()[:2] in CEFR:
                return val.upper()[:2]
        return None

    def target(self) -> str:
        t = self.data.get("target")
        return t.upper() if isinstance(t, str) and t.upper() in CEFR else "B1"

    def set_data(self, readability: dict[str, Any] | None) -> None:
        self.data = dict(readability or {})
        self.setAccessibleDescription(self.summary_text())
        details = []
        for key, label in READABILITY_DETAILS.items():
            if self.data.get(key) is not None:
                v = self.data[key]
                details.append(tr(label, v=round(v, 1) if isinstance(v, float) else v))
        self.setToolTip("\n".join(details))
        self.update()

    def summary_text(self) -> str:
        lvl = self.level()
        if lvl is None:
            return tr("Readability: not measured yet")
        ok = CEFR.index(lvl) <= CEFR.index(self.target())
        return tr("Readability {level}: {verdict}", level=lvl,
                  verdict=tr("easy enough (target {t})", t=self.target()) if ok
                  else tr("harder than {t}", t=self.target()))

    def paintEvent(self, _ev) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, fg = self.width(), _text_color(self)
        seg = w / len(CEFR)
        lvl, tgt = self.level(), self.target()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        for i, name in enumerate(CEFR):
            easy = i <= CEFR.index(tgt)
            colour = QColor("#43a047") if easy else QColor("#ef6c00" if i < 4 else "#e53935")
            if name != lvl:
                colour.setAlpha(70)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(i * seg + 1, 20, seg - 2, 12), 3, 3)
            p.setFont(small)
            p.setPen(fg)
            p.drawText(QRectF(i * seg, 2, seg, 16), Qt.AlignmentFlag.AlignHCenter,
                       name + (" ◂" if name == tgt else ""))
        if lvl:
            x = (CEFR.index(lvl) + 0.5) * seg
            p.setPen(QPen(fg, 2))
            p.drawLine(int(x), 16, int(x), 36)
        p.setFont(self.font())
        p.setPen(fg)
        p.drawText(QRectF(0, 36, w, 20), Qt.AlignmentFlag.AlignHCenter, self.summary_text())
        p.end()


class CategoryBars(QWidget):
    """One horizontal bar per category that has findings."""

    ROW = 18

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Findings per category"))
        self._resize()

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = {c: n for c, n in counts.items() if n}
        self.setAccessibleDescription(", ".join(f"{category_label(c)}: {n}" for c, n in self.counts.items()))
        self._resize()
        self.update()

    def _resize(self) -> None:
        self.setFixedHeight(max(1, len(self.counts)) * self.ROW + 4)

    def paintEvent(self, _ev) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fg = _text_color(self)
        if not self.counts:
            p.setPen(fg)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       tr("No inclusive-language findings"))
            p.end()
            return
        fm = p.fontMetrics()
        label_w = min(int(self.width() * 0.55), max(fm.horizontalAdvance(category_label(c)) for c in self.counts) + 10)
        biggest = max(self.counts.values())
        order = [c for c in CATEGORIES if c in self.counts] + [c for c in self.counts if c not in CATEGORIES]
        for i, cat in enumerate(order):
            y = i * self.ROW + 2
            n = self.counts[cat]
            p.setPen(fg)
            p.drawText(QRectF(0, y, label_w - 6, self.ROW), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       category_label(cat))
            avail = self.width() - label_w - 30
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(category_color(cat)))
            p.drawRoundedRect(QRectF(label_w, y + 4, max(6, avail * n / biggest), self.ROW - 8), 3, 3)
            p.setPen(fg)
            p.drawText(QRectF(label_w + max(6, avail * n / biggest) + 4, y, 30, self.ROW),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(n))
        p.end()


class GaugesPanel(QWidget):
    """The three gauges stacked, each with a heading."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.h_gender, self.h_read, self.h_counts = QLabel(), QLabel(), QLabel()
        for h in (self.h_gender, self.h_read, self.h_counts):
            bold = h.font()
            bold.setBold(True)
            h.setFont(bold)
        self.gender = GenderBalanceGauge()
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readability = ReadabilityGauge()
        self.bars = CategoryBars()
        for wdg in (self.h_gender, self.gender, self.words, self.h_read, self.readability,
                    self.h_counts, self.bars):
            lay.addWidget(wdg)
        self.retranslate()

    def retranslate(self) -> None:
        self.h_gender.setText(tr("Gender-coded wording"))
        self.h_read.setText(tr("Readability (target B1)"))
        self.h_counts.setText(tr("Findings per category"))
        self.gender.setAccessibleName(tr("Gender-coded wording balance"))
        self.readability.setAccessibleName(tr("Readability compared with level B1"))
        self.bars.setAccessibleName(tr("Findings per category"))
        self.gender.set_data(self.gender.data)
        self.readability.set_data(self.readability.data)
        self._words()
        self.update()

    def _words(self) -> None:
        d = self.gender.data
        mw = list(dict.fromkeys(w.lower() for w in d.get("masculine_words", [])))
        fw = list(dict.fromkeys(w.lower() for w in d.get("feminine_words", [])))
        parts = []
        if mw:
            parts.append(f"<span style='color:{MASC.name()}'>{html.escape(tr('Masculine-coded: {m}', m=', '.join(mw[:8])))}</span>")
        if fw:
            parts.append(f"<span style='color:{FEM.name()}'>{html.escape(tr('Feminine-coded: {f}', f=', '.join(fw[:8])))}</span>")
        self.words.setText("<br>".join(parts))
        self.words.setVisible(bool(parts))

    def set_report(self, report: Any, marks: list) -> None:
        summary = getattr(report, "summary", {}) or {}
        self.gender.set_data(summary.get("gender_coding"))
        self.readability.set_data(summary.get("readability"))
        counts: dict[str, int] = {}
        for m in marks:
            counts[m.finding.category] = counts.get(m.finding.category, 0) + 1
        self.bars.set_counts(counts)
        self._words()
