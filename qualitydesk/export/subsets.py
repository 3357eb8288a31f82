"""Text to the one-byte codes of reportlab's TrueType subsets, with string operations per line.

reportlab numbers the characters of a TrueType font in the order they are first drawn and
puts them in subsets of 256 (PDF simple fonts). ``TTFont.splitString`` finds each character's
subset and code in a Python loop per character, which for the package's ~150,000 drawn
characters was a tenth of drawing it. :class:`Codes` mirrors the numbers reportlab gave in a
translation table per font and document, so a line is split by one ``str.translate``, one
regular-expression scan for the runs of one subset and an encoding per run. A line with a
character not numbered yet goes through reportlab's own ``splitString``, which numbers it.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.ttfonts import TTFont

SUBSETS = 64  # 16,384 characters: more than any package draws in one face
# a run of characters of one subset, once each character is replaced by its number
_RUN = re.compile("|".join(f"[\\u{s:02x}00-\\u{s:02x}ff]+" for s in range(SUBSETS)))
_NBSP, _SPACE = 0xA0, 0x20  # reportlab draws a no-break space as a space


class Codes:
    """The subset and codes of text in one TrueType font within one PDF document."""

    def __init__(self, font: TTFont, doc: object) -> None:
        self.font = font  # (not the document: it holds this, and a loop would outlive it)
        font.splitString("", doc)  # reportlab's numbering for this document, made if new
        self.assigned: dict[int, int] = font.state[doc].assignments
        self.numbers: dict[int, str] = {}  # code point -> the character of its number
        self.chars: set[str] = set()  # the characters whose number is known here

    @classmethod
    def of(cls, font: TTFont, doc: object) -> Codes:
        """The codes of ``font`` in ``doc``, made once per document."""
        known: dict[str, Codes] = doc.__dict__.setdefault("_qualitydesk_codes", {})
        codes = known.get(font.fontName)
        if codes is None:
            codes = known[font.fontName] = cls(font, doc)
        return codes

    def split(self, text: str, doc: object) -> list[tuple[int, bytes]]:
        """``text`` as (subset, codes) runs in ``doc``: what ``TTFont.splitString`` returns."""
        if not self.chars.issuperset(text):
            runs = self.font.splitString(text, doc)  # numbers the new characters
            self._learn(text)
            return runs
        numbered = text.translate(self.numbers)
        return [
            (ord(run[0]) >> 8, run.encode("utf-16-be")[1::2])  # the low byte of each number
            for run in map(re.Match.group, _RUN.finditer(numbered))
        ]

    def _learn(self, text: str) -> None:
        """Take in the numbers reportlab has for the characters of ``text``."""
        for ch in set(text).difference(self.chars):
            code = ord(ch)
            number = self.assigned.get(_SPACE if code == _NBSP else code)
            if number is not None and number < SUBSETS * 256:  # else: left to reportlab
                self.numbers[code] = chr(number)
                self.chars.add(ch)
