"""Every Chinese word the interface shows goes through Qt Linguist, so the English UI is complete.

The check reads the source of qualitydesk/ui (no widgets): a string literal holding a Chinese (or
other CJK) word must sit inside ``tr()``, ``QCoreApplication.translate()`` or
``QT_TRANSLATE_NOOP()`` — the calls lupdate collects into resources/i18n/qualitydesk_en.ts — unless
it is a docstring, a regular expression, or listed in ``ALLOWED`` below with its reason.

Full-width punctuation alone (``：``, ``（``, ``；``) is not a word and is not checked: it
mostly joins text from forms/, which stays Chinese (the programme documents are Chinese).
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
UI = ROOT / "qualitydesk" / "ui"

# Han ideographs (with extension A and the compatibility block), kana and hangul: words.
CJK_WORD = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
PATTERNS = {"compile", "match", "fullmatch", "search", "sub", "split", "findall", "finditer"}

ALLOWED: dict[tuple[str, str], str] = {
    ("shell/menus.py", "简体中文"): "a language is offered under its own name in every interface",
    ("shell/window.py", "示例申报.qdesk"): "one demo file whatever the language (see the comment)",
    ("widgets/field_editor.py", "年"): "parses a typed year: 2015年 is read as 2015",
    ("widgets/field_editor.py", "是"): "reads a yes stored by older files, never shown",
    ("revisions.py", "是"): "reads a yes stored by older files, never shown",
    ("pages/evidence_table.py", "中"): "a character to measure the font's em with",
    ("pages/indicators_table.py", "中"): "a character to measure the font's em with",
    ("pages/summary.py", "中"): "a character to measure the font's em with",
    ("pages/summary_gaps.py", "中"): "a character to measure the font's em with",
    (
        "widgets/markdown_io.py",
        "图",
    ): "alt text written into the narrative, which prints in Chinese",
}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _exempt(tree: ast.Module) -> set[int]:
    """Nodes inside translation calls and regular expressions, and docstrings."""
    found = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in TRANSLATING | PATTERNS:
            found |= {id(inner) for inner in ast.walk(node)}
    return found


def untranslated(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each literal in ``path`` that holds a CJK word outside a translation."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CJK_WORD.search(node.value)
        and id(node) not in exempt
    ]


def unreadable_sources(path: Path) -> list[int]:
    """Lines of tr() calls whose text lupdate cannot read: f-strings and concatenations."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _name(node.func) == "tr"
        and node.args
        and isinstance(node.args[0], ast.JoinedStr | ast.BinOp)
    ]


def _sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_every_chinese_word_in_the_interface_is_translatable():
    offences = []
    used = set()
    for path in _sources():
        where = path.relative_to(UI).as_posix()
        for line, text in untranslated(path):
            if (where, text) in ALLOWED:
                used.add((where, text))
            else:
                offences.append(f"qualitydesk/ui/{where}:{line}: {text!r}")
    assert offences == [], "wrap these in self.tr() / QCoreApplication.translate():\n" + "\n".join(
        offences
    )
    assert set(ALLOWED) - used == set(), "allow-list entries no longer needed"


def test_lupdate_can_read_every_tr_text():
    offences = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _sources()
        for line in unreadable_sources(path)
    ]
    assert offences == []


def test_the_scan_finds_what_it_should(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""模块说明。"""\n'
        "import re\n"
        'SHOWN = "未翻译"\n'
        'NOOP = QT_TRANSLATE_NOOP("Ctx", "已登记")\n'
        'PATTERN = re.compile("[一二三]")\n'
        'SEPARATOR = "："\n'
        "def f(self, n):\n"
        '    """函数说明。"""\n'
        '    self.tr("已翻译")\n'
        '    self.tr(f"第 {n} 行")\n'
        '    return f"{n} 个"\n',
        encoding="utf-8",
    )
    assert untranslated(sample) == [(3, "未翻译"), (11, " 个")]
    assert unreadable_sources(sample) == [10]
