"""Fonts, translations and icons (installed as qualitydesk.resources)."""
