"""The report at the end of a mock interview; each question opens in the review screen; export to Markdown."""
from __future__ import annotations

import errno
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from studyapp.core.report import Report, count_chars, fmt_duration
from studyapp.core.safe_text import sanitize_line
from studyapp.core.session import KeyHold, saved_notes, split_notes
from studyapp.tui.review import ReviewScreen
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


EXPORT_LABEL = "导出为 Markdown：回车确认（可改为其他文件名，或以 / 结尾的文件夹：没有就新建）"


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
    ExportScreen #export-label { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, report: Report, default: Path) -> None:
        super().__init__()
        self.report = report
        self.default = default
        self.note = ""  # said with the path when written: the name was given .md

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            # (wraps on a narrow terminal rather than lose its end)
            yield Label(EXPORT_LABEL, id="export-label")
            yield Input(str(self.default), id="export-path")
            yield Static("", id="export-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.show_error("请填写文件或文件夹")
            return
        # the text as typed: a trailing / (or \) says a folder, which Path() would drop
        target = self.report.export_target(value, folder=self.default.parent)
        if target.exists() and not target.is_dir():
            from studyapp.tui.confirm import ConfirmScreen

            def answered(yes: bool | None) -> None:
                if yes:
                    self.write(value)
                else:
                    self.show_error("没有覆盖：可以改一个文件名")

            self.app.push_screen(ConfirmScreen(f"文件已存在，覆盖吗？(y/n)\n{target}"), answered)
            return
        self.write(value)

    def write(self, value: str) -> None:
        try:
            # a bare name goes where the field offered (the reports folder), not into the
            # folder studyapp was started from, which a candidate cannot see
            out = self.report.export(value, folder=self.default.parent)
        except OSError as exc:
            self.show_error(f"导出失败：{os_error_zh(exc)}（{exc.filename or value}）")
            return
        typed = Path(value).expanduser()
        if not value.endswith(("/", "\\")) and not typed.suffix and out.name == typed.name + ".md":
            self.note = "文件名没有扩展名，已加上 .md"
        self.dismiss(out)

    def show_error(self, text: str) -> None:
        self.query_one("#export-error", Static).update(Content(text))
        self.query_one("#export-path", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReportScreen(Screen):
    # the app's notices of the start are shown once this screen is up (no clock runs here)
    NOTICES_WELCOME = True

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
        Binding("escape", "quit_app", "结束"),  # the report of `studyapp mock`'s session: quit
    ]
    # narrower than this, the table leaves out the thinking and answering times (the total
    # is in the line above it) rather than cut its last column to a lone digit
    NARROW = 80

    def __init__(self, report: Report, *, packs: dict | None = None, hold_keys: bool = False,
                 quit_on_escape: bool = False) -> None:
        super().__init__()
        self.report = report
        # opened by time running out: keys still being typed for the answer do nothing here
        self.hold_keys = hold_keys
        self.keys_hold: KeyHold | None = None
        self._hold_said = False
        # the session `studyapp mock` started: escape ends the app (back to the shell)
        self.quit_on_escape = quit_on_escape
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
        summary += (f"\n作答共 {r.chars} 字，预计口述 {fmt_duration(r.speak_s)}"
                    "（每分钟 200 字；思考笔记计分，不计字数）")
        yield Header()
        yield Static(Content(summary), id="report-summary")
        yield DataTable(id="report-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="report-detail-box"):
            yield Static("", id="report-detail")
        yield Static("", id="report-export")
        yield Footer()

    def keys_held(self) -> bool:
        """After time ran out and opened the report, while the candidate is still typing the
        answer (core.session.KeyHold): a key does nothing, and one notice says why."""
        if self.keys_hold is None or not self.keys_hold.key():
            return False
        if not self._hold_said:
            self._hold_said = True
            self.notify("时间到，作答已结束：这是本场的报告。正在输入的按键没有生效，停手一秒后再按。",
                        markup=False, timeout=4)
        return True

    def on_key(self, event: events.Key) -> None:
        if self.keys_held():  # (e, escape, the arrows: nothing happens)
            event.stop()
            event.prevent_default()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "quit_app"):
            return (action == "quit_app") == self.quit_on_escape
        return True

    def action_back(self) -> None:
        if not self.keys_held():
            self.app.pop_screen()

    def action_quit_app(self) -> None:
        if not self.keys_held():
            self.app.exit()

    def on_mount(self) -> None:
        if self.hold_keys:
            self.keys_hold = KeyHold(self.app.clock)
            self.keys_hold.start()
        self.sub_title = "模拟面试报告"
        self.fill_table()
        self.query_one("#report-table", DataTable).focus()
        self.show_detail(0)

    def on_resize(self, event: events.Resize) -> None:
        if (event.size.width < self.NARROW) != self._narrow:
            self.fill_table()

    _narrow: bool | None = None

    def fill_table(self) -> None:
        table = self.query_one("#report-table", DataTable)
        self._narrow = narrow = self.size.width < self.NARROW
        row = table.cursor_row
        table.clear(columns=True)
        # the score next to the number: what a narrow terminal must not cut off
        table.add_columns(*(["题", "得分", "题型"] + ([] if narrow else ["思考 用时/限时", "作答 用时/限时"])
                            + ["字数", "预计口述"]))
        for q in self.report.questions:
            times = [] if narrow else [
                f"{fmt_duration(q.think_used)}/{fmt_duration(q.think_allowed)}",
                f"{fmt_duration(q.answer_used)}/{fmt_duration(q.answer_allowed)}",
            ]
            table.add_row(
                str(q.index + 1),
                "–" if q.score is None else str(round(q.score)),
                Text(sanitize_line(q.type or "–")),  # Text: a str cell would be parsed as markup
                *times,
                str(q.chars),
                f"{fmt_duration(q.speak_s)} {q.speech_verdict}",
                key=str(q.index),
            )
        if 0 < row < len(self.report.questions):
            table.move_cursor(row=row)

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
        review = self.review_of(row)
        if review is not None:
            self.app.push_screen(review)

    def review_of(self, row: int) -> "MockReviewScreen | None":
        """The review of the report's question ``row`` (None, after a notice, if it cannot be)."""
        if not 0 <= row < len(self.report.questions):
            return None
        q = self.report.questions[row]
        pack = self.app.pack_of(q.pack_id) or self.packs.get(q.pack_id)
        question = pack.question(q.question_id) if pack else None
        if pack is None or question is None or q.grading is None:
            self.notify(f"无法点评第 {row + 1} 题：{q.note or '这道题不在已加载的题包里'}。",
                        severity="warning", markup=False)
            return None
        # its length is measured against the answer time this mock gave it, without the notes
        return MockReviewScreen(
            pack, question, q.text, q.grading, duration_s=q.think_used + q.answer_used,
            answer_s=q.answer_allowed, notes=q.notes, report_screen=self, row=row,
        )

    def table_row(self, row: int) -> None:
        """Put the table's cursor on ``row`` (the review the candidate went on to)."""
        self.query_one("#report-table", DataTable).move_cursor(row=row)

    def action_export(self) -> None:
        if self.keys_held():
            return

        def done(out: Path | None) -> None:
            if out is not None:
                self.exported = out
                self.query_one("#report-export", Static).update(Content(f"已导出：{out}"))
                note = f"（{dialog.note}）" if dialog.note else ""
                self.notify(f"已导出到 {out}{note}", markup=False)

        usable = getattr(self.app, "store", None) is not None
        dialog = ExportScreen(self.report, default_export_path(self.report, data_folder_usable=usable))
        self.app.push_screen(dialog, done)


class MockReviewScreen(ReviewScreen):
    """A question's review opened from a mock report: 下一题 (n) is the review of the
    session's next question, not a practice question of the pack."""

    def __init__(self, *args, report_screen: ReportScreen, row: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.report_screen = report_screen
        self.row = row

    def action_next_question(self) -> None:
        n = len(self.report_screen.report.questions)
        if self.row + 1 >= n:
            self.notify(f"这是本场的最后一题（共 {n} 题）：escape 回到报告。", markup=False)
            return
        review = self.report_screen.review_of(self.row + 1)
        if review is not None:
            self.report_screen.table_row(self.row + 1)
            self.app.switch_screen(review)


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


def how_timed(state: dict) -> str:
    """'听题 15:00': how a saved session was run and its time (thinking and answering)."""
    items = state.get("items") if isinstance(state, dict) else None
    total = 0
    for it in items if isinstance(items, list) else ():
        for key in ("think_s", "answer_s"):
            v = it.get(key) if isinstance(it, dict) else None
            total += v if type(v) is int and v > 0 else 0
    mode = "听题" if state.get("listen") else "看题"
    return f"{mode} {fmt_duration(total)}" if total else mode


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
        table.add_columns("时间", "得分", "题数", "方式 限时", "题型", "字数")
        for i, rec in enumerate(self.records):
            types = "、".join(dict.fromkeys(
                str(it.get("type") or "–") for it in (rec.state.get("items") or []) if isinstance(it, dict)
            ))
            # the answers' 字, as the report counts them: the thinking notes are not
            chars = sum(count_chars(split_notes(q.text, saved_notes(rec.state, q.index, q.question_id))[1])
                        for q in rec.questions)
            table.add_row(
                rec.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                "–" if rec.score is None else str(round(rec.score)),
                str(len(rec.questions)),
                how_timed(rec.state),
                Text(sanitize_line(types) or "–"),
                str(chars),
                key=str(i),
            )
        help_text = ("回车打开这场的报告（可按 e 导出）；得分按现在的采分点重新评出" if self.records
                     else ("还没有做完过模拟面试（做完一场后，它的报告会列在这里）。" if self.app.store is not None
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
