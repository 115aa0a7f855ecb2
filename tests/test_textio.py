"""Reading a user's file: every way it can be wrong gives path:line and a clear message."""
from __future__ import annotations

import os
import sys

import pytest

from studyapp.core.textio import UserInputError, read_user_text


def test_utf8_with_bom_and_crlf_reads_as_plain_lf_text(tmp_path):
    f = tmp_path / "answer.txt"
    f.write_bytes("\ufeff减负：\r\n一是精简文件。\r二是放权\r\n".encode("utf-8"))
    assert read_user_text(f) == "减负：\n一是精简文件。\n二是放权\n"


def test_gbk_file_is_refused_naming_the_line_and_saying_gbk(tmp_path):
    f = tmp_path / "answer.txt"
    f.write_bytes("first line ok\n第二行，基层减负\n".encode("gbk"))
    with pytest.raises(UserInputError) as info:
        read_user_text(f)
    err = info.value
    assert err.path == f
    assert err.line == 2
    assert "not valid UTF-8" in err.message
    assert "looks like GBK" in err.message
    assert err.format().startswith(f"{f}:2: error: ")


def test_latin1_file_is_not_called_gbk(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_bytes("caf\xe9 cr\xe8me\n".encode("latin-1"))
    with pytest.raises(UserInputError) as info:
        read_user_text(f)
    assert info.value.line == 1
    assert "not valid UTF-8" in info.value.message
    assert "GBK" not in info.value.message


def test_bad_byte_line_counts_crlf_and_lone_cr_once(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"one\r\ntwo\rthree\n\xff\n")
    with pytest.raises(UserInputError) as info:
        read_user_text(f)
    assert info.value.line == 4


def test_file_over_the_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    f = tmp_path / "big.txt"
    with open(f, "wb") as fh:
        fh.truncate((1 << 20) + 1)  # sparse: over 1 MiB
    opened = []
    real_open = open

    def spy_open(*args, **kwargs):
        opened.append(args[0])
        return real_open(*args, **kwargs)

    monkeypatch.setattr("builtins.open", spy_open)
    with pytest.raises(UserInputError) as info:
        read_user_text(f)
    assert "over the limit of 1 MiB" in info.value.message
    assert f not in opened


def test_custom_limit(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("x" * 11, encoding="utf-8")
    assert read_user_text(f, limit=11) == "x" * 11
    with pytest.raises(UserInputError):
        read_user_text(f, limit=10)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UserInputError) as info:
        read_user_text(tmp_path / "nope.txt")
    assert info.value.format() == f"{tmp_path / 'nope.txt'}: error: no such file"
    with pytest.raises(UserInputError) as info:
        read_user_text(tmp_path)
    assert "folder" in info.value.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("x", encoding="utf-8")
    f.chmod(0)
    try:
        with pytest.raises(UserInputError) as info:
            read_user_text(f)
        assert "permission denied" in info.value.message
    finally:
        f.chmod(0o600)


def test_utf16_and_binary_files_are_refused(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("减负".encode("utf-16"))
    with pytest.raises(UserInputError) as info:
        read_user_text(f)
    assert "UTF-16" in info.value.message
    u32 = tmp_path / "u32.txt"  # (its byte-order mark starts as UTF-16's does)
    u32.write_bytes("减负".encode("utf-32"))
    with pytest.raises(UserInputError) as info:
        read_user_text(u32)
    assert "UTF-32" in info.value.message and "UTF-16" not in info.value.message
    g = tmp_path / "bin.txt"
    g.write_bytes(b"ok\nnul\x00here\n")
    with pytest.raises(UserInputError) as info:
        read_user_text(g)
    assert info.value.line == 2
    assert "NUL" in info.value.message


def test_empty_file_reads_as_empty_text(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert read_user_text(f) == ""


def test_cell_width_counts_cjk_and_full_width_as_two_columns():
    from studyapp.core.textio import cell_width

    assert cell_width("abc") == 3
    assert cell_width("减负") == 4
    assert cell_width("ＡＢ，。") == 8  # full-width Latin and punctuation
    assert cell_width("A股 2024年") == 10


def test_clip_cells_never_splits_a_wide_character_or_passes_an_escape():
    from studyapp.core.textio import cell_width, clip_cells

    assert clip_cells("为社区\n减负", 20) == "为社区 减负"  # one line, white space folded
    clipped = clip_cells("a为社区减负放权", 8)  # 1 + 2*3 = 7 columns, then the ellipsis
    assert clipped == "a为社区…"
    assert cell_width(clipped) <= 8
    assert clip_cells("\x1b[2J清屏", 20) == "\\x1b[2J清屏"


@pytest.mark.parametrize(
    "name, data, said",
    [
        ("30-邓超.docx", b"PK\x03\x04\x14\x00" + b"\x00" * 24 + b"word/document.xml", "a Word document (.docx)"),
        ("作业.txt", b"PK\x03\x04\x14\x00" + b"\x00" * 24 + b"word/document.xml", "a Word document (.docx)"),
        ("答卷.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "a WPS document (.wps)"),
        ("答卷.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "a Word document (.doc)"),
        ("scan.pdf", b"%PDF-1.4\n", "a PDF"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a picture (PNG)"),
        ("old.rtf", b"{\\rtf1\\ansi \\'b7\\'c5}", "a rich-text document (.rtf)"),
    ],
)
def test_a_document_that_is_not_plain_text_is_named_with_the_fix(tmp_path, name, data, said):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(UserInputError) as info:
        read_user_text(f)
    assert info.value.message.startswith(f"this is {said}")
    assert "plain text file" in info.value.message or "save it as plain text (.txt, UTF-8)" in info.value.message
    assert "NUL" not in info.value.message


def test_utf16_without_a_byte_order_mark_is_named_but_other_binary_is_not():
    from studyapp.core.textio import decode_user_bytes

    with pytest.raises(UserInputError) as info:
        decode_user_bytes("我认为：1. 放权\n".encode("utf-16-le"), "a.txt")
    assert "UTF-16 (without a byte-order mark)" in info.value.message
    with pytest.raises(UserInputError) as info:
        decode_user_bytes(b"\x00\x01\x02\xff" * 100, "b.txt")
    assert info.value.message.startswith("the file contains NUL bytes")
    # a text that only mentions a format is text
    assert decode_user_bytes("PK 赛。%PDF 不是开头".encode(), "c.txt") == "PK 赛。%PDF 不是开头"


def test_all_chinese_utf16_without_a_byte_order_mark_is_named_though_it_has_no_nul_byte():
    from studyapp.core.textio import decode_user_bytes

    text = "返乡创业大有可为，要提供创业贷款，改善公共服务。"
    for codec in ("utf-16-le", "utf-16-be"):
        data = text.encode(codec)
        assert b"\x00" not in data
        with pytest.raises(UserInputError) as info:
            decode_user_bytes(data, "a.txt")
        assert "UTF-16 (without a byte-order mark)" in info.value.message, codec
        assert info.value.zh == "文件是 UTF-16 编码（没有字节序标记），不是 UTF-8：请另存为 UTF-8"
    # two ASCII letters make one Chinese character in UTF-16: mostly-ASCII text with a bad
    # byte (Latin-1, GBK with a few Chinese words) is not taken for it
    for data in ("café au lait, très bien".encode("latin-1"), "answer: 1. fangquan 放权 2. ok".encode("gbk")):
        with pytest.raises(UserInputError) as info:
            decode_user_bytes(data, "b.txt")
        assert info.value.message.startswith("the file is not valid UTF-8"), data
    assert "GBK" in info.value.message


def test_every_refusal_has_its_chinese_words_for_a_chinese_summary(tmp_path):
    from studyapp.core.textio import decode_user_bytes

    cases = [
        ("作业".encode("gbk") + "写在这里".encode("gbk"), "文件不是有效的 UTF-8（第 1 行的字节 0xd7）：看来是 Windows 编辑器常用的 GBK（GB18030）编码，请另存为 UTF-8"),
        ("减负".encode("utf-16"), "文件是 UTF-16 编码，不是 UTF-8：请另存为 UTF-8"),
        (b"ok\nnul\x00", "文件第 2 行有 NUL 字节：不是文本文件（若是 UTF-16，请另存为 UTF-8）"),
        (b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", "这是 Word 文档（.docx），不是纯文本文件：请另存为纯文本（.txt，UTF-8）"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "这是图片（JPEG），不是文字：请把答案打在纯文本文件里（.txt，UTF-8）"),
    ]
    for data, zh in cases:
        with pytest.raises(UserInputError) as info:
            decode_user_bytes(data, "a.txt")
        assert info.value.zh == zh
    with pytest.raises(UserInputError) as info:
        read_user_text(tmp_path / "gone.txt")
    assert (info.value.message, info.value.zh) == ("no such file", "没有这个文件")
