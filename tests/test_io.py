"""Reading and writing documents: encodings, bad input, .docx, atomic saves."""
from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import docx
import pytest

from inclusive_writer.io import (Document, InputError, read_bytes_as_text, read_document,
                                 stale_temp_files, write_document)
from inclusive_writer.io import atomic as atomic_mod
from inclusive_writer.io.document import MAX_BYTES

ADS = {
    "en": "We are looking for a salesman (m/f) who is a native English speaker.\n"
          "Join our young, dynamic team in Antwerp — café on site, €45k.",
    "nl": "Wij zoeken een enthousiaste verkoopster (m/v) van max. 35 jaar.\n"
          "Je werkt in een jong team; ervaring met Excel is een pré.",
    "fr": "Nous recherchons un vendeur dynamique (H/F), moins de 30 ans.\n"
          "Poste à Liège, rémunération attractive, l'équipe est jeune.",
    "de": "Wir suchen einen Vertriebsleiter (m/w/d) für unser junges Team.\n"
          "Sie sind Muttersprachler und höchstens 28 Jahre alt. Größe: egal.",
}


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ------------------------------------------------------------------ encodings
@pytest.mark.parametrize("lang", sorted(ADS))
@pytest.mark.parametrize("encoding,bom", [("utf-8", False), ("utf-8", True),
                                          ("utf-16-le", True), ("utf-16-be", True),
                                          ("cp1252", False)])
def test_read_and_write_back_in_the_same_encoding(tmp_path, lang, encoding, bom):
    from inclusive_writer.io.encoding import BOM_FOR

    text = ADS[lang].replace("\n", "\r\n")
    raw = (BOM_FOR[encoding] if bom else b"") + text.encode(encoding)
    p = _write(tmp_path, f"{lang}.txt", raw)
    doc = read_document(p)
    assert doc.text == text
    assert (doc.encoding, doc.bom, doc.newline, doc.format) == (encoding, bom, "\r\n", "txt")
    # unchanged text -> identical bytes
    write_document(doc, doc.text)
    assert p.read_bytes() == raw
    # an edit is written in the same encoding, BOM and line endings
    edited = doc.text.replace("(", "[").replace(")", "]")
    write_document(doc, edited)
    assert p.read_bytes() == (BOM_FOR[encoding] if bom else b"") + edited.encode(encoding)


def test_utf16_without_bom_is_recognised():
    doc = read_bytes_as_text(ADS["nl"].encode("utf-16-le"), "x.txt")
    assert doc.text == ADS["nl"] and doc.encoding == "utf-16-le" and not doc.bom


def test_opening_never_modifies_the_file(tmp_path):
    p = _write(tmp_path, "ad.md", ("# Vacature\n\n" + ADS["nl"]).encode())
    os.utime(p, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = (p.read_bytes(), p.stat().st_mtime_ns, stat.S_IMODE(p.stat().st_mode))
    doc = read_document(p)
    assert doc.format == "md" and doc.text.startswith("# Vacature")
    assert (p.read_bytes(), p.stat().st_mtime_ns, stat.S_IMODE(p.stat().st_mode)) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["ad.md"]


def test_empty_file_gives_empty_text(tmp_path):
    doc = read_document(_write(tmp_path, "empty.txt", b""))
    assert doc.text == "" and doc.encoding == "utf-8"


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("data,problem", [
    (b"Wir suchen\x00\x01\x02\x03 binary", "binary file (NUL bytes"),
    (b"PK\x03\x04\x14\x00\x00\x00", "zip archive"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("Wij zoeken een verkoopster".encode() + "é".encode() + b" caf\xe9", "mixed encodings"),
    (bytes(range(0x80, 0x100)) * 4, "not valid UTF-8 at byte 0 and not cp1252/UTF-16 text"),
    (b"\xef\xbb\xbfbad \xff after BOM", "not valid UTF-8 at byte 7"),
])
def test_bad_text_input_names_file_and_problem(tmp_path, data, problem):
    p = _write(tmp_path, "vacature.txt", data)
    with pytest.raises(InputError) as err:
        read_document(p)
    assert err.value.path == str(p)
    assert problem in err.value.problem
    assert str(err.value).startswith(f"{p}: ")


def test_invalid_utf8_reports_the_byte_offset():
    data = b"x" * 1234 + b"\x80\x00"
    with pytest.raises(InputError) as err:
        read_bytes_as_text(data, "a.txt")
    assert "NUL" in err.value.problem
    with pytest.raises(InputError) as err:
        read_bytes_as_text("é".encode() * 10 + b"\xff" + b"tail", "a.txt")
    assert "at byte 20" in err.value.problem


def test_cp1252_fallback_only_for_text():
    text = "Vendeur H/F – rémunération 2 500 € « attractive »"
    doc = read_bytes_as_text(text.encode("cp1252"), "a.txt")
    assert doc.text == text and doc.encoding == "cp1252"
    with pytest.raises(InputError):
        read_bytes_as_text(b"\x01\x02\x03\x04\x05\x06\xe9\xe8" * 50, "a.bin")


def test_file_too_large(tmp_path):
    p = _write(tmp_path, "big.txt", b"a" * 2048)
    with pytest.raises(InputError) as err:
        read_document(p, max_bytes=1024)
    assert "file too large (> " in err.value.problem
    assert MAX_BYTES >= 50 * 1024 * 1024 + 1  # a 50 MB text must pass the default limit


def test_missing_folder_and_permission_problems(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="does not exist"):
        read_document(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_document(tmp_path)
    p = _write(tmp_path, "secret.txt", b"confidential")
    real_open = os.open

    def deny(path, *a, **k):
        if os.fspath(path) == str(p):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(InputError) as err:
        read_document(p)
    assert err.value.problem == "permission denied"


# ------------------------------------------------------------------ .docx
def _make_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Vacature: verkoopster (m/v)", level=1)
    para = d.add_paragraph("Wij zoeken een ")
    r = para.add_run("enthousiaste")
    r.bold = True
    para.add_run(" verkoopster\tvan max. 35 jaar.")
    r = para.add_run(" Solliciteer vandaag!")
    r.italic = True
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Functie"
    table.cell(0, 1).text = "Hoofdverpleegster"
    table.cell(1, 0).text = "Plaats"
    table.cell(1, 1).text = "Gent"
    br = d.add_paragraph("Eerste regel")
    br.add_run().add_break()
    br.add_run("tweede regel")
    d.add_paragraph("Stuur je cv naar jobs@example.be.")
    d.save(path)
    return path


def test_docx_reads_paragraphs_and_tables_in_order(tmp_path):
    doc = read_document(_make_docx(tmp_path / "ad.docx"))
    assert doc.format == "docx"
    assert doc.paragraphs == [
        "Vacature: verkoopster (m/v)",
        "Wij zoeken een enthousiaste verkoopster\tvan max. 35 jaar. Solliciteer vandaag!",
        "Functie", "Hoofdverpleegster", "Plaats", "Gent",
        "Eerste regel\vtweede regel",
        "Stuur je cv naar jobs@example.be.",
    ]
    assert doc.text == "\n".join(doc.paragraphs)


def test_docx_edit_keeps_untouched_runs_and_everything_else(tmp_path):
    p = _make_docx(tmp_path / "ad.docx")
    before = zipfile.ZipFile(p)
    doc = read_document(p)
    new_text = (doc.text.replace("verkoopster\tvan max. 35 jaar", "verkoper (m/v/x)\tmet ervaring")
                .replace("Hoofdverpleegster", "Hoofdverpleegkundige"))
    write_document(doc, new_text)
    assert read_document(p).text == new_text
    d = docx.Document(p)
    runs = [(r.text, r.bold, r.italic) for r in d.paragraphs[1].runs]
    assert runs == [("Wij zoeken een ", None, None), ("enthousiaste", True, None),
                    (" verkoper (m/v/x)\tmet ervaring.", None, None),
                    (" Solliciteer vandaag!", None, True)]
    assert d.paragraphs[0].style.name == "Heading 1"
    assert d.tables[0].cell(0, 1).text == "Hoofdverpleegkundige"
    after = zipfile.ZipFile(p)
    assert before.namelist() == after.namelist()
    for name in before.namelist():
        if name != "word/document.xml":
            assert before.read(name) == after.read(name), name


def test_docx_added_and_removed_lines(tmp_path):
    p = _make_docx(tmp_path / "ad.docx")
    doc = read_document(p)
    lines = doc.text.split("\n")
    new_lines = lines[:1] + ["Wij bieden een contract van onbepaalde duur."] + lines[1:-1]
    write_document(doc, "\n".join(new_lines))
    again = read_document(p)
    assert again.paragraphs == new_lines
    assert again.text == "\n".join(new_lines)


def test_docx_save_as_new_file_and_from_text(tmp_path):
    src = tmp_path / "ad.txt"
    src.write_text(ADS["de"], encoding="utf-8")
    doc = read_document(src)
    out = write_document(doc, doc.text, path=tmp_path / "ad.docx")
    assert out.format == "docx"
    assert read_document(tmp_path / "ad.docx").text == ADS["de"]
    assert [p.text for p in docx.Document(tmp_path / "ad.docx").paragraphs] == ADS["de"].split("\n")


def test_docx_refuses_characters_xml_cannot_hold(tmp_path):
    p = _make_docx(tmp_path / "ad.docx")
    raw = p.read_bytes()
    doc = read_document(p)
    with pytest.raises(InputError, match="U\\+0001"):
        write_document(doc, doc.text + "\x01")
    assert p.read_bytes() == raw


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in entries.items():
            z.writestr(k, v)
    return buf.getvalue()


def _cfb(stream_names: list[str]) -> bytes:
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return head + b"".join(n.encode("utf-16-le") + b"\x00\x00" for n in stream_names)


@pytest.mark.parametrize("data,problem", [
    (b"Just some text, not a Word file.", "not a .docx (zip) file"),
    (b"PK\x03\x04garbage-garbage-garbage", "not a .docx (zip) file"),
    (_zip({"hello.txt": b"hi"}), "not a Word document"),
    (_zip({"word/document.xml": b"<w:document><w:body>"}), "not valid XML"),
    (_zip({"word/document.xml": b"<html/>"}), "not a Word document"),
    (_cfb(["EncryptionInfo", "EncryptedPackage"]), "password-protected .docx"),
    (_cfb(["WordDocument", "1Table"]), "legacy Word .doc"),
    (b"", "not a .docx (zip) file"),
])
def test_malformed_docx(tmp_path, data, problem):
    p = _write(tmp_path, "cv.docx", data)
    with pytest.raises(InputError) as err:
        read_document(p)
    assert problem in err.value.problem
    assert err.value.path == str(p)


def test_docx_xml_entities_are_not_expanded(tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    p = _write(tmp_path, "bomb.docx", _zip({"word/document.xml": bomb}))
    doc = read_document(p)
    assert "aaaaaaaaaa" not in doc.text


# ------------------------------------------------------------------ atomic saves
def test_read_only_target_is_refused_and_left_intact(tmp_path):
    p = _write(tmp_path, "ad.txt", ADS["fr"].encode())
    doc = read_document(p)
    p.chmod(0o444)
    with pytest.raises(InputError) as err:
        write_document(doc, "nouveau texte")
    assert "permission denied" in err.value.problem and "read-only" in err.value.problem
    assert p.read_bytes() == ADS["fr"].encode()
    assert stale_temp_files(tmp_path) == []


def test_target_becoming_read_only_mid_save(tmp_path):
    p = _write(tmp_path, "ad.txt", ADS["en"].encode())
    with pytest.raises(InputError, match="became read-only"):
        atomic_mod.atomic_write_bytes(p, b"new", _before_replace=lambda tmp: p.chmod(0o444))
    assert p.read_bytes() == ADS["en"].encode()
    assert stale_temp_files(tmp_path) == []


def test_folder_vanishing_mid_save_is_a_clear_error(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    p = _write(folder, "ad.txt", b"x")
    doc = read_document(p)
    p.unlink()
    folder.rmdir()
    with pytest.raises(InputError, match="folder vanished"):
        write_document(doc, "nieuwe tekst")


def test_failure_during_write_keeps_original(tmp_path, monkeypatch):
    p = _write(tmp_path, "ad.txt", ADS["nl"].encode())

    def boom(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_mod.os, "fsync", boom)
    with pytest.raises(InputError, match="disk full"):
        write_document(read_document(p), "x" * 1000)
    assert p.read_bytes() == ADS["nl"].encode()
    assert stale_temp_files(tmp_path) == []


def test_unencodable_character_in_cp1252_file(tmp_path):
    p = _write(tmp_path, "ad.txt", ADS["fr"].encode("cp1252"))
    doc = read_document(p)
    assert doc.encoding == "cp1252"
    with pytest.raises(InputError, match="cannot save in cp1252.*U\\+0141"):
        write_document(doc, doc.text + " Łódź")
    assert p.read_bytes() == ADS["fr"].encode("cp1252")
    write_document(doc, doc.text + " Łódź", encoding="utf-8")
    assert read_document(p).text == doc.text + " Łódź"


def test_permissions_and_symlinks_are_kept(tmp_path):
    p = _write(tmp_path, "ad.txt", b"old")
    p.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(p)
    write_document(read_document(link), "new")
    assert link.is_symlink() and p.read_text() == "new"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


def test_newline_conversion_on_save(tmp_path):
    p = _write(tmp_path, "ad.txt", b"a\r\nb\r\n")
    doc = read_document(p)
    write_document(doc, "a\nb\nc\n", newline=doc.newline)
    assert p.read_bytes() == b"a\r\nb\r\nc\r\n"


def test_changed_on_disk(tmp_path):
    p = _write(tmp_path, "ad.txt", b"v1")
    doc = read_document(p)
    assert not doc.changed_on_disk()
    p.write_bytes(b"v2 longer")
    assert doc.changed_on_disk()


def test_document_is_plain_data():
    d = Document(text="x")
    assert d.name == "<input>" and d.paragraphs is None


def test_docx_paragraphs_word_needs_stay_as_empty_lines(tmp_path):
    d = docx.Document()
    d.add_paragraph("Wij zoeken een verkoper (m/v/x).")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Functie"
    t.cell(0, 1).text = "Verkoper"
    d.add_paragraph("")  # Word always has a paragraph after a final table
    p = tmp_path / "ad.docx"
    d.save(p)
    doc = read_document(p)
    assert doc.paragraphs == ["Wij zoeken een verkoper (m/v/x).", "Functie", "Verkoper", ""]
    # the user deletes the cell text line "Functie" and the trailing empty line
    saved = write_document(doc, "Wij zoeken een verkoper (m/v/x).\nVerkoper")
    again = read_document(p)
    assert again.paragraphs == ["Wij zoeken een verkoper (m/v/x).", "", "Verkoper", ""]
    assert saved.text == again.text
    assert docx.Document(p).tables[0].cell(0, 0).text == ""
