"""The report at the end of a mock interview; each question opens in the review screen; export to Markdown."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from studyapp.core.report import Report, fmt_duration
from studyapp.core.safe_text import sanitize_line
from studyapp.tui.text import short


def default_export_path(report: Report) -> Path:
    from studyapp.core.paths import data_dir

    stamp = report.started_at.astimezone().strftime("%Y%m%d-%H%M") if report.started_at else "report"
    suffix = f"-{report.session_id}" if report.session_id else ""
    return data_dir() / "reports" / f"mock-{stamp}{suffix}.md"


class ExportScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen #export { width: 80%; height: auto; border: thick $accent; padding: 1 2; background: $surface; }
    """
    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Label("导出为 Markdown（回车确认，可改为其他文件或文件夹）")
            yield Input(str(self.default), id="export-path")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReportScreen(Screen):
    DEFAULT_CSS = """
    ReportScreen #report-summary { padding: 0 1; height: auto; }
    ReportScreen #report-table { height: auto; max-height: 50%; }
    ReportScreen #report-detail { padding: 0 1; }
    ReportScreen #report-export { padding: 0 1; height: auto; color: $success; }
    """
    BINDINGS = [
        # priority: the table's own (hidden) enter binding would otherwise hide this one from the footer
        Binding("enter", "open", "点评本题", priority=True),
        Binding("e", "export", "导出 Markdown"),
        Binding("escape", "app.pop_screen", "返回"),
    ]

    def __init__(self, report: Report, *, packs: dict | None = None) -> None:
        super().__init__()
        self.report = report
        # packs of the report's questions that the app has not loaded (a resumed session's)
        self.packs = dict(packs or {})
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        r = self.report
        total = fmt_duration(r.think_used + r.answer_used)
        # two short lines rather than one that wraps mid-phrase at 80 columns
        summary = (
            f"{len(r.questions)} 题 · 平均得分 {'–' if r.score is None else round(r.score)} · "
            f"总用时 {total} / 限时 {fmt_duration(r.time_allowed)}"
        )
        if not r.finished:
            summary += " · 未完成"
        summary += f"\n共 {r.chars} 字，预计口述 {fmt_duration(r.speak_s)}（按每分钟 200 字估算）"
        yield Header()
        yield Static(Content(summary), id="report-summary")
        yield DataTable(id="report-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="report-detail-box"):
            yield Static("", id="report-detail")
        yield Static("", id="report-export")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "模拟面试报告"
        table = self.query_one("#report-table", DataTable)
        # the score next to the number: what a narrow terminal must not cut off
        table.add_columns("题", "得分", "题型", "思考 用时/限时", "作答 用时/限时", "字数", "预计口述")
        for q in self.report.questions:
            table.add_row(
                str(q.index + 1),
                "–" if q.score is None else str(round(q.score)),
                Text(sanitize_line(q.type or "–")),  # Text: a str cell would be parsed as markup
                f"{fmt_duration(q.think_used)}/{fmt_duration(q.think_allowed)}",
                f"{fmt_duration(q.answer_used)}/{fmt_duration(q.answer_allowed)}",
                str(q.chars),
                f"{fmt_duration(q.speak_s)} {q.speech_verdict}",
                key=str(q.index),
            )
        table.focus()
        self.show_detail(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_review(event.cursor_row)

    def show_detail(self, row: int) -> None:
        if not 0 <= row < len(self.report.questions):
            return
        q = self.report.questions[row]
        lines = [f"第{q.index + 1}题：{short(q.prompt, 60)}"]
        if q.score is None:
            lines.append(f"（{sanitize_line(q.note or '此题没有评分要点，未评分')}）")
        else:
            if q.note:
                lines.append(f"（{sanitize_line(q.note)}）")
            if q.missed:
                lines.append("遗漏的要点：")
                lines += [f"  ✘ {sanitize_line(t)}" for t in q.missed]
            if q.partial:
                lines.append("部分覆盖：")
                lines += [f"  ◐ {sanitize_line(t)}" for t in q.partial]
            if not q.missed and not q.partial:
                lines.append("所有要点都已覆盖。")
        lines.append("回车打开点评（证据高亮、参考答案）")
        self.query_one("#report-detail", Static).update(Content("\n".join(lines)))

    def action_open(self) -> None:
        self.open_review(self.query_one("#report-table", DataTable).cursor_row)

    def open_review(self, row: int) -> None:
        if not 0 <= row < len(self.report.questions):
            return
        q = self.report.questions[row]
        pack = self.app.pack_of(q.pack_id) or self.packs.get(q.pack_id)
        question = pack.question(q.question_id) if pack else None
        if pack is None or question is None or q.grading is None:
            self.notify(f"无法点评：{q.note or '这道题不在已加载的题包里'}。", severity="warning", markup=False)
            return
        from studyapp.tui.review import ReviewScreen

        self.app.push_screen(
            ReviewScreen(pack, question, q.text, q.grading, duration_s=q.think_used + q.answer_used)
        )

    def action_export(self) -> None:
        def done(value: str | None) -> None:
            if value:
                self.export_to(Path(value))

        self.app.push_screen(ExportScreen(default_export_path(self.report)), done)

    def export_to(self, path: Path) -> Path | None:
        try:
            out = self.report.export(path)
        except OSError as exc:
            self.notify(f"导出失败：{path}: {exc.strerror or exc}", severity="error", markup=False)
            return None
        self.exported = out
        self.query_one("#report-export", Static).update(Content(f"已导出：{out}"))
        self.notify(f"已导出到 {out}", markup=False)
        return out
