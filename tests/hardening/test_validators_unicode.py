"""Every validator with arbitrary Unicode: always a Check, never an exception; and a normalised
valid value validates again, to itself.

tests/domain/test_validators.py covers the rules and printable input; here every validator gets
anything at all (control characters, full-width forms, other scripts, astral planes), and values
shaped like the real thing so the accepting branches run too.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from qualitydesk.domain import validators as v
from qualitydesk.domain.validators import VALIDATORS, Check
from tests.hardening.fuzz import fuzz_settings

NAMES = sorted(VALIDATORS)

FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
SEPARATORS = st.sampled_from(["", " ", "-", "　", "\u3000", "\t", "(", ")", "（", "）"])


def _full_width(text: str) -> str:
    return "".join(FULL_WIDTH.get(ch, ch) for ch in text)


def _uscc(body: str) -> str:
    return body + v.uscc_check_char(body)


# Shaped like the values people type, with noise: spaces, full-width forms, units.
SHAPED = {
    "uscc": st.builds(
        _uscc,
        st.text(alphabet=v.USCC_CHARSET, min_size=2, max_size=2)
        .flatmap(lambda head: st.from_regex(r"[0-9]{6}", fullmatch=True).map(lambda r: head + r))
        .flatmap(
            lambda head: st.text(alphabet=v.USCC_CHARSET, min_size=9, max_size=9).map(
                lambda tail: head + tail
            )
        ),
    ),
    "mobile": st.from_regex(r"(\+?86)?[ -]?1[3-9][0-9]{9}", fullmatch=True),
    "phone": st.from_regex(
        r"(0[0-9]{2,3}-?[0-9]{7,8}(转[0-9]{1,4})?|[48]00[0-9]{7}|1[3-9][0-9]{9})", fullmatch=True
    ),
    "email": st.from_regex(
        r"[a-z0-9._%+-]{1,10}@[a-z0-9-]{1,8}(\.[a-z0-9-]{1,5})*\.[a-z]{2,4}", fullmatch=True
    ),
    "postcode": st.from_regex(r"[0-9]{6}", fullmatch=True),
    "date": st.dates()
    .map(
        lambda d: st.sampled_from(
            [d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}年{d.month}月{d.day}日"]
        )
    )
    .flatmap(lambda s: s),
    "money": st.from_regex(r"[0-9]{1,9}(,[0-9]{3})*(\.[0-9]{0,3})?(万元)?", fullmatch=True),
    "signed_money": st.from_regex(r"[+-]?[0-9]{1,9}(\.[0-9]{0,3})?(万元)?", fullmatch=True),
    "percent": st.from_regex(r"[0-9]{1,4}(\.[0-9]{0,3})?%?", fullmatch=True),
}
ANYTHING = st.text(st.characters(codec="utf-8"), max_size=60)


def _shaped(name: str) -> st.SearchStrategy[str]:
    noisy = st.tuples(SHAPED[name], SEPARATORS, SEPARATORS, st.booleans()).map(
        lambda t: t[1] + (_full_width(t[0]) if t[3] else t[0]) + t[2]
    )
    return st.one_of(SHAPED[name], noisy)


def _well_formed(check: Check) -> None:
    assert isinstance(check, Check)
    assert isinstance(check.value, str)
    assert isinstance(check.message, str)
    assert isinstance(check.warning, str)
    if check.ok:
        assert check.message == ""
    else:
        assert check.message, "a refusal must say why"
        assert check.warning == ""


def _round_trip(name: str, check: Check) -> None:
    """A normalised valid value validates again, and normalises to itself."""
    if check.ok:
        again = VALIDATORS[name](check.value)
        assert again.ok, (check.value, again.message)
        assert again.value == check.value


def test_the_validators_are_the_ones_tested_here():
    assert set(SHAPED) == set(VALIDATORS)


@pytest.mark.parametrize("name", NAMES)
@fuzz_settings(150)
@given(text=ANYTHING)
@example(text="\x00")
@example(text="\u3000" * 3)
@example(text="１２３４５６")
@example(text="𠀀" * 18)
@example(text="ﬁ@ﬁ.ﬁﬁ")
def test_any_text_gives_a_check(name, text):
    check = VALIDATORS[name](text)
    _well_formed(check)
    _round_trip(name, check)


@pytest.mark.parametrize("name", NAMES)
@fuzz_settings(100)
@given(data=st.data())
def test_shaped_values_are_accepted_and_round_trip(name, data):
    text = data.draw(_shaped(name))
    check = VALIDATORS[name](text)
    _well_formed(check)
    _round_trip(name, check)
