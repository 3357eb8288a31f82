"""Applicants: an award narrowed to organisations or people, its own profile, its rounds (届)."""

from __future__ import annotations

import pytest

from qualitydesk.domain.forms import FormsError


def test_china_quality_organisation_writes_its_quality_model_not_a_1000_point_report(forms):
    award = forms.award_for("china-quality")
    assert not award.scored
    assert not any(t.line for t in award.tiers)
    profile = forms.framework_for(award).profile
    assert profile.name == "质量管理模式介绍"
    assert [s.name for s in profile.sections] == [
        "模式名称与概要",
        "模式的内涵",
        "实施方法与路径",
        "实施成效",
        "模式的创新",
        "推广价值与推广情况",
    ]
    assert award.part("profile").name == "质量管理模式介绍"
    report = award.part("report")
    assert report.optional
    assert "可选" in report.name
    assert all("individual" not in r.id for r in award.rules)


def test_china_quality_individual_has_a_person_s_parts_and_rules(forms):
    award = forms.award_for("china-quality", "individual")
    assert award.individual
    assert not award.scored
    assert [p.id for p in award.parts] == [
        "form",
        "commitment",
        "profile",
        "evidence",
        "recommendation",
    ]
    assert award.part("profile").name == "个人事迹材料"
    assert {r.id for r in award.rules} == {"individual-contribution", "individual-conduct"}
    assert forms.framework_for(award).profile.name == "个人事迹材料"


def test_a_person_s_form_has_the_person_s_groups_and_no_id_number(forms):
    person = forms.form.for_award(forms.award_for("china-quality", "individual"))
    groups = [g.id for g in person.groups]
    assert "person" in groups
    assert "org" not in groups
    assert "applicant_unit" not in groups
    labels = [f.label for f in person.fields]
    for label in ("姓名", "性别", "出生年月", "工作单位", "职务/职称", "从事质量工作年限"):
        assert label in labels
    assert not any("身份证" in label for label in labels)
    assert person.tables == ()


def test_the_applicant_type_group_belongs_to_china_quality_only(forms):
    china = forms.form.for_award(forms.award_for("china-quality"))
    suzhou = forms.form.for_award(forms.award_for("suzhou-mayor"))
    assert "applicant_unit" in [g.id for g in china.groups]
    assert "applicant_unit" not in [g.id for g in suzhou.groups]
    choices = china.field("applicant_type").choices
    for kind in ("分支机构", "内设机构", "基层一线班组", "QC小组"):
        assert kind in choices


def test_a_programme_for_organisations_only_refuses_a_person(forms):
    with pytest.raises(FormsError, match="不接受个人申报"):
        forms.award_for("suzhou-mayor", "individual")


def test_suzhou_is_unchanged_for_organisations(forms):
    award = forms.award_for("suzhou-mayor")
    assert award.scored
    assert forms.framework_for(award) is forms.framework(award.framework)


def test_rounds_are_numbered_by_jie(forms):
    award = forms.award("china-quality")
    assert award.round_for(2021).name == "第四届"
    assert award.round_for(2020) is None


@pytest.mark.parametrize("award_id", ["jiangsu-governor", "taicang-mayor"])
def test_programmes_that_award_people_have_a_person_s_application(forms, award_id):
    person = forms.award_for(award_id, "individual")
    organisation = forms.award_for(award_id, "organisation")
    assert {r.id for r in person.rules} == {"individual-contribution", "individual-conduct"}
    assert all(r.check_notice for r in person.rules)  # no published text: 按当年申报通知核对
    assert not {"report", "indicators"} & {p.id for p in person.parts}
    assert forms.framework_for(person).profile.name == "个人事迹材料"
    assert not person.scored
    assert not {r.id for r in person.rules} & {r.id for r in organisation.rules}
    assert "report" in {p.id for p in organisation.parts}
    assert forms.framework_for(organisation).profile.name == "组织概述"
