"""The user guide stays true to the program: pictures, menus, shortcuts, steps, labels, commands.

The guides (docs/guide.zh.md and its English twin) name menu commands, shortcuts, steps, statuses,
buttons and command lines. These tests find them in the guides' text and check each one against the
running main window (offscreen), the interface's translation source or the command line's parser,
so renaming a menu or a button fails here until the guide follows.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PIL import Image
from PySide6.QtGui import QAction

from qualitydesk.cli import COMMANDS
from qualitydesk.cli.parser import build_parser
from qualitydesk.ui.app import create_application
from qualitydesk.ui.messages import Messages
from qualitydesk.ui.pages.base import Status
from qualitydesk.ui.settings import Settings
from qualitydesk.ui.shell.steps import steps
from qualitydesk.ui.shell.window import MainWindow
from qualitydesk.ui.widgets.markdown_edit import MarkdownEdit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
IMAGES = DOCS / "images"
GUIDES = {"zh": DOCS / "guide.zh.md", "en": DOCS / "guide.en.md"}
TS = ROOT / "resources" / "i18n" / "qualitydesk_en.ts"
MAX_IMAGES_BYTES = 3 * 1024 * 1024
WINDOW_SIZE = (1366, 768)

# Buttons, fields, findings and messages the guides tell the user to look for, as the Chinese
# interface says them. The Chinese guide must use each one as the program shows it, and the English
# guide its English translation.
LABELS = (
    "新建申报(&N)…",
    "打开(&O)…",
    "打开示例(&D)",
    "最近打开(&R)：",
    "（文件已不在）",
    "申报的奖项与年度",
    "申报组织",
    "保存位置",
    "按当年申报通知核对",
    "未保存…",
    "上一步(&B)",
    "下一步(&N)",
    "添加一行",
    "删除所选行",
    "前往申请表",
    "本组织确认符合此条款(&Y)",
    "声明内容",
    "证实材料",
    "符合",
    "不符合",
    "需确认",
    "待补充",
    "已声明",
    "出自申报通知",
    "已收录的申报通知",
    "本年适用（括号内为出处）",
    "须知",
    "评审得分",
    "综合得分",
    "组织申报",
    "个人申报",
    "评分项要求与引导问题（{n}）",
    "自评打分",
    "评分档(&B)",
    "百分比(&P)",
    "优势(&S)",
    "改进机会(&O)",
    "关联的证实性材料和数据",
    "添加指标(&A)",
    "删除指标(&D)",
    "添加文件(&A)…",
    "为此条目添加文件(&F)…",
    "申报清单(&L)",
    "说明(&C)",
    "关联到(&K)",
    "清单条目",
    "评分条目",
    "资格条款",
    "✓ 已提供",
    "缺少",
    "可选",
    "提分空间",
    "提分清单(&G)",
    "上一档起点",
    "可增加",
    "● 已达到",
    "按评审结果确定",
    "资格条件",
    "尚未完成",
    "无法打印的字符",
    "全部检查通过，可以导出并打印申报材料。",
    "恢复此版本(&R)",
    "上一页",
    "下一页",
    "用系统查看器打开(&S)",
    "只读",
    "未能保存",
)
SHORTCUT = re.compile(r"(?:Ctrl|Alt|Shift)(?:\+(?:Ctrl|Alt|Shift))*\+(?:F\d{1,2}|[A-Z0-9]|←|→)")
TABLE_ROW = re.compile(r"^\s*\|\s*`([^`]+)`\s*\|\s*([^|]+?)\s*\|\s*$", re.MULTILINE)
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
ARROW = re.compile(r"\s*→\s*")


# --- reading the guides ---------------------------------------------------------------------


@cache
def guide(language: str) -> str:
    return GUIDES[language].read_text(encoding="utf-8")


@cache
def flowing(language: str) -> str:
    """The guide's text with line breaks inside paragraphs removed, as a reader sees it.

    Chinese lines join without a space; English lines join with one.
    """
    joiner = "" if language == "zh" else " "
    return re.sub(r"[ \t]*\n[ \t]*", joiner, guide(language))


def label(text: str) -> str:
    """An interface text as a guide quotes it: no mnemonic, count, ellipsis or closing colon."""
    text = re.sub(r"\(&\w\)", "", text)  # 文件(&F)
    text = re.sub(r"[（(]\{\w+\}[）)]", "", text)  # 引导问题（{n}）
    return text.replace("&", "").rstrip("…：:。").strip()


@cache
def translations() -> dict[str, set[str]]:
    """Every Chinese interface string and its English translations (from any context)."""
    found: dict[str, set[str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        found.setdefault(source, set()).add(message.findtext("translation") or "")
    return found


def english(text: str) -> str:
    """The English of an interface string; a string never translated (English) stays as it is."""
    options = translations().get(text)
    return sorted(options)[0] if options else text


def sh_commands(language: str) -> list[str]:
    """The command lines the guide quotes: in ```sh blocks and in `inline code`."""
    text = guide(language)
    lines = [
        line.strip()
        for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
        for line in block.splitlines()
        if line.strip()
    ]
    lines += re.findall(r"`((?:qualitydesk|make) [^`]+)`", text)
    return lines


# --- the running program --------------------------------------------------------------------


@pytest.fixture(scope="module")
def program(qapp, forms, tmp_path_factory) -> Iterator[dict[str, Any]]:
    """The main window's menus and the narrative editor's actions, offscreen."""
    create_application()
    window = MainWindow(forms, Settings(tmp_path_factory.mktemp("docs-settings")), Messages())
    editor = MarkdownEdit()
    yield {"window": window, "menus": menu_tree(window), "editor": editor.actions()}
    editor.deleteLater()
    window.deleteLater()


def menu_tree(window: MainWindow) -> dict[str, Any]:
    """Menu title → {command label → QAction, or submenu label → its own tree}, in Chinese."""

    def tree(menu: Any) -> dict[str, Any]:
        entries: dict[str, Any] = {}
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            entries[action.text()] = tree(sub) if sub is not None else action
        return entries

    return {a.text(): tree(a.menu()) for a in window.menuBar().actions()}


def labelled(tree: dict[str, Any], language: str) -> dict[str, Any]:
    """The menu tree keyed by the labels the guide in ``language`` uses."""
    name = label if language == "zh" else (lambda text: label(english(text)))
    return {
        name(key): labelled(value, language) if isinstance(value, dict) else value
        for key, value in tree.items()
    }


def menu_paths(text: str, tree: dict[str, Any]) -> tuple[list[tuple[str, Any]], list[str]]:
    """Every “menu → command” the text names: (path, QAction or submenu), and the unknown ones."""
    found, unknown = [], []
    for title, menu in tree.items():
        for start in re.finditer(re.escape(title) + ARROW.pattern, text):
            node, pos, path = menu, start.end(), [title]
            while isinstance(node, dict):
                names = sorted((n for n in node if text.startswith(n, pos)), key=len)
                if not names:
                    unknown.append(" → ".join(path) + " → " + text[pos : pos + 24])
                    break
                path.append(names[-1])
                node, pos = node[names[-1]], pos + len(names[-1])
                arrow = ARROW.match(text, pos)
                if not isinstance(node, dict) or arrow is None:
                    found.append((" → ".join(path), node))
                    break
                pos = arrow.end()
    return found, unknown


def commands(tree: dict[str, Any]) -> Iterator[QAction]:
    """Every command in a menu tree."""
    for value in tree.values():
        yield from commands(value) if isinstance(value, dict) else [value]


def keys_of(action: QAction) -> set[str]:
    return {s.toString() for s in action.shortcuts()}


def as_key(text: str) -> str:
    """A shortcut as the guide writes it (Alt+←) in Qt's portable text (Alt+Left)."""
    return text.replace("←", "Left").replace("→", "Right")


def all_actions(program: dict[str, Any]) -> list[QAction]:
    return [*program["window"].findChildren(QAction), *program["editor"]]


# --- pictures and links ---------------------------------------------------------------------


def test_the_guides_link_each_other():
    assert "](guide.en.md)" in guide("zh")
    assert "](guide.zh.md)" in guide("en")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_link_inside_a_guide_leads_somewhere(language):
    slugs = {slug(h) for h in re.findall(r"^#{1,6} (.+)$", guide(language), re.MULTILINE)}
    for target in LINK.findall(guide(language)):
        if target.startswith("#"):
            assert target[1:] in slugs, target
        elif not target.startswith("http"):
            assert (DOCS / target).exists(), target


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_picture_a_guide_shows_exists_and_every_picture_is_shown():
    shown = {lang: set(IMAGE.findall(guide(lang))) for lang in GUIDES}
    assert shown["zh"] == shown["en"]
    for target in shown["zh"]:
        assert (DOCS / target).is_file(), target
    assert {f"images/{p.name}" for p in IMAGES.glob("*.png")} == shown["zh"]
    assert set(screenshot_script().image_names()) == {p.name for p in IMAGES.glob("*.png")}


def test_the_pictures_are_small_palette_pngs():
    pictures = sorted(IMAGES.glob("*.png"))
    assert sum(p.stat().st_size for p in pictures) < MAX_IMAGES_BYTES
    for path in pictures:
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert image.mode == "P", path.name


def screenshot_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_screenshots", DOCS / "make_screenshots.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_screenshot_script_makes_every_picture(tmp_path):
    """`make docs` works: the script runs the real program offscreen and writes every picture."""
    out = tmp_path / "images"
    done = subprocess.run(
        [sys.executable, str(DOCS / "make_screenshots.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    made = sorted(p.name for p in out.glob("*.png"))
    assert made == sorted(screenshot_script().image_names())
    for name in ("welcome.png", "step-item.png", "preflight-problems.png"):
        with Image.open(out / name) as image:
            assert image.size == WINDOW_SIZE
    assert not (tmp_path / ".local").exists()  # the settings went to a temporary home


# --- menus, shortcuts, steps ----------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_menu_command_the_guide_names_exists(program, language):
    tree = labelled(program["menus"], language)
    found, unknown = menu_paths(flowing(language), tree)
    assert unknown == []
    assert len({path for path, _ in found}) >= 12


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_shortcut_tables_match_the_program(program, language):
    tree = labelled(program["menus"], language)
    name = label if language == "zh" else (lambda text: label(english(text)))
    editor = {name(a.text()): a for a in program["editor"]}
    rows = TABLE_ROW.findall(guide(language))
    assert len(rows) >= 14
    for key, target in rows:
        if "→" in target:
            found, unknown = menu_paths(target, tree)
            assert unknown == [], target
            assert len(found) == 1, target
            action = found[0][1]
        else:
            action = editor[target]
        assert as_key(key) in keys_of(action), f"{target}: {key}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_menu_shortcut_is_in_the_table(program, language):
    """The table lists every menu command's shortcut but the platform's own Save As and Quit."""
    documented = {
        as_key(key) for key, target in TABLE_ROW.findall(guide(language)) if "→" in target
    }
    platform_keys = {"另存为(&A)…", "退出(&X)"}
    wanted = {
        action.shortcut().toString()
        for action in commands(program["menus"])
        if not action.shortcut().isEmpty() and action.text() not in platform_keys
    }
    assert wanted <= documented


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_shortcut_the_guide_mentions_exists(program, language):
    keys = set().union(*(keys_of(a) for a in all_actions(program)))
    mentioned = {as_key(k) for k in SHORTCUT.findall(guide(language))}
    assert mentioned
    assert mentioned <= keys


def test_the_guides_steps_are_the_programs_steps(qapp, forms):
    create_application()
    titles = [s.title for s in steps(forms.framework("gbt19580-2012")) if not s.category]
    zh = re.findall(r"^### (\d)\. (\S+)$", guide("zh"), re.MULTILINE)
    assert [name for _, name in zh] == titles
    assert [int(n) for n, _ in zh] == list(range(1, len(titles) + 1))
    en = re.findall(r"^### \d\. (.+) \((\S+)\)$", guide("en"), re.MULTILINE)
    assert [chinese for _, chinese in en] == titles
    assert [name for name, _ in en] == [english(t) for t in titles]


def test_the_step_statuses_are_the_programs():
    for status in Status:
        assert f"**{status.label}**" in guide("zh")
        assert f"**{english(status.label)}** ({status.label})" in guide("en")


def test_the_buttons_and_findings_the_guides_name_are_the_programs():
    for text in LABELS:
        assert text in translations(), f"not an interface text: {text}"
        assert label(text) in flowing("zh"), f"the Chinese guide does not say {label(text)}"
        wanted = {label(t).rstrip(".").lower() for t in translations()[text]}
        assert any(w in flowing("en").lower() for w in wanted), f"the English guide lacks {wanted}"


# --- commands -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_command_line_the_guide_quotes_is_accepted(language, forms):
    commands = [c for c in sh_commands(language) if c.startswith("qualitydesk")]
    assert len(commands) >= 10
    parser = build_parser()
    for line in commands:
        args = shlex.split(line, comments=True)[1:]
        if args == ["--smoke-test"] or (len(args) == 1 and args[0] not in COMMANDS):
            continue  # the self-test, or the desktop program opening a file
        try:
            parsed = parser.parse_args(args)
        except SystemExit:
            pytest.fail(f"qualitydesk does not accept: {line}")
        for attribute in ("award", "id"):  # the award or framework a command names exists
            value = getattr(parsed, attribute, None) or []
            for name in [value] if isinstance(value, str) else value:
                assert name in forms.awards or name in forms.frameworks, line


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_make_target_the_guide_names_exists(language):
    targets = set(re.findall(r"^([\w.-]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    named = set(re.findall(r"`make (\w+)`", guide(language)))
    named |= {c.split()[1] for c in sh_commands(language) if c.startswith("make ")}
    assert {"run", "demo", "bundle"} <= named
    assert named <= targets
