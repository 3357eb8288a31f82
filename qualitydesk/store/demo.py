"""The demo application: a complete, believable application of a fictional Suzhou manufacturer.

Its words and figures are data in ``resources/demo/`` (申请表, declarations, 组织概述, the 23
narratives, indicators, self-scores); the attachments — scans of certificates and an audited
financial summary as PDF — are drawn here, so the demo needs nothing from outside the program.
"""

from __future__ import annotations

import io
import tomllib
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from qualitydesk import fontfiles
from qualitydesk.domain.forms import AttachmentSpec, Award, Forms, Framework
from qualitydesk.domain.numbers import money
from qualitydesk.store.document import Document
from qualitydesk.store.records import Declaration, Indicator, Link, Score
from qualitydesk.store.safewrite import new_document

DEMO_AWARD = "suzhou-mayor"
DEMO = "demo"  # the default demo's folder; others are demo-<name> (a programme family each)


def demo_root(name: str = DEMO) -> Traversable:
    """The folder of demo ``name`` (``demo`` or ``demo-<name>``) in the package's resources."""
    return resources.files("qualitydesk.resources").joinpath(name)


def demo_names() -> list[str]:
    """The demos shipped: ``demo`` and every ``demo-<name>`` folder with an application.toml."""
    root = resources.files("qualitydesk.resources")
    found = [e.name for e in root.iterdir() if e.name == DEMO or e.name.startswith(DEMO + "-")]
    return sorted(n for n in found if root.joinpath(n, "application.toml").is_file())


def _toml(root: Traversable, name: str) -> dict[str, Any]:
    return tomllib.loads(root.joinpath(name).read_text(encoding="utf-8"))


def build_demo(
    path: str | Path,
    forms: Forms,
    award_id: str | None = None,
    *,
    demo: str = DEMO,
    force: bool = False,
) -> Document:
    """Create the demo ``demo`` (a folder under resources/) at ``path`` and return it open.

    The demo names its programme and applicant (``award``, ``applicant`` in application.toml);
    ``award_id`` builds it for another programme of the same family instead. It is built under a
    temporary name and moved into place when complete; an existing file is replaced only with
    ``force`` (:func:`qualitydesk.store.safewrite.new_document`).
    """
    root = demo_root(demo)
    data = _toml(root, "application.toml")
    applicant = str(data.get("applicant", "organisation"))
    award = forms.award_for(award_id or str(data.get("award", DEMO_AWARD)), applicant)
    fw = forms.framework_for(award)
    with new_document(path, force=force) as temp:
        doc = Document.create(
            temp,
            award=award.id,
            award_version=award.version,
            framework=fw.id,
            year=int(data["year"]),
            application_date=date.fromisoformat(data["date"]),
        )
        try:
            if award.individual:
                doc.put_setting("applicant", applicant)
            _fill(doc, root, data, award, fw)
        finally:
            doc.discard()  # all is saved by now, unless the build failed
    return Document.open(path)


def _fill(
    doc: Document, root: Traversable, data: dict[str, Any], award: Award, fw: Framework
) -> None:
    for field_id, value in data["fields"].items():
        doc.set_field(field_id, value)
    for table_id, rows in data.get("tables", {}).items():
        doc.set_rows(table_id, [{k: str(v) for k, v in row.items()} for row in rows])
    _declare(doc, award, data.get("declarations", []))
    for section in fw.profile.sections:
        doc.set_profile(section.id, _text(root, f"profile/{section.id}.md"))
    if root.joinpath("narratives").is_dir():  # a demo may leave an optional 自评 out
        for item in fw.items:
            doc.set_narrative(item.id, _text(root, f"narratives/{item.id}.md"))
    has_scores = root.joinpath("scores.toml").is_file()
    scores = _toml(root, "scores.toml")["scores"] if has_scores else []
    for entry in scores:
        doc.set_score(
            entry["item"],
            Score(
                entry["pct"],
                entry.get("notes", {}),
                entry.get("strengths", ""),
                entry.get("opportunities", ""),
                "质量管理部",
            ),
        )
    doc.save()
    if root.joinpath("indicators.toml").is_file():
        for entry in _toml(root, "indicators.toml")["indicators"]:
            doc.put_indicator(_indicator(entry))
    fields = data["fields"]
    org = str(fields.get("org_name") or fields.get("person_name") or "")
    financials = doc.rows("financials")
    for spec in award.attachments:
        data_bytes, name, media = _attachment_file(spec, org, financials)
        links = [Link("checklist", spec.id)] + [Link("rule", r) for r in spec.rules]
        doc.add_attachment(
            data_bytes, name, caption=spec.name, links=tuple(links), media_type=media
        )


def _text(root: Traversable, name: str) -> str:
    return root.joinpath(*name.split("/")).read_text(encoding="utf-8").strip() + "\n"


def _declare(doc: Document, award: Award, entries: list[dict[str, str]]) -> None:
    written = {e["rule"]: e for e in entries}
    for rule in award.rules:
        if rule.kind != "declaration":
            continue
        entry = written.get(rule.id, {})
        who = "本人" if award.individual else "本组织"
        statement = entry.get("statement") or f"{who}确认符合：{rule.text.strip()}"
        doc.set_declaration(rule.id, Declaration(True, statement, entry.get("evidence", "")))


def _indicator(entry: dict[str, Any]) -> Indicator:
    return Indicator(
        id=entry["id"],
        name=entry["name"],
        unit=entry["unit"],
        better=entry["better"],
        item=entry["item"],
        values=dict(zip(entry["years"], map(float, entry["values"]), strict=True)),
        target=entry.get("target"),
        competitor=entry.get("competitor"),
        competitor_source=entry.get("competitor_source", ""),
        benchmark=entry.get("benchmark"),
        benchmark_source=entry.get("benchmark_source", ""),
    )


# --- attachments drawn by code ----------------------------------------------------------------


def _attachment_file(
    spec: AttachmentSpec, org: str, financials: list[dict[str, Any]]
) -> tuple[bytes, str, str]:
    if "财务" in spec.name or "审计" in spec.name:
        return _financial_pdf(spec.name, org, financials), f"{spec.id}.pdf", "application/pdf"
    return _certificate_png(spec.name, org), f"{spec.id}.png", "image/png"


def _certificate_png(title: str, org: str) -> bytes:
    """A certificate-like scan: border, title, organisation, seal."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = 900, 640
    image = Image.new("RGB", (width, height), (252, 250, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle((18, 18, width - 18, height - 18), outline=(150, 112, 40), width=6)
    draw.rectangle((34, 34, width - 34, height - 34), outline=(190, 160, 90), width=2)
    font_file = fontfiles.font_file(fontfiles.SANS_BOLD).read_bytes()
    body_file = fontfiles.font_file(fontfiles.SERIF).read_bytes()
    heading = ImageFont.truetype(io.BytesIO(font_file), 44)
    body = ImageFont.truetype(io.BytesIO(body_file), 28)
    small = ImageFont.truetype(io.BytesIO(body_file), 22)
    draw.text((width / 2, 130), title[:16], font=heading, fill=(120, 20, 20), anchor="mm")
    draw.text((width / 2, 250), org, font=body, fill=(30, 30, 30), anchor="mm")
    draw.text(
        (width / 2, 320),
        "（示例文件，由质量奖申报助手生成）",
        font=small,
        fill=(90, 90, 90),
        anchor="mm",
    )
    draw.ellipse(
        (width - 260, height - 250, width - 90, height - 80), outline=(200, 30, 30), width=5
    )
    draw.text((width - 175, height - 165), "示例", font=body, fill=(200, 30, 30), anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _financial_pdf(title: str, org: str, financials: list[dict[str, Any]]) -> bytes:
    """A two-page audited financial summary, with the bundled font embedded."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "QualityDeskSerifDemo"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(
            TTFont(font, io.BytesIO(fontfiles.font_file(fontfiles.SERIF).read_bytes()))
        )
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    pdf.setTitle(title)
    width, height = A4
    rows = [("年度", "营业收入（万元）", "利润总额（万元）")] + [
        (
            str(r.get("year", "")),
            money(r.get("revenue") or 0),
            money(r.get("profit_total") or 0),
        )
        for r in financials[-3:]
    ]
    for page in (1, 2):
        pdf.setFont(font, 20)
        pdf.drawCentredString(width / 2, height - 90, title)
        pdf.setFont(font, 12)
        pdf.drawCentredString(width / 2, height - 120, f"{org}（示例文件）")
        y = height - 180
        if page == 1:
            for row in rows:
                for x, cell in zip((90, 230, 400), row, strict=True):
                    pdf.drawString(x, y, cell)
                y -= 26
        else:
            pdf.drawString(
                90, y, "审计意见：财务报表在所有重大方面公允反映了公司的财务状况和经营成果。"
            )
        pdf.drawCentredString(width / 2, 40, f"第 {page} 页 共 2 页")
        pdf.showPage()
    pdf.save()
    return out.getvalue()
