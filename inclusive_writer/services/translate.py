"""Use case: translate a text on this machine, then check the translation.

`translate(text, src, tgt, glossary=..., progress=..., cancel=...) -> Translation`. After
translating, the engine analyses the target text; its findings are offered as fixes
(`Translation.fixes`: findings that carry suggestions). Raises `ModelNotInstalled` with a clear
message when no model for the pair is in the local store. torch/transformers load lazily.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from ..ml.errors import Cancelled, ModelNotInstalled

__all__ = ["Translation", "translate", "ModelNotInstalled", "Cancelled", "LANGS"]
LANGS = ("en", "nl", "fr", "de")


@dataclass(slots=True)
class Translation:
    text: str
    source_lang: str
    target_lang: str
    model_id: str
    report: Any = None                       # core.model.Report on `text` (None if no engine)
    fixes: list[Any] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "source_lang": self.source_lang, "target_lang": self.target_lang,
                "model_id": self.model_id,
                "report": self.report.to_dict() if self.report is not None else None,
                "fixes": [f.to_dict() for f in self.fixes]}


def _analyze(text: str, lang: str) -> Any:
    try:
        from ..core.engine import analyze
    except ImportError:
        return None
    return analyze(text, lang=lang)


def translate(text: str, src: str, tgt: str, *,
              glossary: "str | Path | Mapping[str, Any] | Any | None" = None,
              progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None,
              model_id: str | None = None, store: Any = None, check: bool = True,
              translator: Any = None) -> Translation:
    """Translate `text` from `src` to `tgt` with a local model and check the result.

    `translator`: an already loaded `ml.translate.Translator` to reuse (the GUI keeps one).
    """
    if src not in LANGS or tgt not in LANGS:
        raise ValueError(f"unsupported language pair {src}→{tgt} (use {', '.join(LANGS)})")
    if src == tgt:
        raise ValueError("source and target language are the same")
    from ..ml.translate import Translator
    tr = translator or Translator(src, tgt, store=store, model_id=model_id)
    out = tr.translate(text, glossary=glossary, progress=progress, cancel=cancel)
    report = _analyze(out, tgt) if check else None
    fixes = [f for f in getattr(report, "findings", []) if getattr(f, "suggestions", None)]
    return Translation(out, src, tgt, tr.model_id, report, fixes)
