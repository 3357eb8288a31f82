"""新建申报: a QWizard for programme, applicant (组织 or 个人, where the programme awards people)
and year, the organisation's or person's name, and where to save.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

from qualitydesk.domain.forms import Forms
from qualitydesk.ui import theme
from qualitydesk.ui.messages import Messages


class PageId(IntEnum):
    """The wizard's pages, in the order they are shown."""

    PROGRAMME = 0
    ORGANISATION = 1
    LOCATION = 2


class ProgrammePage(QWizardPage):
    """The first page: the programme, 组织 or 个人 (where the programme awards people), the year."""

    def __init__(self, forms: Forms, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("申报的奖项与年度"))
        self.setSubTitle(self.tr("奖项决定评价准则、资格条件、分数线和申报材料的组成。"))
        self.award = QComboBox()
        self.award.setAccessibleName(self.tr("奖项"))
        for award in forms.awards.values():
            notice = self.tr("（按当年申报通知核对）") if award.check_notice else ""
            self.award.addItem(f"{award.name}{notice}", award.id)
        default = self.award.findData("suzhou-mayor")
        self.award.setCurrentIndex(max(default, 0))
        self.forms = forms
        self.applicant = QComboBox()
        self.applicant.setAccessibleName(self.tr("申报主体"))
        self.award.currentIndexChanged.connect(self._fill_applicants)
        self._fill_applicants()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("申报年度"))
        form = QFormLayout(self)
        award_label = QLabel(self.tr("奖项(&A)："))
        award_label.setBuddy(self.award)
        year_label = QLabel(self.tr("申报年度(&Y)："))
        year_label.setBuddy(self.year)
        applicant_label = QLabel(self.tr("申报主体(&P)："))
        applicant_label.setBuddy(self.applicant)
        form.addRow(award_label, self.award)
        form.addRow(applicant_label, self.applicant)
        form.addRow(year_label, self.year)
        self.registerField("award", self.award, "currentData")
        self.registerField("applicant", self.applicant, "currentData")
        self.registerField("year", self.year)

    def _fill_applicants(self) -> None:
        """组织申报, and 个人申报 where the programme awards people too."""
        award = self.forms.awards.get(str(self.award.currentData()))
        accepted = award.applicants if award is not None else ("organisation",)
        names = {"organisation": self.tr("组织申报"), "individual": self.tr("个人申报")}
        self.applicant.clear()
        for applicant in accepted:
            self.applicant.addItem(names.get(applicant, applicant), applicant)
        self.applicant.setEnabled(len(accepted) > 1)


class OrganisationPage(QWizardPage):
    """The organisation's name, or the person's where one applies as an individual."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org = QLineEdit()
        self.label = QLabel()
        self.label.setBuddy(self.org)
        form = QFormLayout(self)
        form.addRow(self.label, self.org)
        self.registerField("org*", self.org)
        self._show_for(individual=False)

    def initializePage(self) -> None:
        """Ask for a person's name or an organisation's, as chosen on the first page."""
        self._show_for(individual=self.field("applicant") == "individual")

    def _show_for(self, *, individual: bool) -> None:
        if individual:
            self.setTitle(self.tr("申报人"))
            self.setSubTitle(self.tr("填写申报人姓名；其余信息稍后在申请表中填写。"))
            self.org.setAccessibleName(self.tr("申报人姓名"))
            self.label.setText(self.tr("姓名(&N)："))
        else:
            self.setTitle(self.tr("申报组织"))
            self.setSubTitle(self.tr("组织名称按营业执照填写；其余信息稍后在申请表中填写。"))
            self.org.setAccessibleName(self.tr("组织名称"))
            self.label.setText(self.tr("组织名称(&N)："))


class LocationPage(QWizardPage):
    """The last page: where to save the new file (an existing file is never overwritten)."""

    def __init__(self, messages: Messages, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = messages
        self.folder = folder
        self.setTitle(self.tr("保存位置"))
        self.setSubTitle(self.tr("一份申报保存为一个 .qdesk 文件，修改会自动保存。"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("文件位置"))
        browse = QPushButton(self.tr("浏览(&B)…"))
        browse.clicked.connect(self._browse)
        label = QLabel(self.tr("文件(&F)："))
        label.setBuddy(self.path)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(label, row)
        self.error = QLabel()
        self.error.setStyleSheet(theme.style("color: $error"))
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.registerField("path*", self.path)
        self.path.textChanged.connect(lambda _text: self.error.clear())

    def initializePage(self) -> None:
        """Offer a file named after the organisation and year, unless one is typed."""
        if not self.path.text():
            name = self.field("org") or self.tr("申报")
            self.path.setText(str(self.folder / f"{name}-{self.field('year')}.qdesk"))

    def _browse(self) -> None:
        chosen = self.messages.save_file(
            self, self.tr("保存申报文件"), self.path.text(), self.tr("申报文件 (*.qdesk)")
        )
        if chosen:
            self.path.setText(chosen if chosen.endswith(".qdesk") else chosen + ".qdesk")

    def validatePage(self) -> bool:
        """Go on only with a new file in a folder that exists; else say which is wrong."""
        path = Path(self.path.text().strip())
        if path.exists():
            self.error.setText(self.tr("该文件已存在，不会覆盖；请换一个文件名。"))
            return False
        if not path.parent.is_dir():
            self.error.setText(self.tr("文件夹不存在：{0}").format(path.parent))
            return False
        return True


class NewApplicationWizard(QWizard):
    """Collects what a new application needs; the caller creates the file on ``accepted``."""

    def __init__(
        self, forms: Forms, messages: Messages, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建申报"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setPage(PageId.PROGRAMME, ProgrammePage(forms))
        self.setPage(PageId.ORGANISATION, OrganisationPage())
        self.setPage(PageId.LOCATION, LocationPage(messages, folder))

    def applicant(self) -> str:
        """The applicant chosen: "organisation", or "individual" where the award allows it."""
        return str(self.field("applicant") or "organisation")

    def choice(self) -> tuple[str, int, str, Path]:
        """(award id, year, organisation name, file path) as entered."""
        return (
            str(self.field("award")),
            int(self.field("year")),
            str(self.field("org")).strip(),
            Path(str(self.field("path")).strip()),
        )
