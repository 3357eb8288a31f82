"""Make the user guide's screenshots from the real program: offscreen, on the demo application.

Run it with ``make docs`` whenever the interface changes. It builds the demo application in a
temporary folder, starts the real main window at 1366×768, shows the welcome screen and the
新建申报 wizard, opens the demo and visits every step the guide describes, opens 历史版本, the
find bar in replace mode and 帮助 → 奖项与资格条件一览, shows 检查与导出 for an unfinished copy of
the demo (so the problem list has something in it), imports the demo's own Word copy — with a
colleague's edits to one item — into a copy of the demo (the 从 Word 导入 preview), exports the
PDF package, renders two of its pages, the same page in the 标准 and the 紧凑 layout side by side
and a table continued on the next page (续表), and shows it in 打印预览. Dialogs that size
themselves to the screen open as on a 1366×768 laptop. Each picture is written to
``docs/images/`` as an optimised 8-bit palette PNG under a fixed name.

Settings go to a temporary ``QUALITYDESK_HOME``, so the user's recent files and settings are never
touched; no dialog can block, because the program's message boxes are replaced by a quiet stand-in.
Only the bundled fonts are used (``QUALITYDESK_FONT_DIRS`` empty), not the machine's.
The document store's clock is fixed while the files are built, so the times on screen (已保存
10:20:00, the history) are the same on every run and a picture changes only when the program does.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from unittest import mock

IMAGES = Path(__file__).resolve().parent / "images"
WINDOW_SIZE = (1366, 768)
PDF_DPI = 96
COLOURS = 256
DEMO_ITEM = "4.1.2"  # the item page shown, and the narrative with a draft in the history
CHART_ITEM = "4.7.2"  # the PDF page shown beside the cover: a results item with a trend chart
YEAR = 2026
LAPTOP_SCREEN = (1366, 728)  # a 1366×768 screen less a 40-pixel taskbar: where dialogs size to
FIND = ("合理化建议", "改善提案")  # what the find bar finds in the narratives, and replaces it with
# A colleague's edits to the Word copy of DEMO_ITEM: (text in one paragraph, what it becomes).
WORD_EDITS = (
    ("每年按规范自查一次。", "每年按规范自查一次，自查结果在管理评审会上通报。"),
    ("提高11.2个百分点。", "提高11.2个百分点；新员工入职三个月后的认知度为88.3%。"),
)
WAIT_SECONDS = 120  # for a background job (reading the Word file) or a page to be drawn
COMPACT = "compact"  # the layout shown beside the default one (forms/layouts.toml)
CONTINUED = re.compile(r"续表\s*(\d[\d.]*-\d+)")  # the line over a table's continuation
BACKDROP = (224, 224, 224)  # around the pages in the PDF pictures, so their edges show
MARGIN = 24  # pixels of backdrop around and between pages
LABEL_SIZE = 22  # pixels: the type of a page's label
ABOVE_CAPTION = 110  # points of the page above a table's 表题 shown with it
PAGE_TOP = 0.42  # how much of the page a table continues on is shown, from its top
CUT_PAD = 6  # points between a cut through a page and the nearest line of text

# The main window's steps as the guide shows them: (step key, picture).
STEPS = (
    ("form", "step-form.png"),
    ("notice", "step-notice.png"),
    ("eligibility", "step-eligibility.png"),
    ("profile", "step-profile.png"),
    ("report", "step-report.png"),
    (f"item:{DEMO_ITEM}", "step-item.png"),
    ("indicators", "step-indicators.png"),
    ("evidence", "step-evidence.png"),
    ("summary", "step-summary.png"),
    ("preflight", "step-preflight.png"),
)
BEFORE_STEPS = ("welcome.png", "new-application.png")
TEAM_PICTURES = ("team-scoring.png", "team-collect.png", "team-consensus.png")
# The self-assessment team of the guide's 组织自评小组: each assessor's percent against the demo's
# self-score, the item shown first where they are far apart, and what they wrote of it.
TEAM = {"张伟": (0, -15), "李娜": (5, 5), "王强": (-5, 10)}  # (offset, offset on TEAM_ITEM)
TEAM_ITEM = "4.2.3"
TEAM_REMARKS = {
    "张伟": ("行动计划与预算同一编号，责任到人", "海外注册认证类计划缺少预案"),
    "李娜": ("行动计划与预算同一编号，责任到人\n指标责任矩阵区分主责与协责", "缺少预案"),
    "王强": ("指标责任矩阵区分主责与协责", "海外注册认证类计划缺少预案\n绩效预测以趋势外推为主"),
}
AFTER_STEPS = (
    "step-summary-gaps.png",
    "history.png",
    "find-replace.png",
    "programmes.png",
    "preflight-problems.png",
    "word-import.png",
    *TEAM_PICTURES,
    "pdf-cover.png",
    "pdf-report.png",
    "pdf-layouts.png",
    "pdf-continued.png",
    "print-preview.png",
)


def image_names() -> list[str]:
    """Every picture this script writes, in the order it writes them."""
    return [*BEFORE_STEPS, *(name for _, name in STEPS), *AFTER_STEPS]


# --- the files shown ------------------------------------------------------------------------


class _FixedClock(datetime):
    """A ``datetime`` whose ``now()`` is the moment the script last set (naive local time)."""

    moment = datetime(YEAR, 5, 12, 9, 30)

    @classmethod
    def now(cls, tz: Any = None) -> Any:
        del tz
        return cls.moment


@contextmanager
def fixed_clock() -> Iterator[Callable[[datetime], None]]:
    """Within the block the document store's clock reads what the yielded setter last set."""
    from qualitydesk.store import document

    def set_time(moment: datetime) -> None:
        _FixedClock.moment = moment

    with mock.patch.object(document, "datetime", _FixedClock):
        yield set_time


def build_demo_file(folder: Path, forms: Any) -> Path:
    """The demo application, with an earlier draft of 4.1.2 in its history to restore from."""
    from qualitydesk.store.demo import build_demo

    path = folder / "示例申报.qdesk"
    with fixed_clock() as set_time:
        set_time(datetime(YEAR, 5, 12, 9, 30))
        doc = build_demo(path, forms)
        final = doc.narrative(DEMO_ITEM)
        set_time(datetime(YEAR, 5, 13, 16, 5))
        doc.set_narrative(DEMO_ITEM, final.split("\n\n")[0] + "\n")
        doc.save()
        set_time(datetime(YEAR, 5, 14, 10, 20))
        doc.set_narrative(DEMO_ITEM, final)
        doc.save()
        doc.close()
    return path


def build_unfinished_file(demo: Path) -> Path:
    """A copy of the demo with the kinds of problem 检查与导出 lists, one of each."""
    from qualitydesk.store.document import Document

    path = demo.with_name("示例申报-待完善.qdesk")
    shutil.copy(demo, path)
    with fixed_clock() as set_time:
        set_time(datetime(YEAR, 5, 14, 10, 20))
        doc = Document.open(path)
        doc.set_declaration("policy-compliance", None)  # 资格条件: a declaration not yet made
        doc.set_profile("B.2.3", "")  # 尚未完成: a profile section left empty
        doc.set_score("4.6.3", None)  # 尚未完成: an item not scored yet
        doc.set_narrative("4.4.5", doc.narrative("4.4.5") + "\n客户评价：交付准时👍\n")
        doc.save()
        doc.close()
    return path


def build_word_copy(demo: Path, forms: Any) -> Path:
    """The demo's own Word copy, as a colleague sends it back: with two edits in DEMO_ITEM."""
    from docx import Document as WordDocument

    from qualitydesk.export.docx import export_docx
    from qualitydesk.store.document import Document

    path = demo.with_suffix(".docx")
    with Document.open(demo, read_only=True) as doc:
        export_docx(doc, forms, path)
    word = WordDocument(str(path))
    for old, new in WORD_EDITS:
        runs = [run for paragraph in word.paragraphs for run in paragraph.runs if old in run.text]
        if len(runs) != 1:
            raise SystemExit(f"make_screenshots: {len(runs)} places in the Word copy hold {old}")
        runs[0].text = runs[0].text.replace(old, new)
    word.save(str(path))
    return path


# --- pictures -------------------------------------------------------------------------------


class Shots:
    """Writes pictures into one folder as optimised 8-bit palette PNGs and remembers them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: list[Path] = []

    def save(self, picture: Any, name: str) -> None:
        """Write a QPixmap, QImage or PIL image as ``name``."""
        from PIL import Image

        image = picture if isinstance(picture, Image.Image) else _to_pil(picture)
        palette = image.convert("RGB").quantize(
            colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        path = self.folder / name
        palette.save(path, optimize=True)
        self.written.append(path)


def _to_pil(picture: Any) -> Any:
    from PIL import Image
    from PySide6.QtGui import QImage

    image = picture.toImage() if hasattr(picture, "toImage") else picture
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    size = (image.width(), image.height())
    return Image.frombuffer(
        "RGB", size, bytes(image.constBits()), "raw", "RGB", image.bytesPerLine(), 1
    ).copy()


def settle(app: Any, rounds: int = 5) -> None:
    """Let layouts, page building and repaints finish."""
    for _ in range(rounds):
        app.processEvents()


class QuietMessages:
    """Stands in for the program's dialogs: says on stderr what would have been shown."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def answer(parent: Any, title: str, *rest: Any) -> Any:
            del parent
            print(f"make_screenshots: {name}: {title} {rest}", file=sys.stderr)
            return [] if name == "open_files" else ""

        return answer


def wait_for(app: Any, done: Callable[[], bool], what: str) -> None:
    """Let the program run until ``done()``: a background job has finished, a page is drawn."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"make_screenshots: no {what} after {WAIT_SECONDS} s")
        app.processEvents()
        time.sleep(0.01)


@contextmanager
def laptop_screen() -> Iterator[None]:
    """Within the block, a dialog that sizes itself to the screen sees a 1366×768 laptop's."""
    from PySide6.QtCore import QRect

    from qualitydesk.ui import screen

    free = QRect(0, 0, *LAPTOP_SCREEN)
    with mock.patch.object(screen, "available_geometry", return_value=free):
        yield


def visible_dialog(window: Any, kind: type) -> Any:
    """The dialog of ``kind`` the window has open."""
    found = [d for d in window.findChildren(kind) if d.isVisible()]
    if not found:
        raise SystemExit(f"make_screenshots: no {kind.__name__} is open")
    return found[-1]


# --- the window -----------------------------------------------------------------------------


def shoot_start(app: Any, window: Any, shots: Shots) -> None:
    """The welcome screen (nothing opened yet) and the first page of 新建申报."""
    from PySide6.QtWidgets import QWizard

    window.show()
    settle(app)
    shots.save(window.grab(), "welcome.png")
    window.new_application()
    settle(app)
    wizard = visible_dialog(window, QWizard)
    wizard.currentPage().year.setValue(YEAR)
    settle(app)
    shots.save(wizard.grab(), "new-application.png")
    wizard.reject()
    settle(app)


def open_file(app: Any, window: Any, path: Path) -> Any:
    """Open ``path`` and build every page, so the navigator shows every step's status."""
    if not window.open_path(path) or window.view is None:
        raise SystemExit(f"make_screenshots: {path.name} did not open")
    view = window.view
    for key in view.keys:
        view.page(key)
    settle(app)
    return view


def shoot_steps(app: Any, window: Any, demo: Path, shots: Shots) -> None:
    """Every step of the demo, the 提分清单 and the 历史版本 dialog."""
    from PySide6.QtWidgets import QScrollArea

    view = open_file(app, window, demo)
    for key, name in STEPS:
        view.show_step(key)
        settle(app)
        shots.save(window.grab(), name)
    view.show_step("summary")
    scroll = view.pages["summary"].findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    settle(app)
    shots.save(window.grab(), "step-summary-gaps.png")
    view.show_step(f"item:{DEMO_ITEM}")
    shoot_history(app, window, shots)
    shoot_find_replace(app, window, shots)
    window.close_document()


def shoot_history(app: Any, window: Any, shots: Shots) -> None:
    """历史版本 with the earlier draft of the item selected, ready to restore."""
    from qualitydesk.ui.history import HistoryDialog

    window.show_history()
    settle(app)
    dialog = visible_dialog(window, HistoryDialog)
    drafts = [
        row
        for row, revision in enumerate(dialog.revisions)
        if revision.kind == "narrative" and revision.key == DEMO_ITEM
    ]
    dialog.table.selectRow(drafts[1])  # newest first: [1] is the draft before the current text
    settle(app)
    shots.save(dialog.grab(), "history.png")
    dialog.reject()


def shoot_find_replace(app: Any, window: Any, shots: Shots) -> None:
    """替换 (Ctrl+H) on the item page: its first match (the second in all) selected in the text."""
    bar = window.find_bar
    bar.show_replace()
    find, replacement = FIND
    bar.find_edit.setText(find)
    bar.replace_edit.setText(replacement)
    bar.find_next()  # what Enter in the find field does
    settle(app)
    if "/" not in bar.count_label.text():
        raise SystemExit(f"make_screenshots: the find bar did not find {find}")
    shots.save(window.grab(), "find-replace.png")
    bar.close_bar()


def shoot_programmes(app: Any, window: Any, shots: Shots) -> None:
    """帮助 → 奖项与资格条件一览."""
    from PySide6.QtWidgets import QDialog

    window.menus.show_programmes()
    settle(app)
    dialog = visible_dialog(window, QDialog)
    dialog.resize(1200, 700)
    settle(app)
    shots.save(dialog.grab(), "programmes.png")
    dialog.reject()


def shoot_problems(app: Any, window: Any, unfinished: Path, shots: Shots) -> None:
    """检查与导出 listing the problems of the unfinished copy."""
    view = open_file(app, window, unfinished)
    view.show_step("preflight")
    settle(app)
    shots.save(window.grab(), "preflight-problems.png")
    window.close_document()


def shoot_word_import(app: Any, window: Any, demo: Path, word: Path, shots: Shots) -> None:
    """从 Word 导入 of the demo's Word copy into a copy of the demo: the edited item set to 替换
    and selected, so its text now and after the import show side by side.
    """
    from qualitydesk.store.wordimport import REPLACE

    copy = demo.with_name("示例申报-副本.qdesk")
    shutil.copy(demo, copy)
    view = open_file(app, window, copy)
    importer = window.word_importer
    with laptop_screen():
        importer.read(view, word)  # what 文件 → 从 Word 导入 does with the file chosen
        wait_for(app, lambda: importer.dialog is not None, "从 Word 导入 preview")
    dialog = importer.dialog
    row = next(n for n, s in enumerate(dialog.plan.sections) if s.target == DEMO_ITEM)
    mode = dialog.mode_box(row)
    mode.setCurrentIndex(mode.findData(REPLACE))
    dialog.table.selectRow(row)
    settle(app)
    shots.save(dialog.grab(), "word-import.png")
    dialog.reject()
    window.close_document()


def build_team_files(demo: Path, forms: Any) -> tuple[Path, list[Path]]:
    """A copy of the demo handed out to TEAM, and their files filled in as they return them
    (one of them on TEAM_ITEM only, the others on every item), with a file changed by hand.
    """
    from dataclasses import replace

    from qualitydesk.domain.team import AssessorScore
    from qualitydesk.store.document import Document
    from qualitydesk.store.scorefile import hand_out_files, read_score_file, write_score_file

    copy = demo.with_name("示例申报-自评小组.qdesk")
    shutil.copy(demo, copy)
    folder = demo.parent / "评分表"
    folder.mkdir()
    with fixed_clock() as set_time, Document.open(copy) as doc:
        set_time(datetime(YEAR, 5, 15, 14, 0))
        own = {item: score.pct for item, score in doc.scores().items()}
        files = [p for p in hand_out_files(doc, forms, list(TEAM), folder) if p.suffix != ".xlsx"]
    for path in files:
        book = read_score_file(path)
        offset, far = TEAM[book.assessor]
        strengths, opportunities = TEAM_REMARKS[book.assessor]
        scores = [
            AssessorScore(book.assessor, item, min(100, max(0, pct + offset)))
            for item, pct in own.items()
            if item != TEAM_ITEM
        ]
        scores.append(
            AssessorScore(book.assessor, TEAM_ITEM, own[TEAM_ITEM] + far, strengths, opportunities)
        )
        write_score_file(path, replace(book, scores=tuple(scores)))
    edited = folder / "赵六.qdesk-score"
    edited.write_text(files[0].read_text(encoding="utf-8").replace("张伟", "赵六"), "utf-8")
    return copy, [*files, edited]


def shoot_team(app: Any, window: Any, demo: Path, shots: Shots) -> None:
    """组织自评小组: an assessor's file in the scoring-only mode, 汇总评分 after the files were
    dropped on it (one refused), and 共识会议 on the item the team disagrees on most.
    """
    from qualitydesk.ui.team import commands
    from qualitydesk.ui.team.scoring_window import ScoringWindow

    copy, returned = build_team_files(demo, window.forms)
    window.open_path(returned[1])  # an assessor opens their file
    scoring = visible_dialog(window, ScoringWindow)
    scoring.resize(*WINDOW_SIZE)
    scoring.show_item(TEAM_ITEM)
    settle(app)
    shots.save(scoring.grab(), "team-scoring.png")
    scoring.close()
    view = open_file(app, window, copy)
    with fixed_clock() as set_time:
        set_time(datetime(YEAR, 5, 20, 9, 0))
        dialog = commands.collect(window)
        dialog.add_files([str(p) for p in returned])  # what dropping them on the dialog does
        dialog.resize(900, 420)
        settle(app)
        shots.save(dialog.grab(), "team-collect.png")
        dialog.reject()
        set_time(datetime(YEAR, 5, 22, 15, 30))
        meeting = commands.consensus(window)
        meeting.resize(*WINDOW_SIZE)
        meeting.show_item("4.1.2")
        meeting.agree("4.1.2", view.doc.score("4.1.2").pct, "与个人评分一致")
        meeting.show_item(meeting.listed()[0])
        settle(app)
        shots.save(meeting.grab(), "team-consensus.png")
        meeting.close()
    window.close_document()


# --- the PDF --------------------------------------------------------------------------------


def shoot_pdf(forms: Any, demo: Path, folder: Path, shots: Shots) -> Path:
    """The exported package: the cover and the first page of a results item with its table."""
    import pypdfium2
    from pypdf import PdfReader

    from qualitydesk.export.pdf import export_pdf
    from qualitydesk.store.document import Document

    out = folder / "申报材料.pdf"
    with Document.open(demo, read_only=True) as doc:
        export_pdf(doc, forms, out)
    report_page = outline_page(PdfReader(out), CHART_ITEM)
    pdf = pypdfium2.PdfDocument(str(out))
    try:
        for index, name in ((0, "pdf-cover.png"), (report_page, "pdf-report.png")):
            shots.save(pdf[index].render(scale=PDF_DPI / 72).to_pil(), name)
    finally:
        pdf.close()
    return out


def shoot_layouts(forms: Any, demo: Path, package: Path, shots: Shots) -> None:
    """The first page of DEMO_ITEM in the package (the default layout, 标准) beside the same
    page in 紧凑, each labelled with its layout, its leading and the package's page count.
    """
    import pypdfium2
    from pypdf import PdfReader

    from qualitydesk.export.pdf import export_pdf
    from qualitydesk.store.document import Document

    compact = package.with_name("申报材料-紧凑.pdf")
    with Document.open(demo, read_only=True) as doc:
        export_pdf(doc, forms, compact, layout=COMPACT)
        award = forms.award(doc.award_id)
    pages = []
    for path, choice in ((package, None), (compact, COMPACT)):
        layout = forms.layout_for(award, choice)
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            page = pdf[outline_page(PdfReader(path), DEMO_ITEM)]
            picture = page.render(scale=PDF_DPI / 72).to_pil()
            label = f"{layout.name}（行距 {layout.leading_pt:g} 磅），全书 {len(pdf)} 页"
        finally:
            pdf.close()
        pages.append((label, picture))
    shots.save(on_backdrop(pages, across=True), "pdf-layouts.png")


def shoot_continued(package: Path, shots: Shots) -> None:
    """The first table that runs onto the next page: the foot of the page with its 表题, and
    the top of the next one with 续表 and the header row repeated, one above the other.
    """
    import pypdfium2

    scale = PDF_DPI / 72
    pdf = pypdfium2.PdfDocument(str(package))
    try:
        index, number = first_continued(pdf)
        foot, top = pdf[index - 1], pdf[index]
        caption = next(t for t, _ in text_boxes(foot, number))
        start = min(t for t, _ in text_boxes(foot) if t >= caption - ABOVE_CAPTION) - CUT_PAD
        limit = top.get_height() * PAGE_TOP
        end = max(b for _, b in text_boxes(top) if b <= limit) + CUT_PAD
        parts = [p.render(scale=scale).to_pil() for p in (foot, top)]
    finally:
        pdf.close()
    foot_part = parts[0].crop((0, int(start * scale), parts[0].width, parts[0].height))
    top_part = parts[1].crop((0, 0, parts[1].width, int(end * scale)))
    shots.save(on_backdrop([("", foot_part), ("", top_part)], across=False), "pdf-continued.png")


def first_continued(pdf: Any) -> tuple[int, str]:
    """The index of the first page with a 续表 line, and the number of its table (4.2.2-1)."""
    for index in range(1, len(pdf)):
        found = CONTINUED.search(pdf[index].get_textpage().get_text_range())
        if found:
            return index, found.group(1)
    raise SystemExit("make_screenshots: no table of the exported PDF continues on a next page")


def text_boxes(page: Any, text: str = "") -> list[tuple[float, float]]:
    """(top, bottom) in points below the top of ``page`` of each character on it, or of each
    occurrence of ``text``: a cut between them splits no line of text.
    """
    textpage = page.get_textpage()
    height = page.get_height()
    if text:
        searcher = textpage.search(text)
        starts = [found[0] for found in iter(searcher.get_next, None)]
        if not starts:
            raise SystemExit(f"make_screenshots: {text} is not on the page before its 续表")
    else:
        starts = list(range(textpage.count_chars()))
    boxes = (textpage.get_charbox(i) for i in starts)
    return [(height - top, height - bottom) for _, bottom, _, top in boxes if top > bottom]


def on_backdrop(pages: list[tuple[str, Any]], *, across: bool) -> Any:
    """PIL pictures of pages (or parts of pages) on a grey backdrop, side by side (``across``)
    or one above the other, each with its label (if any) above it.
    """
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(label_font(), LABEL_SIZE)
    band = LABEL_SIZE + MARGIN // 2 if any(label for label, _ in pages) else 0
    cells = [(label, picture, picture.width, band + picture.height) for label, picture in pages]
    if across:
        size = (sum(c[2] + MARGIN for c in cells) + MARGIN, max(c[3] for c in cells) + 2 * MARGIN)
    else:
        size = (max(c[2] for c in cells) + 2 * MARGIN, sum(c[3] + MARGIN for c in cells) + MARGIN)
    out = Image.new("RGB", size, BACKDROP)
    draw = ImageDraw.Draw(out)
    x = y = MARGIN
    for label, picture, width, height in cells:
        if label:
            draw.text((x + width // 2, y), label, fill=(0, 0, 0), font=font, anchor="ma")
        out.paste(picture, (x, y + band))
        draw.rectangle((x - 1, y + band - 1, x + width, y + height), outline=(150, 150, 150))
        x, y = (x + width + MARGIN, y) if across else (x, y + height + MARGIN)
    return out


def label_font() -> Any:
    """The bundled sans face (a file-like object), for the labels on the PDF pictures."""
    import io
    from importlib import resources

    fonts = resources.files("qualitydesk.resources").joinpath("fonts")
    return io.BytesIO(fonts.joinpath("QualityDeskSans-Regular.ttf").read_bytes())


def shoot_preview(app: Any, window: Any, package: Path, shots: Shots) -> None:
    """打印预览 of the package at the size it opens on a laptop, at the first page of DEMO_ITEM."""
    from pypdf import PdfReader

    from qualitydesk.ui.exporting import PreviewDialog

    with laptop_screen():
        window.exporter._show_preview(package)  # what 打印预览 does with the package made
    settle(app)
    dialog = visible_dialog(window, PreviewDialog)
    dialog.pages.go_to_page(outline_page(PdfReader(package), DEMO_ITEM))
    wait_for(app, lambda: dialog.pages.rendered > 0, "page drawn in 打印预览")
    settle(app)
    shots.save(dialog.grab(), "print-preview.png")
    dialog.reject()


def outline_page(reader: Any, prefix: str) -> int:
    """The page index of the first bookmark whose title starts with ``prefix``."""
    pending = list(reader.outline)
    while pending:
        entry = pending.pop(0)
        if isinstance(entry, list):
            pending[:0] = entry
        elif str(entry.title).startswith(prefix):
            return int(reader.get_destination_page_number(entry))
    raise SystemExit(f"make_screenshots: the exported PDF has no bookmark for {prefix}")


# --- main -----------------------------------------------------------------------------------


def isolate_home(folder: Path) -> Path:
    """Point QUALITYDESK_HOME (and Qt's own config and data folders) into ``folder``."""
    home = folder / "home"
    home.mkdir()
    os.environ["QUALITYDESK_HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    return home


def make_all(folder: Path, shots: Shots) -> None:
    """Build the files in ``folder``, start the program and take every picture."""
    home = isolate_home(folder)
    from qualitydesk.domain.forms import load_forms
    from qualitydesk.ui.app import create_application
    from qualitydesk.ui.settings import Settings
    from qualitydesk.ui.shell.window import MainWindow

    app = create_application([sys.argv[0]], language="zh_CN")
    forms = load_forms()
    demo = build_demo_file(folder, forms)
    unfinished = build_unfinished_file(demo)
    word = build_word_copy(demo, forms)
    window = MainWindow(forms, Settings(home), QuietMessages())  # type: ignore[arg-type]
    window.resize(*WINDOW_SIZE)
    shoot_start(app, window, shots)
    shoot_steps(app, window, demo, shots)
    shoot_programmes(app, window, shots)
    shoot_problems(app, window, unfinished, shots)
    shoot_word_import(app, window, demo, word, shots)
    shoot_team(app, window, demo, shots)
    package = shoot_pdf(forms, demo, folder, shots)
    shoot_layouts(forms, demo, package, shots)
    shoot_continued(package, shots)
    shoot_preview(app, window, package, shots)
    window.close()
    settle(app)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the user guide's screenshots.")
    parser.add_argument(
        "--out", type=Path, default=IMAGES, help="folder for the PNGs (default: docs/images)"
    )
    out = parser.parse_args(argv).out
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The bundled fonts only, not the machine's (fallback.py): a character they lack is listed
    # and printed as 〓 on every machine, so the pictures do not depend on the fonts installed.
    os.environ["QUALITYDESK_FONT_DIRS"] = ""
    out.mkdir(parents=True, exist_ok=True)
    shots = Shots(out)
    with tempfile.TemporaryDirectory(prefix="qualitydesk-docs-") as temp:
        make_all(Path(temp), shots)
    for path in shots.written:
        print(f"{path.name}  {path.stat().st_size / 1024:.0f} KB")
    total = sum(p.stat().st_size for p in shots.written)
    print(f"{len(shots.written)} pictures in {out}, {total / 1048576:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
