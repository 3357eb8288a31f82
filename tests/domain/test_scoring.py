import pytest
from hypothesis import given
from hypothesis import strategies as st

from qualitydesk.domain import scoring
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
        (50, 45, 22.5),
        (40, 45, 18.0),
        (15, 35, 5.5),
        (15, 5, 1.0),
        (10, 15, 1.5),
        (30, 0, 0.0),
        (80, 100, 80.0),
        (15, 25, 4.0),
        (15, 15, 2.5),
    ],
)
def test_item_points_round_half_up_to_half_points(points, pct, expected):
    assert scoring.item_points(points, pct) == expected


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
    with pytest.raises(ScoreError, match="非负数"):
        scoring.composite(spec, dict(zip(ids, [600, -1, 600], strict=True)))


@given(points=st.integers(1, 200), pct=PCTS)
def test_item_points_are_half_point_precise_and_within_a_quarter(points, pct):
    value = scoring.item_points(points, pct)
    assert (value * 2).is_integer()
    assert 0 <= value <= points
    assert abs(value - points * pct / 100) <= 0.25


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
