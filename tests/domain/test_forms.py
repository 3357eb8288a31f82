"""The forms/ data loads, is complete, and every mistake in it is reported precisely."""

from datetime import date
from pathlib import Path

import pytest

from qualitydesk.domain import eligibility
from qualitydesk.domain import forms as forms_module
from qualitydesk.domain.forms import FormsError, load_forms

REPO_FORMS = Path(__file__).parents[2] / "forms"
AWARDS = [
    "china-quality",
    "jiangsu-governor",
    "nantong-city",
    "self-assessment",
    "sip",
    "suzhou-city",
    "suzhou-mayor",
    "taicang-mayor",
]


def test_every_file_loads(forms):
    assert sorted(forms.awards) == AWARDS
    assert list(forms.frameworks) == ["gbt19580-2012"]
    toml_files = {p.stem for p in (REPO_FORMS / "awards").glob("*.toml")}
    assert toml_files == set(AWARDS)


def test_the_installed_forms_are_the_repository_forms(forms):
    assert load_forms(REPO_FORMS) == forms


def test_gbt19580_has_23_items_worth_1000_points(forms):
    fw = forms.framework("gbt19580-2012")
    assert len(fw.categories) == 7
    assert len(fw.items) == 23
    assert sum(i.points for i in fw.items if i.kind == "process") == 600
    assert sum(i.points for i in fw.items if i.kind == "results") == 400
    assert {c.id: c.points for c in fw.categories} == {
        "4.1": 110,
        "4.2": 90,
        "4.3": 90,
        "4.4": 130,
        "4.5": 100,
        "4.6": 80,
        "4.7": 400,
    }
    assert fw.item("4.2.3").points == 50
    assert all(len(item.prompts) >= 3 for item in fw.items)
    assert fw.bands_of("process")[0].name.startswith("0%")
    assert len(fw.bands_of("results")) == 6
    assert [s.id for s in fw.profile.sections] == ["B.1.1", "B.1.2", "B.2.1", "B.2.2", "B.2.3"]
    assert fw.profile.limit == 3000


def test_award_lines_and_weights(forms):
    suzhou, sip = forms.award("suzhou-mayor"), forms.award("sip")
    assert [(t.line, t.comparison) for t in suzhou.tiers] == [(600, "at_least"), (500, "at_least")]
    assert [(t.line, t.comparison) for t in sip.tiers] == [(600, "above"), (500, "above")]
    assert [p.weight for p in suzhou.composite.parts] == [15, 15, 70]
    assert suzhou.effective == date(2016, 12, 1)
    assert not forms.award("china-quality").scored
    assert forms.award("self-assessment").tiers == ()


def test_citations_and_clause_texts_come_from_the_rules(forms):
    suzhou = forms.award("suzhou-mayor")
    no_loss = suzhou.rule("no-loss-3-years")
    assert no_loss.citation == "第十一条（六）"
    assert "最近3年未发生亏损" in no_loss.text
    assert forms.award("sip").rule("not-already-awarded").citation == "第十二条"


def test_unpublished_programmes_are_flagged_for_the_notice(forms):
    for award_id in ("suzhou-city", "taicang-mayor", "nantong-city", "jiangsu-governor"):
        award = forms.award(award_id)
        assert award.check_notice
        assert all(rule.check_notice for rule in award.rules)
        assert all(t.line is None for t in award.tiers)
    assert not forms.award("suzhou-mayor").check_notice


def test_package_parts_and_limits(forms):
    report = forms.award("suzhou-mayor").part("report")
    assert (report.limit, report.counts_figures, report.limit_editable) == (50000, True, True)
    assert report.metric == "words"
    assert forms.award("sip").part("profile").limit == 3000
    for award in forms.awards.values():
        order = [forms_module.PART_IDS.index(p.id) for p in award.parts]
        assert order == sorted(order), award.id


def test_everything_code_reads_exists_in_the_data(forms):
    form = forms.form
    read = ("org_name", "uscc", "registered_address", "established_on", "excellence_introduced_on")
    assert [(form.field(i).type, form.field(i).validator) for i in read] == [
        ("text", None),
        ("text", "uscc"),
        ("text", None),
        ("date", "date"),
        ("date", "date"),
    ]
    for table_id, columns in forms_module.REQUIRED_COLUMNS.items():
        table = form.table(table_id)
        assert {c.id for c in table.columns} >= set(columns)
    assert form.table("financials").column("profit_total").validator == "signed_money"
    honour_levels = form.table("honours").column("level").choices
    assert forms.ladder.names == ("国家级", "省级", "市级", "区县级")
    assert honour_levels == ("国际", *forms.ladder.names, "行业", "其他")  # the ladder, in order
    assert set(eligibility._KINDS) | {"declaration"} == set(forms_module.RULE_PARAMS)


def test_application_form_covers_the_template_fields(forms):
    labels = {f.label for f in forms.form.fields}
    for label in (
        "组织名称",
        "统一社会信用代码",
        "法定代表人",
        "成立日期",
        "所属行业",
        "联系人",
        "电子邮箱",
        "首席质量官",
    ):
        assert any(label in existing for existing in labels), label
    financial = {c.label for c in forms.form.table("financials").columns}
    for label in ("营业收入", "利润总额", "上缴税金", "总资产贡献率", "资本保值增值率"):
        assert any(label in existing for existing in financial), label


# --- every mistake is named with its file and key path --------------------------------------


def _error(root: Path) -> str:
    with pytest.raises(FormsError) as info:
        load_forms(root)
    return str(info.value)


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (
            "awards/sip.toml",
            "cycle = ",
            'cycel = "每年"\ncycle = ',
            "awards/sip.toml: cycel: 未知的键（拼写有误，或不属于此格式）；此处可用的键：id、name",
        ),
        (
            "awards/sip.toml",
            'comparison = "above"',
            'comparison = "greater"',
            "awards/sip.toml: tiers[0].comparison: 'greater' 不是可用的值（可用：above、at_least）",
        ),
        (
            "awards/sip.toml",
            "line = 600",
            'line = "600"',
            "awards/sip.toml: tiers[0].line: 应为整数，实为文字 '600'",
        ),
        (
            "awards/suzhou-mayor.toml",
            "weight = 70",
            "weight = 60",
            "awards/suzhou-mayor.toml: composite.parts: 权重合计 90，应为 100",
        ),
        (
            "awards/suzhou-mayor.toml",
            'kind = "no_loss"',
            'kind = "no_profit"',
            "rules[9].kind: 'no_profit' 不是可用的值（可用：certification、declaration",
        ),
        (
            "awards/suzhou-mayor.toml",
            "params = { years = 3 }",
            "params = { years = 3, span = 1 }",
            "awards/suzhou-mayor.toml: rules[9].params.span: 未知的键（拼写有误，或不属于此格式）"
            "；此处可用的键：years",
        ),
        (
            "awards/suzhou-mayor.toml",
            'field = "established_on"',
            'field = "founded"',
            "awards/suzhou-mayor.toml: rules[1].params.field: 申请表中没有字段 'founded'",
        ),
        (
            "awards/suzhou-mayor.toml",
            'field = "established_on"',
            'field = "org_name"',
            "awards/suzhou-mayor.toml: rules[1].params.field: 'org_name' 不是日期字段",
        ),
        (
            "awards/suzhou-mayor.toml",
            'framework = "gbt19580-2012"',
            'framework = "gbt19580-2004"',
            "awards/suzhou-mayor.toml: framework: frameworks/ 中没有评价准则 'gbt19580-2004'",
        ),
        (
            "frameworks/gbt19580-2012.toml",
            "points = 50",
            "points = 55",
            "frameworks/gbt19580-2012.toml: total_points: 各评分项合计 1005 分，而不是 1000 分",
        ),
        (
            "frameworks/gbt19580-2012.toml",
            'kind = "results"\nlow = 10',
            'kind = "results"\nlow = 15',
            "frameworks/gbt19580-2012.toml: bands: results 的分数段在 10% 处有空缺或重叠",
        ),
        (
            "application-form.toml",
            'id = "uscc"',
            'id = "credit_code"',
            "application-form.toml: groups.fields: 缺少字段 'uscc'（资格自查要读）",
        ),
        (
            "application-form.toml",
            'type = "date"',
            'type = "datetime"',
            "type: 'datetime' 不是可用的值（可用：bool、choice、date",
        ),
    ],
)
def test_mistakes_name_the_file_the_key_and_the_problem(broken, relative, old, new, expected):
    assert expected in _error(broken(relative, old, new))


def test_attachment_pointing_at_a_missing_rule(broken, forms):
    rule_id = forms.award("sip").attachments[1].rules[0]
    root = broken("awards/sip.toml", f'rules = ["{rule_id}"', 'rules = ["no-such-rule"')
    assert "awards/sip.toml: attachments[1].rules: 没有编号为 'no-such-rule' 的条款" in _error(root)


def test_not_toml_and_missing_files(broken, tmp_path):
    root = broken("awards/sip.toml", "[[tiers]]", "[[tiers]")
    assert _error(root).startswith("awards/sip.toml: 不是有效的 TOML：")
    (tmp_path / "forms" / "application-form.toml").unlink()
    assert "application-form.toml: 找不到文件" in _error(tmp_path / "forms")


def test_award_id_must_match_the_file_name(broken):
    root = broken("awards/sip.toml", 'id = "sip"', 'id = "suzhou-sip"')
    assert "awards/sip.toml: id: 'suzhou-sip' 与文件名不同" in _error(root)


def test_unknown_award_lists_the_known_ones(forms):
    with pytest.raises(FormsError, match=r"没有编号为 'beijing' 的奖项.*suzhou-mayor"):
        forms.award("beijing")


RANK = [
    "china-quality",
    "jiangsu-governor",
    "suzhou-mayor",
    "sip",
    "suzhou-city",
    "taicang-mayor",
    "nantong-city",
    "self-assessment",
]


def test_awards_come_in_the_programmes_rank_from_the_data(forms):
    assert list(forms.awards) == RANK
    assert [a.order for a in forms.awards.values()] == sorted(
        a.order for a in forms.awards.values()
    )


def test_the_rank_is_data_a_user_can_change(broken):
    root = broken("awards/nantong-city.toml", "order = 70", "order = 5")
    assert list(load_forms(root).awards)[:2] == ["nantong-city", "china-quality"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("order = 40\n", "", "awards/sip.toml: order: 缺少此项（必填）"),
        ("order = 40", 'order = "4"', "awards/sip.toml: order: 应为整数，实为文字 '4'"),
        ("order = 40", "order = 0", "awards/sip.toml: order: 应不小于 1，实为 0"),
        (
            "order = 40",
            "order = 30",
            "awards/suzhou-mayor.toml: order: 30 与 awards/sip.toml 的 order 相同",
        ),
    ],
)
def test_a_missing_or_clashing_order_is_named(broken, old, new, expected):
    assert expected in _error(broken("awards/sip.toml", old, new))


# --- every limit and fact carries its source --------------------------------------------------


def test_every_limit_and_fact_has_a_source(forms):
    assert forms.framework("gbt19580-2012").profile.limit_source == forms_module.REFERENCE
    for award in forms.awards.values():
        assert award.facts, award.id
        for fact in award.facts:
            assert fact.text.strip(), (award.id, fact)
            assert fact.source.strip(), (award.id, fact)
        for part in award.parts:
            if part.limit is not None or part.figure_chars is not None:
                assert part.limit_source, (award.id, part.id)
    for award_notices in forms.notices.values():
        for notice in award_notices:
            assert notice.source
            assert all(f.source for f in notice.facts)
            assert all(limit.source for limit in notice.limits)


def test_the_programs_own_limits_are_marked_as_suggestions(forms):
    """No seed gives a 字数 limit: 50,000 / 3,000 / 300 per figure are the program's 参考值."""
    seeds = Path(__file__).parents[3] / "shared" / "seeds"
    if seeds.is_dir():
        text = "".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt"))
        assert "万字" not in text
        assert "字数" not in text
    for award in forms.awards.values():
        for part in award.parts:
            if part.limit in (50000, 3000) or part.figure_chars == 300:
                assert part.reference, (award.id, part.id)


def test_no_award_file_keeps_unsourced_notes():
    for path in (REPO_FORMS / "awards").glob("*.toml"):
        assert "\nnotes = " not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (
            "awards/suzhou-mayor.toml",
            'limit = 50000\nlimit_source = "参考值 — 按当年申报通知核对"\n',
            "limit = 50000\n",
            "awards/suzhou-mayor.toml: parts[3].limit_source: 缺少此项：须写明字数上限的出处",
        ),
        (
            "awards/sip.toml",
            'source = "《苏州工业园区质量奖评定管理办法》第四条',
            'sauce = "《苏州工业园区质量奖评定管理办法》第四条',
            "awards/sip.toml: facts[0].sauce: 未知的键（拼写有误，或不属于此格式）"
            "；此处可用的键：text、source",
        ),
        (
            "frameworks/gbt19580-2012.toml",
            'limit = 3000\nlimit_source = "参考值 — 按当年申报通知核对"\n',
            "limit = 3000\n",
            "frameworks/gbt19580-2012.toml: profile.limit_source: 缺少此项（必填）",
        ),
    ],
)
def test_a_limit_or_fact_without_a_source_is_refused(broken, relative, old, new, expected):
    assert expected in _error(broken(relative, old, new))


# --- yearly notices: awards/<id>/notices/<year>.toml ----------------------------------------

NOTICE = """year = 2026
title = "2026年度申报通知（测试）"
issuer = "评定办（测试）"
source = "测试"
"""


@pytest.fixture
def with_notice(broken, tmp_path):
    """A forms/ copy with one notice for 苏州市市长质量奖, written as given."""

    def write(text: str, name: str = "2026.toml", award: str = "suzhou-mayor") -> Path:
        root = broken("limits.toml", "caption = ", "caption = ")  # the copy, unchanged
        folder = root / "awards" / award / "notices"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        return root

    return write


def test_a_notice_loads_with_its_limits_rules_attachments_and_facts(with_notice):
    root = with_notice(
        NOTICE
        + 'date = 2026-03-02\ndeadline = 2026-05-29\nchannel = "网上申报"\n'
        + '[[limits]]\npart = "report"\nlimit = 40000\nsource = "通知第五条"\n'
        + '[[rules]]\nid = "extra"\ncitation = "通知第二条"\ntext = "附加条件"\n'
        + 'kind = "declaration"\nparams = {}\n'
        + '[[attachments]]\nid = "extra-proof"\nname = "附加证明"\nrequired = true\n'
        + 'rules = ["extra"]\n'
        + '[[facts]]\ntext = "名额另定"\n'
    )
    (notice,) = load_forms(root).notices_of("suzhou-mayor")
    assert (notice.year, notice.issued, notice.deadline) == (
        2026,
        date(2026, 3, 2),
        date(2026, 5, 29),
    )
    assert notice.limits[0].limit == 40000
    assert notice.limits[0].source == "通知第五条"
    assert [r.id for r in notice.rules] == ["extra"]
    assert [a.id for a in notice.attachments] == ["extra-proof"]
    assert notice.facts[0].source == "2026年度申报通知（测试）（2026-03-02）"


@pytest.mark.parametrize(
    ("extra", "name", "expected"),
    [
        (
            "",
            "2025.toml",
            "awards/suzhou-mayor/notices/2025.toml: year: 2026 与文件名不同",
        ),
        (
            "deadlin = 2026-05-01\n",
            "2026.toml",
            "notices/2026.toml: deadlin: 未知的键（拼写有误，或不属于此格式）；此处可用的键：year",
        ),
        (
            'deadline = "5月底"\n',
            "2026.toml",
            "notices/2026.toml: deadline: 应为日期（YYYY-MM-DD），实为 '5月底'",
        ),
        (
            '[[limits]]\npart = "recommendation-letter"\nlimit = 100\n',
            "2026.toml",
            "notices/2026.toml: limits[0].part: 'recommendation-letter' 不是可用的值（可用：",
        ),
        (
            '[[limits]]\npart = "report"\nlimit = 0\n',
            "2026.toml",
            "notices/2026.toml: limits[0].limit: 应不小于 1，实为 0",
        ),
        (
            '[[rules]]\nid = "x"\ncitation = "二"\ntext = "t"\nkind = "years_since"\n'
            'params = { field = "founded", years = 3 }\n',
            "2026.toml",
            "suzhou-mayor/notices/2026.toml: rules[0].params.field: 申请表中没有字段 'founded'",
        ),
        (
            '[[attachments]]\nid = "a"\nname = "n"\nrequired = true\nrules = ["nope"]\n',
            "2026.toml",
            "notices/2026.toml: attachments[0].rules: 没有编号为 'nope' 的条款",
        ),
        (
            'cycle = "每两年"\n',
            "2026.toml",
            "notices/2026.toml: cycle_note: 缺少此项：通知的评选周期 '每两年' 与办法的 '每年' 不同",
        ),
        (
            '[[facts]]\nsource = "x"\n',
            "2026.toml",
            "notices/2026.toml: facts[0].text: 缺少此项（必填）",
        ),
    ],
)
def test_notice_mistakes_name_the_file_and_the_key(with_notice, extra, name, expected):
    assert expected in _error(with_notice(NOTICE + extra, name))


def test_a_notice_folder_needs_its_award(with_notice):
    root = with_notice(NOTICE, award="suzhou-county")
    assert "awards/suzhou-county/: 没有奖项 'suzhou-county'" in _error(root)


def test_a_notice_for_a_part_the_award_lacks_is_refused(with_notice):
    limit = '[[limits]]\npart = "recommendation"\nlimit = 100\n'
    root = with_notice(NOTICE + limit, award="self-assessment")
    expected = (
        "self-assessment/notices/2026.toml: limits[0].part: "
        "self-assessment 没有 'recommendation' 这一部分"
    )
    assert expected in _error(root)


# --- qualitydesk forms check ------------------------------------------------------------------


def test_forms_check_fails_on_a_limit_without_a_source(broken, monkeypatch, capsys):
    from qualitydesk.cli import main

    root = broken("awards/sip.toml", 'limit_source = "参考值 — 按当年申报通知核对"\n', "")
    monkeypatch.setenv("QUALITYDESK_FORMS", str(root))
    assert main(["forms", "check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "awards/sip.toml: parts[2].limit_source: 缺少此项：须写明字数上限的出处" in err


def test_forms_check_counts_notices_and_suggestions(monkeypatch, capsys):
    from qualitydesk.cli import main

    assert main(["forms", "check"]) == 0
    out = capsys.readouterr().out
    assert "申报通知 1 份" in out
    assert "参考值" in out
