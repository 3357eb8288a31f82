"""Text for print: cleaning what users type, and Chinese line breaking (避头尾).

:func:`clean` removes zero-width and format characters (they have no glyph and would print as
boxes), turns typographic spaces into plain ones, and replaces characters no bundled font has with
〓, the typesetter's mark for a missing character (preflight lists them beforehand).

:func:`break_lines` breaks a paragraph into lines by the rules of GB/T 15834 usage:

- a line never starts with closing punctuation (，。、；：！？）》」』】”’％ …) and never ends with
  opening punctuation (（《「『【“‘ …): the text is cut into *units* — a character with the
  opening marks before it and the closing marks after it — and lines break only between units;
- Latin words and numbers stay whole (``ISO 9001:2015``, ``186,400``, ``2024年``);
- a unit wider than the line (a long URL, a 2,000-letter word) is cut character by character.

Lines are filled greedily; the renderer justifies them by spreading the space left over between
characters. When a unit ending in full-width punctuation overflows by at most half a character,
it stays on the line and the line is squeezed instead, as Chinese typesetters do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from qualitydesk.export.fonts import FontSet, fonts

MISSING = "〓"  # U+3013 GETA MARK: stands in for a character no bundled font has

# Characters a line must not start with (closing punctuation, GB/T 15834) and must not end with.
NO_START = "，。、；：！？）》」』】〉〕〗〙〛｝］”’％‰·…—～｡､,.;:!?)]}%"
NO_END = "（《「『【〈〔〖〘〚｛［“‘([{"
# Full-width punctuation whose glyph is half blank: a line ending in one may be squeezed.
SQUEEZABLE = "，。、；：！？）》」』】〉”’"

# Removed before layout: C0/C1 controls (but tab and newline), zero-width and format characters
# (Unicode category Cf), variation selectors and lone surrogates.
_REMOVED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]+"
)
_SPACES = str.maketrans(
    dict.fromkeys(
        "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f",
        " ",
    )
    | {"\u2028": "\n", "\u2029": "\n"}
)
_NEWLINES = re.compile(r"\r\n?")

_ALNUM = r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]"
_CONNECT = r"[-./:,_+#&@'’=~]"
_WORD = rf"{_ALNUM}+(?:{_CONNECT}{_ALNUM}+)*"
# A word, optionally followed by numbers after single spaces ("ISO 9001", "GB/T 19580-2012"),
# and a number keeps the character right after it ("2024年", "12人").
_TOKEN = rf"{_WORD}(?: (?=[0-9]){_WORD})*(?:(?<=[0-9])[\u3400-\u9fff])?"
# A unit: opening marks, a word or one character, closing marks (spaces between them stay).
_UNIT = re.compile(
    rf"(?:[{re.escape(NO_END)}] *)*(?:{_TOKEN}|.)(?: *[{re.escape(NO_START)}])*",
    re.S,
)


def strip_format(text: str) -> str:
    """``text`` with newlines normalised, zero-width/format characters removed, spaces plain."""
    text = _NEWLINES.sub("\n", text)
    return _REMOVED.sub("", text).translate(_SPACES)


def clean(text: str, font_set: FontSet) -> str:
    """``text`` ready for layout: :func:`strip_format`, then 〓 for characters no font has."""
    text = strip_format(text)
    missing = [ch for ch in set(text) if ch != "\n" and not font_set.covered(ch)]
    if missing:
        text = text.translate(dict.fromkeys(map(ord, missing), MISSING))
    return text


# --- line breaking ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of a paragraph: ``text[start:end]`` of the broken string, its natural width,
    and whether the renderer should justify it (not the last line, not before a hard break)."""

    start: int
    end: int
    width: float
    justify: bool


Widths = Callable[[str], Sequence[float]]


@cache
def _width_table(font: str) -> dict[int, int]:
    from reportlab.pdfbase import pdfmetrics

    fonts()  # registered on first use
    return dict(pdfmetrics.getFont(font).face.charWidths)


def char_widths(font: str, size: float) -> Widths:
    """A function giving the advance width of each character of a string in a registered font."""
    table = _width_table(font)
    scale = size / 1000.0

    def widths(text: str) -> list[float]:
        get = table.get
        return [get(ord(ch), 1000) * scale for ch in text]

    return widths


def units(text: str) -> list[tuple[int, int]]:
    """The spans of the unbreakable units of ``text`` (see the module docstring)."""
    return [m.span() for m in _UNIT.finditer(text)]


def break_lines(
    text: str,
    advance: Sequence[float],
    width: float,
    *,
    first_indent: float = 0.0,
    squeeze: float = 0.0,
) -> list[Line]:
    """Break ``text`` (one paragraph, ``\\n`` for hard breaks) into lines of at most ``width``.

    ``advance[i]`` is the width of ``text[i]``. ``squeeze`` is how far a line may overflow when
    the unit that overflows ends in full-width punctuation (half a character is usual).
    """
    breaker = _Breaker(text, [0.0, *accumulate(advance)], width, squeeze)
    lines: list[Line] = []
    start = 0
    for chunk in text.split("\n"):
        end = start + len(chunk)
        lines += breaker.chunk(start, end, first_indent if not lines else 0.0)
        last = lines[-1]
        lines[-1] = Line(last.start, last.end, last.width, False)  # before a break: ragged
        start = end + 1
    return lines


@dataclass(frozen=True)
class _Breaker:
    """Greedy line filling over the units of one paragraph; ``prefix`` sums the advances."""

    text: str
    prefix: list[float]
    width: float
    squeeze: float

    def chunk(self, start: int, end: int, first_indent: float) -> list[Line]:
        """Lines of ``text[start:end]``, a stretch without hard breaks."""
        text, prefix = self.text, self.prefix
        lines: list[Line] = []
        line_start = -1  # no line open yet
        limit = self.width - first_indent
        for unit_start, unit_end in units(text[start:end]):
            s, e = unit_start + start, unit_end + start
            if line_start < 0:
                line_start = self._after_spaces(s, e)  # no spaces at the start of a line
                if line_start == e:
                    line_start = -1
                    continue
            used = prefix[e] - prefix[line_start]
            if used <= limit + 1e-6:
                continue
            if text[s] == " " and s > line_start:  # break at the space, which disappears
                lines.append(self._line(line_start, s, True))
                line_start, limit = self._after_spaces(s, e), self.width
                if line_start == e:
                    line_start = -1
                    continue
            elif s > line_start and self._squeezes(e, used - limit):
                lines.append(self._line(line_start, e, True))
                line_start, limit = -1, self.width
                continue
            elif s > line_start:
                lines.append(self._line(line_start, s, True))
                line_start, limit = s, self.width
            # the unit alone may still be wider than a line: cut it character by character
            while prefix[e] - prefix[line_start] > limit + 1e-6:
                cut = self._cut(line_start, e, limit)
                lines.append(self._line(line_start, cut, True))
                line_start, limit = cut, self.width
        if line_start >= 0:
            lines.append(self._line(line_start, end, False))
        return lines or [Line(start, start, 0.0, False)]

    def _after_spaces(self, start: int, end: int) -> int:
        while start < end and self.text[start] == " ":
            start += 1
        return start

    def _squeezes(self, end: int, overflow: float) -> bool:
        """Whether a unit ending in full-width punctuation may stay, the line squeezed."""
        return self.squeeze > 0 and self.text[end - 1] in SQUEEZABLE and overflow <= self.squeeze

    def _cut(self, start: int, end: int, limit: float) -> int:
        """Where to cut an over-long unit: as much as fits, never before closing punctuation."""
        text, prefix = self.text, self.prefix
        cut = start + 1
        while cut < end and prefix[cut + 1] - prefix[start] <= limit + 1e-6:
            cut += 1
        while cut - 1 > start and (text[cut] in NO_START or text[cut - 1] in NO_END):
            cut -= 1
        return cut

    def _line(self, start: int, end: int, justify: bool) -> Line:
        while end > start and self.text[end - 1] == " ":
            end -= 1
        return Line(start, end, self.prefix[end] - self.prefix[start], justify)
