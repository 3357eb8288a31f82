"""The honour level ladder (forms/levels.toml): 国家级 > 省级 > 市级 > 区县级, as data."""

from __future__ import annotations

from typing import Literal

from qualitydesk.domain.forms.base import Model, Text

Division = Literal["nation", "province", "prefecture", "county"]


class Level(Model, frozen=True):
    """A rung of the honour ladder (国家级 …) and the kind of division whose awards stand on it."""

    name: Text
    division: Division


class Ladder(Model, frozen=True):
    """forms/levels.toml: the honour levels awards are placed on, highest first."""

    ladder: tuple[Level, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The levels' names, highest first."""
        return tuple(level.name for level in self.ladder)
