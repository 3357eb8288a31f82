"""The evidence of a document: attached files and what each proves (its links).

Attachments are written at once (they are large) and read from the file when asked for, never
held in memory with the rest of the document; identical content is stored once. Content is
checked against its sha256 whenever it is read.
"""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace

from qualitydesk.domain.numbers import file_size
from qualitydesk.store import rows, safewrite
from qualitydesk.store.base import DocumentBase
from qualitydesk.store.errors import DocumentError, reading
from qualitydesk.store.records import LINK_KINDS, Attachment, Link

if TYPE_CHECKING:
    import hashlib

DEFAULT_MAX_ATTACHMENT = 100 * 1024 * 1024


class EvidenceMixin(DocumentBase):
    """Attachments and their links."""

    def attachments(self) -> list[Attachment]:
        """Every attachment (without its content), in the order added."""
        with reading(self.path, "附件列表"):
            return rows.read_attachments(self.conn)

    def add_attachment(
        self,
        data: bytes,
        file_name: str,
        *,
        caption: str = "",
        links: tuple[Link, ...] = (),
        media_type: str = "",
    ) -> Attachment:
        """Store a file in the document; identical content is stored once."""
        self._check_writable()
        name = Path(file_name.replace("\\", "/")).name or "附件"
        if len(data) > self.max_attachment:
            raise DocumentError(
                f"附件“{name}”大小为 {file_size(len(data))}，超过上限 "
                f"{file_size(self.max_attachment)}；请压缩或拆分后再添加"
            )
        _check_links(links)
        if not media_type:
            import mimetypes  # only when adding a file: not needed to open one

            media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        from qualitydesk.store.media import refusal  # Pillow loads only when files are added

        refused = refusal(data, name, media_type)  # an image bomb: its declared pixels
        if refused:
            raise DocumentError(refused)
        digest = _sha256(data).hexdigest()
        attachment = Attachment(
            0, name, media_type, len(data), digest, caption, self._clock(), tuple(links)
        )
        with self._write_now() as db:
            attachment_id = rows.write_attachment(db, attachment, data, new=True)
        return replace(attachment, id=attachment_id)

    def update_attachment(
        self,
        attachment_id: int,
        *,
        caption: str | None = None,
        links: tuple[Link, ...] | None = None,
    ) -> None:
        """Change an attachment's caption or links (None: leave as is)."""
        self._check_writable()
        self._attachment_row(attachment_id)
        if links is not None:
            _check_links(links)
        with self._write_now() as db:
            if caption is not None:
                db.table("attachments").update(attachment_id, {"caption": caption})
            if links is not None:
                rows.write_links(db, attachment_id, links)

    def remove_attachment(self, attachment_id: int) -> None:
        """Remove an attachment (and its content, unless another attachment shares it)."""
        self._check_writable()
        row = self._attachment_row(attachment_id)
        with self._write_now() as db:
            rows.remove_attachment(db, attachment_id, row["sha256"])

    def attachment_data(self, attachment_id: int) -> bytes:
        """An attachment's content, checked against its sha256."""
        row = self._attachment_row(attachment_id)
        with reading(self.path, f"附件“{row['file_name']}”"):
            found = self.conn.execute(
                "select data from blobs where sha256 = ?", [row["sha256"]]
            ).fetchone()
        if found is None or not isinstance(found[0], bytes):  # a damaged file
            raise DocumentError(f"附件“{row['file_name']}”的内容已丢失或损坏")
        data: bytes = found[0]
        if _sha256(data).hexdigest() != row["sha256"]:
            raise DocumentError(f"附件“{row['file_name']}”的内容已损坏（校验值不符）")
        return data

    def open_attachment(self, attachment_id: int) -> io.BufferedReader:
        """An attachment's content as a read-only binary file (``with`` it), read from the file
        in pieces — a 40 MB photo is never held in memory whole — and checked first.
        """
        row = self._attachment_row(attachment_id)
        lost = DocumentError(f"附件“{row['file_name']}”的内容已丢失或损坏")
        with reading(self.path, f"附件“{row['file_name']}”"):
            found = self.conn.execute(
                "select rowid from blobs where sha256 = ? and typeof(data) = 'blob'",
                [row["sha256"]],
            ).fetchone()
            if found is None:
                raise lost
            try:
                blob = self.conn.blobopen("blobs", "data", found[0], readonly=True)
            except sqlite3.Error:
                raise lost from None
            try:
                digest = _sha256()
                while chunk := blob.read(1 << 20):
                    digest.update(chunk)
            except BaseException:
                blob.close()
                raise
        if digest.hexdigest() != row["sha256"]:
            blob.close()
            raise DocumentError(f"附件“{row['file_name']}”的内容已损坏（校验值不符）")
        blob.seek(0)
        return io.BufferedReader(_BlobFile(blob), 1 << 16)

    def export_attachment(self, attachment_id: int, folder: str | os.PathLike[str]) -> Path:
        """Write an attachment into ``folder`` under its own (sanitised) name; never outside it."""
        row = self._attachment_row(attachment_id)
        folder = Path(folder).resolve()
        if not folder.is_dir():
            raise DocumentError(f"{folder}：不是文件夹")
        name = _safe_file_name(row["file_name"])
        stem, suffix = os.path.splitext(name)
        target = folder / name
        n = 1
        while target.exists():
            target = folder / f"{stem}（{n}）{suffix}"
            n += 1
        if target.resolve().parent != folder:
            raise DocumentError(f"附件文件名“{row['file_name']}”不安全，已拒绝保存")
        data = self.attachment_data(attachment_id)
        _write_new_file(target, data)
        return target

    def _attachment_row(self, attachment_id: int) -> dict[str, Any]:
        with reading(self.path, "附件"):
            found = list(
                rows.query(self.conn, "select * from attachments where id = ?", [attachment_id])
            )
        if not found:
            raise DocumentError(f"没有编号为 {attachment_id} 的附件")
        return dict(found[0])


def _write_new_file(target: Path, data: bytes) -> None:
    """Write ``data`` to a file that does not exist yet; nothing is left when that fails."""
    try:
        with open(target, "xb") as f:  # "x": never replace a file that appeared meanwhile
            try:
                f.write(data)
            except BaseException:
                f.close()
                target.unlink()
                raise
    except FileExistsError:
        raise DocumentError(f"{target}：文件已存在，未覆盖；请重试") from None
    except OSError as exc:
        raise DocumentError(safewrite.failure(target, exc, existed=False)) from None


class _BlobFile(io.RawIOBase):
    """A read-only SQLite blob as a raw binary file (Pillow and pypdf read from it)."""

    def __init__(self, blob: sqlite3.Blob) -> None:
        super().__init__()
        self._blob = blob

    def readable(self) -> bool:
        """Always True: the blob is read."""
        return True

    def seekable(self) -> bool:
        """Always True: a blob can be read from anywhere."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Read into ``buffer``; the number of bytes read."""
        data = self._blob.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move to ``offset``; the new position."""
        self._blob.seek(offset, whence)
        return self._blob.tell()

    def tell(self) -> int:
        """The position."""
        return self._blob.tell()

    def close(self) -> None:
        """Close the blob."""
        if not self.closed:
            self._blob.close()
        super().close()


def _safe_file_name(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"|?*')
    name = name.strip(" .")
    return name or "附件"


def _check_links(links: tuple[Link, ...]) -> None:
    for link in links:
        if link.kind not in LINK_KINDS or not link.target:
            raise DocumentError(f"附件关联 {link} 无效（应为 item、rule 或 checklist）")


def _sha256(data: bytes = b"") -> hashlib._Hash:
    """A sha256 of ``data``, to go on with ``update``; hashlib (and OpenSSL with it) loads with
    the first file content handled, not to open a document.
    """
    import hashlib

    return hashlib.sha256(data)
