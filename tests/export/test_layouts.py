"""版式: the page layout comes from forms/ (layouts.toml, an award's [layout]) and reaches the PDF.

Measured on the exported file with pdfium's character origins: the left edge of the body text is
the binding margin, the distance between baselines inside a paragraph is the layout's leading.
"""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from qualitydesk.domain.forms import FormsError, load_forms
from qualitydesk.export.pdf import ExportError, export_pdf
from qualitydesk.store.document import Document
from tests.helpers.pdfcheck import Glyph, glyphs, page_texts, squeeze

REPO_FORMS = Path(__file__).parents[2] / "forms"
MARK = "鑫"  # the test paragraphs are made of it: nothing else in the package uses it
PAGE_WIDTH = 210 * mm


def _document(path: Path, paragraphs: int = 2) -> Document:
    doc = Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    )
    doc.set_narrative("4.1.2", "\n\n".join(MARK * 400 for _ in range(paragraphs)))
    doc.save()
    return doc


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Document:
    """An application whose 4.1.2 holds two long paragraphs."""
    doc = _document(tmp_path_factory.mktemp("layouts") / "small.qdesk")
    yield doc
    doc.close()


def _marked(pdf: Path) -> list[list[Glyph]]:
    """The test paragraphs' characters, per page that has any."""
    return [found for page in glyphs(pdf) if (found := [g for g in page if g.char == MARK])]


def _leading(page: list[Glyph]) -> float:
    """The commonest distance between neighbouring baselines (inside the paragraphs)."""
    baselines = sorted({g.baseline for g in page}, reverse=True)
    steps = Counter(round(a - b, 1) for a, b in pairwise(baselines))
    return steps.most_common(1)[0][0]


def _measure(pdf: Path) -> tuple[float, float, float]:
    """Left edge (mm), right end of the longest line (mm from the right edge) and leading (pt)
    of the first page holding the test paragraphs.
    """
    page = _marked(pdf)[0]
    left = min(g.x for g in page) / mm
    right = (PAGE_WIDTH - max(g.x + g.size for g in page)) / mm
    return round(left, 1), round(right, 1), _leading(page)


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (None, (28.0, 28.0)),  # the default: 标准, binding 28 mm, 28 pt fixed leading
        ("标准", (28.0, 28.0)),
        ("standard", (28.0, 28.0)),
        ("紧凑", (25.0, 21.0)),  # binding 25 mm, 21 pt: the first releases' density
        ("Compact", (25.0, 21.0)),
    ],
)
def test_the_layout_sets_the_margin_and_the_leading(small, forms, tmp_path, layout, expected):
    out = tmp_path / "out.pdf"
    export_pdf(small, forms, out, layout=layout)
    left, right, leading = _measure(out)
    assert (left, leading) == expected
    chosen = forms.layout(layout)
    assert right >= chosen.outer_mm - 0.1  # justified lines end at most at the outer margin
    assert right <= chosen.outer_mm + 4.3  # … less than one character (小四 4.23 mm) short
    assert {g.size for g in _marked(out)[0]} == {chosen.body_size_pt}


def test_double_sided_mirrors_the_standard_margins(small, forms, tmp_path):
    out = tmp_path / "duplex.pdf"
    export_pdf(small, forms, out, double_sided=True)
    pages = [page for page in glyphs(out) if any(g.char == MARK for g in page)]
    lefts = {round(min(g.x for g in page if g.char == MARK) / mm, 1) for page in pages}
    assert lefts == {28.0, 25.0}  # binding 28 mm on odd pages, outer 25 mm on even ones


def test_a_programmes_own_layout_changes_the_pdf(tmp_path, monkeypatch):
    root = tmp_path / "forms"
    shutil.copytree(REPO_FORMS, root)
    award = root / "awards" / "suzhou-mayor.toml"
    award.write_text(
        award.read_text(encoding="utf-8")
        + '\n[layout]\nbinding_mm = 32\nleading_pt = 26\nsource = "测试：本奖项的模板"\n',
        encoding="utf-8",
    )
    forms = load_forms(root)
    doc = _document(tmp_path / "own.qdesk")
    try:
        export_pdf(doc, forms, tmp_path / "own.pdf")
        export_pdf(doc, forms, tmp_path / "compact.pdf", layout="紧凑")
    finally:
        doc.close()
    left, right, leading = _measure(tmp_path / "own.pdf")
    assert (left, leading) == (32.0, 26.0)
    assert right >= 25.0 - 0.1  # the rest as 标准
    # 紧凑 stays the program's compact layout: the programme's values change its default only
    assert _measure(tmp_path / "compact.pdf")[0::2] == (25.0, 21.0)
    assert forms.layout_for(forms.award("suzhou-mayor")).source == "测试：本奖项的模板"


def test_compact_sets_more_on_a_page(forms, tmp_path):
    doc = _document(tmp_path / "long.qdesk", paragraphs=30)  # 12,000 characters
    try:
        export_pdf(doc, forms, tmp_path / "standard.pdf", layout="标准")
        export_pdf(doc, forms, tmp_path / "compact.pdf", layout="紧凑")
    finally:
        doc.close()
    standard = _marked(tmp_path / "standard.pdf")
    compact = _marked(tmp_path / "compact.pdf")
    assert len(standard) - len(compact) >= 3  # 14 pages against 11
    # A full page: 37 characters × 24 lines against 40 × 33 (less the paragraphs' last lines)
    full_standard, full_compact = max(map(len, standard)), max(map(len, compact))
    assert full_standard <= 37 * 24
    assert full_compact >= 1.35 * full_standard


def test_an_unknown_layout_is_refused_by_name(small, forms, tmp_path):
    with pytest.raises(ExportError, match="没有名为“宽松”的版式（可用：标准（standard）、紧凑"):
        export_pdf(small, forms, tmp_path / "x.pdf", layout="宽松")
    assert not (tmp_path / "x.pdf").exists()


# --- a bad value in forms/ is refused with its file and key ------------------------------------


OWN = '\n[layout]\nbinding_mm = 30\nsource = "测试"\n'


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (
            "layouts.toml",
            "leading_pt = 28 ",
            "leading_pt = 8 ",
            "layouts.toml: layouts[0].leading_pt: 应在 10–40 pt 之间，实为 8 pt",
        ),
        (
            "layouts.toml",
            "leading_pt = 28 ",
            'leading_pt = "28 磅" ',
            "layouts.toml: layouts[0].leading_pt: 应为数字（pt），实为文字 '28 磅'",
        ),
        (
            "layouts.toml",
            "leading_pt = 28 ",
            "leading_pt = 12 ",
            "layouts.toml: layouts[0].leading_pt: 12 pt 小于 1.2 × body_size_pt",
        ),
        (
            "layouts.toml",
            "outer_mm = 25",
            "outer_mm = 40",
            "layouts.toml: layouts[0].outer_mm: 版心宽 142 mm",
        ),
        (
            "layouts.toml",
            "top_mm = 30",
            "top_mm = 30\ngutter_mm = 5",
            "layouts.toml: layouts[0].gutter_mm: 未知的键",
        ),
        (
            "layouts.toml",
            'source = "参考值 — 按当年申报通知核对"\nnote = "按常见',
            'note = "按常见',
            "layouts.toml: layouts[0].source: 缺少此项",
        ),
        (
            "layouts.toml",
            'default = "standard"',
            'default = "loose"',
            "layouts.toml: default: 没有编号为 'loose' 的版式",
        ),
        (
            "layouts.toml",
            'name = "紧凑"',
            'name = "标准"',
            "layouts.toml: layouts[1]: 名称 '标准' 与另一版式重复",
        ),
        (
            "awards/sip.toml",
            "check_notice = false\n",
            "check_notice = false\n" + OWN.replace("30", "70"),
            "awards/sip.toml: layout.binding_mm: 应在 15–50 mm 之间，实为 70 mm",
        ),
        (
            "awards/sip.toml",
            "check_notice = false\n",
            "check_notice = false\n" + OWN.replace('source = "测试"\n', ""),
            "awards/sip.toml: layout.source: 缺少此项",
        ),
        (
            "awards/sip.toml",
            "check_notice = false\n",
            "check_notice = false\n" + OWN.replace("binding_mm = 30", "outer_mm = 45"),
            "awards/sip.toml: layout.outer_mm: 版心宽 137 mm",
        ),
    ],
)
def test_a_bad_layout_is_refused_naming_file_and_key(broken, relative, old, new, expected):
    with pytest.raises(FormsError) as info:
        load_forms(broken(relative, old, new))
    assert expected in str(info.value)


def test_forms_check_refuses_a_bad_layout(broken, monkeypatch, capsys):
    from qualitydesk.cli import main

    root = broken("layouts.toml", "body_size_pt = 12 ", "body_size_pt = 24 ")
    monkeypatch.setenv("QUALITYDESK_FORMS", str(root))
    assert main(["forms", "check"]) == 1
    err = capsys.readouterr().err
    assert "layouts.toml: layouts[0].body_size_pt: 应在 9–16 pt 之间，实为 24 pt" in err


def test_forms_check_names_the_layouts(capsys):
    from qualitydesk.cli import main

    assert main(["forms", "check"]) == 0
    assert "版式 2 种（标准、紧凑，参考值）" in capsys.readouterr().out


# --- qualitydesk export --layout ----------------------------------------------------------------


def test_export_layout_on_the_command_line(tmp_path, capsys):
    from qualitydesk.cli import main

    path = tmp_path / "cli.qdesk"
    _document(path).close()
    for name in ("紧凑", "compact"):
        out = tmp_path / f"{name}.pdf"
        assert main(["export", str(path), "-o", str(out), "--layout", name]) == 0
        assert _measure(out)[0::2] == (25.0, 21.0)
    assert main(["export", str(path), "-o", str(tmp_path / "x.pdf"), "--layout", "loose"]) != 0
    assert (
        "没有名为“loose”的版式（可用：标准（standard）、紧凑（compact））"
        in capsys.readouterr().err
    )


@pytest.mark.parametrize("layout", ["标准", "紧凑"])
def test_the_cover_stays_on_one_page(forms, tmp_path, layout):
    doc = _document(tmp_path / "cover.qdesk", paragraphs=0)
    doc.set_field("org_name", "苏州澄远精密科技有限公司" * 20)  # cut to the most the cover holds
    doc.set_field("recommender", "苏州工业园区管理委员会")
    doc.save()
    try:
        export_pdf(doc, forms, tmp_path / "cover.pdf", layout=layout)
    finally:
        doc.close()
    first, second = (squeeze(t) for t in page_texts(PdfReader(tmp_path / "cover.pdf"))[:2])
    assert "原始件" in first
    assert "原始件" not in second
