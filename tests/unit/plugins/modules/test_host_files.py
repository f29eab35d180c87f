"""host_files: one call converges files, directories and absent paths, with check mode, diff and clear refusals."""

import os
import stat

from ansible_collections.openedx_ops.baremetal.plugins.modules import host_files

from .conftest import ModuleExit as Exit, ModuleFail as Fail


def mode_of(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def entries(root):
    return [
        {"path": "%s/etc/rke2" % root, "state": "directory", "mode": "0750"},
        {"path": "%s/etc/rke2/config.yaml" % root, "content": "token: a\n", "mode": "0600"},
        {"path": "%s/etc/modules.conf" % root, "content": "overlay\n", "mode": "0644"},
    ]


def test_converges_then_nothing_to_do(run_module, tmp_path):
    os.mkdir(str(tmp_path / "etc"))
    kind, result = run_module(host_files.main, {"files": entries(tmp_path)})
    assert kind is Exit and result["changed"] is True
    assert result["changed_paths"] == [e["path"] for e in entries(tmp_path)]
    assert (tmp_path / "etc/rke2/config.yaml").read_text() == "token: a\n"
    assert mode_of(str(tmp_path / "etc/rke2")) == 0o750
    assert mode_of(str(tmp_path / "etc/rke2/config.yaml")) == 0o600
    assert mode_of(str(tmp_path / "etc/modules.conf")) == 0o644
    assert not [name for name in os.listdir(str(tmp_path / "etc/rke2")) if name.startswith(".host_files")]
    kind, result = run_module(host_files.main, {"files": entries(tmp_path)})
    assert kind is Exit and result["changed"] is False and result["changed_paths"] == []
    assert [f["changes"] for f in result["files"]] == [[], [], []]


def test_check_mode_reports_files_in_a_directory_it_would_create(run_module, tmp_path):
    os.mkdir(str(tmp_path / "etc"))
    kind, result = run_module(host_files.main, {"files": entries(tmp_path)}, check_mode=True, diff=True)
    assert kind is Exit and result["changed"] is True
    assert [f["changes"] for f in result["files"]] == [["created"], ["created"], ["created"]]
    assert not os.path.exists(str(tmp_path / "etc/rke2"))
    assert not os.path.exists(str(tmp_path / "etc/modules.conf"))
    assert result["diff"][1] == {"before_header": "%s/etc/rke2/config.yaml (absent)" % tmp_path,
                                 "after_header": "%s/etc/rke2/config.yaml" % tmp_path,
                                 "before": "", "after": "token: a\n"}


def test_content_and_mode_changes_show_their_diff(run_module, tmp_path):
    target = tmp_path / "sysctl.conf"
    target.write_text("a=1\n")
    os.chmod(str(target), 0o600)
    files = [{"path": str(target), "content": "a=2\n", "mode": "0644"}]
    kind, result = run_module(host_files.main, {"files": files}, check_mode=True, diff=True)
    assert result["files"][0]["changes"] == ["content", "mode"]
    assert target.read_text() == "a=1\n" and mode_of(str(target)) == 0o600
    assert result["diff"][0]["before"] == "a=1\n" and result["diff"][0]["after"] == "a=2\n"
    assert result["diff"][1]["before"] == "mode: 0600\n" and result["diff"][1]["after"] == "mode: 0644\n"
    kind, result = run_module(host_files.main, {"files": files}, diff=True)
    assert target.read_text() == "a=2\n" and mode_of(str(target)) == 0o644
    # Only the mode drifted: the content is not rewritten.
    os.chmod(str(target), 0o666)
    inode = os.stat(str(target)).st_ino
    kind, result = run_module(host_files.main, {"files": files})
    assert result["files"][0]["changes"] == ["mode"] and os.stat(str(target)).st_ino == inode
    assert mode_of(str(target)) == 0o644


def test_absent_removes_and_is_then_a_no_op(run_module, tmp_path):
    target = tmp_path / "old.yaml"
    target.write_text("x\n")
    files = [{"path": str(target), "state": "absent"}]
    kind, result = run_module(host_files.main, {"files": files}, check_mode=True, diff=True)
    assert result["changed"] is True and target.exists() and result["diff"][0]["before"] == "x\n"
    kind, result = run_module(host_files.main, {"files": files})
    assert result["changed_paths"] == [str(target)] and not target.exists()
    kind, result = run_module(host_files.main, {"files": files})
    assert result["changed"] is False


def test_owner_and_group_are_set(run_module, tmp_path):
    target = tmp_path / "owned"
    files = [{"path": str(target), "content": "x", "owner": "nobody", "group": "nogroup"}]
    kind, result = run_module(host_files.main, {"files": files})
    assert kind is Exit, result
    info = os.stat(str(target))
    assert info.st_uid == host_files.uid_of("nobody") and info.st_gid == host_files.gid_of("nogroup")
    kind, result = run_module(host_files.main, {"files": files})
    assert result["changed"] is False


def test_bad_entries_change_nothing_and_name_the_entry(run_module, tmp_path):
    first = tmp_path / "first"
    kind, result = run_module(host_files.main, {"files": [
        {"path": str(first), "content": "x"},
        {"path": "relative/path", "content": "x"},
        {"path": str(first), "content": "y"},
    ]})
    assert kind is Fail and not first.exists()
    assert "files[1] (relative/path): path must be absolute" in result["msg"]
    assert "files[2] (%s): the path is listed twice" % first in result["msg"]


def test_wrong_type_or_unknown_owner_fails_before_any_change(run_module, tmp_path):
    first = tmp_path / "first"
    (tmp_path / "adir").mkdir()
    kind, result = run_module(host_files.main, {"files": [
        {"path": str(first), "content": "x"}, {"path": str(tmp_path / "adir"), "content": "x"}]})
    assert kind is Fail and "adir exists and is not a regular file" in result["msg"] and not first.exists()
    kind, result = run_module(host_files.main, {"files": [
        {"path": str(first), "content": "x"}, {"path": str(tmp_path / "b"), "content": "x", "owner": "no-such-user"}]})
    assert kind is Fail and "owner 'no-such-user' does not exist" in result["msg"] and not first.exists()
    os.symlink(str(tmp_path / "adir"), str(tmp_path / "link"))
    kind, result = run_module(host_files.main, {"files": [{"path": str(tmp_path / "link"), "state": "directory"}]})
    assert kind is Fail and "symbolic link" in result["msg"]


def test_a_file_needs_its_directory(run_module, tmp_path):
    kind, result = run_module(host_files.main, {"files": [{"path": str(tmp_path / "missing/file"), "content": "x"}]})
    assert kind is Fail and "does not exist and is not listed before it" in result["msg"]


def test_content_and_mode_changed_together_are_both_reported(run_module, tmp_path):
    target = tmp_path / "config.yaml"
    target.write_text("old\n")
    os.chmod(str(target), 0o644)
    kind, result = run_module(host_files.main, {"files": [{"path": str(target), "content": "new\n", "mode": "0600"}]},
                              diff=True)
    assert result["files"][0]["changes"] == ["content", "mode"]
    assert mode_of(str(target)) == 0o600 and target.read_text() == "new\n"
    assert [d["after"] for d in result["diff"]] == ["new\n", "mode: 0600\n"]


def test_a_new_secret_file_is_never_looser_than_asked(run_module, tmp_path, monkeypatch):
    """The file is renamed into place with its mode already set: a reader sees 0600 or no file."""
    seen = []
    real_replace = os.replace

    def replace(src, dst):
        seen.append(mode_of(src))
        real_replace(src, dst)
    monkeypatch.setattr(host_files.os, "replace", replace)
    run_module(host_files.main, {"files": [{"path": str(tmp_path / "token"), "content": "t", "mode": "0600"}]})
    assert seen == [0o600] and mode_of(str(tmp_path / "token")) == 0o600


def test_new_parents_get_the_directorys_mode_and_an_unquoted_mode_means_octal(run_module, tmp_path):
    deep = tmp_path / "a" / "b" / "c"
    files = [{"path": str(deep), "state": "directory", "mode": 0o700},
             {"path": str(deep / "f"), "content": "x", "mode": 420}]
    kind, result = run_module(host_files.main, {"files": files})
    assert kind is Exit, result
    assert [mode_of(str(p)) for p in (tmp_path / "a", tmp_path / "a" / "b", deep)] == [0o700] * 3
    assert mode_of(str(deep / "f")) == 0o644


def test_a_symbolic_link_listed_absent_is_removed_not_its_target(run_module, tmp_path):
    target = tmp_path / "target"
    target.write_text("kept\n")
    os.symlink(str(target), str(tmp_path / "link"))
    kind, result = run_module(host_files.main, {"files": [{"path": str(tmp_path / "link"), "state": "absent"}]})
    assert result["changed"] and not os.path.lexists(str(tmp_path / "link")) and target.read_text() == "kept\n"
