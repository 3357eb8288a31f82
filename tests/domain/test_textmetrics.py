import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qualitydesk.domain import textmetrics
from qualitydesk.domain.textmetrics import count, with_figures

SAMPLE = (
    "公司坚持“质量第一、顾客至上”的方针，2024年通过ISO 9001:2015再认证；营业收入同比增长12.5%。\n"
)


def test_counts_of_a_typical_sentence():
    counts = count(SAMPLE)
    assert counts.hanzi == 29
    assert counts.punctuation == 9  # “ 、 ” ， : ； . % 。
    assert counts.characters == 56
    assert counts.characters_no_punct == 47
    assert counts.latin_words == 4  # 2024, ISO, 9001:2015, 12.5%
    # Word's 字数: 29 汉字 + 6 East Asian punctuation marks + 4 non-Chinese words.
    assert counts.words == 39


def test_rare_characters_full_width_letters_and_spaces():
    counts = count("玥堃喆𬭚〇　ＡＢＣ\ta b")
    assert counts.hanzi == 5  # 𬭚 is outside the BMP, 〇 is an ideograph
    assert counts.characters == 10  # the ideographic space and the tab are whitespace
    assert counts.latin_words == 2


def test_invisible_characters_count_as_nothing():
    assert count("质\u200b量\u2060管\ufeff理\u00ad") == count("质量管理")


def test_empty_text():
    counts = count("")
    assert (counts.hanzi, counts.characters, counts.words, counts.latin_words) == (0, 0, 0, 0)


def test_metric_by_name():
    counts = count(SAMPLE)
    assert counts.metric("words") == 39
    assert counts.metric("characters_no_punct") == 47
    with pytest.raises(ValueError, match="unknown text metric"):
        counts.metric("pages")


def test_figures_count_toward_the_limit():
    assert with_figures(49_500, figures=3, figure_chars=300) == 50_400
    assert with_figures(100, figures=0, figure_chars=300) == 100
    with pytest.raises(ValueError, match="negative"):
        with_figures(100, figures=-1, figure_chars=300)


# --- the fast counts agree with a slow, obvious reference ------------------------------------


def _is_han(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return ch == "〇" or name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _reference(text: str) -> tuple[int, int, int]:
    text = textmetrics.strip_invisible(text)
    visible = [ch for ch in text if not ch.isspace()]
    punct = [ch for ch in visible if unicodedata.category(ch)[0] in "PS" or ch == "_"]
    hanzi = [ch for ch in visible if _is_han(ch)]
    return len(hanzi), len(visible), len(punct)


TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("质量管理体系卓越绩效，。、；：！？（）《》“”‘’—…·〇玥𬭚　 \n\tA1%.-_"),
        # Assigned characters only: the counts follow Unicode blocks, the reference follows names.
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cn")),
    ),
    max_size=200,
)


@given(TEXT)
def test_fast_counts_match_the_reference(text):
    counts = count(text)
    hanzi, characters, punctuation = _reference(text)
    assert counts.hanzi == hanzi
    assert counts.characters == characters
    assert counts.punctuation == punctuation
    assert counts.characters_no_punct == characters - punctuation


@given(TEXT)
def test_counts_are_consistent(text):
    counts = count(text)
    assert 0 <= counts.hanzi <= counts.characters <= len(text)
    assert counts.words >= counts.hanzi
    twice = count(f"{text}\n{text}")  # counts add up over paragraphs
    assert twice.words == 2 * counts.words
    assert twice.characters == 2 * counts.characters
