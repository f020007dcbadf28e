"""Offline and safe loading: local files only, safetensors only.

`ensure_offline()` must run before transformers / huggingface_hub are imported (every loader in
this package calls it first); `check_safe_folder()` refuses pickle checkpoints before any loader
gets to see them.
"""
from __future__ import annotations

import json
import os
import struct
from pathlib import Path

from .errors import UnsafeModelError

#: File name endings that are (or usually wrap) pickled Python objects, or weights in another
#: format than safetensors. Tokenizer files (.model/.spm/.json/.txt) are data, not code.
PICKLE_SUFFIXES: tuple[str, ...] = (
    ".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle", ".joblib", ".h5", ".msgpack",
    ".npz", ".npy", ".onnx", ".gguf", ".tflite", ".ot",
)
_OFFLINE_VARS = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}
#: set only when the user has not chosen: OpenMP workers sleep instead of spinning, which keeps
#: torch usable when the app shares the cores with other programs
_DEFAULTS = {"OMP_WAIT_POLICY": "PASSIVE"}


def ensure_offline() -> None:
    """Put the Hugging Face stack in offline mode for this process (idempotent)."""
    for key, value in _OFFLINE_VARS.items():
        os.environ[key] = value
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
    import sys
    hub_constants = sys.modules.get("huggingface_hub.constants")
    if hub_constants is not None:  # imported earlier: flip the cached flag too
        hub_constants.HF_HUB_OFFLINE = True


def quiet_transformers() -> None:
    """Silence transformers' progress bars and info logging (call after importing it)."""
    try:
        from transformers.utils import logging as tlog
        tlog.set_verbosity_error()
        tlog.disable_progress_bar()
    except Exception:  # pragma: no cover - best effort only
        pass


def _looks_like_pickle(path: Path) -> bool:
    """Pickle protocol 2+ starts with 0x80; torch zip checkpoints are zips holding data.pkl."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
            if len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5:
                return True
            if head[:2] == b"PK":
                import zipfile
                try:
                    with zipfile.ZipFile(path) as zf:
                        return any(n.endswith(".pkl") for n in zf.namelist())
                except zipfile.BadZipFile:
                    return False
    except OSError:
        return False
    return False


def check_safetensors_header(path: Path) -> None:
    """Read only the header of a .safetensors file; raise UnsafeModelError when it is not one."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(8)
            if len(raw) != 8:
                raise ValueError("file too short")
            (n,) = struct.unpack("<Q", raw)
            if n <= 1 or n > 100_000_000:
                raise ValueError(f"header length {n}")
            header = json.loads(fh.read(n))
            if not isinstance(header, dict):
                raise ValueError("header is not a JSON object")
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        raise UnsafeModelError(f"{path}: not a valid safetensors file ({exc}).") from exc


def check_safe_folder(folder: Path, *, require_weights: bool = True) -> list[Path]:
    """Refuse a model folder that holds pickle / non-safetensors weights; return its .safetensors.

    Raises UnsafeModelError naming the offending file.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise UnsafeModelError(f"{folder}: not a model folder.")
    weights: list[Path] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.name.lower()
        if name.endswith(PICKLE_SUFFIXES) or _looks_like_pickle(path):
            raise UnsafeModelError(
                f"{path}: refused. Only safetensors weights are loaded; this file is a pickle or "
                "other checkpoint format that can run code when opened. Convert the model to "
                "safetensors on a trusted machine (or get the safetensors variant) and import it again.")
        if name.endswith(".safetensors"):
            check_safetensors_header(path)
            weights.append(path)
    if require_weights and not weights:
        raise UnsafeModelError(f"{folder}: no .safetensors weights found; only safetensors models are loaded.")
    return weights
