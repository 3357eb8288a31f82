"""Scores are exact: item points, sums, award lines at their boundary, stage scores, composite."""

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qualitydesk.domain import numbers, scoring
from qualitydesk.domain.scoring import ScoreError

PCTS = st.sampled_from(range(0, 101, 5))


@pytest.fixture(scope="module")
def fw(forms):
    return forms.framework("gbt19580-2012")


@pytest.mark.parametrize("bad", [3, 101, -5, 2.5, 102.0, True, None, "abc", "7"])
def test_check_pct_refuses_anything_but_steps_of_five(bad):
    with pytest.raises(ScoreError, match="5 的倍数"):
        scoring.check_pct(bad)


@pytest.mark.parametrize(
    ("given", "expected"), [(0, 0), (65, 65), (100, 100), ("45", 45), ("45%", 45), (60.0, 60)]
)
def test_check_pct_accepts_steps(given, expected):
    assert scoring.check_pct(given) == expected


@pytest.mark.parametrize(
    ("points", "pct", "expected"),
    [
        (45, 55, "24.75"),  # the example: never 25 or 24.5
        (50, 45, "22.5"),
        (40, 45, "18"),
        (15, 35, "5.25"),
        (15, 65, "9.75"),
        (15, 5, "0.75"),
        (10, 15, "1.5"),
        (30, 0, "0"),
        (80, 100, "80"),
        (15, 25, "3.75"),
        (15, 15, "2.25"),
    ],
)
def test_item_points_are_exact(points, pct, expected):
    value = scoring.item_points(points, pct)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)
    assert numbers.score(value) == expected


def test_score_sums_items_categories_process_and_results(fw):
    card = scoring.score(fw, {"4.1.2": 60, "4.2.3": 45, "4.7.4": 70})
    assert card.item("4.1.2").points == 30.0
    assert card.item("4.2.3").points == 22.5
    assert card.item("4.7.4").points == 56.0
    assert card.item("4.4.3").pct == 0
    by_id = {c.category.id: c for c in card.categories}
    assert by_id["4.1"].points == 30.0
    assert by_id["4.1"].max == 110
    assert by_id["4.7"].max == 400
    assert card.process == 52.5
    assert card.results == 56.0
    assert card.total == 108.5


def test_score_everything_at_full_marks_is_the_framework_total(fw):
    card = scoring.score(fw, {item.id: 100 for item in fw.items})
    assert (card.total, card.process, card.results) == (1000, 600, 400)


def test_score_refuses_unknown_items_and_bad_percentages(fw):
    with pytest.raises(ScoreError, match=r"4\.9\.9"):
        scoring.score(fw, {"4.9.9": 50})
    with pytest.raises(ScoreError, match=r"4\.1\.2 高层领导的作用"):
        scoring.score(fw, {"4.1.2": 62})


def test_band_of_process_and_results(fw):
    assert scoring.band_of(fw, "process", 60).low == 50
    assert scoring.band_of(fw, "process", 5).high == 5
    band = scoring.band_of(fw, "results", 70)
    assert (band.low, band.high) == (70, 85)
    assert set(band.factors) == {"Le", "T", "C", "I"}
    assert set(scoring.band_of(fw, "process", 100).factors) == {"A", "D", "L", "I"}


def test_exactly_600_reaches_suzhou_but_not_sip(forms):
    suzhou = scoring.evaluate_tiers(forms.award("suzhou-mayor"), 600)
    sip = scoring.evaluate_tiers(forms.award("sip"), 600)
    assert [t.reached for t in suzhou] == [True, True]
    assert [t.reached for t in sip] == [False, True]
    assert suzhou[0].wording == "不低于 600 分"
    assert sip[0].wording == "高于 600 分"
    assert [t.reached for t in scoring.evaluate_tiers(forms.award("sip"), 600.5)] == [True, True]
    assert [t.reached for t in scoring.evaluate_tiers(forms.award("suzhou-mayor"), 499.5)] == [
        False,
        False,
    ]


def test_tiers_without_a_published_line_are_not_judged(forms):
    results = scoring.evaluate_tiers(forms.award("jiangsu-governor"), 900)
    assert results
    assert all(t.reached is None and t.line is None for t in results)
    assert results[0].wording == "未公布分数线"


def test_gaps_rank_items_by_points_to_the_next_band(fw):
    card = scoring.score(fw, {item.id: 60 for item in fw.items} | {"4.7.4": 85, "4.4.6": 100})
    ranked = scoring.gaps(card)
    assert "4.4.6" not in [g.item.id for g in ranked]  # already in the top band
    top = ranked[0]
    # 4.7.2 and 4.7.3 (80 points): 60% → 70% is worth 8 points, the most of any item.
    assert (top.item.id, top.pct, top.next_pct, top.gain) == ("4.7.2", 60, 70, 8.0)
    assert ranked[1].item.id == "4.7.3"
    four_seven_four = next(g for g in ranked if g.item.id == "4.7.4")
    assert (four_seven_four.next_pct, four_seven_four.gain) == (90, 4.0)
    gains = [g.gain for g in ranked]
    assert gains == sorted(gains, reverse=True)


def test_composite_15_15_70(forms):
    spec = forms.award("suzhou-mayor").composite
    ids = [p.id for p in spec.parts]
    assert [p.weight for p in spec.parts] == [15, 15, 70]
    assert scoring.composite(spec, dict(zip(ids, [620, 700, 610], strict=True))) == 625.0
    with pytest.raises(ScoreError, match="缺少"):
        scoring.composite(spec, {ids[0]: 600})
    with pytest.raises(ScoreError, match="陈述答辩应在 0–1000 分之间"):
        scoring.composite(spec, dict(zip(ids, [600, -1, 600], strict=True)))


@given(points=st.integers(1, 200), pct=PCTS)
def test_item_points_are_points_times_percent_exactly(points, pct):
    value = scoring.item_points(points, pct)
    assert Fraction(value) == Fraction(points * pct, 100)
    assert 0 <= value <= points


@given(points=st.integers(1, 200), low=PCTS, high=PCTS)
def test_item_points_never_fall_as_the_percentage_rises(points, low, high):
    low, high = sorted((low, high))
    assert scoring.item_points(points, low) <= scoring.item_points(points, high)


@given(data=st.data())
def test_total_is_the_sum_of_items_and_of_categories(fw, data):
    pcts = {item.id: data.draw(PCTS) for item in fw.items}
    card = scoring.score(fw, pcts)
    assert card.total == sum(s.points for s in card.items)
    assert card.total == sum(c.points for c in card.categories)
    assert card.total == card.process + card.results
    assert 0 <= card.total <= 1000


# --- the line at its boundary, with real items (§2 of issue 12) -------------------------------

# Every item at 60% makes exactly 600 of 1000. Then, with real items of the framework:
# 4.4.3 (15 points) at 65% = 9.75 (+0.75); 4.4.5 (15 points) at 55% = 8.25 (−0.75);
# 4.4.6 (10 points) at 50% = 5 (−1) or at 55% = 5.5 (−0.5). Rounded to half points (the old
# code) 9.75 became 10 and 8.25 became 8.5, so each total below was shown 0.25–0.5 too high.
BOUNDARY = {
    "599.75": {"4.4.3": 65, "4.4.6": 50},  # rounded: 600
    "600": {"4.4.3": 65, "4.4.5": 55},  # rounded: 600.5
    "600.25": {"4.4.3": 65, "4.4.6": 55},  # rounded: 600.5
}


def _card(fw, total):
    card = scoring.score(fw, {item.id: 60 for item in fw.items} | BOUNDARY[total])
    assert card.total == Decimal(total)
    assert isinstance(card.total, Decimal)
    return card


@pytest.mark.parametrize(
    ("total", "reached"),
    [("599.75", False), ("600", True), ("600.25", True)],
    ids=["599.75 未达到", "600 达到", "600.25 达到"],
)
def test_suzhou_article_16_not_below_600(forms, fw, total, reached):
    """苏州's 不低于 line, exact at 600.

    第十六条：市长质量奖获奖组织的总评分应当不低于600分。
    """
    card = _card(fw, total)
    mayor = scoring.evaluate_tiers(forms.award("suzhou-mayor"), card.total)[0]
    assert (mayor.tier, mayor.wording) == ("市长质量奖", "不低于 600 分")
    assert mayor.reached is reached
    assert numbers.score(card.total) == total


@pytest.mark.parametrize(
    ("total", "reached"),
    [("599.75", False), ("600", False), ("600.25", True)],
    ids=["599.75 未达到", "600 未达到", "600.25 达到"],
)
def test_sip_article_18_above_600(forms, fw, total, reached):
    """SIP's 高于 line: 600 itself is not enough.

    第十八条：苏州工业园区质量奖获奖组织的总评分……应当高于600分。
    """
    card = _card(fw, total)
    award = scoring.evaluate_tiers(forms.award("sip"), card.total)[0]
    assert award.wording == "高于 600 分"
    assert award.reached is reached


def test_sums_and_gaps_stay_exact(fw):
    card = _card(fw, "599.75")
    by_id = {c.category.id: c.points for c in card.categories}
    assert by_id["4.4"] == Decimal("77.75")  # 60% of 130 is 78; +0.75 −1
    assert card.process == Decimal("359.75")
    assert numbers.score(card.process) == "359.75"
    gain = next(g for g in scoring.gaps(card) if g.item.id == "4.4.3").gain
    assert gain == Decimal("0.75")  # 65% → 70%: 9.75 → 10.5


def test_reaches_compares_exactly():
    assert not scoring.reaches(Decimal("599.99"), 600, "at_least")
    assert scoring.reaches(Decimal("600.0000"), 600, "at_least")
    assert not scoring.reaches(Decimal("600.00"), 600, "above")
    assert scoring.reaches(Decimal("600.0001"), 600, "above")
    with pytest.raises(ScoreError, match="未知的分数线比较方式"):
        scoring.reaches(Decimal(600), 600, "about")


# --- stage scores and the composite ---------------------------------------------------------


def test_composite_is_exact(forms):
    spec = forms.award("sip").composite
    ids = [p.id for p in spec.parts]
    stages = dict(zip(ids, ["600.5", "599.25", "600"], strict=True))
    value = scoring.composite(spec, stages)
    # 600.5 × 15% + 599.25 × 15% + 600 × 70% = 90.075 + 89.8875 + 420 = 599.9625
    assert value == Decimal("599.9625")
    assert numbers.score(value) == "599.9625"  # never 600 or 600.00
    assert not scoring.reaches(value, 600, "at_least")
    assert scoring.composite(spec, dict.fromkeys(ids, Decimal("600.00"))) == 600
    assert numbers.score(scoring.composite(spec, dict.fromkeys(ids, "600.00"))) == "600"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("612.5", "612.5"), ("６１２．５０ 分", "612.5"), ("1,000", "1000"), ("0", "0"), (600, "600")],
)
def test_stage_score_accepts_published_scores(text, expected):
    value = scoring.stage_score(text, "现场评审")
    assert value == Decimal(expected)
    assert str(value) == expected  # exact, no exponent, no trailing zeros


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "现场评审应为数字"),
        ("60%", "现场评审应为数字"),
        ("-1", "现场评审应为数字"),
        (True, "现场评审应为数字"),
        ("1000.5", "现场评审应在 0–1000 分之间"),
        ("612.12345", "现场评审最多保留 4 位小数"),
    ],
)
def test_stage_score_refuses_with_a_clear_message(text, message):
    with pytest.raises(ScoreError, match=message):
        scoring.stage_score(text, "现场评审")


# --- JSON --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("599.75"), "599.75"),
        (Decimal("600.00"), "600"),
        (Decimal("599.9625"), "599.9625"),
        (Decimal("0.15"), "0.15"),
        (Decimal("24.75"), "24.75"),
    ],
)
def test_json_scores_are_numbers_written_exactly(value, text):
    written = json.dumps(numbers.json_score(value))
    assert written == text
    assert json.loads(written, parse_float=Decimal) == value
