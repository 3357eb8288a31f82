"""The counts Chinese award limits are measured in, fast enough to run on every keystroke.

- ``hanzi``: 汉字 (CJK ideographs, every block, plus 〇).
- ``characters``: 字符数（不计空格）— every character that is not whitespace.
- ``characters_no_punct``: the same without punctuation and symbols.
- ``latin_words``: 非中文单词 — what lies between spaces and Chinese text and holds a letter or
  digit (``ISO 9001:2015`` is two, ``12.5%`` one).
- ``words``: 字数 as Word's 字数统计 reports it — East Asian characters (汉字 and full-width
  punctuation) plus 非中文单词. Limits such as "自评报告不超过 5 万字" are measured this way unless
  a programme says otherwise (``metric`` of a part in forms/).

含图表: where a programme counts charts and tables toward the limit, each counts as
``figure_chars`` characters on top of the text (:func:`with_figures`).

Counting never loops over characters in Python: ASCII and the main CJK block are counted with
bytes operations, the rest with regular expressions over runs; 60,000 characters take about
1 ms (``bench/textmetrics.py``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Ideographs outside the main block U+4E00–U+9FFF (which is counted from bytes, below).
_HAN_OTHER = "\u3007\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f"
# What Word counts as East Asian besides ideographs: CJK and full-width punctuation, kana, radicals,
# and the curly quotes, dashes and ellipsis of Chinese text.
_EA_OTHER = (
    _HAN_OTHER
    + "\u2e80-\u2fdf\u3001-\u303f\u3040-\u33ff\ufe30-\ufe4f\uff01-\uffee"
    + "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
)
_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"

_ZERO_WIDTH_RUNS = re.compile(f"[{_ZERO_WIDTH}]+")
# ASCII and the main CJK block make up nearly all of a report; they are counted with bytes
# operations (C speed) and removed, so the regular expressions only scan what is left.
_BULK = re.compile("[\x00-\x7f\u4e00-\u9fff]+")
_HAN_OTHER_RUNS = re.compile(f"[{_HAN_OTHER}]+")
_EA_OTHER_RUNS = re.compile(f"[{_EA_OTHER}]+")
_NON_WORD_RUNS = re.compile(r"(?:[^\w\s]|_)+")  # punctuation, symbols, marks, controls

_ASCII_WS = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_ASCII_PUNCT = bytes(c for c in range(33, 127) if not chr(c).isalnum())
_NOT_ASCII_PUNCT = bytes(c for c in range(256) if c not in _ASCII_PUNCT)
_NON_ASCII_TO_SPACE = bytes(range(128)) + b" " * 128
_NOT_MAIN_HAN_HIGH_BYTE = bytes(b for b in range(256) if not 0x4E <= b <= 0x9F)


def _run_length(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def _punctuation(text: str) -> int:
    """Punctuation and symbols (Unicode P* and S*): checked once per distinct character."""
    candidates = "".join(_NON_WORD_RUNS.findall(text))
    return sum(
        candidates.count(ch) for ch in set(candidates) if unicodedata.category(ch)[0] in "PS"
    )


@dataclass(frozen=True)
class TextCounts:
    hanzi: int
    characters: int
    characters_no_punct: int
    punctuation: int
    latin_words: int
    words: int

    def metric(self, name: str) -> int:
        """One count by the name a programme's part uses (words, characters, …)."""
        if name not in {"hanzi", "characters", "characters_no_punct", "words"}:
            raise ValueError(f"unknown text metric {name!r}")
        return int(getattr(self, name))


def strip_invisible(text: str) -> str:
    """``text`` without zero-width and soft-hyphen format characters."""
    # A substring test per character is far cheaper than a regex scan that finds nothing.
    if any(ch in text for ch in _ZERO_WIDTH):
        return _ZERO_WIDTH_RUNS.sub("", text)
    return text


def count(text: str) -> TextCounts:
    """All counts of ``text`` at once. Zero-width and format characters count as nothing."""
    text = strip_invisible(text)
    utf8 = text.encode("utf-8", "surrogatepass")
    # In UTF-16-LE every BMP character is two bytes, the second its high byte: U+4E00–U+9FFF
    # are exactly the units whose high byte is 0x4E–0x9F (surrogates are 0xD8–0xDF).
    high_bytes = text.encode("utf-16-le", "surrogatepass")[1::2]
    main_han = len(high_bytes.translate(None, _NOT_MAIN_HAN_HIGH_BYTE))
    rest = _BULK.sub("", text)

    ascii_ws = len(utf8) - len(utf8.translate(None, _ASCII_WS))
    rest_ws = len(rest) - sum(map(len, rest.split()))
    characters = len(text) - ascii_ws - rest_ws
    punctuation = len(utf8.translate(None, _NOT_ASCII_PUNCT)) + _punctuation(rest)
    # 非中文单词: ASCII runs between spaces and non-ASCII text that hold a letter or digit.
    tokens = b" ".join(utf8.translate(_NON_ASCII_TO_SPACE).split())
    latin_words = len(tokens.translate(None, _ASCII_PUNCT).split())
    hanzi = main_han + _run_length(_HAN_OTHER_RUNS, rest)
    return TextCounts(
        hanzi=hanzi,
        characters=characters,
        characters_no_punct=characters - punctuation,
        punctuation=punctuation,
        latin_words=latin_words,
        words=main_han + _run_length(_EA_OTHER_RUNS, rest) + latin_words,
    )


def with_figures(text_count: int, figures: int, figure_chars: int) -> int:
    """含图表: the text count plus ``figure_chars`` for each chart or table."""
    if figures < 0 or figure_chars < 0:
        raise ValueError("figures and figure_chars must not be negative")
    return text_count + figures * figure_chars


def markdown_text(markdown: str) -> tuple[str, int]:
    """The readable text of a Markdown narrative and how many tables and images it holds.

    Markup (``#``, ``|``, ``**``) is not text; table contents are left out because under 含图表 a
    table counts as one figure instead.
    """
    from markdown_it import MarkdownIt  # parsing only when narratives are counted

    parts: list[str] = []
    figures = 0
    in_table = 0
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            figures += 1
            in_table += 1
        elif token.type == "table_close":
            in_table -= 1
        elif token.type == "inline" and not in_table:
            for child in token.children or ():
                if child.type == "image":
                    figures += 1
                elif child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
            parts.append("\n")
        elif token.type in ("code_block", "fence") and not in_table:
            parts.append(token.content)
    return "".join(parts), figures
