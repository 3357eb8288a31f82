"""Reusable widgets: the Markdown editor, charts, previews."""
