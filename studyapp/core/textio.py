"""Reading files a user hands us (packs, answer files) without trusting them.

``read_user_text`` refuses oversized files without reading them whole,
accepts UTF-8 with or without a BOM and any line-ending convention, and turns
every failure into a ``UserInputError`` that names the file and, where one is
known, the line -- never a traceback.
"""
from __future__ import annotations

import stat
import unicodedata
from pathlib import Path

DEFAULT_LIMIT = 1 << 20  # 1 MiB

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class UserInputError(Exception):
    """A problem with a file the user gave us, reported as ``path:line: error: message``.

    ``zh``: the same in Chinese, for text a Chinese reader sees (the class summary of
    ``studyapp grade``, its CSV); the English ``message`` when none is given."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, *, zh: str | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        self.zh = zh or message
        super().__init__(self.format())

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: error: {self.message}"


def _human_size(n: int) -> str:
    if n >= 1 << 20 and n % (1 << 20) == 0:
        return f"{n >> 20} MiB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MiB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.0f} KiB"
    return f"{n} bytes"


def _line_of(data: bytes, offset: int) -> int:
    """1-based line number of byte ``offset``; CRLF, LF and lone CR all end a line."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _looks_like_gbk(data: bytes) -> bool:
    """True if the bytes decode as GBK/GB18030 into mostly Chinese text."""
    for codec in ("gbk", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        non_ascii = [c for c in text if ord(c) > 0x7F]
        if not non_ascii:
            return False
        chinese = sum(
            1
            for c in non_ascii
            if "\u4e00" <= c <= "\u9fff"
            or "\u3400" <= c <= "\u4dbf"
            or "\u3000" <= c <= "\u303f"  # CJK punctuation 。、「」
            or "\uff00" <= c <= "\uffef"  # full-width forms ，：（）
        )
        return chinese / len(non_ascii) >= 0.8
    return False


# what a tutor is handed instead of a text file: a Word or WPS document, a PDF, a photo
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, WPS .wps, Excel .xls
_SAVE_AS_TEXT = "save it as plain text (.txt, UTF-8)"


def _zip_kind(data: bytes, suffix: str) -> str:
    """What a zip file (PK\\x03\\x04) is, from its members' names or its own."""
    if suffix in (".docx", ".docm", ".dotx") or b"word/" in data:
        return "a Word document (.docx)"
    if suffix in (".xlsx", ".xlsm") or b"xl/" in data:
        return "an Excel workbook (.xlsx)"
    if suffix in (".pptx",) or b"ppt/" in data:
        return "a PowerPoint file (.pptx)"
    if suffix in (".odt",) or b"opendocument.text" in data:
        return "an OpenDocument text (.odt)"
    return "a zip archive"


# the kinds of document_kind in Chinese
_KIND_ZH = {
    "a Word document (.docx)": "Word 文档（.docx）",
    "an Excel workbook (.xlsx)": "Excel 表格（.xlsx）",
    "a PowerPoint file (.pptx)": "PowerPoint 文件（.pptx）",
    "an OpenDocument text (.odt)": "OpenDocument 文档（.odt）",
    "a zip archive": "压缩包（zip）",
    "a Word document (.doc)": "Word 文档（.doc）",
    "a WPS document (.wps)": "WPS 文档（.wps）",
    "an Excel workbook (.xls)": "Excel 表格（.xls）",
    "an Office document (Word .doc, WPS or Excel)": "Office 文档（Word .doc、WPS 或 Excel）",
    "a PDF": "PDF 文件",
    "a rich-text document (.rtf)": "RTF 文档（.rtf）",
    "a picture (PNG)": "图片（PNG）",
    "a picture (JPEG)": "图片（JPEG）",
    "a picture (GIF)": "图片（GIF）",
    "a picture (HEIC)": "图片（HEIC）",
}
_SAVE_AS_TEXT_ZH = "请另存为纯文本（.txt，UTF-8）"


def document_kind(data: bytes, path: Path | str = "") -> str | None:
    """The kind of document ``data`` is when it is a well-known format that is not plain
    text (a Word document, a PDF, a picture ...), in words a user knows; else None."""
    suffix = Path(str(path)).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data[:1 << 16], suffix) if suffix != ".zip" else "a zip archive"
    if data.startswith(_OLE2):
        return {
            ".doc": "a Word document (.doc)",
            ".wps": "a WPS document (.wps)",
            ".xls": "an Excel workbook (.xls)",
        }.get(suffix, "an Office document (Word .doc, WPS or Excel)")
    if data.startswith(b"%PDF-"):
        return "a PDF"
    if data.startswith(b"{\\rtf"):
        return "a rich-text document (.rtf)"
    for magic, kind in (
        (b"\x89PNG\r\n\x1a\n", "a picture (PNG)"),
        (b"\xff\xd8\xff", "a picture (JPEG)"),
        (b"GIF8", "a picture (GIF)"),
    ):
        if data.startswith(magic):
            return kind
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "a picture (HEIC)"
    return None


# what to do with a document handed in as text, in English (stderr) and Chinese (the report)
_ADVICE = {
    "picture": ("{kind}, not text: type the answer into a plain text file (.txt, UTF-8)",
                "这是{name}，不是文字：请把答案打在纯文本文件里（.txt，UTF-8）"),
    "a PDF": ("{kind}, not text: copy its text into a plain text file (.txt, UTF-8)",
              "这是{name}，不是文字：请把其中的文字复制到纯文本文件里（.txt，UTF-8）"),
    "a zip archive": ("{kind}, not text: unpack it and name the text files in it",
                      "这是{name}，不是文字：请解压，再给出其中的文本文件"),
    "other": ("{kind}, not a text file: " + _SAVE_AS_TEXT, "这是{name}，不是纯文本文件：" + _SAVE_AS_TEXT_ZH),
}


def _advice(kind: str) -> tuple[str, str]:
    return _ADVICE["picture" if kind.startswith("a picture") else kind if kind in _ADVICE else "other"]


def _document_advice(kind: str) -> str:
    return _advice(kind)[0].format(kind=kind)


def _document_advice_zh(kind: str) -> str:
    name = _KIND_ZH.get(kind, kind)
    name = (" " + name) if name[:1].isascii() else name  # 这是 Word 文档, 这是图片
    return _advice(kind)[1].format(name=name)


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: it decodes, and into text, not noise.

    All-Chinese UTF-16 has no NUL byte, so it is told apart by the text it decodes to;
    but two ASCII letters also decode to one Chinese character (so -> 獯), so a file of
    mostly ASCII bytes with a few bad ones (Latin-1, mostly-English GBK) is not taken for it."""
    if len(data) < 4 or len(data) % 2:
        return False
    if b"\x00" not in data and (len(data) < 8 or sum(1 for b in data if 0x20 <= b <= 0x7E) > 0.75 * len(data)):
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        plain = sum(
            1 for c in text
            if " " <= c <= "~" or c in "\r\n\t" or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
            or "\uff01" <= c <= "\uff5e" or "\u2010" <= c <= "\u2027"  # ‘’“”…—
        )
        if plain / len(text) >= 0.95 and any(c.isalpha() for c in text):
            return True
    return False


def decode_user_bytes(data: bytes, path: Path | str) -> str:
    """Decode a user file's bytes as UTF-8 (BOM stripped, line endings made LF).

    A Word or WPS document, a PDF, a picture or a zip is refused by name with what to do
    (``document_kind``), not as bytes that are not UTF-8."""
    kind = document_kind(data, path)
    if kind is not None:
        raise UserInputError(path, "this is " + _document_advice(kind), zh=_document_advice_zh(kind))
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # (before UTF-16's: FF FE starts both)
        raise UserInputError(
            path, "the file is UTF-32, not UTF-8; save it as UTF-8", line=1,
            zh="文件是 UTF-32 编码，不是 UTF-8：请另存为 UTF-8",
        )
    elif data.startswith(_UTF16_BOMS):
        raise UserInputError(
            path, "the file is UTF-16, not UTF-8; save it as UTF-8", line=1,
            zh="文件是 UTF-16 编码，不是 UTF-8：请另存为 UTF-8",
        )
    no_bom_utf16 = UserInputError(
        path, "the file is UTF-16 (without a byte-order mark), not UTF-8; save it as UTF-8", line=1,
        zh="文件是 UTF-16 编码（没有字节序标记），不是 UTF-8：请另存为 UTF-8",
    )
    nul = data.find(b"\x00")
    if nul >= 0 and _looks_like_utf16(data):
        raise no_bom_utf16
    if nul >= 0:
        line = _line_of(data, nul)
        raise UserInputError(
            path,
            "the file contains NUL bytes: it is not a text file (or UTF-16; save it as UTF-8)",
            line=line,
            zh=f"文件第 {line} 行有 NUL 字节：不是文本文件（若是 UTF-16，请另存为 UTF-8）",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _looks_like_utf16(data):  # all Chinese: no NUL byte in it
            raise no_bom_utf16 from None
        line = _line_of(data, exc.start)
        bad = data[exc.start]
        message = f"the file is not valid UTF-8 (byte 0x{bad:02x} on line {line})"
        zh = f"文件不是有效的 UTF-8（第 {line} 行的字节 0x{bad:02x}）"
        if _looks_like_gbk(data):
            message += (
                "; it looks like GBK (GB18030), which Windows editors often save:"
                " save it again as UTF-8"
            )
            zh += "：看来是 Windows 编辑器常用的 GBK（GB18030）编码，请另存为 UTF-8"
        else:
            message += "; save it as UTF-8"
            zh += "：请另存为 UTF-8"
        raise UserInputError(path, message, line=line, zh=zh) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _refusal(path: Path, exc: OSError) -> UserInputError:
    """The user's words for an OSError met while reading ``path``."""
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return UserInputError(path, "a link to a file that does not exist", zh="链接指向的文件不存在")
        return UserInputError(path, "no such file", zh="没有这个文件")
    if isinstance(exc, NotADirectoryError):
        return UserInputError(path, "no such file (a parent is not a folder)", zh="没有这个文件（上级路径不是文件夹）")
    if isinstance(exc, PermissionError):
        return UserInputError(path, "permission denied", zh="没有读取权限")
    if isinstance(exc, IsADirectoryError):
        return UserInputError(path, "is a folder, not a file", zh="这是文件夹，不是文件")
    return UserInputError(path, f"cannot read: {exc.strerror or exc}", zh=f"无法读取：{exc.strerror or exc}")


def read_user_text(path: Path | str, *, limit: int = DEFAULT_LIMIT) -> str:
    """Read a user's text file as UTF-8, safely.

    Raises ``UserInputError`` (never OSError or UnicodeDecodeError) when the
    file is missing, a folder, unreadable, not a regular file, over ``limit``
    bytes (refused without reading it whole), or not UTF-8 (the message
    names the line of the first bad byte and says when it looks like GBK).
    """
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise _refusal(path, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise UserInputError(path, "is a folder, not a file", zh="这是文件夹，不是文件")
    if not stat.S_ISREG(st.st_mode):
        raise UserInputError(path, "is not a regular file", zh="不是普通文件")
    if st.st_size > limit:
        raise UserInputError(
            path,
            f"the file is {_human_size(st.st_size)}, over the limit of {_human_size(limit)}; refused",
            zh=f"文件有 {_human_size(st.st_size)}，超过 {_human_size(limit)} 的上限，未读取",
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise _refusal(path, exc) from None
    if len(data) > limit:  # grew since stat
        raise UserInputError(
            path, f"the file is over the limit of {_human_size(limit)}; refused",
            zh=f"文件超过 {_human_size(limit)} 的上限，未读取",
        )
    return decode_user_bytes(data, path)


_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def terminal_safe(text: str) -> str:
    """``text`` made safe to print on one terminal line.

    Control characters (ESC sequences, newlines, NUL), line separators and
    bidi overrides become visible escapes like ``\\x1b``; everything else,
    full-width and CJK text included, stays as it is.
    """
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Zl", "Zp", "Cs") or ch in _BIDI:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def cell_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def cut_cells(text: str, cells: int, char_cells=None) -> str:
    """``text`` cut to take at most ``cells`` terminal columns, with a final "…" when it
    is longer; ``char_cells(ch)`` measures a character (default: ``cell_width``; the
    terminal app passes Rich's own, which it draws with)."""
    measure = char_cells or cell_width
    if sum(measure(ch) for ch in text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = measure(ch)
        if used + w > cells - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def clip_cells(text: str, cells: int) -> str:
    """``text`` on one line (white space folded), terminal-safe, cut to ``cells``
    terminal columns with a final "…" when it is longer."""
    return cut_cells(terminal_safe(" ".join(text.split())), cells)


__all__ = [
    "DEFAULT_LIMIT",
    "UserInputError",
    "cell_width",
    "clip_cells",
    "cut_cells",
    "decode_user_bytes",
    "document_kind",
    "read_user_text",
    "terminal_safe",
]
