"""Sharing a pack: a tutor exports it as a zip, a student installs it once and
every command loads it. The zip is hostile until checked."""
from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from packutil import QUESTION_YAML, write_pack

from studyapp import cli

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "example-pack"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def packs_folder() -> Path:
    return Path(os.environ["STUDYAPP_DATA_DIR"]) / "packs"


def make_zip(path: Path, members: dict[str, bytes | str], links: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


def demo_members(top: str = "demo/", override: dict[str, str] | None = None) -> dict[str, str]:
    """The files of packutil's demo pack as zip members under ``top``."""
    from packutil import PACK_YAML, QUESTION2_YAML, TOPIC_MD

    files = {"pack.yaml": PACK_YAML, "topics/burden.md": TOPIC_MD,
             "questions/q1.yaml": QUESTION_YAML, "questions/q2.yaml": QUESTION2_YAML, **(override or {})}
    return {top + k: v for k, v in files.items()}


def test_a_tutor_exports_a_pack_and_a_student_installs_it_once(capsys, tmp_path, monkeypatch):
    # the tutor
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "pack", "export", str(EXAMPLE))
    assert code == 0, err
    shared = tmp_path / "example-pack-1.0.zip"
    assert shared.is_file() and "studyapp pack add example-pack-1.0.zip" in out
    names = zipfile.ZipFile(shared).namelist()
    assert "example-pack/pack.yaml" in names and all(n.startswith("example-pack/") for n in names)

    # the student
    code, out, err = run(capsys, "pack", "add", str(shared))
    assert code == 0, err
    assert "installed 示例练习包 (example-pack 1.0): 1 topic, 1 question" in out
    assert (packs_folder() / "example-pack" / "pack.yaml").is_file()
    code, out, _ = run(capsys, "pack", "list")
    assert out.startswith("example-pack  1.0  示例练习包")
    # every command now loads it without --pack
    code, out, _ = run(capsys, "list", "--json")
    assert "example-pack" in [p["id"] for p in json.loads(out)["packs"]]
    answer = tmp_path / "a.txt"
    answer.write_text("社区负担过重、事务繁杂;原因是职责边界不清,事务层层下压。", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--question", "burden-view", "--json", str(answer))
    assert code == 0, err
    (graded,) = json.loads(out)
    assert graded["question"] == "burden-view"
    assert {p["id"]: p["status"] for p in graded["points"]}["stance"] == "covered"
    code, _, err = run(capsys, "grade", "--pack", "example-pack", "--question", "burden-view", str(answer))
    assert code == 0, err
    code, _, err = run(capsys, "validate")
    assert code == 0 and "example-pack: 1 topic, 1 question, 0 errors" in err

    # and removes it
    code, out, _ = run(capsys, "pack", "remove", "example-pack")
    assert code == 0 and not (packs_folder() / "example-pack").exists()
    code, out, _ = run(capsys, "pack", "list")
    assert out.startswith("no packs installed")
    code, _, err = run(capsys, "grade", "--question", "burden-view", str(answer))
    assert code == 2 and "no question 'burden-view'" in err


def test_a_pack_folder_installs_too_and_other_files_are_left_out(capsys, tmp_path):
    src = write_pack(tmp_path / "src", {"README.md": "notes", "questions/draft.txt": "x", ".git/HEAD": "ref"})
    code, out, err = run(capsys, "pack", "add", str(src))
    assert code == 0, err
    installed = packs_folder() / "demo"
    assert sorted(p.relative_to(installed).as_posix() for p in installed.rglob("*") if p.is_file()) == [
        "pack.yaml", "questions/q1.yaml", "questions/q2.yaml", "topics/burden.md",
    ]
    assert "left out 2 files that the app does not read: README.md, questions/draft.txt" in err


def test_a_zip_made_on_windows_with_backslashes_installs(capsys, tmp_path):
    members = {k.replace("/", "\\"): v for k, v in demo_members().items()}
    code, _, err = run(capsys, "pack", "add", str(make_zip(tmp_path / "win.zip", members)))
    assert code == 0, err
    assert (packs_folder() / "demo" / "questions" / "q1.yaml").is_file()


def test_a_zip_made_by_macos_installs_without_its_metadata_copies(capsys, tmp_path):
    members = demo_members()
    members.update({"__MACOSX/demo/._pack.yaml": "\x00\x05", "demo/.DS_Store": "x"})
    code, _, err = run(capsys, "pack", "add", str(make_zip(tmp_path / "mac.zip", members)))
    assert code == 0, err
    assert "left out" not in err
    assert not list((packs_folder() / "demo").glob(".*"))


def test_an_unwritable_data_folder_is_named(capsys, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(blocker / "data"))
    code, _, err = run(capsys, "pack", "add", str(EXAMPLE))
    assert code == 2 and f"{blocker / 'data' / 'packs'}: cannot write the packs folder" in err


def test_the_same_id_is_replaced_only_when_asked(capsys, tmp_path):
    first = make_zip(tmp_path / "v1.zip", demo_members())
    second = make_zip(tmp_path / "v2.zip", demo_members(override={"pack.yaml": "id: demo\ntitle: 演示包第二版\n"}))
    assert run(capsys, "pack", "add", str(first))[0] == 0
    code, _, err = run(capsys, "pack", "add", str(second))
    assert code == 2 and "is installed already" in err and "--replace" in err
    assert "第二版" not in (packs_folder() / "demo" / "pack.yaml").read_text(encoding="utf-8")
    code, out, err = run(capsys, "pack", "add", "--replace", str(second))
    assert code == 0, err
    assert out.splitlines()[:2] == [
        "installed 演示包第二版 (demo): 1 topic, 2 questions",
        "  replaced the copy installed before (version 1.0)",
    ]
    assert "第二版" in (packs_folder() / "demo" / "pack.yaml").read_text(encoding="utf-8")
    assert [p.name for p in packs_folder().iterdir()] == ["demo"]  # nothing staged is left
    # the copy replaced now had no version; a first install replaces nothing
    code, out, _ = run(capsys, "pack", "add", "--replace", str(first))
    assert code == 0 and out.splitlines()[1] == "  replaced the copy installed before"
    assert run(capsys, "pack", "remove", "demo")[0] == 0
    code, out, _ = run(capsys, "pack", "add", "--replace", str(first))
    assert code == 0 and "replaced the copy" not in out


def test_the_bundled_packs_id_is_refused(capsys, tmp_path):
    z = make_zip(tmp_path / "b.zip", demo_members(override={"pack.yaml": "id: community-governance\ntitle: 冒名\n"}))
    code, _, err = run(capsys, "pack", "add", str(z))
    assert code == 2 and "bundled pack" in err
    assert not (packs_folder() / "community-governance").exists()


def test_removing_the_bundled_pack_says_it_is_the_bundled_one(capsys):
    code, out, err = run(capsys, "pack", "remove", "community-governance")
    assert code == 2 and out == ""
    assert err == (
        "studyapp pack remove: 'community-governance' is the bundled pack: it comes with studyapp"
        " and cannot be removed (only packs added with `studyapp pack add` can)\n"
    )


def test_a_pack_with_errors_is_not_installed_and_the_zip_member_and_line_are_named(capsys, tmp_path):
    broken = QUESTION_YAML.replace("type: 综合分析", "type: 综合")
    z = make_zip(tmp_path / "class {2024}.zip", demo_members(override={"questions/q1.yaml": broken}))
    code, _, err = run(capsys, "pack", "add", str(z))
    assert code == 1
    assert f"{z}/demo/questions/q1.yaml:3: error: unknown question type '综合'" in err
    assert "not installed: the pack has errors" in err and "Traceback" not in err
    # validate reads folders, not zips: the hint says what works
    assert err.splitlines()[-1] == (
        "  1 error: the pack's author can fix them in the pack folder (studyapp validate FOLDER shows"
        " the same) and export a new zip; or unzip it and run studyapp validate on the folder"
    )
    assert not packs_folder().exists() or list(packs_folder().iterdir()) == []
    # a folder: validate takes it as it is
    folder = write_pack(tmp_path / "broken", {"questions/q1.yaml": broken})
    code, _, err = run(capsys, "pack", "add", str(folder))
    assert code == 1
    assert err.splitlines()[-1] == f"  1 error: fix them (studyapp validate {folder} shows the same) and try again"
    assert run(capsys, "validate", str(folder))[0] == 1


@pytest.mark.parametrize(
    "members, links, says",
    [
        ({**demo_members(), "demo/../../evil.txt": "x"}, (), "points outside the pack"),
        ({**demo_members(), "/tmp/evil.txt": "x"}, (), "not a plain relative path"),
        ({**demo_members(), "demo\\..\\..\\evil.txt": "x"}, (), "points outside the pack"),
        (demo_members(), ("demo/questions/q9.yaml",), "a link"),
        (demo_members(override={"questions/big.yaml": "#" * ((1 << 20) + 1)}), (), "over the limit of 1 MiB"),
        ({"readme.txt": "hello"}, (), "no pack.yaml"),
        ({**demo_members(), **demo_members("other/")}, (), "more than one pack"),
    ],
    ids=["dot-dot", "absolute", "backslash", "symlink", "too-big", "no-pack", "two-packs"],
)
def test_a_hostile_or_wrong_zip_is_refused_with_a_message(capsys, tmp_path, members, links, says):
    z = make_zip(tmp_path / "shared.zip", members, links)
    code, out, err = run(capsys, "pack", "add", str(z))
    assert code == 2, err
    assert says in err and str(z) in err and "Traceback" not in err
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
    assert not packs_folder().exists() or list(packs_folder().iterdir()) == []


def test_a_zip_whose_header_lies_about_a_size_is_refused(capsys, tmp_path):
    """A member that says it is 10 bytes and unpacks to 3 MiB: nothing is installed."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in demo_members().items():
            zf.writestr(name, data)
        zf.writestr("demo/topics/huge.md", b"a" * (3 << 20))
    raw = bytearray(buf.getvalue())
    name = b"demo/topics/huge.md"
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = raw.find(sig + b"", 0)
        while raw[at + name_at:at + name_at + len(name)] != name:
            at = raw.find(sig, at + 1)
        raw[at + size_at:at + size_at + 4] = (10).to_bytes(4, "little")
    z = tmp_path / "liar.zip"
    z.write_bytes(bytes(raw))
    assert zipfile.ZipFile(z).getinfo("demo/topics/huge.md").file_size == 10
    code, _, err = run(capsys, "pack", "add", str(z))
    assert code == 2 and "huge.md: cannot unpack it" in err and "Traceback" not in err
    assert not packs_folder().exists() or list(packs_folder().iterdir()) == []


@pytest.mark.parametrize("content, says", [(b"not a zip at all", "not a zip file"), (None, "no such file")])
def test_not_a_zip_or_no_file_at_all(capsys, tmp_path, content, says):
    z = tmp_path / "x.zip"
    if content is not None:
        z.write_bytes(content)
    code, _, err = run(capsys, "pack", "add", str(z))
    assert code == 2 and says in err and "Traceback" not in err


def test_export_refuses_a_pack_with_errors_and_will_not_overwrite_unasked(capsys, tmp_path):
    src = write_pack(tmp_path / "src", {"questions/q1.yaml": QUESTION_YAML.replace("type: 综合分析", "type: 综合")})
    code, _, err = run(capsys, "pack", "export", str(src), "-o", str(tmp_path / "out.zip"))
    assert code == 1 and f"{src / 'questions' / 'q1.yaml'}:3: error" in err
    assert not (tmp_path / "out.zip").exists()
    ok = write_pack(tmp_path / "ok")
    target = tmp_path / "out.zip"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "pack", "export", str(ok), "-o", str(target))
    assert code == 2 and "exists already" in err and target.read_text(encoding="utf-8") == "keep me"
    code, _, err = run(capsys, "pack", "export", str(ok), "-o", str(target), "--force")
    assert code == 0 and zipfile.is_zipfile(target)


def test_a_title_with_terminal_escapes_is_printed_as_text(capsys, tmp_path):
    z = make_zip(tmp_path / "t.zip", demo_members(override={"pack.yaml": 'id: demo\ntitle: "红\\e[31m色"\n'}))
    code, out, err = run(capsys, "pack", "add", str(z))
    if code == 0:
        assert "\x1b" not in out + err
    else:
        assert "\x1b" not in err and "Traceback" not in err


def test_remove_names_what_is_installed_and_refuses_a_path(capsys):
    code, _, err = run(capsys, "pack", "remove", "../../etc")
    assert code == 2 and "is not a pack id" in err
    code, _, err = run(capsys, "pack", "remove", "nothing-here")
    assert code == 2 and "installed: none" in err


async def test_an_installed_pack_is_on_the_home_screen(capsys, tmp_path):
    from studyapp.commands import tui as tui_command
    from studyapp.tui.home import HomeScreen

    assert run(capsys, "pack", "add", str(EXAMPLE))[0] == 0
    app, code = tui_command.build_app(type("Args", (), {"pack": []})())
    assert code is None
    try:
        async with app.run_test(size=(110, 34)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert [p.id for p in app.packs] == ["community-governance", "example-pack"]
            tree = "\n".join(str(line) for line in app.screen.query_one("Tree").render_lines(app.screen.region))
            assert "示例练习包" in tree
    finally:
        if app.store is not None:
            app.store.close()


def test_the_pack_commands_start_without_textual(tmp_path):
    from test_import_hygiene import textual_modules_after

    body = (
        "import contextlib, io, os\n"
        f"os.environ['STUDYAPP_DATA_DIR'] = {str(tmp_path / 'd')!r}\n"
        "from studyapp import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert cli.main(['pack', 'export', {str(EXAMPLE)!r}, '-o', {str(tmp_path / 'e.zip')!r}]) == 0\n"
        f"    assert cli.main(['pack', 'add', {str(tmp_path / 'e.zip')!r}]) == 0\n"
        "    assert cli.main(['pack', 'remove', 'example-pack']) == 0\n"
    )
    assert textual_modules_after(body) == []


def test_pack_list_says_when_the_data_folder_is_a_file(tmp_path, monkeypatch, capsys):
    from studyapp.cli import main

    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("x", encoding="utf-8")
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(not_a_folder))
    assert main(["pack", "list"]) == 1
    captured = capsys.readouterr()
    assert "the data folder is not a folder" in captured.err and "no packs installed" not in captured.out


# ---------------------------------------------------------------- a tutor updates a pack the class has


def test_replace_names_what_the_new_copy_no_longer_has_and_the_answers_saved_to_it(capsys, tmp_path):
    from packutil import QUESTION2_YAML

    from studyapp.core.store import Store

    v1 = write_pack(tmp_path / "v1", {"pack.yaml": "id: demo\ntitle: 演示包\nversion: 1.2\n"})
    assert run(capsys, "pack", "add", str(v1))[0] == 0
    with Store.open() as store:  # the student practised q1 once and q2 twice
        for qid in ("q1", "q2", "q2"):
            store.save_attempt(pack_id="demo", question_id=qid, answer="答案", score=50.0, grading={})
    # the tutor's next copy: q2 renamed q3, q1's key point k2 renamed k3, and an older version number
    v2 = write_pack(tmp_path / "v2", {
        "pack.yaml": "id: demo\ntitle: 演示包\nversion: 1.1\n",
        "questions/q1.yaml": QUESTION_YAML.replace("id: k2", "id: k3"),
        "questions/q2.yaml": QUESTION2_YAML.replace("id: q2", "id: q3"),
    })
    code, out, err = run(capsys, "pack", "add", "--replace", str(v2))
    assert code == 0, err
    assert out.splitlines()[1:-1] == [
        "  replaced the copy installed before (version 1.2)",
        "  questions no longer in the pack: q2 (2 saved answers)",
        "    their saved answers stay in `studyapp history`, but the app no longer offers these questions"
        " (answers refer to a question by its id: a renamed question is a new one)",
        "  key points no longer in the pack: q1: k2 (q1 has 1 saved answer)",
        "    the app grades those saved answers again by the new key points when they are opened,"
        " and shows the score they had then beside the new one",
    ]
    assert err == "  warning: version 1.1 is older than the version 1.2 it replaced;" \
                  " to go back, add the newer zip with --replace again\n"
    # q3 has no answers: named without a count; 1.10 is newer than 1.1: no warning
    v3 = write_pack(tmp_path / "v3", {"pack.yaml": "id: demo\ntitle: 演示包\nversion: '1.10'\n",
                                      "questions/q2.yaml": None})
    code, out, err = run(capsys, "pack", "add", "--replace", str(v3))
    assert code == 0 and err == ""
    assert "  questions no longer in the pack: q3" in out.splitlines()
    assert "  key points no longer in the pack: q1: k3 (q1 has 1 saved answer)" in out.splitlines()


def test_export_shows_the_warnings_it_found_and_still_writes_the_zip(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = write_pack(tmp_path / "src", {
        "pack.yaml": "id: demo\ntitle: 演示包\nversion: 1.0\nauthor: 李老师\n",
        # a reference that does not make k2: no student worded like it is credited for it
        "questions/q1.yaml": QUESTION_YAML.replace("**减负**与放权并举，", ""),
    })
    code, out, err = run(capsys, "pack", "export", str(src))
    assert code == 0 and (tmp_path / "demo-1.0.zip").is_file()
    assert out.startswith(f"wrote {tmp_path / 'demo-1.0.zip'}: 4 files")
    # the same warnings as validate, then how many
    _, checked, _ = run(capsys, "validate", str(src))
    warnings = checked.splitlines()
    assert f"{src / 'pack.yaml'}:4: warning: unknown key 'author' in pack.yaml (known: id, title, version," \
           " language, authors, description, format)" in warnings
    assert any(w.startswith(f"{src / 'questions' / 'q1.yaml'}:12: warning: key point 'k2' is not credited")
               for w in warnings)
    assert err.splitlines() == warnings + [
        f"  {len(warnings)} warnings (above; studyapp validate {src} shows the same):"
        " the zip is written, but students get the pack as it is"
    ]


def test_a_link_out_of_a_pack_folder_is_refused_by_add_and_export(capsys, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(QUESTION_YAML.replace("id: q1", "id: q9"), encoding="utf-8")
    src = write_pack(tmp_path / "src")
    (src / "questions" / "q9.yaml").symlink_to(outside)
    code, _, err = run(capsys, "pack", "add", str(src))
    assert code == 2 and err == (
        f"studyapp pack add: {src / 'questions' / 'q9.yaml'}: refused: a link to {outside}, outside the pack:"
        " a pack reads only its own files; copy the file into the pack (or remove the link)\n"
    )
    assert not (packs_folder() / "demo").exists()
    code, _, err = run(capsys, "pack", "export", str(src), "-o", str(tmp_path / "out.zip"))
    assert code == 1 and f"{src / 'questions' / 'q9.yaml'}: error: a link to {outside}, outside the pack" in err
    assert not (tmp_path / "out.zip").exists()


def test_a_folder_with_an_installed_packs_id_is_used_instead_of_it_for_the_run(capsys, tmp_path):
    from studyapp.commands.tui import load_packs

    assert run(capsys, "pack", "add", str(write_pack(tmp_path / "v1")))[0] == 0
    installed = packs_folder() / "demo"
    nxt = write_pack(tmp_path / "next", {"pack.yaml": "id: demo\ntitle: 演示包新版\nversion: '1.1'\n"})
    note = (f"{nxt}: its pack id 'demo' is that of the installed pack ({installed}, version 1.0): this run"
            f" reads the folder (version 1.1) instead of it; answers saved under the id stay with it;"
            f" to install the folder: studyapp pack add --replace {nxt}\n")
    code, out, err = run(capsys, "--pack", str(nxt), "list")
    assert code == 0 and err == note
    assert "demo — 演示包新版" in out and "演示包  (" not in out
    code, out, err = run(capsys, "--pack", str(nxt), "validate")
    assert code == 0 and err.startswith(note) and str(installed) not in err.replace(note, "")
    # the app does the same, and says so in Chinese
    results, errors, notices = load_packs([str(nxt)])
    assert [r.pack.title for r in results if r.pack.id == "demo"] == ["演示包新版"]
    assert notices == [f"--pack {nxt}：题包「demo」已安装（版本 1.0）；这次用这个文件夹里的这份（版本 1.1）代替它，"
                       f"练习记录照旧。试好了，用 studyapp pack add --replace {nxt} 安装它"]
    # an older folder than the one installed: the app does not suggest going back to it
    old = write_pack(tmp_path / "old", {"pack.yaml": "id: demo\ntitle: 演示包旧版\nversion: '0.9'\n"})
    _, _, notices = load_packs([str(old)])
    assert notices == [f"--pack {old}：题包「demo」已安装（版本 1.0）；这次用这个文件夹里的这份（版本 0.9）代替它，"
                       "练习记录照旧。它比已安装的旧，安装它会退回到旧版本"]


def test_a_folder_with_the_bundled_id_or_a_second_folder_with_one_id_is_not_loaded(capsys, tmp_path):
    from studyapp.commands.tui import load_packs

    twin = write_pack(tmp_path / "twin", {"pack.yaml": "id: community-governance\ntitle: 同名\n"})
    said = ("the app does not load it: its pack id 'community-governance' is the bundled pack's;"
            " give it its own id in pack.yaml (a pack cannot be installed under that id either)")
    code, out, err = run(capsys, "--pack", str(twin), "list")
    assert code == 0 and err == f"{twin}: not listed: {said}\n" and "同名" not in out
    code, out, err = run(capsys, "validate", str(twin))  # named on its own: still checked, and warned
    assert code == 0 and out.splitlines()[0] == f"{twin / 'pack.yaml'}: warning: {said}"
    a, b = write_pack(tmp_path / "a"), write_pack(tmp_path / "b")
    code, out, err = run(capsys, "--pack", str(a), "--pack", str(b), "validate")
    assert code == 0 and f"{b / 'pack.yaml'}: warning: the app does not load it: its pack id 'demo' is also" \
                         f" that of {a}, given before it (one pack per id in a run)" in out
    results, _, notices = load_packs([str(twin), str(a), str(b)])
    assert [r.pack.root for r in results] == [results[0].pack.root, a]
    assert notices == [
        f"--pack {twin}：没有加载，它的题包 id「community-governance」是自带题包的 id；请在它的 pack.yaml 里给它换一个自己的 id",
        f"--pack {b}：没有加载，它的题包 id「demo」和 --pack {a} 的相同，一次只加载其中一个",
    ]


# ---------------------------------------------------------------- pack add checks as validate does


SHARED_AND_PROMPT_WORDS = QUESTION_YAML.replace(
    "prompt: 谈谈你对社区减负的看法。", "prompt: 谈谈你对社区减负和放权的看法。"
).replace("    weight: 2\n", "    weight: 2\n    keywords: [放权, 考核]\n").replace(
    "**减负**与放权并举，精简考核评比。", "先做调研，再定方案。")


def test_pack_add_reports_the_same_warnings_as_validate_and_export(capsys, tmp_path):
    """The grader's warnings too (a reference that does not make a point, a prompt word, a
    keyword two points share): a tutor installing their own folder is told what validate says."""
    src = write_pack(tmp_path / "src", {"questions/q1.yaml": SHARED_AND_PROMPT_WORDS})
    _, checked, summary = run(capsys, "validate", str(src))
    warnings = checked.splitlines()
    assert len(warnings) == 4 and summary.strip().endswith("0 errors, 4 warnings")
    assert any("already says 放权" in w for w in warnings) and any("of key point 'k1'" in w for w in warnings)
    assert any("is not credited to the question's own reference" in w for w in warnings)
    code, out, err = run(capsys, "pack", "add", str(src))
    assert code == 0
    assert err.splitlines() == warnings
    assert out.splitlines()[0] == "installed 演示包 (demo 1.0): 1 topic, 2 questions, 4 warnings"
    # a zip says the same of its members
    shared_zip = tmp_path / "demo.zip"
    make_zip(shared_zip, demo_members(override={"questions/q1.yaml": SHARED_AND_PROMPT_WORDS}))
    code, out, err = run(capsys, "pack", "add", "--replace", str(shared_zip))
    assert code == 0
    assert err.splitlines() == [w.replace(f"{src}/", f"{shared_zip}/demo/") for w in warnings]


def test_pack_add_names_the_users_files_never_its_staging_folder(capsys, tmp_path):
    src = write_pack(tmp_path / "src")
    (src / "questions" / "q3.yaml").symlink_to("q1.yaml")  # a second copy of q1
    code, out, err = run(capsys, "pack", "add", str(src))
    assert code == 1 and out == ""
    assert err.splitlines()[0] == (
        f"{src / 'questions' / 'q3.yaml'}:1: error: duplicate question id 'q1'"
        f" (first in {src / 'questions' / 'q1.yaml'}:1)"
    )
    assert ".incoming-" not in err and str(packs_folder()) not in err


def test_pack_add_says_a_link_to_a_device_is_to_be_removed(capsys, tmp_path):
    src = write_pack(tmp_path / "src")
    (src / "topics" / "zero.md").symlink_to("/dev/zero")
    code, _, err = run(capsys, "pack", "add", str(src))
    assert code == 2 and err == (
        f"studyapp pack add: {src / 'topics' / 'zero.md'}: refused: a link to /dev/zero, a device outside the"
        " pack, not a pack file: remove the link\n"
    )


def test_replace_names_the_key_points_rewritten_under_their_id_and_the_answers_graded_again(capsys, tmp_path):
    from studyapp.core.packs import load_pack
    from studyapp.core.store import Store, grading_basis

    v1 = write_pack(tmp_path / "v1")
    assert run(capsys, "pack", "add", str(v1))[0] == 0
    # the tutor's next copy: k1's text changed, k2's weight; q2 as it was
    v2 = write_pack(tmp_path / "v2", {
        "pack.yaml": "id: demo\ntitle: 演示包\nversion: '1.1'\n",
        "questions/q1.yaml": QUESTION_YAML.replace("精简考核评比。\n    keywords", "精简考核、评比和台账。\n    keywords")
                                          .replace("weight: 2", "weight: 3"),
    })
    old_q1, new_q1 = (next(q for q in load_pack(p).pack.questions if q.id == "q1") for p in (v1, v2))
    with Store.open() as store:
        # two answers graded against 1.0, one against 1.1 already (tried with --pack before installing)
        for basis in (grading_basis(old_q1), grading_basis(old_q1), grading_basis(new_q1)):
            store.save_attempt(pack_id="demo", question_id="q1", answer="答案", score=0.0, grading={}, basis=basis)
    code, out, err = run(capsys, "pack", "add", "--replace", str(v2))
    assert code == 0 and err == ""
    assert out.splitlines()[1:-1] == [
        "  replaced the copy installed before (version 1.0)",
        "  key points rewritten under the same id (text, keywords or weight): q1: k1, k2"
        " (2 saved answers will be graded again)",
        "    the app grades those saved answers again by the new key points when they are opened,"
        " and shows the score they had then beside the new one",
    ]
    # the same copy again: nothing rewritten, nothing said
    code, out, err = run(capsys, "pack", "add", "--replace", str(v2))
    assert out.splitlines()[1:-1] == ["  replaced the copy installed before (version 1.1)"]


def test_an_older_folder_than_the_installed_pack_is_not_suggested_for_installing(capsys, tmp_path):
    assert run(capsys, "pack", "add", str(write_pack(tmp_path / "v2", {
        "pack.yaml": "id: demo\ntitle: 演示包\nversion: '1.2'\n"})))[0] == 0
    installed = packs_folder() / "demo"
    old = write_pack(tmp_path / "old")  # version 1.0
    code, out, err = run(capsys, "--pack", str(old), "list")
    assert code == 0 and err == (
        f"{old}: its pack id 'demo' is that of the installed pack ({installed}, version 1.2): this run reads"
        " the folder (version 1.0) instead of it; answers saved under the id stay with it; the folder is an"
        " older version than the installed one (1.0 < 1.2): installing it would go back to version 1.0\n"
    )
    assert "pack add" not in err


def test_a_version_written_as_a_bare_number_is_taken_as_written_and_validate_says_to_quote_it(capsys, tmp_path,
                                                                                              monkeypatch):
    # 1.9 -> 1.10, the usual next version: YAML reads the number 1.1
    from packutil import PACK_YAML

    src = write_pack(tmp_path / "src", {"pack.yaml": PACK_YAML.replace('version: "1.0"', "version: 1.10")})
    code, out, err = run(capsys, "validate", str(src))
    assert code == 0 and f"{src / 'pack.yaml'}:3: warning: version 1.10 is written as a bare number" in out + err
    assert 'quote it ("1.10")' in out + err
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "pack", "export", str(src))
    assert code == 0 and (tmp_path / "demo-1.10.zip").is_file(), out + err
    # and format "1", quoted as a version may be, is the format this studyapp reads
    src2 = write_pack(tmp_path / "src2", {"pack.yaml": PACK_YAML + 'format: "1"\n'})
    code, out, err = run(capsys, "validate", str(src2))
    assert code == 0 and "format" not in out + err


def test_export_writes_a_zip_others_can_read_into_a_folder_or_a_name_without_zip(capsys, tmp_path):
    src = write_pack(tmp_path / "src")
    old = os.umask(0o022)
    try:
        code, out, err = run(capsys, "pack", "export", str(src), "-o", str(tmp_path / "share") + "/")
        assert code == 0, err
        made = tmp_path / "share" / "demo-1.0.zip"
        assert made.is_file() and stat.S_IMODE(made.stat().st_mode) == 0o644  # not mkstemp's 0600
        assert "studyapp pack add demo-1.0.zip" in out
        code, out, err = run(capsys, "pack", "export", str(src), "-o", str(tmp_path / "share"))  # it exists
        assert code == 2 and "exists already" in err  # (the same ID-VERSION.zip in it)
        code, out, err = run(capsys, "pack", "export", str(src), "-o", str(tmp_path / "新包"))
        assert code == 0 and (tmp_path / "新包.zip").is_file() and not (tmp_path / "新包").exists()
    finally:
        os.umask(old)


def test_export_refuses_a_pack_with_the_bundled_packs_id(capsys, tmp_path):
    # a tutor who started from the bundled content/ folder and kept its id: no student could install it
    from packutil import PACK_YAML

    src = write_pack(tmp_path / "src", {"pack.yaml": PACK_YAML.replace("id: demo", "id: community-governance")})
    code, out, err = run(capsys, "pack", "export", str(src), "-o", str(tmp_path / "out.zip"))
    assert code == 2 and "is the bundled pack's" in err and "id of its own" in err
    assert not (tmp_path / "out.zip").exists()
