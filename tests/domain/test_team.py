"""The team's scores side by side: mean, median and spread per item, flags, merged remarks."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qualitydesk.domain.forms import load_forms
from qualitydesk.domain.team import AssessorScore, merged_remarks, spreads

FORMS = load_forms()


@pytest.fixture(scope="module")
def fw(forms):
    return forms.framework("gbt19580-2012")


def test_each_item_has_every_assessor_mean_median_and_spread(fw):
    scores = [
        AssessorScore("张三", "4.1.1", 60),
        AssessorScore("李四", "4.1.1", 35),
        AssessorScore("王五", "4.1.1", 50),
        AssessorScore("张三", "4.1.2", 45),
        AssessorScore("李四", "4.1.2", 50),
    ]
    first, second = spreads(fw, scores)
    assert (first.item, first.pcts) == ("4.1.1", {"张三": 60, "李四": 35, "王五": 50})
    assert (first.mean, first.median, first.spread, first.flagged) == (
        Decimal(145) / 3,
        Decimal(50),
        25,
        True,
    )
    assert (second.mean, second.median, second.spread, second.flagged) == (
        Decimal("47.5"),
        Decimal("47.5"),
        5,
        False,
    )


def test_flagged_items_come_first_then_the_framework_order(fw):
    scores = [
        AssessorScore("张三", "4.7.1", 50),
        AssessorScore("李四", "4.7.1", 55),
        AssessorScore("张三", "4.1.1", 50),
        AssessorScore("李四", "4.1.1", 55),
        AssessorScore("张三", "4.3.2", 20),
        AssessorScore("李四", "4.3.2", 40),
    ]
    assert [s.item for s in spreads(fw, scores)] == ["4.3.2", "4.1.1", "4.7.1"]


def test_the_threshold_is_inclusive_and_one_score_is_never_flagged(fw):
    scores = [AssessorScore("张三", "4.1.1", 30), AssessorScore("李四", "4.1.1", 60)]
    assert spreads(fw, scores, threshold=30)[0].flagged
    assert not spreads(fw, scores, threshold=35)[0].flagged
    assert not spreads(fw, [AssessorScore("张三", "4.1.1", 100)], threshold=0)[0].flagged


@given(st.lists(st.sampled_from(range(0, 101, 5)), min_size=1, max_size=10))
def test_median_and_mean_are_exact(pcts):
    fw = FORMS.framework("gbt19580-2012")
    scores = [AssessorScore(f"评审员{n}", "4.2.1", p) for n, p in enumerate(pcts)]
    (found,) = spreads(fw, scores)
    values = sorted(pcts)
    below = sum(1 for p in values if p < found.median)
    above = sum(1 for p in values if p > found.median)
    assert below <= len(values) / 2
    assert above <= len(values) / 2
    assert abs(Fraction(found.mean) - Fraction(sum(values), len(values))) < Fraction(1, 10**20)
    assert found.spread == values[-1] - values[0]


def test_remarks_are_merged_with_duplicates_folded_in_first_met_order():
    assert merged_remarks(
        [
            "- 领导重视质量。\n2. 制度完善",
            "领导重视质量",
            "（1）制度完善；\n\n3、培训覆盖全员",
            "• 领导重视 质量",
        ]
    ) == ["领导重视质量。", "制度完善", "培训覆盖全员"]


def test_a_remark_starting_with_a_number_keeps_it():
    assert merged_remarks(["3.5 个百分点的提升", "4.1.2 方法系统", "1. 领导重视"]) == [
        "3.5 个百分点的提升",
        "4.1.2 方法系统",
        "领导重视",
    ]
