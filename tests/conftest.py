"""Shared test set-up: headless Qt, offline model hubs, and a private data dir per session."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="iw-tests-"))
os.environ.setdefault("INCLUSIVE_WRITER_DATA", str(_SESSION_DIR / "data"))
os.environ.setdefault("INCLUSIVE_WRITER_MODELS", str(_SESSION_DIR / "models"))
os.environ.setdefault("INCLUSIVE_WRITER_CONFIG", str(_SESSION_DIR / "config"))

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
