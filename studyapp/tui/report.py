"""The report at the end of a mock interview; each question opens in the review screen; export to Markdown."""
from __future__ import annotations

import errno
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


def default_export_path(report: Report, *, data_folder_usable: bool = True) -> Path:
    """``<data folder>/reports/<file>``; the home folder when the data folder cannot be used
    (then the export is the only way to keep the session)."""
    from studyapp.core.paths import data_dir

    folder = data_dir() / "reports" if data_folder_usable else Path.home()
    return folder / report.file_name()


# what the OS says, in the candidate's language (the path is shown beside it)
OS_ERRORS_ZH = {
    errno.ENOENT: "文件夹不存在或无法创建",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EROFS: "只读的文件系统",
    errno.ENOSPC: "磁盘空间不足",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EEXIST: "已有同名的文件",
}


def os_error_zh(exc: OSError) -> str:
    return OS_ERRORS_ZH.get(exc.errno, exc.strerror or str(exc))


class ExportScreen(ModalScreen[Path | None]):
    """Where to write the report. The dialog writes it: an existing file is replaced only
    after a yes, and an error is shown here with the typed path kept for correcting."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen #export { width: 80%; min-width: 50; max-width: 100%; height: auto; border: thick $accent;
        padding: 1 2; background: $surface; }
    ExportScreen #export-error { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, report: Report, default: Path) -> None:
        super().__init__()
        self.report = report
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Label("导出为 Markdown：回车确认（可改为其他文件或文件夹）")
            yield Input(str(self.default), id="export-path")
            yield Static("", id="export-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.show_error("请填写文件或文件夹")
            return
        target = self.report.export_target(Path(value))
        if target.exists() and not target.is_dir():
            from studyapp.tui.confirm import ConfirmScreen

            def answered(yes: bool | None) -> None:
                if yes:
                    self.write(Path(value))
                else:
                    self.show_error("没有覆盖：可以改一个文件名")

            self.app.push_screen(ConfirmScreen(f"文件已存在，覆盖吗？(y/n)\n{target}"), answered)
            return
        self.write(Path(value))

    def write(self, path: Path) -> None:
        try:
            out = self.report.export(path)
        except OSError as exc:
            self.show_error(f"导出失败：{os_error_zh(exc)}（{exc.filename or path}）")
            return
        self.dismiss(out)

    def show_error(self, text: str) -> None:
        self.query_one("#export-error", Static).update(Content(text))
        self.query_one("#export-path", Input).focus()

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
        Binding("escape", "back", "返回"),
    ]

    def __init__(self, report: Report, *, packs: dict | None = None, keys_held_s: float = 0.0) -> None:
        super().__init__()
        self.report = report
        # opened by time running out: keys typed for the answer in that moment do nothing here
        self.keys_held_s = keys_held_s
        self._keys_held_until: float | None = None
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
        summary += f"\n作答共 {r.chars} 字，预计口述 {fmt_duration(r.speak_s)}（每分钟 200 字；思考笔记不计）"
        yield Header()
        yield Static(Content(summary), id="report-summary")
        yield DataTable(id="report-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="report-detail-box"):
            yield Static("", id="report-detail")
        yield Static("", id="report-export")
        yield Footer()

    def keys_held(self) -> bool:
        """Within the moment after time ran out and opened the report: a key does nothing."""
        if self._keys_held_until is None:
            return False
        if self.app.clock.monotonic() < self._keys_held_until:
            self.notify("时间到，作答已结束：这是本场的报告。刚才的按键没有生效。", markup=False, timeout=3)
            return True
        self._keys_held_until = None
        return False

    def action_back(self) -> None:
        if not self.keys_held():
            self.app.pop_screen()

    def on_mount(self) -> None:
        if self.keys_held_s > 0:
            self._keys_held_until = self.app.clock.monotonic() + self.keys_held_s
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
        if not self.keys_held():
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
        if self.keys_held():
            return
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
            # its length is measured against the answer time this mock gave it
            ReviewScreen(
                pack, question, q.text, q.grading, duration_s=q.think_used + q.answer_used,
                answer_s=q.answer_allowed, notes=q.notes,
            )
        )

    def action_export(self) -> None:
        if self.keys_held():
            return

        def done(out: Path | None) -> None:
            if out is not None:
                self.exported = out
                self.query_one("#report-export", Static).update(Content(f"已导出：{out}"))
                self.notify(f"已导出到 {out}", markup=False)

        usable = getattr(self.app, "store", None) is not None
        self.app.push_screen(ExportScreen(self.report, default_export_path(self.report, data_folder_usable=usable)),
                             done)


# --- past sessions ---------------------------------------------------------------------------


def report_of_record(app, record):
    """A finished session's report, rebuilt from what was saved (graded by the key points of
    now; a pack not loaded this time is read from its folder, else its saved copy), and the
    packs its questions need for their reviews. SessionError if the record is damaged."""
    from studyapp.core.report import build_report
    from studyapp.core.session import MockSession
    from studyapp.tui.mock import packs_of_saved_session, session_packs

    loaded = packs_of_saved_session(app, record.state)

    def resolve(pack_id: str, question_id: str):
        pack = app.pack_of(pack_id) or loaded.get(pack_id)
        return pack.question(question_id) if pack else None

    session = MockSession.from_dict(record.state, app.clock, resolve)
    packs = session_packs(app, session, loaded)
    thesauri = {p.id: p.thesaurus for p in [*packs.values(), *app.packs]}
    report = build_report(session, thesauri=thesauri, session_id=record.id, started_at=record.created_at)
    return report, packs


class PastMocksScreen(Screen):
    """The finished mock interviews, newest first; enter reopens one's report (and its export)."""

    DEFAULT_CSS = """
    PastMocksScreen #past-help { padding: 0 1; height: auto; color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter", "open", "打开报告", priority=True),
        Binding("escape", "app.pop_screen", "返回"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="past-help")
        yield DataTable(id="past-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        from studyapp.tui.text import error_text

        self.sub_title = "模拟面试记录"
        self.records = []
        if self.app.store is not None:
            try:
                self.records = self.app.store.sessions(status="finished", limit=200)
            except Exception as exc:  # StoreError
                self.notify(f"读取模拟面试记录失败：{error_text(exc)}", severity="warning", markup=False)
        table = self.query_one("#past-table", DataTable)
        table.add_columns("时间", "得分", "题数", "题型", "字数")
        for i, rec in enumerate(self.records):
            types = "、".join(dict.fromkeys(
                str(it.get("type") or "–") for it in (rec.state.get("items") or []) if isinstance(it, dict)
            ))
            chars = sum(1 for q in rec.questions for ch in q.text if not ch.isspace())
            table.add_row(
                rec.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                "–" if rec.score is None else str(round(rec.score)),
                str(len(rec.questions)),
                Text(sanitize_line(types) or "–"),
                str(chars),
                key=str(i),
            )
        help_text = ("回车打开这场的报告（可按 e 导出）；得分按现在的采分点重新评出" if self.records
                     else ("还没有完成的模拟面试。" if self.app.store is not None
                           else "数据文件夹不可用，没有保存的模拟面试。"))
        self.query_one("#past-help", Static).update(Content(help_text))
        table.focus()

    def action_open(self) -> None:
        from studyapp.core.session import SessionError

        row = self.query_one("#past-table", DataTable).cursor_row
        if not 0 <= row < len(self.records):
            return
        try:
            report, packs = report_of_record(self.app, self.records[row])
        except SessionError as exc:
            self.notify(f"无法打开这场的报告：{exc.zh}", severity="error", markup=False)
            return
        self.app.push_screen(ReportScreen(report, packs=packs))
