"""The desktop packaging files: valid for the freedesktop tools, and consistent with the program.

The validators are separate programs (desktop-file-utils, appstream, shared-mime-info); a
test whose tool is missing is skipped and says which package provides it. CI installs them.
"""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from importlib.metadata import version
from pathlib import Path

import pytest

import resources
from ui.app import DESKTOP_ID

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP_FILE = LINUX / f"{DESKTOP_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_ID}.metainfo.xml"
MIME_FILE = LINUX / "sprintplan-mime.xml"
SPEC = PACKAGING / "sprintplan.spec"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
MIME_TYPE = "application/x-sprintplan"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu package {package})")
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# ---------------------------------------------------------------------------------------------
# The validators


def test_the_desktop_file_validates() -> None:
    validator = tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([validator, str(DESKTOP_FILE)], capture_output=True, text=True, check=False)
    # desktop-file-validate exits 0 with hints; hints are suggestions the file follows anyway.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower() and "warning" not in result.stdout.lower(), result.stdout


def test_the_metainfo_validates_without_network() -> None:
    validator = tool("appstreamcli", "appstream")
    result = subprocess.run(
        [validator, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_mime_type_installs_with_its_glob_and_parent(tmp_path: Path) -> None:
    updater = tool("update-mime-database", "shared-mime-info")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_FILE, packages)
    # With the folder on the search path it says nothing unless the file has a problem.
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(
        [updater, str(tmp_path / "mime")], capture_output=True, text=True, check=False, env=environment
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    assert f"{MIME_TYPE}:*.sprintplan" in (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{MIME_TYPE} application/json" in (tmp_path / "mime" / "subclasses").read_text(encoding="utf-8")


def test_the_mime_magic_matches_a_saved_season(tmp_path: Path) -> None:
    from planner.document.demo import demo_season
    from planner.document.storage import save

    match = ET.parse(MIME_FILE).getroot().find(f"{MIME_NS}mime-type/{MIME_NS}magic/{MIME_NS}match")
    assert match is not None
    path = tmp_path / "season.sprintplan"
    save(demo_season(), path)
    # shared-mime-info reads C escapes in the value.
    expected = match.attrib["value"].encode().decode("unicode_escape").encode()
    assert path.read_bytes().startswith(expected)


# ---------------------------------------------------------------------------------------------
# Consistency with the program


def test_the_desktop_file_is_named_after_the_window_s_desktop_id() -> None:
    assert DESKTOP_FILE.is_file()
    assert sorted(p.name for p in LINUX.glob("*.desktop")) == [f"{DESKTOP_ID}.desktop"]
    entry = desktop_entry()
    assert entry["Icon"] == DESKTOP_ID
    assert entry["Exec"].split()[0] == entry["TryExec"] == "sprintplan"
    assert "%f" in entry["Exec"]
    assert MIME_TYPE in entry["MimeType"].split(";")
    # Qt sets the X11 window class to the application name.
    assert entry["StartupWMClass"] == "SprintPlan"


def test_the_metainfo_matches_the_package_and_the_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.find("launchable").attrib["type"] == "desktop-id"  # type: ignore[union-attr]
    assert [m.text for m in root.iterfind("provides/mediatype")] == [MIME_TYPE]
    assert root.findtext("metadata_license") in ("CC0-1.0", "FSFAP")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert root.findtext("project_license") == pyproject["project"]["license"]
    releases = [r.attrib for r in root.iterfind("releases/release")]
    assert releases and releases[0]["version"] == version("sprintplan") == pyproject["project"]["version"]
    assert root.find("content_rating") is not None


def test_the_mime_file_declares_the_season_type() -> None:
    mime = ET.parse(MIME_FILE).getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.attrib["type"] == MIME_TYPE
    assert [g.attrib["pattern"] for g in mime.iterfind(f"{MIME_NS}glob")] == ["*.sprintplan"]
    assert [s.attrib["type"] for s in mime.iterfind(f"{MIME_NS}sub-class-of")] == ["application/json"]


def test_the_icon_exists_as_svg_and_in_every_png_size() -> None:
    svg = resources.locate(f"icons/{DESKTOP_ID}.svg")
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.attrib["viewBox"] == "0 0 256 256"
    for size in ICON_SIZES:
        png = resources.locate(f"icons/hicolor/{size}x{size}/apps/{DESKTOP_ID}.png")
        assert png_size(png) == (size, size)


# ---------------------------------------------------------------------------------------------
# The build files


def test_the_spec_parses_and_bundles_the_resources_from_the_launcher() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "collect_data_files", "copy_metadata", "metadata"} <= calls
    text = SPEC.read_text(encoding="utf-8")
    assert 'collect_data_files("resources")' in text
    assert '"ui" / "launcher.py"' in text
    assert f"{DESKTOP_ID}.desktop" in text


@pytest.mark.parametrize("script", ["build.sh", "smoke_test.sh"])
def test_the_scripts_are_executable_bash(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111, f"{path} is not executable"
    bash = tool("bash", "bash")
    result = subprocess.run([bash, "-n", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
