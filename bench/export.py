"""Export speed: the demo package as PDF (time, pages, size), the internal report, and — when
LibreOffice is installed — the same text as a .docx converted to PDF by LibreOffice, as a ratio.

Targets on this machine: demo package < 2 s and < 5 MB.
Run: .venv/bin/python bench/export.py

The .docx holds the package's words and tables only (no charts, no attachments, no 目录), so the
comparison favours LibreOffice. Its fonts are the bundled ones, installed for the run in a
throw-away profile; nothing outside a temporary folder is touched.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
import zipfile
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt
from pypdf import PdfReader

from qualitydesk.domain.forms import Forms, load_forms
from qualitydesk.export.pdf import export_pdf
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document

TIME_TARGET_S = 2.0
SIZE_TARGET_MB = 5.0
RUNS = 5


def main() -> None:
    forms = load_forms()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build_demo(root / "demo.qdesk", forms).close()
        with Document.open(root / "demo.qdesk", read_only=True) as doc:
            times, result = [], None
            for n in range(RUNS):
                start = time.perf_counter()
                result = export_pdf(doc, forms, root / f"package{n}.pdf")
                times.append(time.perf_counter() - start)
            start = time.perf_counter()
            internal = export_pdf(doc, forms, root / "internal.pdf", kind="internal")
            internal_s = time.perf_counter() - start
            ours = statistics.median(times)
            size_mb = result.size / 1048576
            _line("demo package", f"{ours:6.2f} s", ours < TIME_TARGET_S, f"< {TIME_TARGET_S:g} s")
            print(f"  (median of {RUNS} runs, the first {times[0]:.2f} s)")
            print(f"pages                      {result.pages:6d}")
            _line(
                "size", f"{size_mb:6.2f} MB", size_mb < SIZE_TARGET_MB, f"< {SIZE_TARGET_MB:g} MB"
            )
            print(f"internal report            {internal_s:6.2f} s, {internal.pages} pages")
            _libreoffice(doc, forms, root, ours)


def _line(label: str, value: str, ok: bool, target: str) -> None:
    print(f"{label:<26} {value}   target {target}  {'ok' if ok else 'MISSED'}")


def _libreoffice(doc: Document, forms: Forms, root: Path, ours: float) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: no .docx comparison")
        return
    docx = root / "package.docx"
    write_docx(doc, forms, docx)
    profile = root / "lo-profile"
    fonts = profile / "home" / ".fonts"
    fonts.mkdir(parents=True)
    for face in resources.files("qualitydesk.resources").joinpath("fonts").iterdir():
        if face.name.endswith(".ttf"):
            (fonts / face.name).write_bytes(face.read_bytes())
    command = [
        soffice,
        f"-env:UserInstallation={(profile / 'user').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(root / "lo"),
        str(docx),
    ]
    env = {"HOME": str(profile / "home"), "PATH": "/usr/bin:/bin"}
    subprocess.run(command, env=env, capture_output=True, check=True)  # first start: profile
    start = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True)
    theirs = time.perf_counter() - start
    pdf = root / "lo" / "package.pdf"
    pages = len(PdfReader(pdf).pages)
    print(
        f"LibreOffice .docx -> PDF   {theirs:6.2f} s, {pages} pages, "
        f"{pdf.stat().st_size / 1048576:.2f} MB (text and tables only)"
    )
    print(f"ratio LibreOffice / ours   {theirs / ours:6.1f}")


# --- a plain .docx of the package's text ------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str, size: int = 24, bold: bool = False) -> str:
    font = "QualityDesk Sans" if bold else "QualityDesk Serif"
    props = (
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
        + ("<w:b/>" if bold else "")
        + f'<w:sz w:val="{size}"/>'
    )
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, size: int = 24, bold: bool = False, page_break: bool = False) -> str:
    brk = '<w:r><w:br w:type="page"/></w:r>' if page_break else ""
    return f"<w:p>{brk}{_run(text, size, bold)}</w:p>"


def _blocks(markdown: str) -> list[str]:
    out: list[str] = []
    rows: list[list[str]] = []
    in_table = False
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            in_table, rows = True, []
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and in_table:
            rows[-1].append(token.content)
        elif token.type == "inline":
            out.append(_para(token.content))
        elif token.type == "table_close":
            in_table = False
            cells = "".join(
                "<w:tr>" + "".join(f"<w:tc>{_para(c, 21)}</w:tc>" for c in row) + "</w:tr>"
                for row in rows
            )
            out.append(f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>{cells}</w:tbl>')
    return out


def write_docx(doc: Document, forms: Forms, path: Path) -> None:
    fw = forms.framework(doc.framework_id)
    body = [_para(f"{doc.field('org_name')} 申报材料", 44, bold=True)]
    body.append(_para("组织概述", 32, bold=True, page_break=True))
    for section in fw.profile.sections:
        body.append(_para(f"{section.id} {section.name}", 28, bold=True))
        body += _blocks(doc.profile(section.id))
    body.append(_para("自评报告", 32, bold=True, page_break=True))
    for item in fw.items:
        body.append(_para(f"{item.id} {item.name}", 28, bold=True))
        body += _blocks(doc.narrative(item.id))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{"".join(body)}'
    xml += '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)


if __name__ == "__main__":
    main()
