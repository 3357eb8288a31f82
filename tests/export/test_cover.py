"""The cover holds whatever was typed, however long."""

import shutil

from pypdf import PdfReader

from qualitydesk.export.pdf import export_pdf
from qualitydesk.store.document import Document


def test_a_very_long_organisation_name_still_exports(demo_file, tmp_path, forms):
    path = tmp_path / "long.qdesk"
    shutil.copy(demo_file, path)
    name = "苏州澄远精密科技有限公司" * 60
    with Document.open(path) as doc:
        doc.set_field("org_name", name)
        doc.save()
        result = export_pdf(doc, forms, tmp_path / "long.pdf")
    cover = PdfReader(result.path).pages[0].extract_text()
    assert "苏州澄远精密科技有限公司苏州澄远" in cover
    assert "…" in cover
