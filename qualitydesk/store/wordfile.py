"""Opening a Word file for import: what it really is, LibreOffice for the old formats, refusals.

A file is judged by its content, not its name: a .docx (or .docm, .dotx) is read with python-docx;
an old Word or WPS binary (.doc, .wps), RTF, a Word web page or XML file, or an OpenDocument
text is converted to .docx by LibreOffice (``soffice --headless --convert-to docx``) in a temporary
folder, with a timeout, when LibreOffice is installed. Everything else is refused with one line
that says what the file is and what to do: encrypted (an 打开密码), damaged, too large
(:data:`MAX_BYTES`), or not a Word document at all (a text file, a workbook renamed .docx …).

No Qt here.
"""

from __future__ import annotations

import io
import mmap
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from qualitydesk.domain.numbers import file_size
from qualitydesk.store.document import DocumentError

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

MAX_BYTES = 100 * 1024 * 1024  # the limit said in the issue: larger files are refused
MAX_UNPACKED = 1024 * 1024 * 1024  # a .docx that unpacks to more than this is refused
CONVERT_TIMEOUT = 120  # seconds LibreOffice may take to convert one file
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
WORD_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
SAVE_AS = "请先用 Word 或 WPS 另存为 .docx"
CONVERTIBLE = {
    "word-binary": ("旧版 Word（.doc）或 WPS 格式", ".doc"),
    "rtf": ("RTF 格式", ".rtf"),
    "web": ("网页或 XML 格式的 Word 文档", ".htm"),
    "odt": ("开放文档格式（.odt）", ".odt"),
}


class WordImportError(DocumentError):
    """A Word file cannot be imported; the message says why and what to do, in Chinese."""


def open_word(
    path: Path,
    *,
    max_bytes: int = MAX_BYTES,
    report: Callable[[str], None] | None = None,
    soffice: str | None = None,
    timeout: float = CONVERT_TIMEOUT,
) -> tuple[WordDocument, list[str]]:
    """The python-docx document of ``path`` and notes on how it was read (a conversion)."""
    size = _size(path)
    if size >= max_bytes:
        raise WordImportError(
            f"{path}：文件大小为 {file_size(size)}，超过 {file_size(max_bytes)} 的导入上限；"
            "请在 Word 中压缩图片（文件 → 压缩图片）或分成几个文件后再导入"
        )
    kind = sniff(path)
    if kind == "docx":
        return load_docx(path, path), []
    if kind in CONVERTIBLE:
        label, suffix = CONVERTIBLE[kind]
        program = soffice or find_soffice()
        if program is None:
            raise WordImportError(
                f"{path}：是{label}，需要安装 LibreOffice 才能直接读取；{SAVE_AS} 再导入"
            )
        if report:
            report(f"正在用 LibreOffice 转换 {path.name}……")
        data = convert(
            path, program, suffix if kind != "word-binary" else _binary_suffix(path), timeout
        )
        word = load_docx(io.BytesIO(data), path)
        return word, [f"{path.name} 是{label}，已由 LibreOffice 转换为 .docx 后读取；请核对格式"]
    raise WordImportError(_refusal(path, kind))


def _size(path: Path) -> int:
    if not path.exists():
        raise WordImportError(f"{path}：文件不存在")
    if not path.is_file():
        raise WordImportError(f"{path}：不是文件")
    try:
        return path.stat().st_size
    except OSError as exc:
        raise WordImportError(f"{path}：无法读取（{exc.strerror}）") from None


def _binary_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    return suffix if suffix in (".doc", ".dot", ".wps", ".wpt") else ".doc"


# --- what a file is ---------------------------------------------------------------------------


def sniff(path: Path) -> str:
    """docx, word-binary, encrypted, rtf, web, odt, excel, powerpoint, zip, ole, text, empty,
    damaged or unknown — from the file's content.
    """
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise WordImportError(f"{path}：无法读取（{exc.strerror}）") from None
    if not head:
        return "empty"
    if head.startswith(ZIP):
        return _zip_kind(path)
    if head.startswith(OLE):
        return _ole_kind(path)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    lowered = stripped[:2048].lower()
    if lowered.startswith(b"mime-version") or (
        lowered.startswith(b"<") and (b"<html" in lowered or b"word.document" in lowered)
    ):
        return "web"
    return "text" if _looks_like_text(head) else "unknown"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if sum(i.file_size for i in infos) > MAX_UNPACKED:
                return "bomb"
            if "word/document.xml" in names or _main_is_word(archive, names):
                return "docx"
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
                    return "odt"
            if any(n.startswith("xl/") for n in names):
                return "excel"
            if any(n.startswith("ppt/") for n in names):
                return "powerpoint"
            return "zip"
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, NotImplementedError):
        return "damaged"


def _main_is_word(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if "[Content_Types].xml" not in names:
        return False
    types = archive.read("[Content_Types].xml")[:200_000]
    return any(t.encode() in types for t in WORD_TYPES)


def _ole_kind(path: Path) -> str:
    """An OLE compound file: an encrypted Office 2007+ file, a Word binary, or something else."""
    try:
        with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if data.find("EncryptedPackage".encode("utf-16-le")) >= 0:
                return "encrypted"
            if data.find("WordDocument".encode("utf-16-le")) >= 0:
                return "word-binary"
            if data.find("Workbook".encode("utf-16-le")) >= 0:
                return "excel"
            if data.find("PowerPoint Document".encode("utf-16-le")) >= 0:
                return "powerpoint"
    except (OSError, ValueError):
        return "damaged"
    return "ole"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _refusal(path: Path, kind: str) -> str:
    reasons = {
        "encrypted": "文件设有打开密码（已加密），无法读取；请在 Word 中取消密码"
        "（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存一份再导入",
        "damaged": "文件已损坏，不是完整的 Word 文档；请在 Word 或 WPS 中打开，"
        "如能打开请另存为 .docx 后再导入",
        "bomb": "文件解压后超过 1 GB，不像正常的 Word 文档，已拒绝读取",
        "excel": "是 Excel 工作簿，不是 Word 文档；请选择 Word 格式的申报材料",
        "powerpoint": "是 PowerPoint 演示文稿，不是 Word 文档；请选择 Word 格式的申报材料",
        "zip": "是一个压缩包，不是 Word 文档；请解压后选择其中的 .docx 文件",
        "ole": "不是 Word 文档（是其他 Office 格式的文件）；" + SAVE_AS + " 再导入",
        "text": "是纯文本文件，不是 Word 文档；请把文字粘贴到自评内容中，或" + SAVE_AS[1:],
        "empty": "文件是空的（0 字节）",
        "unknown": "不是 Word 文档（无法识别的文件格式）；" + SAVE_AS + " 再导入",
    }
    return f"{path}：{reasons.get(kind, reasons['unknown'])}"


def load_docx(source: Path | io.BytesIO, path: Path) -> WordDocument:
    """A .docx (or .docm, .dotx) read with python-docx; WordImportError when it is damaged."""
    from docx.opc.exceptions import PackageNotFoundError
    from docx.package import Package
    from lxml import etree

    try:
        package = Package.open(str(source) if isinstance(source, Path) else source)
        part = package.main_document_part
        if part.content_type not in WORD_TYPES:
            raise WordImportError(_refusal(path, "unknown"))
        return part.document
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        EOFError,
        etree.XMLSyntaxError,
        PackageNotFoundError,
    ):
        raise WordImportError(_refusal(path, "damaged")) from None


# --- LibreOffice --------------------------------------------------------------------------------


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` on PATH or where its installer puts it; None when absent."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates: list[Path] = []
    if sys.platform == "win32":
        for variable in ("ProgramFiles", "ProgramFiles(x86)"):
            base = os.environ.get(variable)
            if base:
                candidates.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return next((str(c) for c in candidates if c.is_file()), None)


def convert(path: Path, soffice: str, suffix: str, timeout: float) -> bytes:
    """``path`` converted to .docx by LibreOffice in a temporary folder: the .docx's bytes."""
    with tempfile.TemporaryDirectory(prefix="qualitydesk-word-") as folder:
        work = Path(folder)
        source = work / f"input{suffix}"
        out = work / "out"
        try:
            shutil.copyfile(path, source)
        except OSError as exc:
            raise WordImportError(f"{path}：无法读取（{exc.strerror}）") from None
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",  # never the user's own
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, path, timeout)
        result = out / "input.docx"
        if not result.is_file():
            raise WordImportError(
                f"{path}：LibreOffice 未能转换该文件（可能设有打开密码或已损坏）；{SAVE_AS} 再导入"
            )
        return result.read_bytes()


def _run(command: list[str], path: Path, timeout: float) -> None:
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=posix,  # its helper processes end with it on a timeout
        )
    except OSError as exc:
        raise WordImportError(
            f"{path}：无法启动 LibreOffice（{exc.strerror}）；{SAVE_AS}"
        ) from None
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait()
        raise WordImportError(
            f"{path}：LibreOffice 转换超过 {round(timeout)} 秒仍未完成，已停止；{SAVE_AS} 再导入"
        ) from None
