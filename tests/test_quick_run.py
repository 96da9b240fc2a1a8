"""The quick local run and the full CI run: hypothesis profiles and the `gui` marker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.profiles import DEV_EXAMPLES, PROFILE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent

PROPERTIES = """
from pathlib import Path

from hypothesis import given, settings, strategies as st


def _count(name: str) -> None:
    with Path(name).open("a") as calls:
        calls.write("x")


@settings(max_examples=137, deadline=None)
@given(st.integers())
def test_declares_its_count(n: int) -> None:
    _count("declared")


@given(st.integers())
def test_declares_no_count(n: int) -> None:
    _count("default")
"""


def _run(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, profile: str | None, *args: str
) -> pytest.RunResult:
    # The project's own pytest settings and conftest, over the test files each test writes.
    pytester.makepyprojecttoml((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    if profile is None:
        monkeypatch.delenv(PROFILE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(PROFILE_VARIABLE, profile)
    return pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-o", "addopts=--strict-markers", "-o", "testpaths=.", *args
    )


@pytest.mark.parametrize(
    ("profile", "declared", "default"),
    [("ci", 137, 100), (None, DEV_EXAMPLES, DEV_EXAMPLES)],
)
def test_ci_runs_each_property_at_its_declared_count_and_dev_at_a_few(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, profile: str | None, declared: int, default: int
) -> None:
    pytester.makepyfile(test_properties=PROPERTIES)
    result = _run(pytester, monkeypatch, profile)
    result.assert_outcomes(passed=2)
    assert len((pytester.path / "declared").read_text()) == declared
    assert len((pytester.path / "default").read_text()) == default


def test_an_unknown_profile_is_refused(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_properties=PROPERTIES)
    result = _run(pytester, monkeypatch, "fast")
    assert result.ret != 0
    result.stderr.fnmatch_lines(["*HYPOTHESIS_PROFILE='fast': expected 'dev' or 'ci'*"])


def test_not_gui_leaves_out_the_window_tests_and_every_test_asking_for_qt(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makepyfile(
        test_mixed="""
        def test_plain() -> None:
            pass

        def test_with_a_widget(qtbot) -> None:
            pass
        """
    )
    pytester.mkdir("ui")
    (pytester.path / "ui" / "test_window.py").write_text("def test_in_the_ui_folder() -> None:\n    pass\n")
    quick = _run(pytester, monkeypatch, "dev", "-m", "not gui", "-v")
    quick.assert_outcomes(passed=1, deselected=2)
    quick.stdout.fnmatch_lines(["*test_plain PASSED*"])
