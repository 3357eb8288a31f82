"""A scoring framework (frameworks/<id>.toml): categories, items, scoring bands, 组织概述."""

from __future__ import annotations

from qualitydesk.domain.forms.base import (
    ORGANISATION,
    Applicant,
    Count,
    Kind,
    Model,
    Positive,
    Text,
)


class Factor(Model, frozen=True):
    """A scoring factor (A, D, L, I for processes; Le, T, C, I for results)."""

    id: Text
    kind: Kind
    name: Text
    name_en: Text


class Item(Model, frozen=True):
    """A scored item (4.1.2): its points and the guidance questions."""

    id: Text
    name: Text
    name_en: Text
    points: Positive
    kind: Kind
    prompts: tuple[Text, ...]
    category: str = ""  # the category id, set by the loader (not a key of the file)


class Category(Model, frozen=True):
    """A category (4.1) and its items; ``overview`` is its 提要 clause."""

    id: Text
    name: Text
    name_en: Text
    items: tuple[Item, ...]
    overview: str | None = None

    @property
    def points(self) -> int:
        """The points of its items together."""
        return sum(item.points for item in self.items)


class Band(Model, frozen=True):
    """A scoring band (50%–65%) of one kind, with each factor's descriptor."""

    kind: Kind
    low: Count
    high: Count
    name: Text
    factors: dict[str, Text]

    def __contains__(self, pct: object) -> bool:
        """Whether a percentage lies in the band (inclusive)."""
        return isinstance(pct, int) and self.low <= pct <= self.high


class ProfileSection(Model, frozen=True):
    """A section of the 组织概述 (B.1.1) with its prompts."""

    id: Text
    group: Text
    name: Text
    name_en: Text
    prompts: tuple[Text, ...]


class Profile(Model, frozen=True):
    """The narrative before the report: the framework's 组织概述 or an award's own."""

    name: Text
    limit: Positive
    sections: tuple[ProfileSection, ...]
    limit_source: Text  # the clause or notice the limit comes from, or REFERENCE
    applicants: tuple[Applicant, ...] = (ORGANISATION,)  # an award's own profile: for whom


class Framework(Model, frozen=True):
    """A scoring framework: 1000 points over categories and items, the bands, the 组织概述."""

    id: Text
    name: Text
    name_en: Text
    standard: Text
    guide: Text
    total_points: Positive
    step: Positive
    factors: tuple[Factor, ...]
    categories: tuple[Category, ...]
    bands: tuple[Band, ...]
    profile: Profile
    note: str = ""

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, category by category."""
        return tuple(item for category in self.categories for item in category.items)

    def item(self, item_id: str) -> Item:
        """The item ``item_id`` (KeyError when there is none)."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def factors_of(self, kind: str) -> tuple[Factor, ...]:
        """The factors of ``process`` or ``results`` items."""
        return tuple(f for f in self.factors if f.kind == kind)

    def bands_of(self, kind: str) -> tuple[Band, ...]:
        """The bands of ``process`` or ``results`` items, lowest first as in the file."""
        return tuple(b for b in self.bands if b.kind == kind)
