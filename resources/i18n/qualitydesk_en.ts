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
    <name>ChecklistView</name>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申报清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申报清单(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为此条目添加文件(&amp;F)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加文件，并关联到选中的清单条目及其资格条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本奖项没有规定证实性材料清单。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必需材料已提供 %1 / %2 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ 已提供</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺少</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已关联：%1</source>
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
    <name>EligibilityPage</name>
    <message>
        <source>依据《{document}》逐条核对申报条件。由数据判断的条款请在申请表中补全数据；需要声明的条款请勾选确认，写明事实并指明证实性材料。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项目没有申报资格条件，无需自查。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} 条：符合 {ok} · 已声明 {declared} · 待补充 {missing} · 不符合 {fail}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>把文件从文件管理器拖到本页，或点击“添加文件”，即可存入申报文件。选中一份材料可预览，并在右侧勾选它所证明的清单条目、评分条目和资格条款。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证实性材料列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已添加的材料(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加文件(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为(&amp;S)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把选中的材料另存到一个文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺少证实性材料：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未添加材料：把文件拖到本页，或点击“添加文件”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法修改关联</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定要从申报文件中删除“%1”吗？删除后无法恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已删除“%1”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存到文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法另存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：无法写入（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已另存为 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>常用材料 (*.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.doc *.docx *.xls *.xlsx *.ofd);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加证实性材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法添加文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在添加文件，请等这一批完成后再添加。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取“%1”（%2 / %3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在添加文件……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”大小为 %2，超过单个附件的上限 %3；请压缩或拆分后再添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”是文件夹，请选择其中的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件不存在或无权读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”无法读取（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已添加 %1 个文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消；</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部分文件未添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>松开鼠标即可把文件添加到申报文件。</source>
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
    <name>Guidance</name>
    <message>
        <source>引导问题（{n}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示或隐藏引导问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>引导问题</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>申请表字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请表表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织概述</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资格声明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
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
    <name>IndicatorsPage</name>
    <message>
        <source>为 4.7 各结果评分项录入关键绩效指标：近 3–5 年的数值，以及目标、竞争对手和标杆的对比值（注明来源）。选中一行，下方即显示它的趋势图。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加指标(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除指标(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关键绩效指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>越高越好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>越低越好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改进方向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属评分项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标表(&amp;I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>竞争对手</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>竞争对手来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标杆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标杆来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2还没有关键绩效指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行的指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 行的指标还没有名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”只有 %2 年的数值，至少需要近 %3 年的数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”还没有填写各年数值，至少需要近 %3 年的数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”一栏的“%2”不是有效的数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除指标“%1”及其全部数值？此操作无法撤销。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未命名）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择一个指标，即可在这里看到它的趋势图。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有指标。点击“添加指标”开始录入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未命名指标）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有 %1 处数值无法识别（已标红，原样保留）：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <source>{id} 自评内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>过程</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{points} 分 · {kind}类评分项，按 {factors} 评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分项要求与引导问题（{n}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评内容(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>字数统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评打分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>得分百分比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分档(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>百分比(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>优势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改进机会</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>优势(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改进机会(&amp;O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} {name}评语</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本组织在“{name}”方面的依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}评语(&amp;{key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联的证实性材料和数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联的证实性材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联的关键绩效指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无关联本项的材料；可在“证实性材料”页把附件关联到 {id}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无归属本项的关键绩效指标。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证实性材料(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关键绩效数据(&amp;K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} {name}：尚未填写自评内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} {name}：尚未自评打分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择评分档。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— / {max} 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{points} / {max} 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项 {n} 字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、图表 {n} 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · 自评报告合计 {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，已超出 {n} 字</source>
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
    <name>LinkEditor</name>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：营业执照副本（2025年年检）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（可选）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联的清单条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联的评分条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联的资格条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清单条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资格条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联到(&amp;K)</source>
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
    <name>MarkdownEdit</name>
    <message>
        <source>格式工具栏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加粗</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目符号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目符号列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号列表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>插入表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表格行数（含表头）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表格列数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>插入(&amp;I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>粘贴内容中的 {n} 张图片未插入：请在“证实性材料”页把图片添加为附件，图表请在“关键绩效数据”页生成。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Measure</name>
    <message>
        <source> 字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（含图表 {figures} 个，每个按 {chars} 字计）</source>
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
        <source>✓ 资格条件、完整性、字数限制和可打印字符均已检查通过</source>
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
    <name>ProfilePage</name>
    <message>
        <source>组织概述字数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按 {guide} 附录B 简要说明组织的基本情况和面临的挑战，全文一般不超过 {limit} 字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id} 字数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织概述 {id} {name} 尚未填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织概述共 {total} 字，超过 {limit} 字的限制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本节 {n} 字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计 {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，已超出 {n} 字</source>
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
    <name>ReportPage</name>
    <message>
        <source>自评报告字数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评总分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双击或按回车打开评分项，填写自评内容并打分。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分项一览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>字数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>图表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分项(&amp;I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开 {id} {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评报告共 {total} 字，超过 {limit} 字的限制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评报告合计 {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，已超出 {n} 字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评总分 {total} / {max} 分（过程 {process} 分，结果 {results} 分）；已打分 {scored} / {items} 项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleCard</name>
    <message>
        <source>按当年申报通知核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据来源：申请表 · {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>由申报组织声明符合，并准备证实性材料供评审核验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前往申请表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前往申请表填写 {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本组织确认符合此条款(&amp;Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{citation}：本组织确认符合此条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>简述符合的事实，例如“近3年无严重失信记录”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{citation} 声明内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{citation} 证实材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择已添加的证实性材料，或写明将提供的材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>声明内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证实材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证实性材料中已关联本条：{names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态：{status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>判断：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>符合</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不符合</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待补充</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已声明</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>未开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>进行中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有问题</source>
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
    <name>Steps</name>
    <message>
        <source>申请表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>资格自查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织概述</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关键绩效数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证实性材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分汇总</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查与导出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>自评总分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>过程与结果得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有为任何评分项自评打分。在“自评报告”各评分项页面打分后，这里会自动汇总。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>奖项分数线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1达线情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各类目得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>得分率雷达图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提分空间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各评分项升到上一评分档起点可增加的分值，按分值从高到低排列。双击某一行或选中后按回车，即可转到该评分项的自评打分。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提分清单(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提分清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评分项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前得分率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一档起点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可增加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自评总分 %1 分，尚未达到“%2”的分数线（%3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>过程 %1 / %2 分&#x3000;&#x3000;结果 %3 / %4 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按评审结果确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● 已达到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ 未达到：须高于 %1 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ 未达到：还差 %1 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 分线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 分</source>
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
        <source>“%1”还没有任何年份的数值：填入各年数值后，这里即显示趋势图。</source>
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
