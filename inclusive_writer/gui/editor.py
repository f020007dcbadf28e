"""The checking editor: debounced checks in a worker, coloured underlines, tooltips, fixes."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from . import workers
from .i18n import tr
from .positions import PosMap, plain_text
from .theme import category_color, category_label, severity_label

DEBOUNCE_MS = 300
CONTEXT = 20


@dataclass
class Mark:
    """A finding placed in the editor: `start`/`end` are Qt document positions."""

    start: int
    end: int
    finding: Any

    @property
    def key(self) -> tuple:
        f = self.finding
        return (f.rule, f.start, f.end)


def default_checker(text: str, lang: str | None, settings: dict | None) -> Any:
    """Calls the check service (imported here, in the worker thread, not at start-up)."""
    from ..services.check import CheckSettings, check_text

    return check_text(text, lang, settings=CheckSettings(**settings) if settings else None)


def origin_label(finding: Any) -> str:
    origin = getattr(finding, "origin", "rule") or "rule"
    if origin.startswith("model:"):
        label = tr("On-device model {model}", model=origin.split(":", 1)[1])
        conf = getattr(finding, "confidence", None)
        if conf is not None:
            label += " " + tr("({percent}% sure)", percent=round(conf * 100))
        return label
    return tr("Rule (word list)")


def tooltip_html(finding: Any) -> str:
    """Message, explanation, source and origin of a finding, as rich text."""
    esc = html.escape
    colour = category_color(finding.category)
    parts = [
        f"<p style='margin:0'><span style='color:{colour}'>&#9632;</span> "
        f"<b>{esc(category_label(finding.category))}</b> · {esc(severity_label(finding.severity))}</p>",
        f"<p style='margin:4px 0'><b>{esc(finding.message)}</b></p>",
    ]
    if finding.explanation:
        parts.append(f"<p style='margin:4px 0'>{esc(finding.explanation)}</p>")
    if finding.suggestions:
        sugg = ", ".join(f"“{esc(s)}”" if s else tr("(remove)") for s in finding.suggestions[:5])
        parts.append(f"<p style='margin:4px 0'>{esc(tr('Try:'))} {sugg}</p>")
    if finding.source:
        parts.append(f"<p style='margin:4px 0'><i>{esc(tr('Source:'))} {esc(finding.source)}</i></p>")
    parts.append(f"<p style='margin:4px 0; color:gray'>{esc(tr('Found by:'))} {esc(origin_label(finding))}"
                 f" · {esc(tr('Right-click or Ctrl+. for fixes'))}</p>")
    return "<qt style='white-space:normal'><div style='max-width:420px'>" + "".join(parts) + "</div></qt>"


class CheckingEditor(QPlainTextEdit):
    """Plain-text editor that checks its text as you type.

    Every edit bumps `generation`; a check result carries the generation it was started
    with and is dropped if the text changed since (stale). Checks run one at a time in a
    private thread pool; edits during a running check queue exactly one follow-up check.
    """

    report_ready = Signal(object)        # the Report (visible findings in .marks())
    check_started = Signal()
    check_failed = Signal(str)
    marks_changed = Signal()
    ignore_word_requested = Signal(str)  # "add to my organisation's list"
    # the user's decision on a finding: finding, accepted, replacement (None when ignored),
    # and the document text the finding was made on (for the audit log's hash)
    decision_made = Signal(object, bool, object, str)

    def __init__(self, parent=None, checker: Callable[..., Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.checker = checker or default_checker
        self.language: str | None = None          # None: detect
        self.settings_provider: Callable[[str | None], dict | None] = lambda lang: None
        self.generation = 0
        self.report: Any = None
        self._marks: list[Mark] = []
        self._current: Mark | None = None
        self._ignored_here: set[tuple] = set()
        self._ignored_words: set[str] = set()
        self._running = False
        self._pending = False
        self._suspend_changes = False
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.check_now)
        self.document().contentsChange.connect(self._on_contents_change)
        self.setMouseTracking(True)
        self.setTabChangesFocus(True)
        self.setAcceptDrops(False)  # the main window handles dropped files
        self.setAccessibleName(tr("Text editor"))
        fixes = QAction(self)
        fixes.setShortcut(QKeySequence("Ctrl+."))
        fixes.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        fixes.triggered.connect(self.show_fixes_at_cursor)
        self.addAction(fixes)

    # ---- checking -------------------------------------------------------------------------
    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if removed == 0 and added == 0:
            return
        self.generation += 1
        delta = added - removed
        kept = []
        for m in self._marks:  # keep underlines in place until the next result arrives
            if m.end <= pos:
                kept.append(m)
            elif m.start >= pos + removed:
                kept.append(Mark(m.start + delta, m.end + delta, m.finding))
        self._marks = kept
        self._refresh_selections()
        if not self._suspend_changes:
            self.timer.start()

    def schedule_check(self) -> None:
        self.generation += 1
        self.timer.start()

    def check_now(self) -> None:
        """Start a check of the current text (or queue one if a check is running)."""
        self.timer.stop()
        if self._running:
            self._pending = True
            return
        text = plain_text(self.document())
        gen = self.generation
        self._running = True
        self.check_started.emit()
        known = self.language or getattr(self.report, "language", None)
        checker, lang, settings = self.checker, self.language, self.settings_provider(known)

        def job() -> tuple:  # runs in the pool thread; holds no reference to the widget
            try:
                return gen, text, checker(text, lang, settings), None
            except Exception as exc:  # noqa: BLE001 - reported in the UI
                return gen, text, None, exc

        task = workers.Task(job)
        task.signals.done.connect(self._on_job)  # bound slot: dropped if the editor is deleted
        workers.start(task, self.pool)

    def _on_job(self, result: tuple) -> None:
        gen, text, report, exc = result
        if exc is not None:
            self._on_failed(gen, exc)
        else:
            self._on_result(gen, text, report)

    def warm_up(self) -> None:
        """Load the engine (rule packs, language detector) in the background after start-up,
        so the first real check is quick. Does nothing if a check already ran."""
        if self._running or self.report is not None:
            return
        checker, settings = self.checker, self.settings_provider(None)

        def job() -> None:
            try:
                checker("We are hiring a colleague for our team.", None, settings)
            except Exception:  # noqa: BLE001 - the real check will report problems
                pass

        workers.start(workers.Task(job), self.pool)

    def _finish(self) -> None:
        self._running = False
        if self._pending:
            self._pending = False
            self.check_now()

    def _on_failed(self, gen: int, exc: BaseException) -> None:
        self._finish()
        if gen == self.generation:
            self.check_failed.emit(f"{type(exc).__name__}: {exc}")

    def _on_result(self, gen: int, text: str, report: Any) -> None:
        self._finish()
        if gen != self.generation:  # the text changed meanwhile: stale
            return
        self.apply_report(report, text)

    def apply_report(self, report: Any, text: str) -> None:
        pm = PosMap(text)
        self.report = report
        self._all_marks = [Mark(pm.to_qt(f.start), pm.to_qt(f.end), f) for f in report.findings]
        self._text_snapshot = text
        self._filter_marks()
        self.report_ready.emit(report)

    # ---- ignoring ---------------------------------------------------------------------------
    def _context_key(self, f: Any, text: str) -> tuple:
        return (f.rule, f.text.lower(), text[max(0, f.start - CONTEXT):f.start], text[f.end:f.end + CONTEXT])

    def _filter_marks(self) -> None:
        text = getattr(self, "_text_snapshot", "")
        self._marks = [
            m for m in getattr(self, "_all_marks", [])
            if m.finding.text.lower() not in self._ignored_words
            and self._context_key(m.finding, text) not in self._ignored_here
        ]
        self._current = None
        self._refresh_selections()
        self.marks_changed.emit()

    def ignore_here(self, mark: Mark) -> None:
        text = plain_text(self.document())
        self._ignored_here.add(self._context_key(mark.finding, text))
        self.decision_made.emit(mark.finding, False, None, text)
        self._marks = [m for m in self._marks if m is not mark]
        self._all_marks = [m for m in getattr(self, "_all_marks", []) if m.finding is not mark.finding]
        self._refresh_selections()
        self.marks_changed.emit()

    def ignore_word_of(self, mark: Mark) -> None:
        """"Ignore this word in this document", chosen on one finding (a rejected suggestion)."""
        self.decision_made.emit(mark.finding, False, None, plain_text(self.document()))
        self.ignore_word(mark.finding.text)

    def ignore_word(self, word: str) -> None:
        self._ignored_words.add(word.lower())
        self._filter_marks()

    def clear_ignores(self) -> None:
        self._ignored_here.clear()
        self._ignored_words.clear()
        self._filter_marks()

    @property
    def ignored_words(self) -> set[str]:
        return set(self._ignored_words)

    # ---- marks ----------------------------------------------------------------------------
    def marks(self) -> list[Mark]:
        return list(self._marks)

    def mark_at(self, pos: int) -> Mark | None:
        best = None
        for m in self._marks:
            if m.start <= pos <= m.end and m.end > m.start:
                if best is None or (m.end - m.start) < (best.end - best.start):
                    best = m
        return best

    def _refresh_selections(self) -> None:
        sels = []
        dark = self.palette().color(self.palette().ColorRole.Base).lightness() < 128
        for m in self._marks:
            colour = QColor(category_color(m.finding.category))
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colour)
            tint = QColor(colour)
            tint.setAlpha(110 if m is self._current else (55 if dark else 38))
            fmt.setBackground(tint)
            fmt.setProperty(QTextFormat.Property.UserProperty, m.finding.category)
            cur = QTextCursor(self.document())
            cur.setPosition(min(m.start, self.document().characterCount() - 1))
            cur.setPosition(min(m.end, self.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor, sel.format = cur, fmt
            sels.append(sel)
        self.setExtraSelections(sels)

    def underline_colors(self) -> list[str]:
        """Colours of the underlines currently drawn (for tests and accessibility checks)."""
        return [s.format.underlineColor().name() for s in self.extraSelections()]

    # ---- fixing ---------------------------------------------------------------------------
    def apply_suggestion(self, mark: Mark, replacement: str) -> bool:
        """Replace the flagged span by `replacement` as one undoable step."""
        cur = QTextCursor(self.document())
        cur.setPosition(mark.start)
        cur.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        if cur.selectedText() != mark.finding.text:
            return False  # text changed under the finding; wait for the next check
        doc_text = plain_text(self.document())
        if replacement == "":  # removing a phrase: also take one adjacent space
            if mark.end < len(doc_text) and doc_text[mark.end] == " ":
                cur.setPosition(mark.start)
                cur.setPosition(mark.end + 1, QTextCursor.MoveMode.KeepAnchor)
            elif mark.start > 0 and doc_text[mark.start - 1] == " ":
                cur.setPosition(mark.start - 1)
                cur.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        cur.beginEditBlock()
        cur.insertText(replacement)
        cur.endEditBlock()
        self.setTextCursor(cur)
        self.decision_made.emit(mark.finding, True, replacement, doc_text)
        return True

    def replace_all_text(self, text: str) -> None:
        """Replace the whole text as one undoable step (rewrite, translation)."""
        cur = QTextCursor(self.document())
        cur.beginEditBlock()
        cur.select(QTextCursor.SelectionType.Document)
        cur.insertText(text)
        cur.endEditBlock()

    def jump_to(self, mark: Mark, focus: bool = True) -> None:
        cur = self.textCursor()
        cur.setPosition(mark.start)
        cur.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self._current = mark
        self._refresh_selections()
        self.centerCursor()
        if focus:
            self.setFocus()

    def step_finding(self, forward: bool = True) -> Mark | None:
        if not self._marks:
            return None
        pos = self.textCursor().selectionStart() if forward else self.textCursor().selectionStart()
        ordered = sorted(self._marks, key=lambda m: (m.start, m.end))
        if forward:
            nxt = next((m for m in ordered if m.start > pos), ordered[0])
        else:
            nxt = next((m for m in reversed(ordered) if m.start < pos), ordered[-1])
        self.jump_to(nxt)
        return nxt

    def fixes_menu(self, mark: Mark, parent=None) -> QMenu:
        menu = QMenu(parent or self)
        menu.setAccessibleName(tr("Fixes"))
        f = mark.finding
        head = menu.addAction(f.message)
        head.setEnabled(False)
        if f.suggestions:
            for s in f.suggestions[:8]:
                label = tr("Replace with “{text}”", text=s) if s else tr("Remove “{text}”", text=f.text)
                act = menu.addAction(label)
                act.triggered.connect(lambda _=False, m=mark, s=s: self.apply_suggestion(m, s))
        else:
            menu.addAction(tr("No automatic replacement: rephrase this part")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(tr("Ignore here"), lambda m=mark: self.ignore_here(m))
        menu.addAction(tr("Ignore “{word}” in this document", word=f.text),
                       lambda m=mark: self.ignore_word_of(m))
        menu.addAction(tr("Add “{word}” to my organisation's list", word=f.text),
                       lambda w=f.text: self.ignore_word_requested.emit(w))
        return menu

    def show_fixes_at_cursor(self) -> QMenu | None:
        cur = self.textCursor()
        mark = self.mark_at(cur.selectionStart()) or self.mark_at(cur.position())
        if mark is None:
            mark = self.step_finding(True)
            if mark is None:
                return None
        menu = self.fixes_menu(mark)
        rect = self.cursorRect(self.textCursor())
        menu.popup(self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 2)))
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt
        pos = self.cursorForPosition(event.pos()).position()
        mark = self.mark_at(pos)
        standard = self.createStandardContextMenu()
        if mark is None:
            standard.exec(event.globalPos())
            return
        menu = self.fixes_menu(mark)
        menu.addSeparator()
        for act in standard.actions():
            menu.addAction(act)
        menu.exec(event.globalPos())

    def viewportEvent(self, ev) -> bool:  # noqa: N802 - Qt
        if ev.type() == QEvent.Type.ToolTip:
            pos = self.cursorForPosition(ev.pos()).position()
            mark = self.mark_at(pos)
            if mark is not None:
                QToolTip.showText(ev.globalPos(), tooltip_html(mark.finding), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(ev)

    def set_text(self, text: str) -> None:
        """Load a new document text (clears undo history and per-document ignores)."""
        self._ignored_here.clear()
        self._ignored_words.clear()
        self._all_marks, self._marks = [], []
        self.setPlainText(text.replace("\r\n", "\n").replace("\r", "\n"))
        self.document().setModified(False)
        self.check_now()
