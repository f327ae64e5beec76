"""The repository's layout as the design gives it: ``templates/kk|ru|en`` at the top are the
package's templates (one relative link, so a fresh clone has it too), and the sdist and the
wheel carry the templates once, as package data."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE_TEMPLATES = ROOT / "src" / "readmit_forms" / "templates"
LANGS = ("kk", "ru", "en")


def _yaml_names(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def test_top_level_templates_are_the_package_templates() -> None:
    top = ROOT / "templates"
    assert top.is_symlink(), "templates/ is one link to the package's templates"
    target = os.readlink(top)
    assert not os.path.isabs(target), f"the link must be relative to work in any clone: {target}"
    assert top.resolve() == PACKAGE_TEMPLATES.resolve()
    for lang in LANGS:
        assert (top / lang).is_dir(), f"templates/{lang} does not resolve"
        assert _yaml_names(top / lang) == _yaml_names(PACKAGE_TEMPLATES / lang)
        assert (top / lang / "common.yaml").read_text("utf-8") == (
            PACKAGE_TEMPLATES / lang / "common.yaml"
        ).read_text("utf-8")


def test_a_fresh_clone_gets_the_link() -> None:
    """Git records the link itself (mode 120000) with its relative target."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (e.g. an unpacked sdist): there is no clone to check")
    listed = subprocess.run(
        [git, "ls-files", "-s", "--", "templates"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split("\n")
    entries = [line.split() for line in listed if line]
    assert len(entries) == 1, entries  # the link, not files under it
    mode, blob, _stage, path = entries[0]
    assert (mode, path) == ("120000", "templates")
    target = subprocess.run(
        [git, "cat-file", "blob", blob], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert target == "src/readmit_forms/templates"


def test_wheel_and_sdist_carry_the_templates_once(tmp_path: Path) -> None:
    from hatchling.builders.sdist import SdistBuilder
    from hatchling.builders.wheel import WheelBuilder

    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = zipfile.ZipFile(wheel).namelist()
    for lang in LANGS:
        for name in _yaml_names(PACKAGE_TEMPLATES / lang):
            assert f"readmit_forms/templates/{lang}/{name}" in names
    assert not [n for n in names if n.startswith("templates/")]

    (sdist,) = SdistBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    with tarfile.open(sdist) as archive:
        members = archive.getmembers()
    paths = {m.name.split("/", 1)[1] for m in members if "/" in m.name}
    for lang in LANGS:
        assert f"src/readmit_forms/templates/{lang}/common.yaml" in paths
    assert not [m.name for m in members if m.issym() or m.islnk()], "no links in the sdist"
    assert "templates" not in paths and not [p for p in paths if p.startswith("templates/")]
