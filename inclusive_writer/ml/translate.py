"""Translator over seq2seq models from the local store (Marian per pair, or a multilingual one).

transformers 5 has no translation pipeline: we call `model.generate()` ourselves. Text is split
into lines (bullets and blank lines kept) and sentences, translated in batches with progress and
cancellation callbacks. Pairs without a direct model go through English (two models).

Glossary: protected spans and preferred terms are replaced by placeholders before translation
and restored after; when a model drops or duplicates a placeholder, that sentence is translated
piecewise around the protected spans instead, so protected terms always survive untouched.
Avoided target words are then replaced by the organisation's preferred ones.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .errors import Cancelled, ModelNotInstalled
from .glossary import Glossary, Span, as_glossary
from .offline import ensure_offline, quiet_transformers
from .semantic import sentence_spans

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
_BULLET = re.compile(r"^(\s*(?:(?:[-*•–]|\d{1,2}[.)])\s+)?)")
_LOADED: dict[Path, "Seq2SeqModel"] = {}
_LOAD_LOCK = threading.Lock()


def _placeholder(i: int) -> str:
    return f"ZX{i}"


def _placeholder_re(i: int) -> re.Pattern[str]:
    return re.compile(rf"Z\s*X\s*{i}(?!\d)")


class Seq2SeqModel:
    """One seq2seq model folder (already verified by the store), loaded local-files-only."""

    def __init__(self, folder: str | Path, *, model_id: str | None = None, prefix: str = "",
                 batch_size: int = 8, max_new_tokens: int = 256, threads: int | None = None) -> None:
        ensure_offline()
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        quiet_transformers()
        self._torch = torch
        folder = Path(folder)
        self.id = model_id or folder.name
        self.prefix = prefix
        self.batch_size = batch_size
        self.max_new_tokens = max_new_tokens
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        self.model = AutoModelForSeq2SeqLM.from_pretrained(
            str(folder), local_files_only=True, use_safetensors=True).eval()
        # tiny models: thread hand-offs cost more than the maths (measured 25x slower on 2 cores)
        params = sum(p.numel() for p in self.model.parameters())
        self.threads = threads or (1 if params < 5_000_000 else None)

    def generate(self, texts: Sequence[str]) -> list[str]:
        if not texts:
            return []
        torch = self._torch
        enc = self.tokenizer([self.prefix + t for t in texts], return_tensors="pt", padding=True,
                             truncation=True, max_length=512)
        limit = min(self.max_new_tokens, int(enc["input_ids"].shape[1]) * 3 + 10)
        before = torch.get_num_threads()
        if self.threads:
            torch.set_num_threads(self.threads)
        try:
            with torch.inference_mode():
                out = self.model.generate(**enc, max_new_tokens=limit)
        finally:
            if self.threads:
                torch.set_num_threads(before)
        return [t.strip() for t in self.tokenizer.batch_decode(out, skip_special_tokens=True)]


def load_seq2seq(model_id: str, store=None) -> Seq2SeqModel:
    """Verified, cached load of a translation model from the store."""
    from .store import ModelStore
    st = store or ModelStore()
    folder = st.path(model_id)  # hashes + safetensors-only checked here
    info = st.get(model_id)
    with _LOAD_LOCK:
        key = folder.resolve()
        if key not in _LOADED:
            meta = info.meta if info else {}
            _LOADED[key] = Seq2SeqModel(folder, model_id=model_id, prefix=meta.get("prefix", ""),
                                        max_new_tokens=int(meta.get("max_new_tokens", 256)))
        return _LOADED[key]


def resolve_chain(src: str, tgt: str, store=None) -> list[str]:
    """Model ids that translate src -> tgt: a direct model, or src -> en -> tgt."""
    from .store import ModelStore
    st = store or ModelStore()
    direct = st.find("translation", source=src, target=tgt)
    if direct:
        return [direct.id]
    if "en" not in (src, tgt):
        a, b = st.find("translation", source=src, target="en"), st.find("translation", source="en", target=tgt)
        if a and b:
            return [a.id, b.id]
    from .catalogue import translation_entries
    hint = [e.id for e in translation_entries(src, tgt)]
    if not hint and "en" not in (src, tgt):
        hint = [e.id for e in translation_entries(src, "en")] + [e.id for e in translation_entries("en", tgt)]
    raise ModelNotInstalled(
        f"translation {src}→{tgt}",
        (f"Recommended: {', '.join(hint)}. " if hint else "")
        + "Import it with `inclusive-writer models import PACK.zip` (air-gapped) or "
          "`inclusive-writer models download ID` (connected).")


@dataclass(slots=True)
class _Unit:
    """One sentence to translate and where its translation goes."""

    line: int
    start: int
    end: int
    source: str
    spans: list[Span]


class Translator:
    """src -> tgt over one model or an English pivot chain."""

    def __init__(self, src: str, tgt: str, *, store=None, model_id: str | None = None,
                 models: Sequence[Seq2SeqModel] | None = None) -> None:
        self.src, self.tgt = src, tgt
        if models is not None:
            self.models = list(models)
        else:
            ids = model_id.split("+") if model_id else resolve_chain(src, tgt, store)
            self.models = [load_seq2seq(i, store) for i in ids]
        self.model_id = "+".join(m.id for m in self.models)

    def _run(self, texts: list[str], progress: Progress | None, cancel: CancelCheck | None,
             done: list[int], total: int) -> list[str]:
        out: list[str] = []
        batch = max(1, min(m.batch_size for m in self.models))
        for i in range(0, len(texts), batch):
            if cancel and cancel():
                raise Cancelled("Translation cancelled.")
            chunk = texts[i:i + batch]
            for m in self.models:
                chunk = m.generate(chunk)
            out += chunk
            done[0] += len(chunk)
            if progress:
                progress(min(done[0], total), total)
        return out

    def translate(self, text: str, *, glossary: "Glossary | dict | str | Path | None" = None,
                  progress: Progress | None = None, cancel: CancelCheck | None = None) -> str:
        """Translate `text`, keeping line structure, bullets and blank lines."""
        gl = as_glossary(glossary)
        lines = text.split("\n")
        units: list[_Unit] = []
        heads: list[str] = []
        for li, line in enumerate(lines):
            head = _BULLET.match(line).group(1)  # type: ignore[union-attr]
            heads.append(head)
            body = line[len(head):]
            for a, b in sentence_spans(body):
                s = body[a:b]
                units.append(_Unit(li, a, b, s, gl.spans(s, self.src, self.tgt)))
        total = len(units)
        done = [0]
        if progress:
            progress(0, total)
        masked = []
        for u in units:
            s = u.source
            for k, sp in reversed(list(enumerate(u.spans))):
                s = s[:sp.start] + _placeholder(k) + s[sp.end:]
            masked.append(s)
        raw = self._run(masked, progress, cancel, done, total)
        results: list[str | None] = []
        retry: list[int] = []
        for idx, (u, out) in enumerate(zip(units, raw)):
            restored = _restore(out, u.spans)
            results.append(restored)
            if restored is None:
                retry.append(idx)
        if retry:  # piecewise around the protected spans: guaranteed to keep them
            pieces: list[tuple[int, list[str]]] = []
            flat: list[str] = []
            for idx in retry:
                u = units[idx]
                segs, pos = [], 0
                for sp in u.spans:
                    segs.append(u.source[pos:sp.start])
                    pos = sp.end
                segs.append(u.source[pos:])
                pieces.append((idx, segs))
                flat += [s.strip() for s in segs if re.search(r"\w", s)]
            translated = iter(self._run(flat, None, cancel, [0], len(flat)) if flat else [])
            for idx, segs in pieces:
                u = units[idx]
                parts: list[str] = []
                for k, seg in enumerate(segs):
                    if re.search(r"\w", seg):
                        parts.append(next(translated))
                    elif seg.strip():
                        parts.append(seg.strip())
                    if k < len(u.spans):
                        parts.append(u.spans[k].target)
                results[idx] = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(p for p in parts if p))
        # reassemble lines: translated sentences joined by the original gaps
        out_lines = list(lines)
        by_line: dict[int, list[tuple[_Unit, str]]] = {}
        for u, r in zip(units, results):
            by_line.setdefault(u.line, []).append((u, r or ""))
        for li, items in by_line.items():
            body = lines[li][len(heads[li]):]
            rebuilt, pos = [], 0
            for u, r in items:
                rebuilt.append(body[pos:u.start])
                rebuilt.append(r)
                pos = u.end
            rebuilt.append(body[pos:])
            out_lines[li] = heads[li] + "".join(rebuilt)
        result = "\n".join(out_lines)
        if progress:
            progress(total, total)
        return gl.enforce(result, self.tgt)


def _restore(output: str, spans: Sequence[Span]) -> str | None:
    """Put span targets back in place of placeholders; None if any is missing or repeated."""
    for k, sp in enumerate(spans):
        pat = _placeholder_re(k)
        if len(pat.findall(output)) != 1:
            return None
        output = pat.sub(lambda _m, t=sp.target: t, output)
    if re.search(r"Z\s*X\s*\d", output):
        return None
    return output
