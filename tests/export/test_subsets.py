"""The subset codes of drawn text: the same as reportlab's own ``splitString`` gives."""

from __future__ import annotations

import random

from reportlab.pdfbase import pdfdoc, pdfmetrics

from qualitydesk.export.fonts import SANS, SERIF, fonts
from qualitydesk.export.subsets import Codes


def test_codes_split_text_as_reportlab_does(monkeypatch):
    font_set = fonts()
    font = pdfmetrics.getFont(SERIF)
    alphabet = sorted(chr(c) for c in font_set.cmaps[SERIF] if c > 32)
    rng = random.Random(15)
    ours_doc, their_doc = pdfdoc.PDFDocument(), pdfdoc.PDFDocument()
    codes = Codes.of(font, ours_doc)
    texts = ["质量奖申报 2024年 ISO 9001:2015，12%\u00a0提升", "", " "]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 80))) for _ in range(400)]
    subsets, split = set(), {}
    for text in texts:
        split[text] = codes.split(text, ours_doc)
        assert split[text] == font.splitString(text, their_doc), text
        subsets.update(subset for subset, _ in split[text])

    def numbering(*args):
        raise AssertionError("every character is numbered already")

    monkeypatch.setattr(font, "splitString", numbering)  # text seen before: no reportlab loop
    for text in texts:
        assert codes.split(text, ours_doc) == split[text]
    assert len(subsets) > 10  # the texts spread over many subsets of 256
    assert Codes.of(font, ours_doc) is codes
    assert Codes.of(pdfmetrics.getFont(SANS), ours_doc) is not codes
