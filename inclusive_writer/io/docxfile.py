"""Read and write the text of .docx files, keeping everything that was not edited.

Reading walks the main document part in document order: body paragraphs, tables (nested too)
and content controls. Each paragraph is one line of `Document.text`; inside a paragraph a tab
is "\\t" and a manual line break is "\\v" (as Word does when copying).

Writing copies every zip entry byte-for-byte except the main document part, where only the
paragraphs whose text changed are touched, and inside those only the runs whose characters
changed: untouched runs keep their XML (and so their formatting) exactly. lxml is used directly
(it is python-docx's own XML layer) so nothing else in the package is re-serialised.
"""
from __future__ import annotations

import copy
import difflib
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
W = "{%s}" % W_NS

MAX_XML_BYTES = 256 * 1024 * 1024  # uncompressed main part; more is a zip bomb, not a job ad
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_CONTAINERS = {W + t for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "sdt",
                               "sdtContent", "moveTo", "dir", "bdo")}
_BLOCK_CONTAINERS = {W + t for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo")}
_TEXT_TAGS = {W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "softHyphen"}
_KEEP_PARAGRAPH = {W + "drawing", W + "pict", W + "object", W + "bookmarkStart", W + "fldChar"}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_blank_text=False)


def _piece_text(el) -> str | None:
    """Text an element contributes inside a run, or None when it is not text."""
    tag = el.tag
    if tag == W + "t":
        return el.text or ""
    if tag == W + "tab":
        return "\t"
    if tag == W + "br":
        kind = el.get(W + "type")
        return "\v" if kind in (None, "textWrapping") else None
    if tag == W + "cr":
        return "\v"
    if tag == W + "noBreakHyphen":
        return "\u2011"
    if tag == W + "softHyphen":
        return "\u00ad"
    return None


@dataclass(slots=True)
class _Run:
    element: object
    text: str


@dataclass(slots=True)
class DocxParagraph:
    """One paragraph of the document: its XML element and its runs' text."""

    element: object
    runs: list[_Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _iter_runs(parent):
    for child in parent:
        if child.tag == W + "r":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _iter_runs(child)


def _read_paragraph(p) -> DocxParagraph:
    para = DocxParagraph(p)
    for r in _iter_runs(p):
        parts = [t for t in (_piece_text(c) for c in r) if t is not None]
        para.runs.append(_Run(r, "".join(parts)))
    return para


def _iter_paragraphs(parent):
    for child in parent:
        tag = child.tag
        if tag == W + "p":
            yield child
        elif tag == W + "tbl":
            for tr in child.iter(W + "tr"):
                if _nearest(tr, W + "tbl") is not child:
                    continue
                for tc in tr:
                    if tc.tag == W + "tc":
                        yield from _iter_paragraphs(tc)
                    elif tc.tag in _BLOCK_CONTAINERS:  # cell inside a content control
                        for inner in tc.iter(W + "tc"):
                            if _nearest(inner, W + "tbl") is child:
                                yield from _iter_paragraphs(inner)
        elif tag in _BLOCK_CONTAINERS:
            yield from _iter_paragraphs(child)


def _nearest(el, tag):
    el = el.getparent()
    while el is not None and el.tag != tag:
        el = el.getparent()
    return el


@dataclass(slots=True)
class DocxContent:
    """A parsed .docx: the original bytes, the main part's tree and its paragraphs."""

    data: bytes
    part_name: str
    root: object
    paragraphs: list[DocxParagraph]
    kept_empty: list[int] = field(default_factory=list)  # see apply_text

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def _main_part_name(zf: zipfile.ZipFile, name: str) -> str:
    try:
        rels = etree.fromstring(zf.read("_rels/.rels"), _parser())
    except KeyError:
        rels = None
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(name, f"malformed .docx (package relationships unreadable: {exc})") from None
    if rels is not None:
        for rel in rels.iter("{%s}Relationship" % REL_NS):
            if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
                target = rel.get("Target", "").lstrip("/")
                return posixpath.normpath(target)
    if "word/document.xml" in zf.namelist():
        return "word/document.xml"
    raise InputError(name, "not a Word document (the zip has no word/document.xml)")


def load_docx(data: bytes, name: str) -> DocxContent:
    """Parse .docx bytes; every failure is an `InputError` that says what is wrong."""
    if data.startswith(CFB_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data \
                or "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(name, "password-protected .docx (remove the password in Word first)")
        raise InputError(name, "legacy Word .doc file, not a .docx (save it as .docx in Word)")
    if not data.startswith(b"PK"):
        raise InputError(name, "not a .docx (zip) file")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(name, f"not a .docx (zip) file: {exc}") from None
    except Exception as exc:  # zipfile raises odd errors on crafted archives
        raise InputError(name, f"malformed .docx (corrupt zip: {exc})") from None
    with zf:
        try:
            part = _main_part_name(zf, name)
            info = zf.getinfo(part)
        except KeyError:
            raise InputError(name, "not a Word document (its main part is missing)") from None
        except InputError:
            raise
        except Exception as exc:
            raise InputError(name, f"malformed .docx ({exc})") from None
        if info.flag_bits & 0x1:
            raise InputError(name, "password-protected .docx (encrypted zip entries)")
        if info.file_size > MAX_XML_BYTES:
            raise InputError(name, f"file too large ({part} unpacks to more than "
                                   f"{MAX_XML_BYTES // (1024 * 1024)} MB)")
        try:
            with zf.open(info) as fh:
                xml = fh.read(MAX_XML_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise InputError(name, f"malformed .docx (corrupt zip entry {part}: {exc})") from None
        except Exception as exc:  # zlib.error and friends
            raise InputError(name, f"malformed .docx (corrupt zip entry {part}: {exc})") from None
        if len(xml) > MAX_XML_BYTES:
            raise InputError(name, f"file too large ({part} unpacks to more than "
                                   f"{MAX_XML_BYTES // (1024 * 1024)} MB)")
    try:
        root = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"malformed .docx ({part} is not valid XML: {exc})") from None
    except ValueError as exc:
        raise InputError(name, f"malformed .docx ({part}: {exc})") from None
    if root.tag == "{%s}document" % STRICT_W_NS:
        raise InputError(name, "unsupported .docx variant (Strict Open XML); save it as a "
                               "normal Word document")
    if root.tag != W + "document":
        raise InputError(name, f"not a Word document ({part} holds {etree.QName(root).localname})")
    body = root.find(W + "body")
    paras = [] if body is None else [_read_paragraph(p) for p in _iter_paragraphs(body)]
    return DocxContent(data, part, root, paras)


# ---------------------------------------------------------------- writing

def _check_xml_chars(text: str, name: str) -> None:
    m = _XML_BAD.search(text.replace("\v", " "))
    if m:
        raise InputError(name, f"cannot save: character U+{ord(m.group()):04X} at position "
                               f"{m.start()} cannot be stored in a .docx")


def _text_elements(text: str) -> list:
    """XML pieces for `text` inside a run: w:t, w:tab, w:br."""
    out = []
    for chunk in re.split(r"([\t\v\n])", text):
        if chunk == "":
            continue
        if chunk == "\t":
            out.append(etree.Element(W + "tab"))
        elif chunk in ("\v", "\n"):
            out.append(etree.Element(W + "br"))
        else:
            t = etree.Element(W + "t")
            t.text = chunk
            if chunk != chunk.strip():
                t.set("{%s}space" % XML_NS, "preserve")
            out.append(t)
    return out


def _set_run_text(run, text: str) -> None:
    old = [c for c in run if c.tag in _TEXT_TAGS and _piece_text(c) is not None]
    pos = run.index(old[0]) if old else len(run)
    for c in old:
        run.remove(c)
    for offset, el in enumerate(_text_elements(text)):
        run.insert(pos + offset, el)


def _common_affixes(a: str, b: str) -> tuple[int, int]:
    n = min(len(a), len(b))
    pre = 0
    while pre < n and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < n - pre and a[len(a) - 1 - suf] == b[len(b) - 1 - suf]:
        suf += 1
    return pre, suf


def _char_opcodes(a: str, b: str):
    pre, suf = _common_affixes(a, b)
    ops = []
    if pre:
        ops.append(("equal", 0, pre, 0, pre))
    ma, mb = a[pre:len(a) - suf], b[pre:len(b) - suf]
    if ma or mb:
        if len(ma) * len(mb) <= 4_000_000:
            sm = difflib.SequenceMatcher(None, ma, mb, autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                ops.append((tag, i1 + pre, i2 + pre, j1 + pre, j2 + pre))
        else:
            ops.append(("replace", pre, len(a) - suf, pre, len(b) - suf))
    if suf:
        ops.append(("equal", len(a) - suf, len(a), len(b) - suf, len(b)))
    return ops


def _edit_paragraph(para: DocxParagraph, new: str) -> None:
    """Change `para`'s text to `new`, rewriting only the runs whose characters change."""
    old = para.text
    if old == new:
        return
    if not para.runs:
        r = etree.SubElement(para.element, W + "r")
        for el in _text_elements(new):
            r.append(el)
        para.runs.append(_Run(r, new))
        return
    owner: list[int] = []
    for idx, run in enumerate(para.runs):
        owner.extend([idx] * len(run.text))
    pieces: list[list[str]] = [[] for _ in para.runs]
    for tag, i1, i2, j1, j2 in _char_opcodes(old, new):
        if tag == "equal":
            for k in range(i2 - i1):
                pieces[owner[i1 + k]].append(old[i1 + k])
        elif tag == "insert":
            host = owner[i1 - 1] if i1 > 0 else (owner[0] if owner else 0)
            pieces[host].append(new[j1:j2])
        else:  # replace / delete: the new text goes where the old span started
            if j2 > j1:
                pieces[owner[i1]].append(new[j1:j2])
    for run, parts in zip(para.runs, pieces):
        text = "".join(parts)
        if text != run.text:
            _set_run_text(run.element, text)
            run.text = text


def _new_paragraph_like(model: DocxParagraph, text: str) -> DocxParagraph:
    p = etree.Element(W + "p")
    ppr = model.element.find(W + "pPr")
    if ppr is not None:
        p.append(copy.deepcopy(ppr))
    r = etree.SubElement(p, W + "r")
    if model.runs:
        rpr = model.runs[0].element.find(W + "rPr")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
    for el in _text_elements(text):
        r.append(el)
    return DocxParagraph(p, [_Run(r, text)])


def _remove_paragraph(para: DocxParagraph) -> bool:
    """Remove the paragraph, or only empty it when it must stay (last in cell, holds images)."""
    el = para.element
    parent = el.getparent()
    blocks = [c for c in parent if c.tag in (W + "p", W + "tbl") and c is not el]
    keeps = (any(el.iter(*_KEEP_PARAGRAPH))  # images, bookmarks, fields
             or not any(c.tag == W + "p" for c in blocks)  # a cell needs a paragraph
             or (parent.tag in (W + "tc", W + "body") and blocks[-1].tag == W + "tbl"))
    if keeps:
        _edit_paragraph(para, "")
        return False
    parent.remove(el)
    return True


def apply_text(content: DocxContent, new_text: str, name: str) -> None:
    """Make `content.text == new_text` with the smallest change to the XML.

    One exception: a paragraph the user deleted that Word needs (the last one of a table
    cell, one holding an image, the one after a final table) stays as an empty paragraph;
    `content.kept_empty` lists such positions, so the text on disk may have extra blank lines
    exactly there, and nowhere else.
    """
    _check_xml_chars(new_text, name)
    old_list = [p.text for p in content.paragraphs]
    new_list = new_text.split("\n")
    if old_list == new_list:
        return
    if not content.paragraphs:
        body = content.root.find(W + "body")
        if body is None:
            body = etree.SubElement(content.root, W + "body")
        sect = body.find(W + "sectPr")
        for t in new_list:
            p = DocxParagraph(etree.Element(W + "p"))
            _edit_paragraph(p, t)
            if sect is not None:
                sect.addprevious(p.element)
            else:
                body.append(p.element)
            content.paragraphs.append(p)
        return
    if len(old_list) == len(new_list):
        # Same number of paragraphs (the usual case: words changed inside paragraphs): pair
        # them by position, so an edit can never be attributed to a look-alike paragraph.
        for para, new in zip(content.paragraphs, new_list):
            _edit_paragraph(para, new)
        return
    result: list[DocxParagraph] = []
    kept: list[DocxParagraph] = []
    # Blank lines may not anchor a match: otherwise an unchanged paragraph can be paired
    # with a different one and lose its own formatting.
    sm = difflib.SequenceMatcher(lambda t: not t.strip(), old_list, new_list, autojunk=False)
    paras = content.paragraphs
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            result.extend(paras[i1:i2])
            continue
        pair = min(i2 - i1, j2 - j1)
        for k in range(pair):
            _edit_paragraph(paras[i1 + k], new_list[j1 + k])
            result.append(paras[i1 + k])
        # extra new paragraphs go after the last one placed (or before the first old one)
        anchor = result[-1] if result else None
        for t in new_list[j1 + pair:j2]:
            model = anchor or paras[i1 if i1 < len(paras) else -1]
            newp = _new_paragraph_like(model, t)
            if anchor is not None:
                anchor.element.addnext(newp.element)
            else:
                paras[0].element.addprevious(newp.element)
            result.append(newp)
            anchor = newp
        for k in range(i1 + pair, i2):
            if not _remove_paragraph(paras[k]):
                result.append(paras[k])  # kept, emptied: Word needs it there
                kept.append(paras[k])
    content.paragraphs = result
    kept_ids = {id(p) for p in kept}
    content.kept_empty = [i for i, p in enumerate(result) if id(p) in kept_ids]
    if not matches_with_kept([p.text for p in result], content.kept_empty, new_list):
        raise InputError(name, "cannot save this edit into the .docx (its structure could not "
                               "hold the new text); nothing was changed")


def matches_with_kept(lines: list[str], kept: list[int], wanted: list[str]) -> bool:
    """`lines` equals `wanted` once the kept (necessarily empty) paragraphs are left out."""
    keep = set(kept)
    if any(lines[i] for i in keep):
        return False
    return [t for i, t in enumerate(lines) if i not in keep] == wanted


def serialize_docx(content: DocxContent) -> bytes:
    """The new .docx bytes: every entry copied as-is except the rewritten main part."""
    xml = etree.tostring(content.root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content.data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == content.part_name:
                new_info = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                new_info.compress_type = zipfile.ZIP_DEFLATED
                new_info.external_attr = info.external_attr
                dst.writestr(new_info, xml)
            else:
                dst.writestr(info, src.read(info))
    return out.getvalue()
