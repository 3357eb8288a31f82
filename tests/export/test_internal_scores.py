"""The internal report's scores are exact and say whose score the lines judge: 599.75 is printed
as 599.75 and misses 不低于 600; the examiners' stage scores and composite are printed with their
clause when entered.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pypdf import PdfReader

from qualitydesk.export.pdf import export_pdf
from qualitydesk.store.document import Document
from qualitydesk.store.records import Score
from tests.helpers.pdfcheck import body_text, page_texts, squeeze

BELOW = {"4.4.3": 65, "4.4.6": 50}  # all other items at 60%: 600 + 0.75 − 1 = 599.75


def test_internal_report_prints_exact_scores_and_the_composite(tmp_path, forms):
    path = tmp_path / "mayor.qdesk"
    with Document.create(
        path,
        award="suzhou-mayor",
        framework="gbt19580-2012",
        year=2026,
        application_date=date(2026, 5, 15),
    ) as doc:
        for item in forms.framework("gbt19580-2012").items:
            doc.set_score(item.id, Score(BELOW.get(item.id, 60)))
        for part, value in (("materials", "620"), ("defence", "700"), ("onsite", "610.25")):
            doc.set_stage_score(part, Decimal(value))
        doc.save()
        out = tmp_path / "internal.pdf"
        export_pdf(doc, forms, out, kind="internal")
    reader = PdfReader(out)
    text = body_text(reader, page_texts(reader))
    assert "自评总分599.75分" in text
    assert "9.75" in text  # 4.4.3 at 65%
    assert squeeze("分数线适用于评审组给出的总评分；自评总分只是估计") in text
    assert "综合得分625.175分（第二十三条：材料评审15%+陈述答辩15%+现场评审70%）" in text
    assert "自评结果（估计）" in text
    assert "综合得分结果" in text
    assert "600分" in text
    assert "59.9%" in text  # 599.75 of 1000: the share is cut, never shown as 60.0%
