"""Markdown → PDF with arbitrary Unicode: the export succeeds (or says why) and the PDF opens.

tests/export/test_robustness.py exports one hand-made hostile document; here hypothesis writes
the narrative, the profile and the form fields from markup characters, emoji, Extension B,
control characters, long unbroken strings, Markdown fragments and tables.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from qualitydesk.export.pdf import ExportError, export_pdf
from tests.hardening.conftest import new_document
from tests.hardening.fuzz import fuzz_settings

MARKDOWN = [
    "# 标题\n",
    "## 二级\n",
    "**粗体**",
    "*斜体*",
    "`代码`",
    "```\n代码块 <b>\n```\n",
    "- 列表\n  - 嵌套\n",
    "1. 第一\n2. 第二\n",
    "> 引用\n",
    "---\n",
    "![图](http://example.invalid/x.png)",
    "[链接](http://example.invalid)",
    "<b>不是粗体</b>",
    "<para/>",
    "&amp; &lt; &#x4e2d; &",
    "]]>",
    "%s %(x)s {0}",
    "\\*",
    "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n",
    "| 只有表头 |\n|---|\n",
    "|a|b|c|\n|:-|:-:|-:|\n|很长很长很长很长很长很长很长很长很长很长|x|y|\n",
    "| 不齐 | 的 |\n|---|\n| 1 | 2 | 3 |\n",
    "\n\n",
    "  \n",
]
SPECIAL = st.sampled_from(
    [
        "😀",
        "👍🏻",
        "👨‍👩‍👧",
        "🇨🇳",
        "𠀀",
        "𬭚",
        "𪚥",
        "\u200b",
        "\u2060",
        "\ufeff",
        "\u202e",
        "\x00",
        "\x07",
        "\x1b",
        "\r",
        "\t",
        "\u3000",
        "，。、；：？！“”（）《》",
        "\u0301",
        "ﷺ",
        "\U0010fffd",
    ]
)
UNBROKEN = st.integers(200, 3000).map(lambda n: "A" * n) | st.integers(100, 1500).map(
    lambda n: "测" * n
)
PIECE = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(MARKDOWN),
    SPECIAL,
    UNBROKEN,
)
TEXT = st.lists(PIECE, max_size=12).map("".join)


TEXTS = st.fixed_dictionaries({"narrative": TEXT, "profile": TEXT, "org": TEXT, "products": TEXT})


@pytest.mark.slow
def test_any_text_exports_or_says_why(forms):
    """The hypothesis function is nested so a falsifying example prints the texts, not the forms."""

    @fuzz_settings(20)
    @given(texts=TEXTS, kind=st.sampled_from(["package", "internal"]))
    def export(texts, kind):
        _export(forms, texts, kind)

    export()


def _export(forms, texts: dict[str, str], kind: str) -> None:
    with tempfile.TemporaryDirectory(prefix="qdesk-pdf-") as folder:
        out = Path(folder) / "out.pdf"
        doc = new_document(Path(folder) / "text.qdesk")
        failure: ExportError | None = None
        try:
            doc.set_field("org_name", texts["org"])
            doc.set_field("main_products", texts["products"])
            doc.set_narrative("4.1.2", texts["narrative"])
            doc.set_narrative("4.7.2", texts["narrative"][::-1])
            doc.set_profile("B.1.1", texts["profile"])
            doc.save()
            result = export_pdf(doc, forms, out, kind=kind)
        except ExportError as exc:
            failure = exc
        finally:
            doc.close()
        if failure is not None:
            assert str(failure), "an error without a message"
            assert not out.exists()
            return
        reader = PdfReader(out)
        assert len(reader.pages) == result.pages > 0
        assert reader.pages[-1].extract_text() is not None
