<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>附件预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一页（PageUp）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一页（PageDown）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未选择文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法预览此类型的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法显示此图片：格式不受支持或文件已损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开此 PDF 文件：文件已损坏或已加密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此 PDF 文件没有页面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 / %2 页</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceDelegate</name>
    <message>
        <source>选择</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>未能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>（必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如 2016-12-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有误：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核对：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未勾选：{label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填写{label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>按营业执照、审计报告和证书如实填写。带 * 的为必填项；填写有误的项会标红并说明原因，内容随时自动保存。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>历史版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>历史版本列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选中版本的内容(&amp;C)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复此版本(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>正在取消……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在处理……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>保存位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一份申报保存为一个 .qdesk 文件，修改会自动保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件(&amp;F)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存申报文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申报文件 (*.qdesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该文件已存在，不会覆盖；请换一个文件名。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件夹不存在：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建申报(&amp;N)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开示例(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>历史版本(&amp;H)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出申报材料 PDF(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出内部自评报告(&amp;I)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印预览(&amp;V)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭申报(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找(&amp;F)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转到(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一步(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>奖项与资格条件一览(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开申报文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申报文件 (*.qdesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法生成示例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法另存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找(&amp;I)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在组织概述和自评报告中查找，回车查找下一处</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言将在重新启动后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>奖项与资格条件一览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>质量奖申报助手 QualityDesk {0}
按 GB/T 19580 准备质量奖申报材料。离线运行，数据只保存在本机。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewApplicationWizard</name>
    <message>
        <source>新建申报</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>申报组织</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织名称按营业执照填写；其余信息稍后在申请表中填写。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织名称(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreflightPage</name>
    <message>
        <source>检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查结果（双击或回车转到需要修改的地方）(&amp;L)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出申报材料 PDF(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出内部自评报告(&amp;I)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印预览(&amp;V)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;检查与导出&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资格条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}共 {1:,} 字，超过 {2:,} 字的限制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>字数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打印的字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚有 {0} 项需要处理。处理完毕即可导出申报材料；也可以先导出查看。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部检查通过，可以导出并打印申报材料。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>打印预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用系统查看器打开(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>申报的奖项与年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>奖项决定评价准则、资格条件、分数线和申报材料的组成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>奖项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（按当年申报通知核对）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申报年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>奖项(&amp;A)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申报年度(&amp;Y)：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RadarChartWidget</name>
    <message>
        <source>各类目得分率雷达图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有可显示的类目得分。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepNavigator</name>
    <message>
        <source>申报步骤</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>表格（用方向键移动，F2 或直接输入编辑）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}：添加一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}：删除所选行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建议填写的年度，编辑本行后才会保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有误：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 {row} 行“{column}”：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}第 {row} 行{column}：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}第 {row} 行未填写{column}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChartWidget</name>
    <message>
        <source>选择一个指标，即可在这里看到它的趋势图。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>趋势图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ 越低越好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ 越高越好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”还没有任何年份的数值。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>&lt;h1&gt;质量奖申报助手&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按 GB/T 19580《卓越绩效评价准则》逐项填写自评报告、自评打分，对照奖项办法逐条自查申报资格，并导出可直接打印装订的申报材料。所有数据只保存在本机。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建申报(&amp;N)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开示例(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一份虚构的苏州制造企业的完整申报，可随意修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近打开(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近打开的申报文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有打开过申报文件。可以先打开示例看看。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（文件已不在）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WizardView</name>
    <message>
        <source>上一步(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一步（Alt+←）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步（Alt+→）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在编辑…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未填写组织名称）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评 {0:g} 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>得分率</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
