"""Packs a student installs once, and the zip files a tutor shares them in.

``studyapp pack add PACK.zip`` (or a pack folder) checks the pack, then
copies its pack files -- pack.yaml, thesaurus.yaml, topics/*.md,
questions/*.yaml and nothing else -- into ``<data folder>/packs/<pack id>/``,
where every command finds it from then on. ``studyapp pack export FOLDER``
writes such a zip. A zip is hostile until checked: no member is written
outside the staging folder (absolute names, ``..``, links and encrypted
members are refused), sizes are capped whatever the zip's headers claim, and
a pack with errors is not installed; the problems name the member and line
(``my-pack.zip/questions/q3.yaml:3``).

Installing is atomic: the pack is staged in a hidden folder next to its
target and renamed into place, so a failed install leaves what was there.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from studyapp.core.model import ERROR, LoadResult, Problem
from studyapp.core.paths import installed_pack_dirs, packs_dir
from studyapp.core.textio import DEFAULT_LIMIT

MAX_FILES = 2000  # pack files in one pack
MAX_TOTAL = 64 << 20  # bytes of pack files in one pack
_STAGING = ".incoming-"
_OLD = ".replaced-"


class PackShareError(Exception):
    """An install, export or removal that cannot be done; ``problems`` are the pack's
    own (path:line), when checking it is what failed."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems


@dataclass(frozen=True)
class InstalledPack:
    id: str
    title: str
    version: str | None
    path: Path
    topics: int
    questions: int
    problems: tuple[Problem, ...] = field(default=())  # warnings (an installed pack has no errors)
    replaced: bool = False  # install --replace: a pack with this id was installed before
    replaced_version: str | None = None  # ... and that pack's version, when it had one
    # ... the questions it had that this one has not, and the key points (question id,
    # key point id) of the questions both have that this one has not
    removed_questions: tuple[str, ...] = ()
    removed_points: tuple[tuple[str, str], ...] = ()
    # ... and the key points both have under one id whose text, keywords or weight changed
    # (saved answers to their questions are graded again by the new points)
    rewritten_points: tuple[tuple[str, str], ...] = ()


def is_pack_file(rel: PurePosixPath) -> bool:
    """Whether a path inside a pack is one the loader reads."""
    parts = rel.parts
    if len(parts) == 1:
        return parts[0] in ("pack.yaml", "thesaurus.yaml")
    if len(parts) == 2 and not parts[1].startswith("."):
        return (parts[0] == "topics" and parts[1].endswith(".md")) or (
            parts[0] == "questions" and parts[1].endswith(".yaml")
        )
    return False


# -------------------------------------------------------------------- reading a source


def _take(files: dict[PurePosixPath, bytes], rel: PurePosixPath, data: bytes, name: str, whole: Path) -> None:
    """Add one file read (at most the limit and one byte more) to ``files``, within the caps."""
    if len(data) > DEFAULT_LIMIT:
        raise PackShareError(f"{name}: over the limit of 1 MiB for a pack file")
    files[rel] = data
    if len(files) > MAX_FILES or sum(map(len, files.values())) > MAX_TOTAL:
        raise PackShareError(f"{whole}: too big for a pack (over {MAX_FILES} files or 64 MiB)")


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise PackShareError(f"{folder}: cannot list it: {exc.strerror or exc}") from None


def _folder_files(folder: Path) -> tuple[dict[PurePosixPath, bytes], list[str]]:
    """The pack files of a folder (contents), and what was left out.

    Only the top and topics/ and questions/ are looked at, where the loader reads
    (not a walk of the tree: a home folder given by mistake is not read through)."""
    files: dict[PurePosixPath, bytes] = {}
    skipped: list[str] = []
    entries = _listing(folder)
    for sub in ("topics", "questions"):
        if (folder / sub).is_dir():
            entries += _listing(folder / sub)
    for path in entries:
        rel = PurePosixPath(path.relative_to(folder).as_posix())
        if any(part.startswith(".") for part in rel.parts) or rel.as_posix() in ("topics", "questions"):
            continue  # .git, .DS_Store, editor files; the two folders themselves
        if not is_pack_file(rel):
            skipped.append(str(rel) + ("/" if path.is_dir() else ""))
            continue
        from studyapp.core.packs import outside_link, outside_link_message

        outside = outside_link(path, folder)
        if outside is not None:
            raise PackShareError(f"{path}: refused: {outside_link_message(path, outside)}")
        try:
            if not stat.S_ISREG(path.stat().st_mode):
                skipped.append(str(rel))
                continue
            with path.open("rb") as fh:
                data = fh.read(DEFAULT_LIMIT + 1)
        except OSError as exc:
            raise PackShareError(f"{path}: cannot read it: {exc.strerror or exc}") from None
        _take(files, rel, data, str(path), folder)
    return files, skipped


def _member_name(info: zipfile.ZipInfo, zip_path: Path) -> PurePosixPath | None:
    """The member's path, checked: None for a folder entry; PackShareError for a name that
    could land outside the pack, a link or an encrypted member."""
    shown = f"{zip_path}: member {info.filename!r}"
    # some Windows tools write \ between folders: read it as /, then check the path as any other
    name = info.filename.replace("\\", "/")
    if "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackShareError(f"{shown}: refused: not a plain relative path")
    rel = PurePosixPath(name)
    if any(part in ("..", "") for part in rel.parts) or not rel.parts:
        raise PackShareError(f"{shown}: refused: it points outside the pack")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PackShareError(f"{shown}: refused: a link")
    if info.flag_bits & 0x1:
        raise PackShareError(f"{shown}: refused: encrypted")
    if info.is_dir() or name.endswith("/"):
        return None
    return rel


def _zip_files(zip_path: Path) -> tuple[dict[PurePosixPath, bytes], list[str], str]:
    """The pack files of a zip (contents), what was left out, and the folder inside the
    zip that holds pack.yaml ("" at the top)."""
    try:
        zf = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile:
        raise PackShareError(f"{zip_path}: not a zip file (or a damaged one)") from None
    except OSError as exc:
        raise PackShareError(f"{zip_path}: cannot read it: {exc.strerror or exc}") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > 4 * MAX_FILES:
            raise PackShareError(f"{zip_path}: too many members for a pack ({len(infos)})")
        members = [(info, _member_name(info, zip_path)) for info in infos]
        # (macOS's archiver adds __MACOSX/…/._name copies of the files' metadata: not the pack's)
        members = [(info, rel) for info, rel in members if rel is not None and "__MACOSX" not in rel.parts]
        tops = {rel.parent for _, rel in members if rel.name == "pack.yaml" and len(rel.parts) <= 2}
        if not tops:
            raise PackShareError(f"{zip_path}: no pack.yaml at its top or in one folder at its top")
        if len(tops) > 1:
            raise PackShareError(f"{zip_path}: more than one pack in it ({len(tops)} pack.yaml files)")
        top = tops.pop()
        files: dict[PurePosixPath, bytes] = {}
        skipped: list[str] = []
        for info, rel in members:
            inside = rel.relative_to(top) if top.parts and rel.parts[: len(top.parts)] == top.parts else None
            if top.parts and inside is None:
                skipped.append(str(rel))
                continue
            inside = rel if not top.parts else inside
            if any(part.startswith(".") for part in inside.parts):
                continue  # .DS_Store, editor files
            if not is_pack_file(inside):
                skipped.append(str(rel))
                continue
            if inside in files:
                raise PackShareError(f"{zip_path}: {rel} is in it twice")
            # the header's size may lie: read no more than the limit allows
            try:
                with zf.open(info) as fh:
                    data = fh.read(DEFAULT_LIMIT + 1)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                raise PackShareError(f"{zip_path}: {rel}: cannot unpack it: {exc}") from None
            _take(files, inside, data, f"{zip_path}: {rel}", zip_path)
    return files, skipped, str(top) if top.parts else ""


def read_source(source: Path) -> tuple[dict[PurePosixPath, bytes], list[str], str]:
    """(pack files, left out, what to put before a file's path inside the pack to name it
    as the user knows it) for a pack folder or a zip."""
    try:
        is_dir = source.is_dir()
        exists = is_dir or source.exists()
    except OSError as exc:
        raise PackShareError(f"{source}: cannot open it: {exc.strerror or exc}") from None
    if not exists:
        raise PackShareError(f"{source}: no such file or folder")
    if is_dir:
        files, skipped = _folder_files(source)
        if PurePosixPath("pack.yaml") not in files:
            raise PackShareError(f"{source}: no pack.yaml: a pack is a folder with pack.yaml")
        return files, skipped, str(source) + "/"
    files, skipped, top = _zip_files(source)
    return files, skipped, f"{source}/{top + '/' if top else ''}"


# -------------------------------------------------------------------- staging and checking


def _write(folder: Path, files: dict[PurePosixPath, bytes]) -> None:
    for rel, data in files.items():
        target = folder.joinpath(*rel.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _renamed(problems: tuple[Problem, ...], staged: Path, shown: str, source: Path) -> tuple[Problem, ...]:
    """The staged copy's problems, named as the user knows the files."""
    out = []
    prefix = str(staged) + os.sep
    for p in problems:
        # a message may name another file of the pack (a duplicate id's first file)
        message = p.message.replace(prefix, shown).replace(str(staged), str(source))
        try:
            rel = p.path.relative_to(staged)
        except ValueError:
            out.append(Problem(p.path, p.line, p.severity, message))
            continue
        name = Path(shown + rel.as_posix()) if rel.parts else source
        out.append(Problem(name, p.line, p.severity, message))
    return tuple(out)


def check_staged(staged: Path, shown: str, source: Path) -> LoadResult:
    """The staged copy checked as ``studyapp validate`` checks a folder (the loader's
    problems and the grader's warnings), named as the user knows the files."""
    from studyapp.core.gradecheck import grading_warnings
    from studyapp.core.packs import load_pack

    result = load_pack(staged)
    problems = result.problems
    if result.pack is not None:
        problems += grading_warnings(result.pack)
    return LoadResult(result.pack, _renamed(problems, staged, shown, source))


def install(source: Path, *, replace: bool = False, reserved: frozenset[str] = frozenset(),
            root: Path | None = None) -> tuple[InstalledPack, list[str]]:
    """Install the pack at ``source`` (folder or zip); (what was installed, files left out).

    ``reserved``: pack ids that may not be installed (the bundled pack's). A pack
    already installed under the same id is replaced only with ``replace``."""
    root = packs_dir() if root is None else root
    files, skipped, shown = read_source(source)
    try:
        root.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=_STAGING, dir=root))
    except OSError as exc:
        raise PackShareError(f"{root}: cannot write the packs folder: {exc.strerror or exc}") from None
    try:
        try:
            _write(staged, files)
        except OSError as exc:
            raise PackShareError(f"{root}: cannot write the pack: {exc.strerror or exc}") from None
        result = check_staged(staged, shown, source)
        errors = tuple(p for p in result.problems if p.severity == ERROR)
        if errors or result.pack is None:
            raise PackShareError(f"{source}: not installed: the pack has errors", result.problems)
        pack = result.pack
        if pack.id in reserved:
            raise PackShareError(f"{source}: not installed: its id {pack.id!r} is the bundled pack's")
        target = root / pack.id
        old = None
        previous = None
        if target.exists() or target.is_symlink():
            if not replace:
                raise PackShareError(
                    f"{source}: not installed: a pack with the id {pack.id!r} is installed already "
                    f"({target}); add --replace to replace it"
                )
            previous = _previous(target)
            old = Path(tempfile.mkdtemp(prefix=_OLD, dir=root))
            os.replace(target, old / "pack")
        try:
            os.replace(staged, target)
        except OSError as exc:
            if old is not None:
                os.replace(old / "pack", target)  # put the old one back
            raise PackShareError(f"{target}: cannot install the pack: {exc.strerror or exc}") from None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        removed_q: tuple[str, ...] = ()
        removed_p: tuple[tuple[str, str], ...] = ()
        rewritten: tuple[tuple[str, str], ...] = ()
        if previous is not None:
            new_points = {q.id: {k.id: k for k in q.key_points} for q in pack.questions}
            removed_q = tuple(q.id for q in previous.questions if q.id not in new_points)
            removed_p = tuple(
                (q.id, k.id) for q in previous.questions if q.id in new_points
                for k in q.key_points if k.id not in new_points[q.id]
            )
            rewritten = tuple(
                (q.id, k.id) for q in previous.questions if q.id in new_points
                for k in q.key_points
                if k.id in new_points[q.id] and _as_graded(k) != _as_graded(new_points[q.id][k.id])
            )
        installed = InstalledPack(
            pack.id, pack.title, pack.version, target, len(pack.topics), len(pack.questions), result.problems,
            replaced=old is not None,
            replaced_version=previous.version if previous is not None and old is not None else None,
            removed_questions=removed_q, removed_points=removed_p, rewritten_points=rewritten,
        )
        return installed, skipped
    finally:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)


def _as_graded(point) -> tuple:
    """What a grading depends on in a key point, as ``store.grading_basis`` counts it:
    its text (whitespace aside), weight and keyword groups."""
    return (" ".join(str(point.point).split()), float(point.weight), tuple(map(tuple, point.keywords)))


def _previous(folder: Path):
    """The pack installed in ``folder`` (a ``Pack``), if it can be read."""
    from studyapp.core.packs import load_pack

    try:
        return load_pack(folder).pack
    except Exception:  # the old copy is going away: it is read only for a message
        return None


def remove(pack_id: str, *, reserved: frozenset[str] = frozenset(), root: Path | None = None) -> Path:
    """Remove the installed pack ``pack_id``; ``reserved``: ids that are not installed
    packs (the bundled pack's), refused with a message saying so."""
    from studyapp.core.packs import ID_RE

    root = packs_dir() if root is None else root
    if not ID_RE.fullmatch(pack_id):
        raise PackShareError(f"{pack_id!r} is not a pack id (lower-case letters, digits and -)")
    target = root / pack_id
    if pack_id in reserved and not (target / "pack.yaml").is_file():
        raise PackShareError(
            f"{pack_id!r} is the bundled pack: it comes with studyapp and cannot be removed"
            " (only packs added with `studyapp pack add` can)"
        )
    if not (target / "pack.yaml").is_file():
        known = ", ".join(p.name for p in installed_pack_dirs(root)) or "none"
        raise PackShareError(f"no installed pack with the id {pack_id!r} (installed: {known})")
    try:
        shutil.rmtree(target)
    except OSError as exc:
        raise PackShareError(f"{target}: cannot remove it: {exc.strerror or exc}") from None
    return target


def list_installed(root: Path | None = None) -> list[InstalledPack]:
    from studyapp.core.packs import load_pack

    out = []
    for folder in installed_pack_dirs(root):
        result = load_pack(folder)
        if result.pack is None:
            continue
        p = result.pack
        out.append(InstalledPack(p.id, p.title, p.version, folder, len(p.topics), len(p.questions), result.problems))
    return out


def export(
    folder: Path, out: Path | None = None, *, overwrite: bool = False, into_folder: bool = False,
    reserved: frozenset[str] = frozenset(),
) -> tuple[Path, int, list[str], tuple[Problem, ...]]:
    """Write the pack at ``folder`` as a zip to share; (the zip, files in it, files left
    out, the pack's warnings -- those of ``studyapp validate``, which do not stop it).

    ``out``: the zip (``.zip`` added to a name without it), or a folder for ID-VERSION.zip
    (one that exists, or ``into_folder``: the name was given with a trailing slash).
    The zip is readable as any file the user saves (their umask), not only by them.
    Refused when the pack has errors, or has the id of a pack in ``reserved`` (the
    bundled pack's): a student could not install it."""
    if not folder.is_dir():
        raise PackShareError(f"{folder}: not a pack folder (a folder with pack.yaml)")
    from studyapp.core.packs import load_pack

    # checked first: every problem with its file and line (a link out of the pack too)
    result = load_pack(folder)
    errors = tuple(p for p in result.problems if p.severity == ERROR)
    if errors or result.pack is None:
        raise PackShareError(f"{folder}: not exported: the pack has errors", result.problems)
    pack = result.pack
    if pack.id in reserved:
        raise PackShareError(
            f"{folder}: not exported: its id {pack.id!r} is the bundled pack's, and no student could install it;"
            " give the pack an id of its own in pack.yaml (id: ...)"
        )
    files, skipped, _ = read_source(folder)
    from studyapp.core.gradecheck import grading_warnings

    warnings = result.problems + grading_warnings(pack)
    name = f"{pack.id}-{pack.version or '1'}.zip"
    if out is None:
        out = Path.cwd() / name
    elif into_folder or out.is_dir():
        out = out / name
    elif out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")  # (新包 -> 新包.zip: a chat app or Windows knows it then)
    if out.exists() and not overwrite:
        raise PackShareError(f"{out}: exists already; name another file with -o, or add --force")
    tmp = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".studyapp-", suffix=".zip", dir=out.parent)
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            for rel in sorted(files):
                # one folder named after the pack; a fixed date, so the same pack gives the same zip
                info = zipfile.ZipInfo(f"{pack.id}/{rel}", date_time=(2020, 1, 1, 0, 0, 0))
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, files[rel])
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # (mkstemp's file is the user's only)
        os.replace(tmp, out)
        tmp = None
    except OSError as exc:
        raise PackShareError(f"{out}: cannot write it: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return out, len(files), skipped, warnings
