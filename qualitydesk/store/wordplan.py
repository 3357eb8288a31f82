"""The plan of a Word import: the sections found, and per item what the import is to do.

A :class:`Plan` is what :func:`qualitydesk.store.wordimport.read_plan` gives: the Word file's
sections with their items, the pictures, what was left out, and the choice per item — 替换
(:data:`REPLACE`), 追加 (:data:`APPEND`) or 跳过 (:data:`SKIP`); an item that is empty is filled
(:data:`FILL`). The helpers here name the targets (items and 组织概述 sections) and read their
current text; :mod:`~qualitydesk.store.wordapply` writes a plan into a document.

No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qualitydesk.domain.forms import Framework
from qualitydesk.store.document import Document
from qualitydesk.store.wordheadings import PROFILE
from qualitydesk.store.wordsections import Section, WordImage

REPLACE, APPEND, SKIP = "replace", "append", "skip"
FILL = "fill"  # what happens to an item that has no text yet, whatever the mode
MODES = (REPLACE, APPEND, SKIP)
MARKER_PREFIX = "qualitydesk:"  # a Word copy's identifier: this + the application's created

# --- the plan ---------------------------------------------------------------------------------


@dataclass
class Plan:
    """What an import would do: sections, pictures, what was left out, and the choice per item."""

    source: Path
    sections: list[Section]
    images: list[WordImage]
    ignored: list[str]
    notes: list[str]
    marker_application: str = ""
    marker_target: str = ""
    modes: dict[str, str] = field(default_factory=dict)

    def targets(self) -> list[str]:
        """The items (and 组织概述 sections) text goes into, in the order of the Word file."""
        return list(dict.fromkeys(s.target for s in self.sections if s.target))

    def text(self, target: str) -> str:
        """The Markdown the Word file has for ``target``: its sections' text, joined."""
        parts = [s.markdown.strip("\n") for s in self.sections if s.target == target]
        return "\n\n".join(p for p in parts if p) + "\n" if any(parts) else ""

    def images_of(self, target: str) -> list[WordImage]:
        """The pictures of ``target``'s sections, each once, in the order of the file."""
        seen = {i for s in self.sections if s.target == target for i in s.images}
        return [self.images[i] for i in sorted(seen)]

    def mode(self, target: str) -> str:
        """What the import does with ``target``'s text: REPLACE, APPEND or SKIP."""
        return self.modes.get(target, SKIP)

    def choose_modes(self, doc: Document, default: str | None = None) -> None:
        """Per target: fill an empty item; otherwise ``default`` unless already chosen — by
        default 跳过, but 替换 for the item a per-section copy came from (it is its new text).
        """
        for target in self.targets():
            if not current_text(doc, target).strip():
                self.modes[target] = REPLACE
            elif default is None:
                self.modes.setdefault(target, REPLACE if target == self.marker_target else SKIP)
            else:
                self.modes.setdefault(target, default)

    def warnings(self, doc: Document) -> list[str]:
        """What the user should know before applying this plan to ``doc``."""
        if self.marker_application and self.marker_application != application_id(doc):
            return ["该 Word 文件是从另一份申报文件导出的（不是当前打开的这一份），请确认对应关系"]
        return []


def application_id(doc: Document) -> str:
    """What a Word copy exported from ``doc`` carries as its ``identifier``."""
    return MARKER_PREFIX + doc.meta.get("created", "")


def target_label(framework: Framework, target: str | None) -> str:
    """“4.1.2 高层领导的作用” or “组织概述 B.1.1 组织的环境”; “—” for none."""
    if not target:
        return "—"
    if target.startswith(PROFILE):
        key = target.removeprefix(PROFILE)
        for section in framework.profile.sections:
            if section.id == key:
                return f"{framework.profile.name} {section.id} {section.name}"
        return target
    try:
        item = framework.item(target)
    except KeyError:
        return target
    return f"{item.id} {item.name}"


def all_targets(framework: Framework) -> list[str]:
    """Every target a section can be mapped to: the items, then the 组织概述 sections."""
    return [i.id for i in framework.items] + [PROFILE + s.id for s in framework.profile.sections]


def current_text(doc: Document, target: str) -> str:
    """The text ``target`` (an item or a 组织概述 section) has in ``doc`` now."""
    if target.startswith(PROFILE):
        return doc.profile(target.removeprefix(PROFILE))
    return doc.narrative(target)
