"""The text operators of a paragraph's lines: one BT … ET block, TJ arrays where gaps differ.

:class:`~qualitydesk.export.flowables.Para` lays its lines out; this writes them as PDF text
operators, the characters as the codes of reportlab's font subsets
(:mod:`qualitydesk.export.subsets`).
"""

from __future__ import annotations

from bisect import bisect_left

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from qualitydesk.export.subsets import Codes


class TextWriter:
    """The text operators of a paragraph's lines, whose gaps differ: one BT … ET block, a TJ
    array per stretch of one font subset, with a number only where a gap is not the line's
    character spacing (Tc), so the PDF stays small and extracts as the text itself.
    """

    def __init__(self, canv: Canvas, size: float) -> None:
        self.canv, self.doc, self.size = canv, canv._doc, size
        # (font, subset) -> its name in the page's resources, once per document: reportlab's
        # lookup is a call per switch, and Han text switches subset every few characters
        self.names: dict[tuple[str, int], str] = self.doc.__dict__.setdefault(
            "_qualitydesk_subset_names", {}
        )
        self.tf = fp_str(size)
        self.code = ["BT"]
        self.face: tuple[str, int] | None = None  # font and subset in use
        self.spacing = 0.0
        self.extra: dict[int, float] = {}
        self.cuts: list[int] = []

    def start_line(self, x: float, y: float, spacing: float, extra: dict[int, float]) -> None:
        """A line at (x, y): ``spacing`` after every character, plus ``extra`` after some
        (index in the paragraph -> points).
        """
        self.code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        if spacing != self.spacing:
            self.code.append(f"{fp_str(spacing)} Tc")
            self.spacing = spacing
        self.extra, self.cuts = extra, sorted(extra)

    def show(self, text: str, font_name: str, pos: int) -> None:
        """``text``, which starts at index ``pos`` of the paragraph, in ``font_name``."""
        font = pdfmetrics.getFont(font_name)
        code, cuts = self.code, self.cuts
        for subset, chunk in Codes.of(font, self.doc).split(text, self.doc):
            face = (font_name, subset)
            if face != self.face:
                name = self.names.get(face)
                if name is None:
                    name = self.names[face] = font.getSubsetInternalName(subset, self.doc)
                code.append(f"{name} {self.tf} Tf")
                self.face = face
            end = pos + len(chunk)
            if cuts and bisect_left(cuts, pos) < bisect_left(cuts, end):
                code.append(self._array(chunk, pos, end))
            else:
                code.append(f"({escapePDF(chunk)}) Tj")
            pos = end

    def _array(self, chunk: bytes, pos: int, end: int) -> str:
        """A TJ operator: ``chunk`` (characters ``pos`` to ``end``) with numbers moving the
        characters after the gaps that differ (thousandths of an em, negative to the right).
        """
        parts, last = [], pos
        scale = -1000.0 / self.size
        for k in self.cuts[bisect_left(self.cuts, pos) : bisect_left(self.cuts, end)]:
            parts.append(f"({escapePDF(chunk[last - pos : k + 1 - pos])})")
            parts.append(fp_str(round(self.extra[k] * scale, 1)))
            last = k + 1
        if last < end:
            parts.append(f"({escapePDF(chunk[last - pos :])})")
        return f"[{' '.join(parts)}] TJ"

    def close(self) -> None:
        """The end of the block (ET, the character spacing reset first if set), written to the
        canvas: nothing is drawn before this.
        """
        if self.spacing:
            self.code.append("0 Tc")
        self.code.append("ET")
        self.canv.addLiteral("\n".join(self.code))
