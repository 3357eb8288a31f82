<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionsModel</name>
    <message>
        <source>改进事项</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>计划完成</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>自评</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <source>评审反馈</source>
        <translation>Examiners&apos; feedback</translation>
    </message>
</context>
<context>
    <name>ActionsView</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>未完成（未开始和进行中）</source>
        <translation>Unfinished (not started or in progress)</translation>
    </message>
    <message>
        <source>改进事项、负责人或备注中的文字</source>
        <translation>Words in the action, owner or note</translation>
    </message>
    <message>
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>条目(&amp;I)：</source>
        <translation>&amp;Item:</translation>
    </message>
    <message>
        <source>负责人(&amp;W)：</source>
        <translation>O&amp;wner:</translation>
    </message>
    <message>
        <source>查找(&amp;F)：</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>按条目筛选</source>
        <translation>Filter by item</translation>
    </message>
    <message>
        <source>按负责人筛选</source>
        <translation>Filter by owner</translation>
    </message>
    <message>
        <source>改进计划</source>
        <translation>Improvement plan</translation>
    </message>
    <message>
        <source>（不关联）</source>
        <translation>(no item)</translation>
    </message>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>从改进机会生成(&amp;G)</source>
        <translation>&amp;Generate from opportunities</translation>
    </message>
    <message>
        <source>把自评和评审反馈中的每条改进机会列为一项改进事项；已列入的不重复</source>
        <translation>Turn each opportunity for improvement in the self-assessment and the examiners&apos; feedback into an action; those already in the plan are not repeated</translation>
    </message>
    <message>
        <source>导出 Excel(&amp;X)…</source>
        <translation>E&amp;xport Excel…</translation>
    </message>
    <message>
        <source>导出表中显示的改进事项（按当前的筛选和排序）</source>
        <translation>Export the actions shown in the table (as currently filtered and sorted)</translation>
    </message>
    <message>
        <source>共 %1 项</source>
        <translation>Actions: %1</translation>
    </message>
    <message>
        <source>，显示 %1 项</source>
        <translation>, shown: %1</translation>
    </message>
    <message>
        <source>新的改进事项</source>
        <translation>New action</translation>
    </message>
    <message>
        <source>删除所选的 %1 项改进事项？此操作不能撤销。</source>
        <translation>Delete the selected actions (%1)? This cannot be undone.</translation>
    </message>
    <message>
        <source>删除改进事项</source>
        <translation>Delete actions</translation>
    </message>
    <message>
        <source>从改进机会生成</source>
        <translation>Generate from opportunities</translation>
    </message>
    <message>
        <source>没有新的改进机会：自评和评审反馈中的改进机会都已列入改进计划。</source>
        <translation>No new opportunities: every opportunity for improvement in the self-assessment and the examiners&apos; feedback is already in the improvement plan.</translation>
    </message>
    <message>
        <source>已生成 %1 项改进事项（来自自评 %2 项，来自评审反馈 %3 项）。</source>
        <translation>Actions generated: %1 (%2 from the self-assessment, %3 from the examiners&apos; feedback).</translation>
    </message>
    <message>
        <source>-改进计划</source>
        <translation>-improvement-plan</translation>
    </message>
    <message>
        <source>导出改进计划</source>
        <translation>Export improvement plan</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>已导出 %1 项改进事项：%2</source>
        <translation>Actions exported (%1): %2</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>质量奖申报助手 QualityDesk</source>
        <translation>QualityDesk — Quality Award Assistant</translation>
    </message>
    <message>
        <source>奖项数据（forms/）有误，无法启动：
%1</source>
        <translation>The award data (forms/) has errors, so QualityDesk cannot start:
%1</translation>
    </message>
</context>
<context>
    <name>AssessorScorePanel</name>
    <message>
        <source>评分指南</source>
        <translation>Scoring guide</translation>
    </message>
    <message>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>改进机会</source>
        <translation>Opportunities for improvement</translation>
    </message>
    <message>
        <source>评语</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>优势(&amp;S)</source>
        <translation>&amp;Strengths</translation>
    </message>
    <message>
        <source>改进机会(&amp;O)</source>
        <translation>&amp;Opportunities for improvement</translation>
    </message>
    <message>
        <source>评语(&amp;C)</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <source>评分档</source>
        <translation>Scoring band</translation>
    </message>
    <message>
        <source>得分百分比</source>
        <translation>Score percentage</translation>
    </message>
    <message>
        <source>本项得分</source>
        <translation>Item score</translation>
    </message>
    <message>
        <source>评分档(&amp;B)</source>
        <translation>Scoring &amp;band</translation>
    </message>
    <message>
        <source>百分比(&amp;P)</source>
        <translation>&amp;Percentage</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>&lt;b&gt;{id} {name}&lt;/b&gt;（{points} 分）</source>
        <translation>&lt;b&gt;{id} {name}&lt;/b&gt; ({points} points)</translation>
    </message>
    <message>
        <source>未评分</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>请先选择评分档；评分档的描述显示在这里。</source>
        <translation>Choose a scoring band first; its descriptors appear here.</translation>
    </message>
    <message>
        <source>— / {max} 分</source>
        <translation>— / {max} points</translation>
    </message>
    <message>
        <source>{points} / {max} 分</source>
        <translation>{points} / {max} points</translation>
    </message>
</context>
<context>
    <name>AttachmentFiles</name>
    <message>
        <source>常用材料 (*.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.doc *.docx *.xls *.xlsx *.ofd);;所有文件 (*)</source>
        <translation>Common materials (*.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.doc *.docx *.xls *.xlsx *.ofd);;All files (*)</translation>
    </message>
    <message>
        <source>添加证实性材料</source>
        <translation>Add supporting evidence</translation>
    </message>
    <message>
        <source>正在读取“%1”（%2 / %3）</source>
        <translation>Reading “%1” (%2 / %3)</translation>
    </message>
    <message>
        <source>正在添加文件……</source>
        <translation>Adding files…</translation>
    </message>
    <message>
        <source>“%1”大小为 %2，超过单个附件的上限 %3；请压缩或拆分后再添加</source>
        <translation>“%1” is %2, over the %3 limit for a single attachment; compress or split it before adding it</translation>
    </message>
    <message>
        <source>文件不存在或无权读取</source>
        <translation>The file does not exist or you have no permission to read it</translation>
    </message>
    <message>
        <source>“%1”无法读取（%2）</source>
        <translation>Cannot read “%1” (%2)</translation>
    </message>
    <message>
        <source>确定要从申报文件中删除“%1”吗？删除后无法恢复。</source>
        <translation>Delete “%1” from the application file? This cannot be undone.</translation>
    </message>
    <message>
        <source>另存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <source>无法添加文件</source>
        <translation>Cannot add files</translation>
    </message>
    <message>
        <source>正在添加文件，请等这一批完成后再添加。</source>
        <translation>Files are still being added; please wait for this batch to finish before adding more.</translation>
    </message>
    <message>
        <source>添加文件</source>
        <translation>Add files</translation>
    </message>
    <message>
        <source>“%1”是文件夹，请选择其中的文件</source>
        <translation>“%1” is a folder; please choose the files in it</translation>
    </message>
    <message>
        <source>删除材料</source>
        <translation>Delete material</translation>
    </message>
    <message>
        <source>已另存为 %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>无法另存</source>
        <translation>Cannot save a copy</translation>
    </message>
    <message>
        <source>%1：无法写入（%2）</source>
        <translation>%1: cannot write (%2)</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>附件预览</source>
        <translation>Attachment preview</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>缩小（Ctrl+- 或 Ctrl+滚轮）</source>
        <translation>Zoom out (Ctrl+- or Ctrl+wheel)</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>放大（Ctrl+= 或 Ctrl+滚轮）</source>
        <translation>Zoom in (Ctrl+= or Ctrl+wheel)</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>适合宽度（Ctrl+0）</source>
        <translation>Fit width (Ctrl+0)</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>整页显示</source>
        <translation>Show the whole page</translation>
    </message>
    <message>
        <source>放大查看(&amp;W)…</source>
        <translation>Open in a large &amp;window…</translation>
    </message>
    <message>
        <source>在单独的大窗口中查看（或双击预览）</source>
        <translation>View in a large window of its own (or double-click the preview)</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>上一页（PageUp）</source>
        <translation>Previous page (Page Up)</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>下一页（PageDown）</source>
        <translation>Next page (Page Down)</translation>
    </message>
    <message>
        <source>未选择文件</source>
        <translation>No file selected</translation>
    </message>
    <message>
        <source>无法预览此类型的文件</source>
        <translation>This type of file cannot be previewed</translation>
    </message>
    <message>
        <source>此图片为 %1×%2 像素，超过 %3 万像素的上限，无法预览；请缩小后重新添加</source>
        <translation>This image is %1×%2 pixels, too large to preview; make it smaller and add it again</translation>
    </message>
    <message>
        <source>正在载入预览……</source>
        <translation>Loading the preview…</translation>
    </message>
    <message>
        <source>载入预览</source>
        <translation>Loading the preview</translation>
    </message>
    <message>
        <source>无法显示此图片：格式不受支持或文件已损坏</source>
        <translation>Cannot display this image: the format is not supported or the file is damaged</translation>
    </message>
    <message>
        <source>无法打开此 PDF 文件：文件已损坏或已加密</source>
        <translation>Cannot open this PDF file: the file is damaged or encrypted</translation>
    </message>
    <message>
        <source>此 PDF 文件没有页面</source>
        <translation>This PDF file has no pages</translation>
    </message>
    <message>
        <source>第 %1 / %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>此页无法显示：页面尺寸无效或内容已损坏</source>
        <translation>This page cannot be shown: its page size is invalid or its content is damaged</translation>
    </message>
</context>
<context>
    <name>AttachmentSide</name>
    <message>
        <source>预览(&amp;V)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>尚未添加材料：把文件拖到本页，或点击“添加文件”。</source>
        <translation>No materials added yet: drag files onto this page, or click “Add files”.</translation>
    </message>
</context>
<context>
    <name>AttachmentTable</name>
    <message>
        <source>证实性材料列表</source>
        <translation>Supporting evidence list</translation>
    </message>
    <message>
        <source>未关联</source>
        <translation>Not linked</translation>
    </message>
    <message>
        <source>PDF 文档</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>%1 图片</source>
        <translation>%1 image</translation>
    </message>
    <message>
        <source>%1 文件</source>
        <translation>%1 file</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>申报清单</source>
        <translation>Application checklist</translation>
    </message>
    <message>
        <source>申报清单(&amp;L)</source>
        <translation>Application check&amp;list</translation>
    </message>
    <message>
        <source>为此条目添加文件(&amp;F)…</source>
        <translation>Add file for this en&amp;try…</translation>
    </message>
    <message>
        <source>添加文件，并关联到选中的清单条目及其资格条款</source>
        <translation>Add a file and link it to the selected checklist entry and its eligibility clauses</translation>
    </message>
    <message>
        <source>本奖项没有规定证实性材料清单。</source>
        <translation>This award does not prescribe a checklist of supporting evidence.</translation>
    </message>
    <message>
        <source>必需材料已提供 %1 / %2 项</source>
        <translation>Required materials provided: %1 / %2</translation>
    </message>
    <message>
        <source>✓ 已提供</source>
        <translation>✓ Provided</translation>
    </message>
    <message>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>可选</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>已关联：%1</source>
        <translation>Linked: %1</translation>
    </message>
</context>
<context>
    <name>ChoiceDelegate</name>
    <message>
        <source>选择</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <source>汇总评分</source>
        <translation>Collect scores</translation>
    </message>
    <message>
        <source>把评分人交回的文件（.qdesk-score 或 Excel 评分表 .xlsx）拖到这里</source>
        <translation>Drop the files the assessors returned (.qdesk-score or Excel scorebook .xlsx) here</translation>
    </message>
    <message>
        <source>选择文件(&amp;F)…</source>
        <translation>Choose &amp;files…</translation>
    </message>
    <message>
        <source>汇总结果</source>
        <translation>Collected files</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>评分人</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>选择交回的评分文件</source>
        <translation>Choose the returned scorebooks</translation>
    </message>
    <message>
        <source>评分文件 (*.qdesk-score *.xlsx)</source>
        <translation>Scorebooks (*.qdesk-score *.xlsx)</translation>
    </message>
    <message>
        <source>未汇总：保留此前交回的评分（{0}）</source>
        <translation>Not collected: the scores returned earlier are kept ({0})</translation>
    </message>
    <message>
        <source>已替换此前的评分，{0} 个评分项</source>
        <translation>Earlier scores replaced: {0} items</translation>
    </message>
    <message>
        <source>已汇总 {0} 个评分项</source>
        <translation>{0} items collected</translation>
    </message>
    <message>
        <source>{assessor}的评分已于 {when} 汇总（来自 {source}）。
用 {file} 中的评分替换吗？</source>
        <translation>{assessor}&apos;s scores were collected on {when} (from {source}).
Replace them with the scores in {file}?</translation>
    </message>
    <message>
        <source>同一评分人再次交回</source>
        <translation>Returned again by the same assessor</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>%1 年度</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>与往年对比</source>
        <translation>Compare with an earlier year</translation>
    </message>
    <message>
        <source>得分(&amp;S)</source>
        <translation>&amp;Scores</translation>
    </message>
    <message>
        <source>文字(&amp;T)</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>结果数据(&amp;R)</source>
        <translation>&amp;Results data</translation>
    </message>
    <message>
        <source>完成的改进措施(&amp;A)</source>
        <translation>Completed &amp;actions</translation>
    </message>
    <message>
        <source>导出到内部报告(&amp;E)…</source>
        <translation>&amp;Export to the internal report…</translation>
    </message>
    <message>
        <source>%1（%2）→ %3：自评总分 %4 → %5 分（%6）；得分或文字有变化的评分项 %7 项（共 %8 项）。</source>
        <translation>%1 (%2) → %3: total self-score %4 → %5 (%6); items with a changed score or text: %7 of %8.</translation>
    </message>
    <message>
        <source>各评分项两个年度的得分</source>
        <translation>Each item&apos;s scores in the two years</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Scored item</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>评分项（● 为有变化的）</source>
        <translation>Scored items (● changed)</translation>
    </message>
    <message>
        <source>选中评分项两个年度的文字对比</source>
        <translation>The selected item&apos;s text in the two years, side by side</translation>
    </message>
    <message>
        <source>%1 段未改</source>
        <translation>%1 unchanged paragraphs</translation>
    </message>
    <message>
        <source>两个年度的文字相同。</source>
        <translation>The text is the same in both years.</translation>
    </message>
    <message>
        <source>两个年度都有的关键绩效指标</source>
        <translation>Key performance indicators in both years</translation>
    </message>
    <message>
        <source>%1 年度申报</source>
        <translation>%1 application</translation>
    </message>
    <message>
        <source>%1 年度尚未完成、现已完成的改进措施 %2 项。</source>
        <translation>Actions still open in %1 and done since: %2.</translation>
    </message>
    <message>
        <source>完成的改进措施</source>
        <translation>Completed actions</translation>
    </message>
    <message>
        <source>改进措施</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>完成期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>选择往年的申报文件</source>
        <translation>Choose an earlier application file</translation>
    </message>
    <message>
        <source>申报文件 (*.qdesk)</source>
        <translation>Application files (*.qdesk)</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>无法对比</source>
        <translation>Cannot compare</translation>
    </message>
    <message>
        <source>内部自评报告</source>
        <translation>Internal self-assessment report</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在导出 PDF…</source>
        <translation>Exporting PDF…</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>ConsensusItem</name>
    <message>
        <source>各评分人的评分</source>
        <translation>Each assessor&apos;s scores</translation>
    </message>
    <message>
        <source>百分比</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <source>评分档</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>优势（合并）</source>
        <translation>Strengths (merged)</translation>
    </message>
    <message>
        <source>改进机会（合并）</source>
        <translation>Opportunities for improvement (merged)</translation>
    </message>
    <message>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>改进机会</source>
        <translation>Opportunities for improvement</translation>
    </message>
    <message>
        <source>共识</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>共识得分</source>
        <translation>Agreed score</translation>
    </message>
    <message>
        <source>共识说明</source>
        <translation>Consensus note</translation>
    </message>
    <message>
        <source>讨论后商定的理由，例如依据哪些事实</source>
        <translation>The reason agreed in the discussion, e.g. the facts it rests on</translation>
    </message>
    <message>
        <source>确认共识(&amp;A)</source>
        <translation>&amp;Confirm consensus</translation>
    </message>
    <message>
        <source>共识得分(&amp;G)</source>
        <translation>A&amp;greed score</translation>
    </message>
    <message>
        <source>共识说明(&amp;N)</source>
        <translation>Consensus &amp;note</translation>
    </message>
    <message>
        <source>&lt;b&gt;{id} {name}&lt;/b&gt;（{points} 分）</source>
        <translation>&lt;b&gt;{id} {name}&lt;/b&gt; ({points} points)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>✓ 已确认共识 {pct}%（{when}），已作为本项自评得分</source>
        <translation>✓ Consensus confirmed at {pct}% ({when}); it is now the item&apos;s self-score</translation>
    </message>
    <message>
        <source>尚无评分人的评分</source>
        <translation>No assessor has scored this item yet</translation>
    </message>
    <message>
        <source>⚑ 需讨论：分歧 {spread} 个百分点</source>
        <translation>⚑ To discuss: spread of {spread} percentage points</translation>
    </message>
    <message>
        <source>分歧 {spread} 个百分点</source>
        <translation>Spread of {spread} percentage points</translation>
    </message>
    <message>
        <source>平均</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>分歧</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>{0} 个百分点</source>
        <translation>{0} pp</translation>
    </message>
</context>
<context>
    <name>ConsensusWindow</name>
    <message>
        <source>共识会议</source>
        <translation>Consensus meeting</translation>
    </message>
    <message>
        <source>分歧阈值</source>
        <translation>Spread threshold</translation>
    </message>
    <message>
        <source> 个百分点</source>
        <translation> percentage points</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>分歧</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>共识</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>分歧阈值(&amp;T)</source>
        <translation>Spread &amp;threshold</translation>
    </message>
    <message>
        <source>{assessors} 位评分人的评分；{flagged} 个评分项需讨论；已确认 {agreed} 项</source>
        <translation>Assessors: {assessors}; items to discuss: {flagged}; agreed: {agreed}</translation>
    </message>
    <message>
        <source>无评分</source>
        <translation>Unscored</translation>
    </message>
    <message>
        <source>⚑ {0}</source>
        <translation>⚑ {0}</translation>
    </message>
    <message>
        <source>未能确认共识</source>
        <translation>Could not confirm consensus</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>重做(&amp;Y)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>剪切(&amp;T)</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>全选(&amp;A)</source>
        <translation>Select &amp;all</translation>
    </message>
</context>
<context>
    <name>EditorZoom</name>
    <message>
        <source>放大(&amp;I)</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>缩小(&amp;O)</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>实际大小(&amp;R)</source>
        <translation>&amp;Actual size</translation>
    </message>
    <message>
        <source>正文编辑区的显示比例：{0}%</source>
        <translation>Zoom of the narrative editors: {0}%</translation>
    </message>
</context>
<context>
    <name>EligibilityPage</name>
    <message>
        <source>依据《{document}》逐条核对申报条件。由数据判断的条款请在申请表中补全数据；需要声明的条款请勾选确认，写明事实并指明证实性材料。</source>
        <translation>Check the application requirements clause by clause against “{document}”. For clauses judged from data, complete the data in the application form; for clauses that need a declaration, tick to confirm, state the facts and name the supporting evidence.</translation>
    </message>
    <message>
        <source>本项目没有申报资格条件，无需自查。</source>
        <translation>This award has no eligibility requirements, so no eligibility check is needed.</translation>
    </message>
    <message>
        <source>{total} 条：符合 {ok} · 已声明 {declared} · 需确认 {unsure} · 待补充 {missing} · 不符合 {fail}</source>
        <translation>{total} clauses: Met {ok} · Declared {declared} · To confirm {unsure} · Needs data {missing} · Not met {fail}</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>把文件从文件管理器拖到本页，或点击“添加文件”，即可存入申报文件。选中一份材料可预览，并在右侧勾选它所证明的清单条目、评分条目和资格条款。</source>
        <translation>Drag files from your file manager onto this page, or click “Add files”, to store them in the application file. Select a material to preview it, and on the right tick the checklist entries, scored items and eligibility clauses it supports.</translation>
    </message>
    <message>
        <source>已添加的材料(&amp;M)</source>
        <translation>Added &amp;materials</translation>
    </message>
    <message>
        <source>添加文件(&amp;A)…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <source>另存为(&amp;S)…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>把选中的材料另存到一个文件夹</source>
        <translation>Save copies of the selected materials to a folder</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>缺少证实性材料：%1</source>
        <translation>Missing supporting evidence: %1</translation>
    </message>
    <message>
        <source>无法修改关联</source>
        <translation>Cannot change links</translation>
    </message>
    <message>
        <source>已删除“%1”。</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message>
        <source>已添加 %1 个文件。</source>
        <translation>Files added: %1.</translation>
    </message>
    <message>
        <source>已取消；</source>
        <translation>Cancelled. </translation>
    </message>
    <message>
        <source>部分文件未添加</source>
        <translation>Some files were not added</translation>
    </message>
    <message>
        <source>松开鼠标即可把文件添加到申报文件。</source>
        <translation>Release the mouse button to add the files to the application file.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>正在导出 PDF…</source>
        <translation>Exporting PDF…</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>申报材料</source>
        <translation>Application package</translation>
    </message>
    <message>
        <source>内部自评报告</source>
        <translation>Internal self-assessment report</translation>
    </message>
    <message>
        <source>正在导出 Word 副本…</source>
        <translation>Exporting the Word copy…</translation>
    </message>
    <message>
        <source>导出 Word 副本</source>
        <translation>Export Word copy</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>关于附件：</source>
        <translation>About the attachments:</translation>
    </message>
    <message>
        <source>{0} 个字符在内置和本机字体中都没有，已印为“〓”（位置见“检查与导出”）。</source>
        <translation>{0} characters are in neither the bundled fonts nor this computer&apos;s fonts and printed as “〓” (see Check and export for where).</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>正在准备打印……</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已发送到打印机：第 {0} / {1} 页</source>
        <translation>Sent to the printer: page {0} / {1}</translation>
    </message>
    <message>
        <source>打印已停止</source>
        <translation>Printing stopped</translation>
    </message>
    <message>
        <source>已停止发送页面。打印机无法撤回已发送的 {0} 页，它们可能仍会打印出来。</source>
        <translation>No more pages are sent. The printer cannot take back the {0} pages already sent; they may still print.</translation>
    </message>
</context>
<context>
    <name>FeedbackImportDialog</name>
    <message>
        <source>导入评审反馈：%1</source>
        <translation>Import examiners&apos; feedback: %1</translation>
    </message>
    <message>
        <source>将写入的内容</source>
        <translation>What will be written</translation>
    </message>
    <message>
        <source>未导入的文字</source>
        <translation>Text not imported</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>应用(&amp;A)</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>导入计划</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Scored item</translation>
    </message>
    <message>
        <source>反馈报告中的标题</source>
        <translation>Heading in the report</translation>
    </message>
    <message>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>改进机会</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <source>现有反馈</source>
        <translation>Existing feedback</translation>
    </message>
    <message>
        <source>替换已有反馈</source>
        <translation>Replaces existing feedback</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>无内容，不导入</source>
        <translation>Empty; not imported</translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>反馈报告中找到的评分项(&amp;R)：勾选的将写入评审反馈</source>
        <translation>Items found in the &amp;report: the ticked ones go into the examiners&apos; feedback</translation>
    </message>
    <message>
        <source>所选评分项将写入的内容(&amp;P)：</source>
        <translation>&amp;Preview for the selected item:</translation>
    </message>
    <message>
        <source>未能对应到评分项的文字(&amp;U)（不导入）：</source>
        <translation>&amp;Unmatched text (fits no item; not imported):</translation>
    </message>
    <message>
        <source>同时在“评分汇总”中填写报告给出的评审得分：%1</source>
        <translation>Also enter the examiners&apos; scores the report gives on the “Score summary”: %1</translation>
    </message>
    <message>
        <source>优势：</source>
        <translation>Strengths:</translation>
    </message>
    <message>
        <source>改进机会：</source>
        <translation>Opportunities for improvement:</translation>
    </message>
</context>
<context>
    <name>FeedbackImporter</name>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>导入评审反馈报告</source>
        <translation>Import examiners&apos; feedback report</translation>
    </message>
    <message>
        <source>评审反馈报告 (*.docx *.doc *.wps *.pdf);;所有文件 (*)</source>
        <translation>Feedback reports (*.docx *.doc *.wps *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取评审反馈报告…</source>
        <translation>Reading the feedback report…</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>已导入 %1 个评分项的评审反馈。</source>
        <translation>Examiners&apos; feedback imported for items: %1.</translation>
    </message>
    <message>
        <source>评审得分已填入“评分汇总”。</source>
        <translation> The examiners&apos; scores have been entered on the “Score summary”.</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <source>评审得分</source>
        <translation>Examiners&apos; scores</translation>
    </message>
    <message>
        <source>在评分汇总中填写(&amp;E)…</source>
        <translation>&amp;Enter on the score summary…</translation>
    </message>
    <message>
        <source>评审得分在“评分汇总”页填写，这里只显示</source>
        <translation>The examiners&apos; scores are entered on the “Score summary” step; here they are only shown</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Scored items</translation>
    </message>
    <message>
        <source>从 Word/PDF 导入反馈(&amp;I)…</source>
        <translation>&amp;Import feedback from Word/PDF…</translation>
    </message>
    <message>
        <source>评分项(&amp;L)：</source>
        <translation>Scored ite&amp;ms:</translation>
    </message>
    <message>
        <source>评审组指出的优势</source>
        <translation>Strengths the examiners noted</translation>
    </message>
    <message>
        <source>评审组指出的改进机会</source>
        <translation>Opportunities for improvement the examiners noted</translation>
    </message>
    <message>
        <source>优势(&amp;S)：</source>
        <translation>&amp;Strengths:</translation>
    </message>
    <message>
        <source>改进机会(&amp;O)：</source>
        <translation>&amp;Opportunities for improvement:</translation>
    </message>
    <message>
        <source>按反馈报告逐条填写，每条一行；输入即自动保存。</source>
        <translation>Enter the report&apos;s points one per line; what you type is saved automatically.</translation>
    </message>
    <message>
        <source>每条一行</source>
        <translation>One point per line</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>综合得分：各环节得分填齐后计算（%1）</source>
        <translation>Composite score: computed once all stage scores are in (%1)</translation>
    </message>
    <message>
        <source>综合得分 %1 分（%2）</source>
        <translation>Composite score %1 (%2)</translation>
    </message>
    <message>
        <source>评审得分：</source>
        <translation>Examiners&apos; scores: </translation>
    </message>
    <message>
        <source>已录入评审反馈</source>
        <translation>Examiners&apos; feedback entered</translation>
    </message>
    <message>
        <source>尚未录入评审反馈</source>
        <translation>No examiners&apos; feedback entered yet</translation>
    </message>
    <message>
        <source>（%1 分）</source>
        <translation> (%1 points)</translation>
    </message>
    <message>
        <source>本组织自评：未打分</source>
        <translation>Self-score: not scored yet</translation>
    </message>
    <message>
        <source>本组织自评：%1%</source>
        <translation>Self-score: %1%</translation>
    </message>
    <message>
        <source>来源：%1&#x3000;录入于 %2</source>
        <translation>Source: %1&#x3000;entered %2</translation>
    </message>
    <message>
        <source>手工录入</source>
        <translation>entered by hand</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>（必填）</source>
        <translation> (required)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>例如 2016-12-01</source>
        <translation>e.g. 2016-12-01</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>有误：</source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>请核对：</source>
        <translation>Please check: </translation>
    </message>
    <message>
        <source>粘贴后本项将有 {n} 字，超过最多可容纳的 {max} 字，未粘贴。请精简后再试。</source>
        <translation>Not pasted: this field would have {n} characters, more than the {max} it can hold. Shorten the text and try again.</translation>
    </message>
    <message>
        <source>尚未勾选：{label}</source>
        <translation>Not yet ticked: {label}</translation>
    </message>
    <message>
        <source>未填写{label}</source>
        <translation>{label} is not filled in</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>查找内容</source>
        <translation>Text to find</translation>
    </message>
    <message>
        <source>在组织概述和自评报告中查找：回车查找下一处，Shift+回车查找上一处</source>
        <translation>Find in the organisational profile and the self-assessment: Enter finds the next, Shift+Enter the previous</translation>
    </message>
    <message>
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>查找结果</source>
        <translation>Find result</translation>
    </message>
    <message>
        <source>组织概述和全部自评报告中的匹配数</source>
        <translation>Matches in the organisational profile and all self-assessment items</translation>
    </message>
    <message>
        <source>共 {n} 处</source>
        <translation>{n} matches</translation>
    </message>
    <message>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>查找提示</source>
        <translation>Find notice</translation>
    </message>
    <message>
        <source>区分大小写</source>
        <translation>Match case</translation>
    </message>
    <message>
        <source>上一处</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>上一处（Shift+回车）</source>
        <translation>Previous (Shift+Enter)</translation>
    </message>
    <message>
        <source>下一处</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>下一处（回车）</source>
        <translation>Next (Enter)</translation>
    </message>
    <message>
        <source>关闭查找（Esc）</source>
        <translation>Close find (Esc)</translation>
    </message>
    <message>
        <source>关闭查找</source>
        <translation>Close find</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>替换选中的这一处，并查找下一处</source>
        <translation>Replace the selected match and find the next</translation>
    </message>
    <message>
        <source>全部替换</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>替换组织概述和全部自评报告中的每一处；每段文字可分别撤销</source>
        <translation>Replace every match in the organisational profile and all self-assessment items; each text can be undone on its own</translation>
    </message>
    <message>
        <source>查找(&amp;I)：</source>
        <translation>F&amp;ind:</translation>
    </message>
    <message>
        <source>替换为：</source>
        <translation>Replace with:</translation>
    </message>
    <message>
        <source>只读文件，不能替换</source>
        <translation>Read-only file: nothing can be replaced</translation>
    </message>
    <message>
        <source>已到末尾，已从头开始查找</source>
        <translation>Reached the end; continued from the beginning</translation>
    </message>
    <message>
        <source>已到开头，已从末尾开始查找</source>
        <translation>Reached the beginning; continued from the end</translation>
    </message>
    <message>
        <source>已替换 1 处</source>
        <translation>Replaced 1 match</translation>
    </message>
    <message>
        <source>已替换 {n} 处（{texts} 段文字，各自可撤销）</source>
        <translation>Replaced {n} matches (in {texts} texts, each can be undone)</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>应为不带小数的整数，例如 1280</source>
        <translation>Enter a whole number, e.g. 1280</translation>
    </message>
    <message>
        <source>年度应为四位年份，例如 2024</source>
        <translation>Enter a four-digit year, e.g. 2024</translation>
    </message>
    <message>
        <source>按营业执照、审计报告和证书如实填写。带 * 的为必填项；填写有误的项会标红并说明原因，内容随时自动保存。</source>
        <translation>Fill in truthfully, following the business licence, audit reports and certificates. Fields marked * are required; entries with errors are marked in red with the reason, and everything is saved automatically.</translation>
    </message>
</context>
<context>
    <name>GapList</name>
    <message>
        <source>提分空间</source>
        <translation>Room to gain points</translation>
    </message>
    <message>
        <source>各评分项升到上一评分档起点可增加的分值，按分值从高到低排列。双击某一行或选中后按回车，即可转到该评分项的自评打分。</source>
        <translation>The points each scored item would gain by moving up to the start of the next scoring band, largest first. Double-click a row, or select it and press Enter, to go to that item&apos;s self-scoring.</translation>
    </message>
    <message>
        <source>提分清单(&amp;G)</source>
        <translation>&amp;Potential gains</translation>
    </message>
    <message>
        <source>提分清单</source>
        <translation>Potential gains</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Scored item</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>当前得分率</source>
        <translation>Current score rate</translation>
    </message>
    <message>
        <source>上一档起点</source>
        <translation>Next band starts at</translation>
    </message>
    <message>
        <source>可增加</source>
        <translation>Possible gain</translation>
    </message>
    <message>
        <source>+%1 分</source>
        <translation>+%1 points</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>引导问题（{n}）</source>
        <translation>Guiding questions ({n})</translation>
    </message>
    <message>
        <source>显示或隐藏引导问题</source>
        <translation>Show or hide the guiding questions</translation>
    </message>
    <message>
        <source>引导问题</source>
        <translation>Guiding questions</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>用户指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>找不到用户指南：{0}</source>
        <translation>The user guide cannot be found: {0}</translation>
    </message>
</context>
<context>
    <name>HandOutDialog</name>
    <message>
        <source>分发评分表</source>
        <translation>Hand out scorebooks</translation>
    </message>
    <message>
        <source>评分人</source>
        <translation>Assessors</translation>
    </message>
    <message>
        <source>张三
李四
王五</source>
        <translation>Zhang San
Li Si
Wang Wu</translation>
    </message>
    <message>
        <source>保存到文件夹</source>
        <translation>Folder to save to</translation>
    </message>
    <message>
        <source>选择(&amp;C)…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>每位评分人得到两个文件：评分文件（.qdesk-score，用质量奖申报助手打开，逐项评分）和 Excel 评分表（不安装本程序也能填写）。评分人独立评分后交回其中一个，用“评分 → 汇总评分”收回。申报原文在评分表中只读。</source>
        <translation>Each assessor gets two files: an assessor file (.qdesk-score, opened in QualityDesk to score item by item) and an Excel scorebook (filled in without installing the program). Assessors score on their own and return one of the two; bring them in with “Scoring → Collect scores”. The applicant&apos;s text is read-only in both.</translation>
    </message>
    <message>
        <source>评分人（每行一位）(&amp;N)</source>
        <translation>Assessor &amp;names (one per line)</translation>
    </message>
    <message>
        <source>保存到(&amp;F)</source>
        <translation>Save to &amp;folder</translation>
    </message>
    <message>
        <source>分发(&amp;H)</source>
        <translation>&amp;Hand out</translation>
    </message>
    <message>
        <source>评分表保存到</source>
        <translation>Save the scorebooks to</translation>
    </message>
    <message>
        <source>无法分发</source>
        <translation>Cannot hand out</translation>
    </message>
    <message>
        <source>请至少填写一位评分人。</source>
        <translation>Enter at least one assessor.</translation>
    </message>
    <message>
        <source>请选择保存评分表的文件夹。</source>
        <translation>Choose the folder for the scorebooks.</translation>
    </message>
    <message>
        <source>文件夹中已有以下文件，替换它们吗？
{0}</source>
        <translation>The folder already has these files. Replace them?
{0}</translation>
    </message>
    <message>
        <source>替换评分表</source>
        <translation>Replace scorebooks</translation>
    </message>
    <message>
        <source>已分发评分表</source>
        <translation>Scorebooks handed out</translation>
    </message>
    <message>
        <source>已在 {folder} 为 {count} 位评分人生成评分表：
{files}</source>
        <translation>Scorebooks written to {folder} (assessors: {count}):
{files}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>申请表字段</source>
        <translation>Application form field</translation>
    </message>
    <message>
        <source>申请表表格</source>
        <translation>Application form table</translation>
    </message>
    <message>
        <source>自评报告</source>
        <translation>Self-assessment report</translation>
    </message>
    <message>
        <source>组织概述</source>
        <translation>Organisational profile</translation>
    </message>
    <message>
        <source>自评分</source>
        <translation>Self-score</translation>
    </message>
    <message>
        <source>资格声明</source>
        <translation>Eligibility declaration</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>历史版本</source>
        <translation>Version history</translation>
    </message>
    <message>
        <source>选中版本与当前内容的对比</source>
        <translation>The selected version compared with the current content</translation>
    </message>
    <message>
        <source>选中版本与当前内容对比(&amp;C)：</source>
        <translation>&amp;Compared with the current content:</translation>
    </message>
    <message>
        <source>还没有保存过的历史版本。</source>
        <translation>No earlier versions have been saved yet.</translation>
    </message>
    <message>
        <source>历史版本列表</source>
        <translation>Version list</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>选中的版本（%1）</source>
        <translation>Selected version (%1)</translation>
    </message>
    <message>
        <source>当前内容</source>
        <translation>Current content</translation>
    </message>
    <message>
        <source>%1 行未改动</source>
        <translation>%1 unchanged lines</translation>
    </message>
    <message>
        <source>选中的版本与当前内容相同。</source>
        <translation>The selected version is the same as the current content.</translation>
    </message>
    <message>
        <source>共 %1 处不同；恢复后，当前内容仍留在历史版本中。</source>
        <translation>%1 differences; after restoring, the current content stays in the history.</translation>
    </message>
    <message>
        <source>与当前内容相同，无需恢复。</source>
        <translation>Same as the current content: nothing to restore.</translation>
    </message>
    <message>
        <source>恢复此版本(&amp;R)</source>
        <translation>&amp;Restore this version</translation>
    </message>
</context>
<context>
    <name>ImprovementWindow</name>
    <message>
        <source>评审与改进 — %1</source>
        <translation>Review and improvement — %1</translation>
    </message>
    <message>
        <source>评审反馈(&amp;1)</source>
        <translation>Examiners&apos; feedback (&amp;1)</translation>
    </message>
    <message>
        <source>改进计划(&amp;2)</source>
        <translation>Improvement plan (&amp;2)</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>IndicatorTable</name>
    <message>
        <source>关键绩效指标</source>
        <translation>Key performance indicators</translation>
    </message>
    <message>
        <source>改进方向</source>
        <translation>Direction of improvement</translation>
    </message>
    <message>
        <source>所属评分项</source>
        <translation>Scored item</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>竞争对手</source>
        <translation>Competitor</translation>
    </message>
    <message>
        <source>竞争对手来源</source>
        <translation>Competitor source</translation>
    </message>
    <message>
        <source>标杆</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>标杆来源</source>
        <translation>Benchmark source</translation>
    </message>
    <message>
        <source>越高越好</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <source>越低越好</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <source>为 4.7 各结果评分项录入关键绩效指标：近 3–5 年的数值，以及目标、竞争对手和标杆的对比值（注明来源）。选中一行，下方即显示它的趋势图。</source>
        <translation>Enter the key performance indicators for each results item in 4.7: values for the last 3–5 years, plus comparison values for the target, competitors and benchmarks (with sources). Select a row to see its trend chart below.</translation>
    </message>
    <message>
        <source>添加指标(&amp;A)</source>
        <translation>&amp;Add indicator</translation>
    </message>
    <message>
        <source>添加指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>删除指标(&amp;D)</source>
        <translation>&amp;Delete indicator</translation>
    </message>
    <message>
        <source>删除指标</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <source>指标表(&amp;I)</source>
        <translation>&amp;Indicators</translation>
    </message>
    <message>
        <source>%1 %2还没有关键绩效指标</source>
        <translation>%1 %2 has no key performance indicators yet</translation>
    </message>
    <message>
        <source>第 %1 行的指标</source>
        <translation>Indicator in row %1</translation>
    </message>
    <message>
        <source>第 %1 行的指标还没有名称</source>
        <translation>The indicator in row %1 has no name yet</translation>
    </message>
    <message>
        <source>“%1”只有 %2 年的数值，至少需要近 %3 年的数据</source>
        <translation>“%1” has values for only %2 year(s); data for at least the last %3 years is needed</translation>
    </message>
    <message>
        <source>“%1”还没有填写各年数值，至少需要近 %3 年的数据</source>
        <translation>“%1” has no yearly values yet; data for at least the last %3 years is needed</translation>
    </message>
    <message>
        <source>“%1”一栏的“%2”不是有效的数字</source>
        <translation>“%2” in the “%1” column is not a valid number</translation>
    </message>
    <message>
        <source>删除指标“%1”及其全部数值？此操作无法撤销。</source>
        <translation>Delete the indicator “%1” and all its values? This cannot be undone.</translation>
    </message>
    <message>
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>选择一个指标，即可在这里看到它的趋势图。</source>
        <translation>Select an indicator to see its trend chart here.</translation>
    </message>
    <message>
        <source>还没有指标。点击“添加指标”开始录入。</source>
        <translation>No indicators yet. Click “Add indicator” to start.</translation>
    </message>
    <message>
        <source>（未命名指标）</source>
        <translation>(unnamed indicator)</translation>
    </message>
    <message>
        <source>有 %1 处数值无法识别（已标红，原样保留）：%2</source>
        <translation>Unrecognised values: %1 (marked in red and kept as entered) — %2</translation>
    </message>
</context>
<context>
    <name>ItemBarsChart</name>
    <message>
        <source>两个年度各评分项得分率</source>
        <translation>Each item&apos;s score rate in the two years</translation>
    </message>
</context>
<context>
    <name>ItemLinks</name>
    <message>
        <source>关联的证实性材料和数据</source>
        <translation>Linked supporting evidence and data</translation>
    </message>
    <message>
        <source>关联的证实性材料</source>
        <translation>Linked supporting evidence</translation>
    </message>
    <message>
        <source>关联的关键绩效指标</source>
        <translation>Linked key performance indicators</translation>
    </message>
    <message>
        <source>尚无归属本项的关键绩效指标。</source>
        <translation>No key performance indicators belong to this item yet.</translation>
    </message>
    <message>
        <source>把趋势图插入自评内容(&amp;R)</source>
        <translation>Put a trend cha&amp;rt in the text</translation>
    </message>
    <message>
        <source>证实性材料(&amp;E)</source>
        <translation>S&amp;upporting evidence</translation>
    </message>
    <message>
        <source>关键绩效数据(&amp;K)</source>
        <translation>&amp;Key performance data</translation>
    </message>
    <message>
        <source>尚无关联本项的材料；可在“证实性材料”页把附件关联到 {id}。</source>
        <translation>No materials are linked to this item yet; you can link attachments to {id} on the “Supporting evidence” page.</translation>
    </message>
    <message>
        <source>在光标处插入所选指标的趋势图；它在申报材料中按本项编号（图{id}-n）</source>
        <translation>Inserts the chosen indicator&apos;s trend chart at the cursor; the package numbers it by item (图{id}-n)</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <source>{id} 自评内容</source>
        <translation>{id} self-assessment text</translation>
    </message>
    <message>
        <source>过程</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>{points} 分 · {kind}类评分项，按 {factors} 评价</source>
        <translation>{points} points · {kind} item, assessed on {factors}</translation>
    </message>
    <message>
        <source>评分项要求与引导问题（{n}）</source>
        <translation>Item requirements and guiding questions ({n})</translation>
    </message>
    <message>
        <source>自评内容(&amp;N)</source>
        <translation>Self-assessment te&amp;xt</translation>
    </message>
    <message>
        <source>字数统计</source>
        <translation>Character count</translation>
    </message>
    <message>
        <source>导出本项为 Word…</source>
        <translation>Export this item to Word…</translation>
    </message>
    <message>
        <source>把本项的自评内容导出为 Word 文档，交给同事修改；改好后用“文件 → 从 Word 导入”放回</source>
        <translation>Export this item&apos;s self-assessment text as a Word document for a colleague to edit; bring it back with “File → Import from Word”</translation>
    </message>
    <message>
        <source>标为已更新(&amp;U)</source>
        <translation>&amp;Mark as updated</translation>
    </message>
    <message>
        <source>本项已按本年度情况更新：不再提示“需更新”</source>
        <translation>This item is up to date for this year: stop showing “Needs updating”</translation>
    </message>
    <message>
        <source>需更新：本项内容沿用 {year} 年度的申报，请按本年度的情况修改，改好后点“标为已更新”。</source>
        <translation>Needs updating: this item&apos;s text comes from the {year} application. Revise it for this year, then click “Mark as updated”.</translation>
    </message>
    <message>
        <source>往年</source>
        <translation>earlier</translation>
    </message>
    <message>
        <source>{id} {name}：内容沿用往年申报，需更新</source>
        <translation>{id} {name}: text carried over from an earlier application; needs updating</translation>
    </message>
    <message>
        <source>{id} {name}：尚未填写自评内容</source>
        <translation>{id} {name}: self-assessment text not written yet</translation>
    </message>
    <message>
        <source>{id} {name}：尚未自评打分</source>
        <translation>{id} {name}: not self-scored yet</translation>
    </message>
    <message>
        <source>本项 {n} 字</source>
        <translation>This item: {n} characters</translation>
    </message>
    <message>
        <source>、图 {n} 幅</source>
        <translation>, {n} figure(s)</translation>
    </message>
    <message>
        <source> · 自评报告合计 {total}</source>
        <translation> · Self-assessment report total: {total}</translation>
    </message>
</context>
<context>
    <name>ItemScorePanel</name>
    <message>
        <source>自评打分</source>
        <translation>Self-scoring</translation>
    </message>
    <message>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>改进机会</source>
        <translation>Opportunities for improvement</translation>
    </message>
    <message>
        <source>评分档</source>
        <translation>Scoring band</translation>
    </message>
    <message>
        <source>未评分</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>得分百分比</source>
        <translation>Score percentage</translation>
    </message>
    <message>
        <source>本项得分</source>
        <translation>Item score</translation>
    </message>
    <message>
        <source>评分档(&amp;B)</source>
        <translation>Sco&amp;ring band</translation>
    </message>
    <message>
        <source>百分比(&amp;P)</source>
        <translation>&amp;Percentage</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>优势(&amp;S)</source>
        <translation>&amp;Strengths</translation>
    </message>
    <message>
        <source>改进机会(&amp;O)</source>
        <translation>&amp;Opportunities for improvement</translation>
    </message>
    <message>
        <source>请先选择评分档。</source>
        <translation>Choose a scoring band first.</translation>
    </message>
    <message>
        <source>{id} {name}评语</source>
        <translation>{id} {name} comments</translation>
    </message>
    <message>
        <source>本组织在“{name}”方面的依据</source>
        <translation>The organisation&apos;s grounds for “{name}”</translation>
    </message>
    <message>
        <source>{name}评语(&amp;{key})</source>
        <translation>{name} comments (&amp;{key})</translation>
    </message>
    <message>
        <source>{points} / {max} 分</source>
        <translation>{points} / {max} points</translation>
    </message>
    <message>
        <source>— / {max} 分</source>
        <translation>— / {max} points</translation>
    </message>
</context>
<context>
    <name>ItemWords</name>
    <message>
        <source>未评分</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>No change</translation>
    </message>
    <message>
        <source>改 %1 段</source>
        <translation>%1 changed</translation>
    </message>
    <message>
        <source>增 %1 段</source>
        <translation>%1 added</translation>
    </message>
    <message>
        <source>删 %1 段</source>
        <translation>%1 removed</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>未改</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>仅 %1 有：%2</source>
        <translation>Only in %1: %2</translation>
    </message>
    <message>
        <source>两个年度没有共同的关键绩效指标。</source>
        <translation>The two years have no key performance indicators in common.</translation>
    </message>
    <message>
        <source>自评</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <source>评审反馈</source>
        <translation>Examiners&apos; feedback</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在处理……</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LargePreview</name>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
</context>
<context>
    <name>LinkEditor</name>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>例如：营业执照副本（2025年年检）</source>
        <translation>e.g. Copy of business licence (2025 annual inspection)</translation>
    </message>
    <message>
        <source>说明(&amp;C)</source>
        <translation>Des&amp;cription</translation>
    </message>
    <message>
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>关联的清单条目</source>
        <translation>Linked checklist entries</translation>
    </message>
    <message>
        <source>关联的评分条目</source>
        <translation>Linked scored items</translation>
    </message>
    <message>
        <source>关联的资格条款</source>
        <translation>Linked eligibility clauses</translation>
    </message>
    <message>
        <source>关联到</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <source>清单条目</source>
        <translation>Checklist entries</translation>
    </message>
    <message>
        <source>评分条目</source>
        <translation>Scored items</translation>
    </message>
    <message>
        <source>资格条款</source>
        <translation>Eligibility clauses</translation>
    </message>
    <message>
        <source>关联到(&amp;K)</source>
        <translation>Lin&amp;ked to</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>保存位置</source>
        <translation>Save location</translation>
    </message>
    <message>
        <source>一份申报保存为一个 .qdesk 文件，修改会自动保存。</source>
        <translation>Each application is saved as one .qdesk file; changes are saved automatically.</translation>
    </message>
    <message>
        <source>文件位置</source>
        <translation>File location</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>文件(&amp;F)：</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>保存申报文件</source>
        <translation>Save application file</translation>
    </message>
    <message>
        <source>申报文件 (*.qdesk)</source>
        <translation>Application files (*.qdesk)</translation>
    </message>
    <message>
        <source>该文件已存在，不会覆盖；请换一个文件名。</source>
        <translation>That file already exists and will not be overwritten; please choose another file name.</translation>
    </message>
    <message>
        <source>文件夹不存在：{0}</source>
        <translation>Folder does not exist: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>质量奖申报助手</source>
        <translation>QualityDesk — Quality Award Assistant</translation>
    </message>
    <message>
        <source>评分(&amp;S)</source>
        <translation>&amp;Scoring</translation>
    </message>
    <message>
        <source>分发评分表(&amp;H)…</source>
        <translation>&amp;Hand out scorebooks…</translation>
    </message>
    <message>
        <source>汇总评分(&amp;C)…</source>
        <translation>&amp;Collect scores…</translation>
    </message>
    <message>
        <source>共识会议(&amp;M)…</source>
        <translation>Consensus &amp;meeting…</translation>
    </message>
    <message>
        <source>评审与改进(&amp;R)</source>
        <translation>&amp;Review and improvement</translation>
    </message>
    <message>
        <source>评审反馈(&amp;F)…</source>
        <translation>Examiners&apos; &amp;feedback…</translation>
    </message>
    <message>
        <source>改进计划(&amp;P)…</source>
        <translation>Improvement &amp;plan…</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建申报(&amp;N)…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>打开示例(&amp;D)</source>
        <translation>Open &amp;demo</translation>
    </message>
    <message>
        <source>以往年申报为基础新建(&amp;L)…</source>
        <translation>New from &amp;last year&apos;s application…</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>历史版本(&amp;H)…</source>
        <translation>Version &amp;history…</translation>
    </message>
    <message>
        <source>从 Word 导入(&amp;W)…</source>
        <translation>Import from &amp;Word…</translation>
    </message>
    <message>
        <source>与往年对比(&amp;Y)…</source>
        <translation>Co&amp;mpare with an earlier year…</translation>
    </message>
    <message>
        <source>导出申报材料 PDF(&amp;E)…</source>
        <translation>&amp;Export application PDF…</translation>
    </message>
    <message>
        <source>导出内部自评报告(&amp;I)…</source>
        <translation>Export &amp;internal self-assessment report…</translation>
    </message>
    <message>
        <source>导出 Word 副本(&amp;B)…</source>
        <translation>Export Word cop&amp;y…</translation>
    </message>
    <message>
        <source>打印预览(&amp;V)…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>关闭申报(&amp;C)</source>
        <translation>&amp;Close application</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>替换(&amp;R)…</source>
        <translation>&amp;Replace…</translation>
    </message>
    <message>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>上一步(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>下一步(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>用户指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>奖项与资格条件一览(&amp;P)…</source>
        <translation>Award &amp;programmes and eligibility…</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>打开申报文件</source>
        <translation>Open application file</translation>
    </message>
    <message>
        <source>申报文件 (*.qdesk)</source>
        <translation>Application files (*.qdesk)</translation>
    </message>
    <message>
        <source>评分人的评分文件 (*.qdesk-score)</source>
        <translation>Assessor files (*.qdesk-score)</translation>
    </message>
    <message>
        <source>无法生成示例</source>
        <translation>Cannot create the demo</translation>
    </message>
    <message>
        <source>无法新建</source>
        <translation>Cannot create the application</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>-副本</source>
        <translation>-copy</translation>
    </message>
    <message>
        <source>无法另存</source>
        <translation>Cannot save as</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>显示比例 {0}%</source>
        <translation>Zoom {0}%</translation>
    </message>
    <message>
        <source>奖项与资格条件一览</source>
        <translation>Award programmes and eligibility</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>质量奖申报助手 QualityDesk {0}
按 GB/T 19580 准备质量奖申报材料。离线运行，数据只保存在本机。</source>
        <translation>QualityDesk {0}, the quality award application assistant
Prepares quality award applications to GB/T 19580. Runs offline; your data stays on this computer.</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <source>格式工具栏</source>
        <translation>Formatting toolbar</translation>
    </message>
    <message>
        <source>加粗</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>项目符号</source>
        <translation>Bullets</translation>
    </message>
    <message>
        <source>项目符号列表</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <source>编号列表</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>小标题</source>
        <translation>Subheading</translation>
    </message>
    <message>
        <source>插入表格</source>
        <translation>Insert table</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>表格行数（含表头）</source>
        <translation>Table rows (including header)</translation>
    </message>
    <message>
        <source>表格列数</source>
        <translation>Table columns</translation>
    </message>
    <message>
        <source>行(&amp;R)</source>
        <translation>&amp;Rows</translation>
    </message>
    <message>
        <source>列(&amp;C)</source>
        <translation>&amp;Columns</translation>
    </message>
    <message>
        <source>插入(&amp;I)</source>
        <translation>&amp;Insert</translation>
    </message>
    <message>
        <source>粘贴内容中的 {n} 张图片未插入：请在“证实性材料”页把图片添加为附件，图表请在“关键绩效数据”页生成。</source>
        <translation>Images in the pasted content not inserted: {n}. Add images as attachments on the “Supporting evidence” page, and create charts on the “Key performance data” page.</translation>
    </message>
    <message>
        <source>粘贴的内容有 {n} 字，超过本项最多可容纳的 {max} 字，未粘贴。请分段粘贴或精简后再试。</source>
        <translation>Not pasted: the text has {n} characters, more than the {max} this item can hold. Paste it in parts or shorten it, then try again.</translation>
    </message>
    <message>
        <source>粘贴后本项将有 {n} 字，超过最多可容纳的 {max} 字，未粘贴。请分段粘贴或精简后再试。</source>
        <translation>Not pasted: this item would have {n} characters, more than the {max} it can hold. Paste it in parts or shorten it, then try again.</translation>
    </message>
</context>
<context>
    <name>Measure</name>
    <message>
        <source> 字</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>（含图 {figures} 幅，每幅按 {chars} 字计）</source>
        <translation> (incl. {figures} figure(s), each counted as {chars} characters)</translation>
    </message>
    <message>
        <source>按 Word“字数统计”的字数计：汉字、中文标点和全角字符每个计 1 字，英文单词、数字（如 ISO、9001:2015、12.5%）每个计 1 字；表格中的文字和图题计入，空格和换行不计。</source>
        <translation>Counted as Word&apos;s Word Count does: each Chinese character, Chinese punctuation mark and full-width character counts 1; each English word or number (ISO, 9001:2015, 12.5%) counts 1; text in tables and figure titles counts; spaces and line breaks do not.</translation>
    </message>
    <message>
        <source>按字符数（不计空格）计；表格中的文字和图题计入。</source>
        <translation>Counted as characters without spaces; text in tables and figure titles counts.</translation>
    </message>
    <message>
        <source>按字符数计，空格和标点不计；表格中的文字和图题计入。</source>
        <translation>Counted as characters without spaces and punctuation; text in tables and figure titles counts.</translation>
    </message>
    <message>
        <source>只计汉字；表格中的文字和图题计入。</source>
        <translation>Only Chinese characters count; text in tables and figure titles counts.</translation>
    </message>
    <message>
        <source>本部分含图表：每幅图按 {chars} 字计，表格按其文字计。</source>
        <translation>Figures count toward this part: each figure as {chars} characters, each table by its text.</translation>
    </message>
    <message>
        <source>参考值 {limit} 字（按当年申报通知核对）</source>
        <translation>suggested {limit} characters (check the year&apos;s notice)</translation>
    </message>
    <message>
        <source>{limit} 字</source>
        <translation>{limit} characters</translation>
    </message>
    <message>
        <source>，已超出参考值 {n} 字</source>
        <translation>, {n} over the suggested length</translation>
    </message>
    <message>
        <source>，已超出 {n} 字</source>
        <translation>, {n} over the limit</translation>
    </message>
    <message>
        <source>{name}共 {total} 字，超过参考值 {limit} 字（按当年申报通知核对）</source>
        <translation>{name} has {total} characters, more than the suggested {limit} (check the year&apos;s notice)</translation>
    </message>
    <message>
        <source>{name}共 {total} 字，超过 {limit} 字的限制</source>
        <translation>{name} has {total} characters, over the limit of {limit}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>NewApplicationWizard</name>
    <message>
        <source>新建申报</source>
        <translation>New application</translation>
    </message>
</context>
<context>
    <name>NoticeOrigin</name>
    <message>
        <source>办法</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>申报通知</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>本年填写</source>
        <translation>Entered for this year</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <source>申报通知</source>
        <translation>Call for applications</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>报送方式</source>
        <translation>How to submit</translation>
    </message>
    <message>
        <source>其他要求</source>
        <translation>Other requirements</translation>
    </message>
    <message>
        <source>不用已收录的通知（只按办法和下面填写的值）</source>
        <translation>No shipped notice (only the rules and the values below)</translation>
    </message>
    <message>
        <source>{year} 年：{title}</source>
        <translation>{year}: {title}</translation>
    </message>
    <message>
        <source>每轮申报以当年的申报通知为准：截止日期、字数要求、附加条件和报送方式可能与办法不同。选择已收录的通知，或按手头的通知填写本年的值（填写的值优先）。</source>
        <translation>Each round follows that year&apos;s call for applications: its deadline, length limits, extra conditions and way of submission may differ from the rules. Choose a shipped notice, or enter this year&apos;s values from the notice you have (values entered here win).</translation>
    </message>
    <message>
        <source>已收录的申报通知</source>
        <translation>Shipped notices</translation>
    </message>
    <message>
        <source>本年的值（按手头的申报通知填写，留空则沿用通知或办法）</source>
        <translation>This year&apos;s values (from the notice you have; empty keeps the notice&apos;s or the rules&apos; value)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>截止日期(&amp;D)</source>
        <translation>&amp;Deadline</translation>
    </message>
    <message>
        <source>按通知或办法</source>
        <translation>As the notice or rules say</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>{part}字数上限</source>
        <translation>Length limit of {part}</translation>
    </message>
    <message>
        <source>报送方式(&amp;C)</source>
        <translation>How to &amp;submit</translation>
    </message>
    <message>
        <source>其他要求(&amp;O)</source>
        <translation>&amp;Other requirements</translation>
    </message>
    <message>
        <source>本年适用（括号内为出处）</source>
        <translation>What holds this year (source in brackets)</translation>
    </message>
    <message>
        <source>须知</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>截止日期：{problem}</source>
        <translation>Deadline: {problem}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>未选用已收录的通知：按办法（{document}），加上下面填写的值。</source>
        <translation>No shipped notice chosen: the rules ({document}) plus the values entered below.</translation>
    </message>
    <message>
        <source>发文机关：{issuer}</source>
        <translation>Issued by: {issuer}</translation>
    </message>
    <message>
        <source>日期：{date}</source>
        <translation>Date: {date}</translation>
    </message>
    <message>
        <source>未能核对</source>
        <translation>not verified</translation>
    </message>
    <message>
        <source>出处：{source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>文号：{number}</source>
        <translation>Document number: {number}</translation>
    </message>
    <message>
        <source>截止日期：{date}（{origin}）</source>
        <translation>Deadline: {date} ({origin})</translation>
    </message>
    <message>
        <source>{part}：参考值 {n} 字（按当年申报通知核对）</source>
        <translation>{part}: suggested {n} characters (check the year&apos;s notice)</translation>
    </message>
    <message>
        <source>{part}：{n} 字（{origin}）</source>
        <translation>{part}: {n} characters ({origin})</translation>
    </message>
    <message>
        <source>{part}：{n} 字（{origin}：{source}）</source>
        <translation>{part}: {n} characters ({origin}: {source})</translation>
    </message>
    <message>
        <source>报送方式：{channel}（{origin}）</source>
        <translation>How to submit: {channel} ({origin})</translation>
    </message>
    <message>
        <source>【{origin}】{citation} {text}</source>
        <translation>[{origin}] {citation} {text}</translation>
    </message>
    <message>
        <source>【{origin}】证实性材料：{name}</source>
        <translation>[{origin}] Supporting document: {name}</translation>
    </message>
    <message>
        <source>评选周期：{cycle}（申报通知；与办法的“{rules}”不一致：{note}）</source>
        <translation>Cycle: {cycle} (the notice; differs from the rules&apos; “{rules}”: {note})</translation>
    </message>
    <message>
        <source>评选周期：{cycle}</source>
        <translation>Cycle: {cycle}</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>申报人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>填写申报人姓名；其余信息稍后在申请表中填写。</source>
        <translation>Enter the applicant&apos;s name; the rest goes into the application form later.</translation>
    </message>
    <message>
        <source>申报人姓名</source>
        <translation>Applicant&apos;s name</translation>
    </message>
    <message>
        <source>姓名(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>申报组织</source>
        <translation>Applicant organisation</translation>
    </message>
    <message>
        <source>组织名称按营业执照填写；其余信息稍后在申请表中填写。</source>
        <translation>Enter the organisation name as on the business licence; fill in the other details later in the application form.</translation>
    </message>
    <message>
        <source>组织名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <source>组织名称(&amp;N)：</source>
        <translation>&amp;Organisation name:</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>页面预览</source>
        <translation>Page preview</translation>
    </message>
</context>
<context>
    <name>PreflightPage</name>
    <message>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>检查结果（双击或回车转到需要修改的地方）(&amp;L)：</source>
        <translation>Check resu&amp;lts (double-click or press Enter to go to what needs fixing):</translation>
    </message>
    <message>
        <source>导出申报材料 PDF(&amp;E)…</source>
        <translation>Export &amp;application PDF…</translation>
    </message>
    <message>
        <source>导出内部自评报告(&amp;I)…</source>
        <translation>Export &amp;internal self-assessment report…</translation>
    </message>
    <message>
        <source>打印预览(&amp;V)…</source>
        <translation>Print p&amp;review…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>双面打印（装订边左右交替）(&amp;S)</source>
        <translation>Double-&amp;sided (binding margin alternates)</translation>
    </message>
    <message>
        <source>双面打印</source>
        <translation>Double-sided</translation>
    </message>
    <message>
        <source>&lt;h2&gt;检查与导出&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Check and export&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>资格条件</source>
        <translation>Eligibility requirements</translation>
    </message>
    <message>
        <source>尚未完成</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>字数</source>
        <translation>Character count</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>紧凑</source>
        <translation>Compact</translation>
    </message>
    <message>
        <source>版式(&amp;Y)：</source>
        <translation>La&amp;yout:</translation>
    </message>
    <message>
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>{0}（行距 {1} 磅）</source>
        <translation>{0} (leading {1} pt)</translation>
    </message>
    <message>
        <source>正文 {0} 磅，行距固定 {1} 磅；页边距：订口 {2} mm，外侧 {3} mm，上 {4} mm，下 {5} mm</source>
        <translation>Body {0} pt, fixed leading {1} pt; margins: binding {2} mm, outer {3} mm, top {4} mm, bottom {5} mm</translation>
    </message>
    <message>
        <source>（参考值，按当年申报通知核对）</source>
        <translation> (suggested values: check against this year&apos;s call for applications)</translation>
    </message>
    <message>
        <source>（出处：{0}）</source>
        <translation> (source: {0})</translation>
    </message>
    <message>
        <source>无法打印的字符</source>
        <translation>Unprintable characters</translation>
    </message>
    <message>
        <source>内容过长</source>
        <translation>Too long</translation>
    </message>
    <message>
        <source>✓ 资格条件、完整性、字数限制和可打印字符均已检查通过</source>
        <translation>✓ Eligibility, completeness, character limits and printable characters all passed</translation>
    </message>
    <message>
        <source>尚有 {0} 项需要处理。处理完毕即可导出申报材料；也可以先导出查看。</source>
        <translation>Issues still to resolve: {0}. Once they are resolved you can export the application materials; you can also export now to review them.</translation>
    </message>
    <message>
        <source>全部检查通过，可以导出并打印申报材料。</source>
        <translation>All checks passed: you can export and print the application materials.</translation>
    </message>
    <message>
        <source>（正在检查附件能否印出……）</source>
        <translation> (checking whether the attachments can be printed…)</translation>
    </message>
    <message>
        <source>无法检查附件：{0}</source>
        <translation>Cannot check the attachments: {0}</translation>
    </message>
    <message>
        <source>附件无法读取</source>
        <translation>Attachment cannot be read</translation>
    </message>
    <message>
        <source>附件中的脚本和动作将被移除</source>
        <translation>Scripts and actions in attachments will be removed</translation>
    </message>
    <message>
        <source>检查附件</source>
        <translation>Checking the attachments</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>用系统查看器打开(&amp;S)</source>
        <translation>Open in &amp;system viewer</translation>
    </message>
    <message>
        <source>第 %1 / %2 页</source>
        <translation>Page %1 / %2</translation>
    </message>
</context>
<context>
    <name>PrintRun</name>
    <message>
        <source>无法读取要打印的 PDF：{0}</source>
        <translation>The PDF to print cannot be read: {0}</translation>
    </message>
    <message>
        <source>所选页码范围内没有页面。</source>
        <translation>There are no pages in the chosen page range.</translation>
    </message>
    <message>
        <source>打印机“{0}”无法开始打印。</source>
        <translation>The printer “{0}” cannot start printing.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>{0}字数</source>
        <translation>{0} length</translation>
    </message>
    <message>
        <source>按{award}的申报要求分节撰写{name}，全文一般不超过 {limit} 字。</source>
        <translation>Write the {name} section by section as {award} asks; as a rule no more than {limit} characters in all.</translation>
    </message>
    <message>
        <source>按 {guide} 附录B 简要说明组织的基本情况和面临的挑战，全文一般不超过 {limit} 字。</source>
        <translation>Following Annex B of {guide}, briefly describe the organisation&apos;s basic situation and the challenges it faces; the whole profile should normally not exceed {limit} characters.</translation>
    </message>
    <message>
        <source>{id} 字数</source>
        <translation>{id} character count</translation>
    </message>
    <message>
        <source>组织概述 {id} {name} 尚未填写</source>
        <translation>Organisational profile {id} {name} is not filled in yet</translation>
    </message>
    <message>
        <source>组织概述</source>
        <translation>Organisational profile</translation>
    </message>
    <message>
        <source>本节 {n} 字</source>
        <translation>This section: {n} characters</translation>
    </message>
    <message>
        <source>合计 {count}</source>
        <translation>Total: {count}</translation>
    </message>
</context>
<context>
    <name>ProgrammeBrowser</name>
    <message>
        <source>按当年申报通知核对</source>
        <translation>Check against this year&apos;s call for applications</translation>
    </message>
    <message>
        <source>年限</source>
        <translation>Years established</translation>
    </message>
    <message>
        <source>体系认证</source>
        <translation>System certification</translation>
    </message>
    <message>
        <source>经营效益</source>
        <translation>Business results</translation>
    </message>
    <message>
        <source>注册地</source>
        <translation>Place of registration</translation>
    </message>
    <message>
        <source>已获奖项</source>
        <translation>Awards already won</translation>
    </message>
    <message>
        <source>荣誉</source>
        <translation>Honours</translation>
    </message>
    <message>
        <source>重新申报</source>
        <translation>Re-application</translation>
    </message>
    <message>
        <source>声明</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <source>奖项列表</source>
        <translation>Award programmes</translation>
    </message>
    <message>
        <source>资格条件</source>
        <translation>Eligibility requirements</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>资格条件(&amp;R)</source>
        <translation>Eligibility &amp;requirements</translation>
    </message>
    <message>
        <source>&#x3000;〔%1〕</source>
        <translation> [%1]</translation>
    </message>
    <message>
        <source>不按 1000 分制评分</source>
        <translation>Not scored on the 1000-point scale</translation>
    </message>
    <message>
        <source>分数线：%1</source>
        <translation>Award lines: %1</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>（≤ %1 字）</source>
        <translation> (≤ %1 characters)</translation>
    </message>
    <message>
        <source>（参考值 %1 字，按当年申报通知核对）</source>
        <translation> (suggested %1 characters, check the year&apos;s notice)</translation>
    </message>
    <message>
        <source>申报材料：%1</source>
        <translation>Application package: %1</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>申报的奖项与年度</source>
        <translation>Award and year</translation>
    </message>
    <message>
        <source>奖项决定评价准则、资格条件、分数线和申报材料的组成。</source>
        <translation>The award determines the assessment criteria, eligibility requirements, award lines and what the application materials consist of.</translation>
    </message>
    <message>
        <source>奖项</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>（按当年申报通知核对）</source>
        <translation> (check against this year&apos;s call for applications)</translation>
    </message>
    <message>
        <source>申报主体</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>申报年度</source>
        <translation>Application year</translation>
    </message>
    <message>
        <source>奖项(&amp;A)：</source>
        <translation>&amp;Award:</translation>
    </message>
    <message>
        <source>申报年度(&amp;Y)：</source>
        <translation>Application &amp;year:</translation>
    </message>
    <message>
        <source>申报主体(&amp;P)：</source>
        <translation>A&amp;pplicant:</translation>
    </message>
    <message>
        <source>组织申报</source>
        <translation>An organisation</translation>
    </message>
    <message>
        <source>个人申报</source>
        <translation>A person</translation>
    </message>
</context>
<context>
    <name>RadarChartWidget</name>
    <message>
        <source>各类目得分率雷达图</source>
        <translation>Radar chart of category score rates</translation>
    </message>
    <message>
        <source>还没有可显示的类目得分。</source>
        <translation>No category scores to show yet.</translation>
    </message>
    <message>
        <source>得分率</source>
        <translation>Score rate</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>以往年申报为基础新建</source>
        <translation>New from last year&apos;s application</translation>
    </message>
    <message>
        <source>以 {name}（{year} 年度）为基础新建：复制自评内容、申请表、关键绩效数据、证实性材料和自评分，按新年度移动按年度填写的数据，各评分项标为“需更新”。原文件不会改动。</source>
        <translation>A new application from {name} ({year}): the self-assessment, application form, key performance data, supporting evidence and self-scores are copied, data kept by year moves on to the new year, and every scored item is marked “Needs updating”. The original file is not changed.</translation>
    </message>
    <message>
        <source>%1 年度</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>新申报文件</source>
        <translation>New application file</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>申报年度(&amp;Y)：</source>
        <translation>Application &amp;year:</translation>
    </message>
    <message>
        <source>新文件(&amp;F)：</source>
        <translation>New &amp;file:</translation>
    </message>
    <message>
        <source>新建(&amp;C)</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>申报文件 (*.qdesk)</source>
        <translation>Application files (*.qdesk)</translation>
    </message>
</context>
<context>
    <name>Renewer</name>
    <message>
        <source>选择往年的申报文件</source>
        <translation>Choose last year&apos;s application file</translation>
    </message>
    <message>
        <source>申报文件 (*.qdesk)</source>
        <translation>Application files (*.qdesk)</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>文件已存在</source>
        <translation>File already exists</translation>
    </message>
    <message>
        <source>{path} 已存在，要替换它吗？</source>
        <translation>{path} already exists. Replace it?</translation>
    </message>
    <message>
        <source>正在复制 {name}…</source>
        <translation>Copying {name}…</translation>
    </message>
    <message>
        <source>以往年申报为基础新建</source>
        <translation>New from last year&apos;s application</translation>
    </message>
    <message>
        <source>无法新建</source>
        <translation>Cannot create the application</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>自评报告字数</source>
        <translation>Self-assessment report character count</translation>
    </message>
    <message>
        <source>自评总分</source>
        <translation>Total self-score</translation>
    </message>
    <message>
        <source>双击或按回车打开评分项，填写自评内容并打分。</source>
        <translation>Double-click or press Enter to open a scored item, write its self-assessment and score it.</translation>
    </message>
    <message>
        <source>评分项一览</source>
        <translation>Scored items overview</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Scored item</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>字数</source>
        <translation>Characters</translation>
    </message>
    <message>
        <source>图</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>自评</source>
        <translation>Self-assessed</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>评分项(&amp;I)</source>
        <translation>Scored &amp;items</translation>
    </message>
    <message>
        <source>打开 {id} {name}</source>
        <translation>Open {id} {name}</translation>
    </message>
    <message>
        <source>自评报告</source>
        <translation>Self-assessment report</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not written</translation>
    </message>
    <message>
        <source>未评分</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>自评报告合计 {count}</source>
        <translation>Self-assessment report total: {count}</translation>
    </message>
    <message>
        <source>自评总分 {total} / {max} 分（过程 {process} 分，结果 {results} 分）；已打分 {scored} / {items} 项</source>
        <translation>Total self-score {total} / {max} points (process {process}, results {results}); {scored} / {items} items scored</translation>
    </message>
</context>
<context>
    <name>RevisionWords</name>
    <message>
        <source>%1 篇幅限制</source>
        <translation>%1 length limit</translation>
    </message>
    <message>
        <source>评审得分：%1</source>
        <translation>Examiners&apos; score: %1</translation>
    </message>
    <message>
        <source>%1 字</source>
        <translation>%1 characters</translation>
    </message>
    <message>
        <source>%1 分</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>第 %1 行：</source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <source>得分率：%1</source>
        <translation>Score: %1</translation>
    </message>
    <message>
        <source>优势</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>改进机会</source>
        <translation>Opportunities for improvement</translation>
    </message>
    <message>
        <source>评分人</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>确认符合：%1</source>
        <translation>Confirmed: %1</translation>
    </message>
    <message>
        <source>声明：%1</source>
        <translation>Declaration: %1</translation>
    </message>
    <message>
        <source>证实材料：%1</source>
        <translation>Evidence: %1</translation>
    </message>
</context>
<context>
    <name>RuleCard</name>
    <message>
        <source>按当年申报通知核对</source>
        <translation>Check against this year&apos;s call for applications</translation>
    </message>
    <message>
        <source>出自申报通知</source>
        <translation>From the year&apos;s notice</translation>
    </message>
    <message>
        <source>条款读法：{reading}</source>
        <translation>How the clause is read: {reading}</translation>
    </message>
    <message>
        <source>数据来源：申请表 · {where}</source>
        <translation>Data source: Application form · {where}</translation>
    </message>
    <message>
        <source>由申报人本人声明符合，并准备证实性材料供评审核验</source>
        <translation>Declared by the applicant in person, with supporting documents for the examiners to verify</translation>
    </message>
    <message>
        <source>由申报组织声明符合，并准备证实性材料供评审核验</source>
        <translation>Declared by the applicant organisation, with supporting evidence prepared for the assessors to verify</translation>
    </message>
    <message>
        <source>前往申请表</source>
        <translation>Go to application form</translation>
    </message>
    <message>
        <source>前往申请表填写 {where}</source>
        <translation>Go to the application form to fill in {where}</translation>
    </message>
    <message>
        <source>本人确认符合此条款(&amp;Y)</source>
        <translation>&amp;Yes, I meet this clause</translation>
    </message>
    <message>
        <source>{citation}：本人确认符合此条款</source>
        <translation>{citation}: I confirm I meet this clause</translation>
    </message>
    <message>
        <source>本组织确认符合此条款(&amp;Y)</source>
        <translation>&amp;Yes, our organisation meets this clause</translation>
    </message>
    <message>
        <source>{citation}：本组织确认符合此条款</source>
        <translation>{citation}: our organisation meets this clause</translation>
    </message>
    <message>
        <source>简述符合的事实，例如“近3年无严重失信记录”</source>
        <translation>Briefly state the facts, e.g. “No record of serious dishonesty in the last 3 years”</translation>
    </message>
    <message>
        <source>{citation} 声明内容</source>
        <translation>{citation} statement</translation>
    </message>
    <message>
        <source>{citation} 证实材料</source>
        <translation>{citation} evidence</translation>
    </message>
    <message>
        <source>选择已添加的证实性材料，或写明将提供的材料</source>
        <translation>Choose supporting evidence already added, or name the material you will provide</translation>
    </message>
    <message>
        <source>声明内容</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>证实材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>证实性材料中已关联本条：{names}</source>
        <translation>Linked in supporting evidence: {names}</translation>
    </message>
    <message>
        <source>状态：{status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>判断：{reason}</source>
        <translation>Finding: {reason}</translation>
    </message>
    <message>
        <source>依据的数据：
{evidence}</source>
        <translation>Data used:
{evidence}</translation>
    </message>
    <message>
        <source>符合</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>不符合</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>需确认</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>待补充</source>
        <translation>Needs data</translation>
    </message>
    <message>
        <source>已声明</source>
        <translation>Declared</translation>
    </message>
</context>
<context>
    <name>ScoringWindow</name>
    <message>
        <source>保存状态</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>{assessor}的评分表 — {org} · {award} · {year} 年度</source>
        <translation>{assessor}&apos;s scorebook — {org} · {award} · {year}</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>评分项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>申报原文</source>
        <translation>Applicant&apos;s text</translation>
    </message>
    <message>
        <source>评分人：{assessor}&#x3000;&#x3000;{org} · {award} · {year} 年度</source>
        <translation>Assessor: {assessor}&#x3000;&#x3000;{org} · {award} · {year}</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>评分表(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>（申报原文中本项没有内容）</source>
        <translation>(The application has no text for this item)</translation>
    </message>
    <message>
        <source>未评分</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>已评 {scored} / {items} 项</source>
        <translation>{scored} / {items} items scored</translation>
    </message>
    <message>
        <source>未保存…</source>
        <translation>Not saved yet…</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved at {0}</translation>
    </message>
    <message>
        <source>未能保存评分：{0}

仍要关闭吗？尚未保存的修改将丢失。</source>
        <translation>Could not save the scores: {0}

Close anyway? Changes not yet saved will be lost.</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>未保存…</source>
        <translation>Not saved yet…</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved at {0}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>StepNavigator</name>
    <message>
        <source>申报步骤</source>
        <translation>Application steps</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>申请表</source>
        <translation>Application form</translation>
    </message>
    <message>
        <source>申报通知</source>
        <translation>Call for applications</translation>
    </message>
    <message>
        <source>资格自查</source>
        <translation>Eligibility check</translation>
    </message>
    <message>
        <source>组织概述</source>
        <translation>Organisational profile</translation>
    </message>
    <message>
        <source>自评报告</source>
        <translation>Self-assessment report</translation>
    </message>
    <message>
        <source>关键绩效数据</source>
        <translation>Key performance data</translation>
    </message>
    <message>
        <source>证实性材料</source>
        <translation>Supporting evidence</translation>
    </message>
    <message>
        <source>评分汇总</source>
        <translation>Score summary</translation>
    </message>
    <message>
        <source>检查与导出</source>
        <translation>Check and export</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>自评总分</source>
        <translation>Total self-score</translation>
    </message>
    <message>
        <source>过程与结果得分</source>
        <translation>Process and results scores</translation>
    </message>
    <message>
        <source>还没有为任何评分项自评打分。在“自评报告”各评分项页面打分后，这里会自动汇总。</source>
        <translation>No scored item has been self-scored yet. Once you score the items on their pages under “Self-assessment report”, the totals appear here automatically.</translation>
    </message>
    <message>
        <source>奖项分数线</source>
        <translation>Award lines</translation>
    </message>
    <message>
        <source>评审组公布的%1得分，0–1000 分，可带小数（如 612.5）</source>
        <translation>The examiners&apos; published %1 score, 0–1000, decimals allowed (e.g. 612.5)</translation>
    </message>
    <message>
        <source>分</source>
        <translation>points</translation>
    </message>
    <message>
        <source>分数线适用于评审组给出的总评分；自评总分只是估计，不代表评审结果。</source>
        <translation>The award lines apply to the examiners&apos; total score; the self-score is only an estimate, not the examiners&apos; result.</translation>
    </message>
    <message>
        <source>%1达线情况（自评）</source>
        <translation>%1 lines (self-score)</translation>
    </message>
    <message>
        <source>%1达线情况（综合得分）</source>
        <translation>%1 lines (composite score)</translation>
    </message>
    <message>
        <source>评审得分</source>
        <translation>Examiners&apos; scores</translation>
    </message>
    <message>
        <source>评审组公布各环节得分后在此填写（0–1000 分，可带小数），程序按%1的权重计算综合得分，并与分数线对照。</source>
        <translation>Enter the stage scores once the examiners publish them (0–1000, decimals allowed); the composite is computed with the weights of %1 and compared with the lines.</translation>
    </message>
    <message>
        <source>综合得分</source>
        <translation>Composite score</translation>
    </message>
    <message>
        <source>各类目得分</source>
        <translation>Category scores</translation>
    </message>
    <message>
        <source>得分率雷达图</source>
        <translation>Score rate radar chart</translation>
    </message>
    <message>
        <source>综合得分 %1 分，未达到“%2”的分数线（%3）</source>
        <translation>Composite score %1 does not reach the “%2” line (%3)</translation>
    </message>
    <message>
        <source>自评总分 %1 分，尚未达到“%2”的分数线（%3）</source>
        <translation>Total self-score %1 points, below the award line for “%2” (%3)</translation>
    </message>
    <message>
        <source>%1 / %2 分</source>
        <translation>%1 / %2 points</translation>
    </message>
    <message>
        <source>过程 %1 / %2 分&#x3000;&#x3000;结果 %3 / %4 分</source>
        <translation>Process %1 / %2 points&#x3000;&#x3000;Results %3 / %4 points</translation>
    </message>
    <message>
        <source>自评 %1</source>
        <translation>Self-score %1</translation>
    </message>
    <message>
        <source>按评审结果确定</source>
        <translation>Decided by the assessment results</translation>
    </message>
    <message>
        <source>● 已达到</source>
        <translation>● Reached</translation>
    </message>
    <message>
        <source>○ 未达到：须高于 %1 分</source>
        <translation>○ Not reached: must be above %1 points</translation>
    </message>
    <message>
        <source>○ 未达到：还差 %1 分</source>
        <translation>○ Not reached: %1 points short</translation>
    </message>
    <message>
        <source>综合得分：三个环节的得分填齐后计算（%1）</source>
        <translation>Composite score: computed once all three stage scores are in (%1)</translation>
    </message>
    <message>
        <source>综合得分 %1 分（%2）</source>
        <translation>Composite score %1 (%2)</translation>
    </message>
    <message>
        <source>综合得分 %1</source>
        <translation>Composite %1</translation>
    </message>
    <message>
        <source>%1 分线</source>
        <translation>%1-point line</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>表格（用方向键移动，F2 或直接输入编辑）</source>
        <translation>Table (move with the arrow keys; press F2 or just type to edit)</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>{table}：添加一行</source>
        <translation>{table}: add row</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Delete selected rows</translation>
    </message>
    <message>
        <source>{table}：删除所选行</source>
        <translation>{table}: delete selected rows</translation>
    </message>
    <message>
        <source>建议填写的年度，编辑本行后才会保存</source>
        <translation>Suggested year; saved only once you edit this row</translation>
    </message>
    <message>
        <source>有误：</source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>第 {row} 行“{column}”：{message}</source>
        <translation>Row {row}, “{column}”: {message}</translation>
    </message>
    <message>
        <source>{table}第 {row} 行{column}：{message}</source>
        <translation>{table}, row {row}, {column}: {message}</translation>
    </message>
    <message>
        <source>{table}第 {row} 行未填写{column}</source>
        <translation>{table}, row {row}: {column} is not filled in</translation>
    </message>
</context>
<context>
    <name>TrendChartWidget</name>
    <message>
        <source>选择一个指标，即可在这里看到它的趋势图。</source>
        <translation>Select an indicator to see its trend chart here.</translation>
    </message>
    <message>
        <source>趋势图</source>
        <translation>Trend chart</translation>
    </message>
    <message>
        <source>↓ 越低越好</source>
        <translation>↓ Lower is better</translation>
    </message>
    <message>
        <source>↑ 越高越好</source>
        <translation>↑ Higher is better</translation>
    </message>
    <message>
        <source>单位：%1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>“%1”还没有任何年份的数值：填入各年数值后，这里即显示趋势图。</source>
        <translation>“%1” has no values for any year yet: enter its yearly values to see the trend chart here.</translation>
    </message>
</context>
<context>
    <name>TwoYearsChart</name>
    <message>
        <source>两个年度的指标数值</source>
        <translation>The indicator&apos;s values in the two years</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>新建申报(&amp;N)…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <source>选择奖项与年度，填写组织名称，选择保存位置</source>
        <translation>Choose the award and year, name the organisation, choose where to save</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>打开已有的申报文件（.qdesk）</source>
        <translation>Open an existing application file (.qdesk)</translation>
    </message>
    <message>
        <source>打开示例(&amp;D)</source>
        <translation>Open &amp;demo</translation>
    </message>
    <message>
        <source>一份虚构的苏州制造企业的完整申报，可随意修改</source>
        <translation>A complete application by a fictional Suzhou manufacturer; feel free to change it</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)：</source>
        <translation>&amp;Recently opened:</translation>
    </message>
    <message>
        <source>最近打开的申报文件</source>
        <translation>Recently opened application files</translation>
    </message>
    <message>
        <source>还没有打开过申报文件。可以先打开示例看看。</source>
        <translation>No application files opened yet. Try opening the demo first.</translation>
    </message>
    <message>
        <source>所有数据只保存在本机的申报文件中，程序不连接网络。</source>
        <translation>All data stays in the application file on this computer; the program never connects to the network.</translation>
    </message>
    <message>
        <source>&lt;h1 style=&apos;margin:0&apos;&gt;质量奖申报助手&lt;/h1&gt;&lt;p&gt;按 GB/T 19580《卓越绩效评价准则》逐项填写自评报告、自评打分，对照奖项办法逐条自查申报资格，并导出可直接打印装订的申报材料。&lt;/p&gt;</source>
        <translation>&lt;h1 style=&apos;margin:0&apos;&gt;QualityDesk&lt;/h1&gt;&lt;p&gt;Write the self-assessment item by item against GB/T 19580 “Criteria for performance excellence”, score it, check eligibility clause by clause against the award’s rules, and export a print-ready application package.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>读取最近打开的文件</source>
        <translation>Reading the recent files</translation>
    </message>
    <message>
        <source>（文件已不在）</source>
        <translation> (file no longer exists)</translation>
    </message>
    <message>
        <source>无法读取：不是申报文件，或文件已损坏</source>
        <translation>Cannot be read: not an application file, or the file is damaged</translation>
    </message>
    <message>
        <source>%1 年度</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>（未填组织名称）</source>
        <translation>(no organisation name yet)</translation>
    </message>
    <message>
        <source>最后保存 %1</source>
        <translation>last saved %1</translation>
    </message>
    <message>
        <source>今天 %1</source>
        <translation>today %1</translation>
    </message>
    <message>
        <source>昨天 %1</source>
        <translation>yesterday %1</translation>
    </message>
</context>
<context>
    <name>WizardView</name>
    <message>
        <source>上一步(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>下一步(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>上一步（Alt+←）</source>
        <translation>Back (Alt+←)</translation>
    </message>
    <message>
        <source>下一步（Alt+→）</source>
        <translation>Next (Alt+→)</translation>
    </message>
    <message>
        <source>保存状态</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>（未填写申报人姓名）</source>
        <translation>(applicant&apos;s name not entered)</translation>
    </message>
    <message>
        <source>自评 {0} 分</source>
        <translation>Self-score {0}</translation>
    </message>
    <message>
        <source>分数线适用于评审组给出的总评分；自评总分只是估计，不代表评审结果。</source>
        <translation>The award lines apply to the examiners&apos; total score; the self-score is only an estimate, not the examiners&apos; result.</translation>
    </message>
    <message>
        <source>（未填写组织名称）</source>
        <translation>(organisation name not filled in)</translation>
    </message>
    <message>
        <source>{0} 年度</source>
        <translation>{0} application</translation>
    </message>
</context>
<context>
    <name>WordImportDialog</name>
    <message>
        <source>从 Word 导入：{name}</source>
        <translation>Import from Word: {name}</translation>
    </message>
    <message>
        <source>导入前后对比</source>
        <translation>Before and after the import</translation>
    </message>
    <message>
        <source>所选评分项导入前后对比(&amp;C)：</source>
        <translation>&amp;Compare the selected item before and after the import:</translation>
    </message>
    <message>
        <source>Word 文件中的各节(&amp;S)：可改选对应的评分项，或选“不导入”；已有内容的评分项可选替换、追加或跳过。</source>
        <translation>&amp;Sections of the Word file: choose another scored item for a section, or “Do not import”; for an item that already has text, choose Replace, Append at the end or Skip.</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>导入计划</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <source>Word 中的标题</source>
        <translation>Heading in Word</translation>
    </message>
    <message>
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>字数</source>
        <translation>Characters</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <source>已有内容</source>
        <translation>Existing text</translation>
    </message>
    <message>
        <source>（文件开头）</source>
        <translation>(start of the file)</translation>
    </message>
    <message>
        <source>第 {n} 节导入到</source>
        <translation>Import section {n} into</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>按标题在类目中的顺序推断，请核对</source>
        <translation>Guessed from the heading&apos;s place in its category: please check</translation>
    </message>
    <message>
        <source>第 {n} 节对已有内容</source>
        <translation>Section {n}: what to do with existing text</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>追加到后面</source>
        <translation>Append at the end</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>新填</source>
        <translation>Fill in</translation>
    </message>
    <message>
        <source>该评分项还没有内容：直接填入</source>
        <translation>This scored item has no text yet: it is filled in</translation>
    </message>
    <message>
        <source>将新填 {fill} 项、替换 {replace} 项、追加 {append} 项，跳过 {skip} 项，不导入 {out} 节；被替换的内容可在“历史版本”中恢复。</source>
        <translation>Items to fill in: {fill}; to replace: {replace}; to append to: {append}; to skip: {skip}. Sections not imported: {out}. Replaced text can be restored from the “Version history”.</translation>
    </message>
    <message>
        <source>未导入：</source>
        <translation>Not imported: </translation>
    </message>
    <message>
        <source>这一节不导入。</source>
        <translation>This section is not imported.</translation>
    </message>
    <message>
        <source>现在的内容</source>
        <translation>Current content</translation>
    </message>
    <message>
        <source>导入后</source>
        <translation>After the import</translation>
    </message>
    <message>
        <source>导入后（跳过，不改动）</source>
        <translation>After the import (skipped, unchanged)</translation>
    </message>
    <message>
        <source>%1 行未改动</source>
        <translation>%1 unchanged lines</translation>
    </message>
    <message>
        <source>导入后与现在的内容相同。</source>
        <translation>The import leaves this content unchanged.</translation>
    </message>
    <message>
        <source>图片</source>
        <comment>a picture in the compared text</comment>
        <translation>picture</translation>
    </message>
</context>
<context>
    <name>WordImporter</name>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>从 Word 导入</source>
        <translation>Import from Word</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx *.docm *.doc *.wps *.rtf *.odt);;所有文件 (*)</source>
        <translation>Word documents (*.docx *.docm *.doc *.wps *.rtf *.odt);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取 Word 文件…</source>
        <translation>Reading the Word file…</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>已导入 {n} 项，图片 {pictures} 张放入正文。被替换的内容可在“文件 → 历史版本”中逐项恢复。</source>
        <translation>Items imported: {n}; pictures placed in the text: {pictures}. Replaced text can be restored item by item with “File → Version history”.</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
</context>
</TS>
