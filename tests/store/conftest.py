from datetime import date, datetime, timedelta

import pytest

from qualitydesk.store.document import Document


class Clock:
    """A controllable clock for history coalescing: starts at a fixed time, moves when told."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 15, 9, 0, 0).astimezone()

    def __call__(self) -> str:
        return self.now.isoformat(timespec="seconds")

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def new_doc(tmp_path, clock):
    """Factory for new documents in tmp_path; every one is closed at the end of the test."""
    opened: list[Document] = []

    def make(name: str = "app.qdesk", award: str = "suzhou-mayor", **kwargs) -> Document:
        kwargs.setdefault("clock", clock)
        doc = Document.create(
            tmp_path / name,
            award=award,
            framework="gbt19580-2012",
            year=2026,
            application_date=date(2026, 5, 15),
            **kwargs,
        )
        opened.append(doc)
        return doc

    yield make
    for doc in opened:
        doc.close()
