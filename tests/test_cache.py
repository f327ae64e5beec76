"""The cache on disk of parsed package data (``_cache``): found again by a new process, never
stale, never read from a folder others can write, harmless when it cannot be used."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import readmit_forms as rf
from readmit_forms import _cache
from readmit_forms._agreements._loading import load_agreement_text
from readmit_forms._packs import agreement_files

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv(_cache.ENV, str(root))
    return root


def counting(calls: list[str]) -> Callable[[str], str]:
    def make(text: str) -> str:
        calls.append(text)
        return text.upper()

    return make


def entries(root: Path) -> list[Path]:
    return sorted(root.glob("*/*.pickle"))


def test_an_entry_is_made_once_and_read_after(cache_root: Path) -> None:
    calls: list[str] = []
    assert _cache.cached("test", "abc", counting(calls)) == "ABC"
    assert _cache.cached("test", "abc", counting(calls)) == "ABC"
    assert calls == ["abc"]
    assert len(entries(cache_root)) == 1


def test_another_text_or_kind_is_another_entry(cache_root: Path) -> None:
    calls: list[str] = []
    for kind, text in (("test", "abc"), ("test", "abd"), ("other", "abc")):
        _cache.cached(kind, text, counting(calls))
    assert calls == ["abc", "abd", "abc"]
    assert len(entries(cache_root)) == 3


def test_a_damaged_entry_is_made_again_and_replaced(cache_root: Path) -> None:
    calls: list[str] = []
    _cache.cached("test", "abc", counting(calls))
    (entry,) = entries(cache_root)
    entry.write_bytes(b"\x80\x05not a pickle")
    assert _cache.cached("test", "abc", counting(calls)) == "ABC"
    assert calls == ["abc", "abc"]
    assert pickle.loads(entry.read_bytes()) == "ABC"


def test_off_means_no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(_cache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[str] = []
    for _ in range(2):
        _cache.cached("test", "abc", counting(calls))
    assert calls == ["abc", "abc"]
    assert _cache.folder() is None
    assert list(tmp_path.iterdir()) == []


def test_a_folder_others_can_write_is_not_used(cache_root: Path) -> None:
    _cache.cached("test", "abc", counting([]))
    os.chmod(cache_root, 0o777)
    calls: list[str] = []
    (entry,) = entries(cache_root)
    with entry.open("wb") as file:  # what another user could have put there
        pickle.dump("PLANTED", file)
    assert _cache.cached("test", "abc", counting(calls)) == "ABC"
    assert calls == ["abc"]


def test_a_folder_that_cannot_be_made_is_no_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(_cache.ENV, str(blocker / "cache"))
    calls: list[str] = []
    for _ in range(2):
        assert _cache.cached("test", "abc", counting(calls)) == "ABC"
    assert calls == ["abc", "abc"]


def test_what_does_not_pickle_is_returned_and_not_kept(cache_root: Path) -> None:
    value = _cache.cached("test", "abc", lambda text: lambda: text)
    assert value() == "abc"
    assert entries(cache_root) == []
    assert not list(cache_root.glob("*/.*.part"))


def test_the_long_unused_folders_of_other_code_are_removed(cache_root: Path) -> None:
    older, recent = cache_root / ("0" * 20), cache_root / ("1" * 20)
    for folder in (older, recent):
        folder.mkdir(parents=True)
        (folder / "yaml-x.pickle").write_bytes(b"")
    long_ago = time.time() - (_cache.UNUSED_DAYS + 1) * 86400
    os.utime(older, (long_ago, long_ago))
    _cache.cached("test", "abc", counting([]))
    assert not older.exists()  # another version's, unused for weeks
    assert recent.exists()  # another version in use (a second virtual environment)
    assert sorted(p.name for p in cache_root.iterdir()) == sorted([_cache._code(), recent.name])


def test_the_cache_keeps_at_most_its_size(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_cache, "MAX_ENTRIES", 8)
    for number in range(20):
        _cache.cached("test", str(number), counting([]))
    assert 6 <= len(entries(cache_root)) <= 8


def test_cached_agreements_are_the_agreements_read_anew(cache_root: Path) -> None:
    """Every bundled agreement, pickled and read back, equals the one checked from its file,
    its generic facts (``Fact[str]`` …) of the same classes."""
    for agreement_id, (pack, entry) in agreement_files().items():
        if not pack.bundled:
            continue
        fresh = load_agreement_text(entry.read_text("utf-8"), agreement_id)
        again = pickle.loads(pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == fresh
        assert repr(again) == repr(fresh)  # the classes by name, all the way down


def test_a_new_process_renders_from_the_cache(cache_root: Path) -> None:
    """The first process fills the cache; the second renders the same bytes from it."""
    script = (
        "import sys, readmit_forms as rf\n"
        "case = rf.load_case(sys.argv[1])\n"
        "sys.stdout.buffer.write(rf.render(case, form='readmission-request', lang='kk'))\n"
    )
    env = {**os.environ, _cache.ENV: str(cache_root)}
    sample = str(ROOT / "samples" / "kz-at-family.yaml")
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, sample], capture_output=True, env=env, check=True
        ).stdout
        for _ in range(2)
    ]
    assert (
        runs[0] == runs[1] == rf.render(rf.load_case(sample), form="readmission-request", lang="kk")
    )
    kinds = {entry.name.split("-")[0] for entry in entries(cache_root)}
    assert {"yaml", "agreement", "countries", "font"} <= kinds
