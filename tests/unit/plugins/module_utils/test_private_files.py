"""module_utils.private_files: a private file is renamed into place already 0600, and no scratch file is left."""

import os
import stat

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import private_files


def test_written_0600_before_the_rename_and_nothing_left(tmp_path, monkeypatch):
    target = tmp_path / "config.yml"
    target.write_text("old\n")
    os.chmod(str(target), 0o644)
    modes = []
    real_replace = os.replace

    def replace(src, dst):
        modes.append(stat.S_IMODE(os.stat(src).st_mode))
        real_replace(src, dst)
    monkeypatch.setattr(private_files.os, "replace", replace)
    private_files.write_private(str(target), "secret: x\n", ".scratch-")
    assert target.read_text() == "secret: x\n" and modes == [0o600]
    assert stat.S_IMODE(os.stat(str(target)).st_mode) == 0o600
    assert sorted(os.listdir(str(tmp_path))) == ["config.yml"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_scratch(tmp_path, monkeypatch):
    target = tmp_path / "config.yml"
    target.write_text("old\n")

    def fail(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(private_files.os, "replace", fail)
    with pytest.raises(OSError):
        private_files.write_private(str(target), "new\n", ".scratch-")
    assert target.read_text() == "old\n" and sorted(os.listdir(str(tmp_path))) == ["config.yml"]
