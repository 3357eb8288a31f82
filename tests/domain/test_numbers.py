"""Numbers are written one way everywhere: separators, 万元, per cent, scores, sizes."""

from decimal import Decimal

import pytest

from qualitydesk.domain import numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (60000, "60,000"),
        (-1234567, "-1,234,567"),
        (2.5, "3"),
        ("3001", "3,001"),
        ("1,234", "1,234"),
    ],
)
def test_integer(value, expected):
    assert numbers.integer(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12000, "12,000.00 万元"),
        ("1234.5", "1,234.50 万元"),
        ("1,234.56", "1,234.56 万元"),
        ("12万元", "12.00 万元"),
        ("１２３４", "1,234.00 万元"),  # full-width digits, as an input method types them
        (Decimal("-120.5"), "-120.50 万元"),
        (2.675, "2.68 万元"),  # half up, not to the float below
        (-0.001, "0.00 万元"),  # never "-0.00"
        ("约一千", "约一千"),  # not a number: shown as typed
    ],
)
def test_money_wan(value, expected):
    assert numbers.money_wan(value) == expected


def test_money_without_the_unit():
    assert numbers.money("186400") == "186,400.00"


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (14.6, None, "14.6%"),
        ("14.60", None, "14.6%"),
        ("99.46%", None, "99.46%"),
        (60, None, "60%"),
        (68.46, 1, "68.5%"),
        (70, 1, "70.0%"),
        ("n/a", None, "n/a"),
    ],
)
def test_percent(value, places, expected):
    assert numbers.percent(value, places) == expected


def test_fraction_percent():
    assert numbers.fraction_percent(0.645) == "65%"
    assert numbers.fraction_percent(71 / 110) == "65%"
    assert numbers.fraction_percent(0.6455, 1) == "64.6%"
    assert numbers.fraction_percent(0) == "0%"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(608.0, "608"), (27.5, "27.5"), (85.25, "85.25"), (1000, "1000"), (0.0, "0"), (-0.0, "0")],
)
def test_score(value, expected):
    assert numbers.score(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(180000.0, "180,000"), (0.0275, "0.0275"), (99.5, "99.5"), (1.23456, "1.2346"), (-0.0, "0")],
)
def test_number(value, expected):
    assert numbers.number(value) == expected


def test_decimal():
    assert numbers.decimal(1234.5) == "1,234.50"
    assert numbers.decimal(0.25, 1) == "0.3"
    assert numbers.decimal(12, 0) == "12"


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (0, "0 B"),
        (1023, "1,023 B"),
        (1536, "1.5 KB"),
        (3 * 1048576, "3.0 MB"),
        (1500 * 1048576, "1,500.0 MB"),
    ],
)
def test_file_size(size, expected):
    assert numbers.file_size(size) == expected


@pytest.mark.parametrize("value", [None, True, float("nan"), float("inf"), "", "1.2.3", "1e5"])
def test_what_is_not_a_number(value):
    assert numbers.to_decimal(value) is None
