"""The whole interface is translated: every string the GUI shows has a Dutch and French entry."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "inclusive_writer" / "gui"
I18N = ROOT / "resources" / "i18n"
# module-level dicts/tuples whose string values are shown through tr()
LABEL_TABLES = {"CATEGORY_LABELS", "LANGUAGE_NAMES", "SEVERITY_LABELS", "VERDICTS", "STYLE_LABELS",
                "LOCALE_LABELS", "COLUMNS", "TASKS", "SCHEMES", "READABILITY_DETAILS", "OPEN_FILTER",
                "ACTION_LABELS"}


def collect_keys() -> list[str]:
    """English source strings passed to tr()/Binder in gui/*.py, plus the label tables."""
    keys: list[str] = []

    def add(node: ast.AST) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
            keys.append(node.value)

    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                fn = node.func
                name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
                if name == "tr" and node.args:
                    add(node.args[0])
                elif name in ("t", "_act", "_menu") and node.args:
                    # self.t(setter, "key"), self._act("key", ...), self._menu("key")
                    add(node.args[1] if name == "t" and len(node.args) > 1 else node.args[0])
            elif (isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id in LABEL_TABLES for t in node.targets)) or (
                    isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                    and node.target.id in LABEL_TABLES and node.value is not None):
                val = node.value
                if isinstance(val, ast.Dict):
                    for v in val.values:
                        add(v)
                elif isinstance(val, ast.Tuple):
                    for v in val.elts:
                        add(v)
                else:
                    add(val)
    seen: dict[str, None] = {}
    for k in keys:
        seen.setdefault(k, None)
    return list(seen)


def fields(s: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", s))


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_interface_string_is_translated(lang: str) -> None:
    table = json.loads((I18N / f"{lang}.json").read_text(encoding="utf-8"))
    keys = collect_keys()
    assert len(keys) > 150  # the collector really found the interface
    missing = [k for k in keys if not table.get(k)]
    assert not missing, f"{lang}.json lacks {len(missing)} strings, e.g. {missing[:5]}"
    for k in keys:
        assert fields(table[k]) == fields(k), f"{lang}: placeholders differ in {k!r} -> {table[k]!r}"
        if "&" in k and k.count("&") == 1:
            assert table[k].count("&") == 1, f"{lang}: keyboard accelerator lost in {table[k]!r}"


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_translations_are_not_english_copies(lang: str) -> None:
    table = json.loads((I18N / f"{lang}.json").read_text(encoding="utf-8"))
    keys = [k for k in collect_keys() if len(k) > 25]
    same = [k for k in keys if table.get(k) == k]
    assert len(same) < len(keys) * 0.05, same[:10]


def test_accelerators_unique_per_menu_in_dutch() -> None:
    """Menu titles keep distinct keyboard accelerators after translation."""
    table = json.loads((I18N / "nl.json").read_text(encoding="utf-8"))
    menus = ["&File", "&Edit", "&Tools", "&View", "&Help"]
    letters = [table[m].split("&", 1)[1][0].lower() for m in menus]
    assert len(set(letters)) == len(letters), letters
