"""Text for print: cleaning what users type, and Chinese line breaking (避头尾).

:func:`clean` removes zero-width and format characters (they have no glyph and would print as
boxes), turns typographic spaces into plain ones, and replaces characters that neither a bundled
font nor a fallback face of the system has with 〓, the typesetter's mark for a missing character
(preflight lists them beforehand).

:func:`break_lines` breaks a paragraph into lines by the rules of GB/T 15834 usage:

- a line never starts with closing punctuation (，。、；：！？）》」』】”’％ …) and never ends with
  opening punctuation (（《「『【“‘ …): the text is cut into *units* — a character with the
  opening marks before it and the closing marks after it — and lines break only between units;
- Latin words and numbers stay whole, numbers with their units and dates too (``ISO 9001:2015``,
  ``186,400``, ``12 %``, ``3.5万元``, ``2024年5月12日``, ``5 MPa``);
- a web address breaks only after ``/ . - ?``;
- a unit wider than the line (a 2,000-letter word) is cut character by character;
- the last line of a paragraph is never a single character (段末孤字).

Lines are filled greedily. When a unit ending in full-width punctuation overflows by at most half
a character, it stays on the line and the line is squeezed instead, as Chinese typesetters do.

Spacing (see :func:`normalise`, :func:`quarter_gaps`, :func:`stretch_points`): spaces next to
full-width punctuation are dropped, a quarter-em of layout space (not a character) goes where Han
meets Latin letters or digits, and justification widens only the gaps next to CJK characters and
the spaces a line may break at, never the inside of a word, a number or a web address.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from qualitydesk.export.fonts import FontSet, fonts

MISSING = "〓"  # U+3013 GETA MARK: stands in for a character no font has

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
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_CONNECT = r"[-./:,_+#&@'’=~]"
_WORD = rf"{_ALNUM}+(?:{_CONNECT}{_ALNUM}+)*"
# What a number keeps after it: a date's 年/月/日 with the numbers between ("2024年5月12日"), a
# unit after an optional space ("5 MPa", "25℃"), a multiplier and its measure word ("3.5万元",
# "11.2个百分点") or one character ("2024年", "12人"). "%" and "‰" come as closing marks.
_DATE = r"年(?:[0-9]{1,2}月(?:[0-9]{1,2}[日号])?)?|月[0-9]{1,2}[日号]"
_MEASURE = (
    r" ?(?:mm|cm|km|kg|μm|nm|MPa|kPa|Pa|ppm|ppb|dB|kWh|kW|kV|Hz|mL|m²|m³|°C|℃|°)"
    rf"(?![0-9A-Za-z])|个百分点|[万亿千百][{_HAN}]?|[{_HAN}]"
)
# A word, optionally followed by numbers after single spaces ("ISO 9001", "GB/T 19580-2012"),
# and what a number keeps after it.
_TOKEN = rf"{_WORD}(?: (?=[0-9]){_WORD})*(?:(?<=[0-9])(?:{_DATE}|{_MEASURE}))?"
# A web address: it may break only after / . - ? (see :func:`units`).
_URL = r"(?:(?:https?|ftp)://|www\.)[!-~]*[0-9A-Za-z/#=_&~+%*$-]"
_URL_BREAK = re.compile(r"(?<=[/.?-])(?=[^/.?-])")
# A unit: opening marks, a web address, a word or one character, closing marks (spaces between
# them stay). A Han character is tried first: it is most of the text, and no token starts with one.
_UNIT = re.compile(
    rf"(?:[{re.escape(NO_END)}] *)*(?:[{_HAN}]|(?P<url>{_URL})|{_TOKEN}|.)"
    rf"(?: *[{re.escape(NO_START)}])*",
    re.S,
)


def strip_format(text: str) -> str:
    """``text`` with newlines normalised, zero-width/format characters removed, spaces plain."""
    text = _NEWLINES.sub("\n", text)
    return _REMOVED.sub("", text).translate(_SPACES)


def clean(text: str, font_set: FontSet, *, one_font: bool = False) -> str:
    """``text`` ready for layout: :func:`strip_format`, then 〓 for characters no font has —
    neither a bundled font nor a fallback face (:mod:`qualitydesk.export.fallback`). With
    ``one_font`` (text drawn in a single bundled font, such as a chart label), 〓 for every
    character the bundled fonts lack.
    """
    text = strip_format(text)
    missing = font_set.lacking(text, bundled_only=one_font)
    if missing:
        text = text.translate(dict.fromkeys(missing, MISSING))
    return text


# --- spacing ----------------------------------------------------------------------------------

# Full-width punctuation carries its own blank: a space next to it (after any, before a closing
# one) is a typing habit, removed before layout. Quotes are left alone: ” ends English quotes too.
_FULL_WIDTH_CLOSE = "，。、；：！？）》」』】〉〕〗〙〛｝］"
_FULL_WIDTH_OPEN = "（《「『【〈〔〖〘〚｛［"
_PUNCT_SPACES = re.compile(
    rf"(?<=[{_FULL_WIDTH_CLOSE}{_FULL_WIDTH_OPEN}]) +| +(?=[{_FULL_WIDTH_CLOSE}])"
)
# Where Han characters meet Latin letters or digits with nothing between, a quarter-em goes.
_WESTERN = r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff%‰]"
_HAN_WESTERN = re.compile(rf"[{_HAN}](?={_WESTERN})|{_WESTERN}(?=[{_HAN}])")  # gap at .end()
QUARTER_EM = 0.25


def normalise(texts: Sequence[str]) -> list[str]:
    """``texts`` (consecutive runs of one paragraph) without the spaces next to full-width
    punctuation, looked at across the runs' boundaries.
    """
    joined = "".join(texts)
    drops = [m.span() for m in _PUNCT_SPACES.finditer(joined)]
    if not drops:
        return list(texts)
    keep = [True] * len(joined)
    for start, end in drops:
        keep[start:end] = [False] * (end - start)
    out, pos = [], 0
    for text in texts:
        out.append("".join(ch for ch, k in zip(text, keep[pos:], strict=False) if k))
        pos += len(text)
    return out


def quarter_gaps(text: str) -> list[int]:
    """The positions where a quarter-em goes before ``text[i]``: a Han character next to a Latin
    letter or digit with no space between. W3C clreq: at most a quarter of a Han character's
    width; it is layout space, not a character.
    """
    return [m.end() for m in _HAN_WESTERN.finditer(text)]


# Characters set in a full square: justification stretches the gaps next to them.
_NARROW = re.compile(r"[^\u2e80-\U0010ffff“”‘’—…℃]")
_LATIN = re.compile(_ALNUM)


def _wide(ch: str) -> bool:
    return ch >= "\u2e80" or ch in "“”‘’—…℃"


def stretch_points(text: str) -> list[int]:
    """The gaps of a line that justification may widen: ``k`` is the gap after ``text[k]``.

    Gaps next to a CJK character (between two of them, and where CJK meets Latin) and the spaces
    a line may break at stretch; the inside of a Latin word, a number with its unit, a date or a
    web address never does. A line without any such gap stretches its other spaces, if it has
    some ("ISO 4406 18/16/13，"); otherwise it stays ragged.
    """
    last = len(text) - 1
    if not _NARROW.search(text):  # all CJK: every gap
        return list(range(last))
    spans = units(text)
    starts = {s for s, _ in spans}
    # inside a unit with a word or number in it ("3.5万元，", "2024年5月"), no gap stretches
    tight = {k for s, e in spans if _LATIN.search(text, s, e) for k in range(s, e - 1)}
    points = []
    for k in range(last):
        before, after = text[k], text[k + 1]
        if after == " ":
            continue  # the space itself stretches
        if before == " ":
            stretch = k in starts or k + 1 in starts
        elif k + 1 in starts:
            stretch = _wide(before) or _wide(after)
        else:
            stretch = _wide(before) and _wide(after) and k not in tight
        if stretch:
            points.append(k)
    if not points:
        points = [k for k in range(last) if text[k] == " " and text[k + 1] != " "]
    return points


# --- line breaking ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of a paragraph: ``text[start:end]`` of the broken string, its natural width,
    and whether the renderer should justify it (not the last line, not before a hard break).
    """

    start: int
    end: int
    width: float
    justify: bool


Widths = Callable[[str], Sequence[float]]


class _Advances(dict[str, float]):
    """Character → advance width in points of one font at one size, filled as characters are
    first met, so that measuring a string is one ``map`` over it.
    """

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        from reportlab.pdfbase import pdfmetrics

        fonts()  # registered on first use
        self.table = pdfmetrics.getFont(font).face.charWidths
        self.scale = size / 1000.0

    def __missing__(self, ch: str) -> float:
        width = self[ch] = self.table.get(ord(ch), 1000) * self.scale
        return width


@cache
def char_widths(font: str, size: float) -> Widths:
    """A function giving the advance width of each character of a string in a registered font."""
    advances = _Advances(font, size)

    def widths(text: str) -> list[float]:
        return list(map(advances.__getitem__, text))

    return widths


def units(text: str) -> list[tuple[int, int]]:
    """The spans of the unbreakable units of ``text`` (see the module docstring).

    A web address is cut after each run of ``/ . - ?`` in it: a line may end there and nowhere
    else inside the address.
    """
    if "://" not in text and "www." not in text:
        return [m.span() for m in _UNIT.finditer(text)]
    spans = []
    for m in _UNIT.finditer(text):
        url_start, url_end = m.span("url")
        if url_start < 0:
            spans.append(m.span())
            continue
        start = m.start()
        for cut in _URL_BREAK.finditer(text, url_start + 1, url_end):
            spans.append((start, cut.start()))
            start = cut.start()
        spans.append((start, m.end()))
    return spans


def break_lines(
    text: str,
    advance: Sequence[float],
    width: float,
    *,
    first_indent: float = 0.0,
    squeeze: float = 0.0,
    lead: Sequence[float] | None = None,
) -> list[Line]:
    r"""Break ``text`` (one paragraph, ``\n`` for hard breaks) into lines of at most ``width``.

    ``advance[i]`` is the width of ``text[i]``, including ``lead[i]``, the room kept before it
    (a quarter-em between Han and Latin), which a line starting with ``text[i]`` does not need.
    ``squeeze`` is how far a line may overflow when the unit that overflows ends in full-width
    punctuation (half a character is usual). The last line before a break is never a single
    character (段末孤字): one more unit comes down from the line above.
    """
    breaker = _Breaker(
        text, [0.0, *accumulate(advance)], width, squeeze, lead or [0.0] * (len(text) + 1)
    )
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
    lead: Sequence[float]

    def chunk(self, start: int, end: int, first_indent: float) -> list[Line]:
        """Lines of ``text[start:end]``, a stretch without hard breaks."""
        text, prefix, lead = self.text, self.prefix, self.lead
        lines: list[Line] = []
        line_start = -1  # no line open yet
        limit = self.width - first_indent
        spans = units(text[start:end])
        for unit_start, unit_end in spans:
            s, e = unit_start + start, unit_end + start
            if line_start < 0:
                line_start = self._after_spaces(s, e)  # no spaces at the start of a line
                if line_start == e:
                    line_start = -1
                    continue
            used = prefix[e] - prefix[line_start] - lead[line_start]  # as _span, inlined
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
            while self._span(line_start, e) > limit + 1e-6:
                cut = self._cut(line_start, e, limit)
                lines.append(self._line(line_start, cut, True))
                line_start, limit = cut, self.width
        if line_start >= 0:
            lines.append(self._line(line_start, end, False))
            if len(lines) > 1 and _lone(text[lines[-1].start : lines[-1].end]):
                self._pull_down(lines, [s + start for s, _ in spans])
        return lines or [Line(start, start, 0.0, False)]

    def _span(self, start: int, end: int) -> float:
        """The width of ``text[start:end]`` set as a line of its own."""
        return self.prefix[end] - self.prefix[start] - self.lead[start]

    def _pull_down(self, lines: list[Line], starts: list[int]) -> None:
        """Move the last unit of the line before the last down to it, if it leaves something
        above and the last line still fits (段末孤字: the last line is one character).
        """
        before, last = lines[-2], lines[-1]
        i = bisect_left(starts, last.start) - 1
        while i >= 0 and starts[i] > before.start and self.text[starts[i]] == " ":
            i -= 1  # a space between the two lines: the unit before it comes down
        if i < 0 or starts[i] <= before.start:
            return
        cut = starts[i]
        if self._span(cut, last.end) > self.width + 1e-6:
            return
        lines[-2:] = [self._line(before.start, cut, True), self._line(cut, last.end, False)]

    def _after_spaces(self, start: int, end: int) -> int:
        while start < end and self.text[start] == " ":
            start += 1
        return start

    def _squeezes(self, end: int, overflow: float) -> bool:
        """Whether a unit ending in full-width punctuation may stay, the line squeezed."""
        return self.squeeze > 0 and self.text[end - 1] in SQUEEZABLE and overflow <= self.squeeze

    def _cut(self, start: int, end: int, limit: float) -> int:
        """Where to cut an over-long unit: as much as fits, never before closing punctuation."""
        text = self.text
        cut = start + 1
        while cut < end and self._span(start, cut + 1) <= limit + 1e-6:
            cut += 1
        while cut - 1 > start and (text[cut] in NO_START or text[cut - 1] in NO_END):
            cut -= 1
        return cut

    def _line(self, start: int, end: int, justify: bool) -> Line:
        while end > start and self.text[end - 1] == " ":
            end -= 1
        return Line(start, end, self._span(start, end), justify)


def _lone(line: str) -> bool:
    """Whether a line is one character and the closing punctuation after it."""
    return len(line.rstrip(NO_START + " ")) == 1 and line[0] not in NO_END
