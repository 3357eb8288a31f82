"""What the fonts cover, read from their files (export/coverage.py), as reportlab reads it."""

from qualitydesk import fontfiles
from qualitydesk.export import coverage, fonts
from qualitydesk.export.fonts import _FILES


def test_the_bundled_coverage_is_the_union_reportlab_registers():
    assert set(fontfiles.ALL) == set(_FILES.values())
    assert coverage.bundled() == fonts.fonts().union
    assert len(coverage.bundled()) == 10_208


def test_covered_judges_as_the_font_set(monkeypatch, tmp_path):
    monkeypatch.setenv("QUALITYDESK_FONT_DIRS", str(tmp_path))  # no fallback face
    for ch in "中玥A\u3000\U0001f600\ue000𬭚":
        assert coverage.covered(ch) == fonts.fonts().covered(ch), ch
