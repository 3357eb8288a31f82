"""What the applicant writes: the fields of the 申请表, narratives, 组织概述 sections, self-scores
and the declarations of eligibility clauses.

Reads include the pending changes; every change is kept as pending until the document saves.
"""

from __future__ import annotations

from msgspec.structs import replace

from qualitydesk.store.base import DocumentBase
from qualitydesk.store.records import Declaration, FieldValue, Score


class ContentMixin(DocumentBase):
    """Fields, narratives, profile sections, scores and declarations of a document."""

    def field(self, field_id: str) -> FieldValue:
        """A field's value (None when unset)."""
        value: FieldValue = self._get("field", field_id, self._fields.get(field_id))
        return value

    def fields(self) -> dict[str, FieldValue]:
        """Every field that has a value."""
        merged = dict(self._fields)
        merged.update({k: v for (kind, k), v in self._pending.items() if kind == "field"})
        return {k: v for k, v in merged.items() if v not in (None, "")}

    def set_field(self, field_id: str, value: FieldValue) -> None:
        """Change a field (None or "" clears it)."""
        self._set("field", field_id, value)

    def narrative(self, item: str) -> str:
        """The narrative of an item ("" when none)."""
        text: str = self._get("narrative", item, self._narratives.get(item, ""))
        return text

    def narratives(self) -> dict[str, str]:
        """Every narrative that has text, by item."""
        keys = self._keys("narrative", self._narratives)
        return {k: self.narrative(k) for k in keys if self.narrative(k)}

    def set_narrative(self, item: str, text: str) -> None:
        """Change the narrative of an item."""
        self._set("narrative", item, text)

    def profile(self, section: str) -> str:
        """A section of the 组织概述 ("" when none)."""
        text: str = self._get("profile", section, self._profile.get(section, ""))
        return text

    def profiles(self) -> dict[str, str]:
        """Every 组织概述 section that has text."""
        keys = self._keys("profile", self._profile)
        return {k: self.profile(k) for k in keys if self.profile(k)}

    def set_profile(self, section: str, text: str) -> None:
        """Change a section of the 组织概述."""
        self._set("profile", section, text)

    def score(self, item: str) -> Score | None:
        """The self-score of an item, if scored."""
        found: Score | None = self._get("score", item, self._scores.get(item))
        return found

    def scores(self) -> dict[str, Score]:
        """Every self-score, by item."""
        found = {k: self.score(k) for k in self._keys("score", self._scores)}
        return {k: v for k, v in found.items() if v is not None}

    def set_score(self, item: str, score: Score | None) -> None:
        """Score an item (None clears it); a score without a time is stamped now."""
        if score is not None and not score.scored_at:
            score = replace(score, scored_at=self._clock())
        self._set("score", item, score)

    def declaration(self, rule: str) -> Declaration | None:
        """The declaration of an eligibility clause, if made."""
        found: Declaration | None = self._get("declaration", rule, self._declarations.get(rule))
        return found

    def declarations(self) -> dict[str, Declaration]:
        """Every declaration, by clause."""
        found = {k: self.declaration(k) for k in self._keys("declaration", self._declarations)}
        return {k: v for k, v in found.items() if v is not None}

    def set_declaration(self, rule: str, declaration: Declaration | None) -> None:
        """Declare a clause (None clears it); an affirmation without a time is stamped now."""
        if declaration is not None and declaration.affirmed and not declaration.affirmed_at:
            declaration = replace(declaration, affirmed_at=self._clock())
        self._set("declaration", rule, declaration)
