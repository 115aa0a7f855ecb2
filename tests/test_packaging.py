"""A non-editable install carries the bundled pack: build the wheel, look inside,
and run `studyapp validate` from the unpacked wheel in an unrelated folder."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NETWORK_WORDS = (
    "Could not find a version that satisfies the requirement hatchling",
    "No matching distribution found for hatchling",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        log = proc.stdout + proc.stderr
        if any(word in log for word in NETWORK_WORDS):
            pytest.skip("cannot build a wheel offline: the build backend (hatchling) is not reachable")
        pytest.fail(f"building the wheel failed:\n{log}")
    (built,) = out.glob("studyapp-*.whl")
    return built


def test_wheel_holds_the_bundled_pack(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "studyapp/content/pack.yaml" in names
    in_repo = {
        "studyapp/content/" + p.relative_to(REPO / "content").as_posix()
        for p in (REPO / "content").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    assert any(n.startswith("studyapp/content/topics/") and n.endswith(".md") for n in names)
    assert any(n.startswith("studyapp/content/questions/") and n.endswith(".yaml") for n in names)
    assert in_repo <= names, sorted(in_repo - names)
    assert "studyapp/cli.py" in names and "studyapp/core/packs.py" in names


def test_unpacked_wheel_validates_its_own_pack_from_any_folder(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import studyapp\n"
        "from studyapp.core.packs import bundled_pack_dir\n"
        "print(studyapp.__file__); print(bundled_pack_dir())\n"
        "from studyapp import cli\n"
        "raise SystemExit(cli.main(['list']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(site)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=elsewhere,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == str(site / "studyapp" / "__init__.py")
    assert lines[1] == str(site / "studyapp" / "content")
    assert proc.returncode == 0
    assert " questions:" in proc.stdout
