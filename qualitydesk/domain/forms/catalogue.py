"""The 申请表 catalogue (application-form.toml) and the text limits (limits.toml)."""

from __future__ import annotations

from qualitydesk.domain.forms.award import Award
from qualitydesk.domain.forms.base import (
    ORGANISATION,
    Applicant,
    FieldType,
    Model,
    Positive,
    Text,
    Validator,
)


class FieldSpec(Model, frozen=True):
    """A field of the 申请表 or a column of one of its tables."""

    id: Text
    label: Text
    label_en: Text
    type: FieldType
    required: bool
    validator: Validator | None = None
    unit: str | None = None
    choices: tuple[Text, ...] = ()
    help: str = ""


class FieldGroup(Model, frozen=True):
    """A group of fields (组织基本信息 …), for some applicants and programmes."""

    id: Text
    name: Text
    name_en: Text
    fields: tuple[FieldSpec, ...]
    applicants: tuple[Applicant, ...] = (ORGANISATION,)  # whose form the group belongs to
    awards: tuple[Text, ...] = ()  # only these programmes' forms (empty: every programme)

    def belongs_to(self, award: Award) -> bool:
        """Whether the group is on ``award``'s form for its applicant."""
        return award.applicant in self.applicants and (not self.awards or award.id in self.awards)


class TableSpec(Model, frozen=True):
    """A table of the 申请表 (财务, 认证, 获奖荣誉 …)."""

    id: Text
    name: Text
    name_en: Text
    by_year: bool
    columns: tuple[FieldSpec, ...]
    help: str = ""
    applicants: tuple[Applicant, ...] = (ORGANISATION,)

    def column(self, column_id: str) -> FieldSpec:
        """The column ``column_id`` (KeyError when there is none)."""
        for column in self.columns:
            if column.id == column_id:
                return column
        raise KeyError(column_id)


class FormCatalogue(Model, frozen=True):
    """The 申请表: groups of fields and tables."""

    groups: tuple[FieldGroup, ...]
    tables: tuple[TableSpec, ...]

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        """Every field, group by group."""
        return tuple(f for group in self.groups for f in group.fields)

    def field(self, field_id: str) -> FieldSpec:
        """The field ``field_id`` (KeyError when there is none)."""
        for spec in self.fields:
            if spec.id == field_id:
                return spec
        raise KeyError(field_id)

    def table(self, table_id: str) -> TableSpec:
        """The table ``table_id`` (KeyError when there is none)."""
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)

    def for_award(self, award: Award) -> FormCatalogue:
        """The groups and tables of ``award``'s form for its applicant (:meth:`Forms.award_for`)."""
        groups = tuple(g for g in self.groups if g.belongs_to(award))
        tables = tuple(t for t in self.tables if award.applicant in t.applicants)
        return FormCatalogue(groups=groups, tables=tables)


class Limits(Model, frozen=True):
    """The most characters each kind of text may hold (forms/limits.toml); see
    :mod:`qualitydesk.domain.limits` for what they bound and how a narrative's bound is found.
    """

    narrative_factor: Positive
    narrative_default: Positive
    field: Positive
    multiline_field: Positive
    table_cell: Positive
    score_note: Positive
    declaration: Positive
    indicator: Positive
    caption: Positive
    file_name: Positive
