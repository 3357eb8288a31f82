"""Fixtures for the PDF tests: the demo application, built once per module, and its exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualitydesk.export.pdf import export_pdf
from qualitydesk.store.demo import build_demo
from qualitydesk.store.document import Document


@pytest.fixture(scope="module")
def demo(tmp_path_factory, forms) -> Document:
    """The demo application (open, read-only to the tests), built once per test module."""
    path = tmp_path_factory.mktemp("demo") / "demo.qdesk"
    doc = build_demo(path, forms)
    yield doc
    doc.close()


@pytest.fixture(scope="module")
def package_pdf(demo, forms, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "package.pdf"
    export_pdf(demo, forms, out, kind="package")
    return out


@pytest.fixture(scope="module")
def internal_pdf(demo, forms, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "internal.pdf"
    export_pdf(demo, forms, out, kind="internal", double_sided=True)
    return out
