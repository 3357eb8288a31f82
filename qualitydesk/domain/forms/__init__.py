"""Award programmes, scoring frameworks and the 申请表 catalogue, read from ``forms/``.

The TOML files are data a user may correct by hand, so each is validated against a schema
(frozen :mod:`msgspec` models that refuse unknown keys; :mod:`.award`, :mod:`.framework`,
:mod:`.catalogue`, :mod:`.layouts`, :mod:`.notice`, :mod:`.rules`), then checked across files
(:mod:`.checks`: sums, ids, references); every problem is reported in Chinese as
``file: key.path: 问题`` with what is allowed (:mod:`.errors`). Nothing here knows about Qt or SQL.
"""

from qualitydesk.domain.forms.award import (
    AttachmentSpec,
    Award,
    Composite,
    CompositePart,
    Cover,
    Fact,
    Part,
    Round,
    Seal,
    Tier,
)
from qualitydesk.domain.forms.base import (
    APPLICANTS,
    COMPARISONS,
    FIELD_TYPES,
    KINDS,
    METRICS,
    ORGANISATION,
    PART_IDS,
    REFERENCE,
    VALIDATORS,
    FormsError,
    applicant_name,
)
from qualitydesk.domain.forms.catalogue import (
    FieldGroup,
    FieldSpec,
    FormCatalogue,
    Limits,
    TableSpec,
)
from qualitydesk.domain.forms.checks import REQUIRED_COLUMNS, REQUIRED_FIELDS
from qualitydesk.domain.forms.collection import Forms
from qualitydesk.domain.forms.framework import (
    Band,
    Category,
    Factor,
    Framework,
    Item,
    Profile,
    ProfileSection,
)
from qualitydesk.domain.forms.ladder import Ladder, Level
from qualitydesk.domain.forms.layouts import A4_MM, LAYOUT_VALUES, MIN_TEXT_MM, Layout, LayoutChange
from qualitydesk.domain.forms.loading import forms_root, load_forms
from qualitydesk.domain.forms.notice import Notice, NoticeLimit
from qualitydesk.domain.forms.rules import PARAMS, RULE_KINDS, Rule

RULE_PARAMS = PARAMS  # the parameters of each kind of rule (kind -> its params model)

__all__ = [
    "A4_MM",
    "APPLICANTS",
    "COMPARISONS",
    "FIELD_TYPES",
    "KINDS",
    "LAYOUT_VALUES",
    "METRICS",
    "MIN_TEXT_MM",
    "ORGANISATION",
    "PARAMS",
    "PART_IDS",
    "REFERENCE",
    "REQUIRED_COLUMNS",
    "REQUIRED_FIELDS",
    "RULE_KINDS",
    "RULE_PARAMS",
    "VALIDATORS",
    "AttachmentSpec",
    "Award",
    "Band",
    "Category",
    "Composite",
    "CompositePart",
    "Cover",
    "Fact",
    "Factor",
    "FieldGroup",
    "FieldSpec",
    "FormCatalogue",
    "Forms",
    "FormsError",
    "Framework",
    "Item",
    "Ladder",
    "Layout",
    "LayoutChange",
    "Level",
    "Limits",
    "Notice",
    "NoticeLimit",
    "Part",
    "Profile",
    "ProfileSection",
    "Round",
    "Rule",
    "Seal",
    "TableSpec",
    "Tier",
    "applicant_name",
    "forms_root",
    "load_forms",
]
