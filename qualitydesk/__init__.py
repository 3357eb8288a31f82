"""QualityDesk (质量奖申报助手): prepare Chinese quality-award applications against GB/T 19580."""

__version__ = "0.1.0"
