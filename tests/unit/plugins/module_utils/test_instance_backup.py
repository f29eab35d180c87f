"""Pure logic of instance backups: settings, credential lines, scripts, transports, names, metadata, pruning."""

import json
import os
import stat
import subprocess
import tarfile
import time

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import instance_backup as ib


def test_settings_fill_tutor_s_defaults():
    s = ib.database_settings({"MYSQL_ROOT_PASSWORD": "pw"})
    assert s["run_mysql"] and s["run_mongodb"] and s["mysql_user"] == "root" and s["mongodb_user"] == ""
    s = ib.database_settings({"MYSQL_ROOT_PASSWORD": "pw", "RUN_MONGODB": False, "MYSQL_ROOT_USERNAME": "admin"})
    assert not s["run_mongodb"] and s["mysql_user"] == "admin"
    assert ib.engines_of(s) == ["mysql"]


def test_settings_refuse_a_missing_root_password():
    with pytest.raises(ib.BackupError, match="MYSQL_ROOT_PASSWORD"):
        ib.database_settings({})
    assert ib.database_settings({"RUN_MYSQL": False})["run_mysql"] is False


def test_mysql_credentials_are_quoted_for_the_option_file():
    lines = ib.credential_lines("mysql", ib.database_settings({"MYSQL_ROOT_PASSWORD": 'a"b\\c#d'}), {"socket": "/s"})
    assert lines == '[client]\nuser="root"\npassword="a\\"b\\\\c#d"\nsocket="/s"\n--\n'


def test_credentials_refuse_line_breaks_and_bad_option_names():
    with pytest.raises(ib.BackupError, match="line break"):
        ib.credential_lines("mysql", ib.database_settings({"MYSQL_ROOT_PASSWORD": "a\nb"}))
    with pytest.raises(ib.BackupError, match="option name"):
        ib.credential_lines("mysql", ib.database_settings({"MYSQL_ROOT_PASSWORD": "a"}), {"x=1\n": "y"})
    with pytest.raises(ib.BackupError, match="engine"):
        ib.credential_lines("redis", {})


def test_mongodb_credentials_and_arguments():
    s = ib.database_settings({"MYSQL_ROOT_PASSWORD": "x", "MONGODB_USERNAME": "u", "MONGODB_PASSWORD": 'p"w'})
    assert ib.credential_lines("mongodb", s) == 'password: "p\\"w"\n--\n'
    assert ib.mongodb_arguments(s) == ["--username=u", "--authenticationDatabase=admin"]
    # Tutor's own MongoDB has no user: nothing but the end line
    assert ib.credential_lines("mongodb", ib.database_settings({"MYSQL_ROOT_PASSWORD": "x"})) == "--\n"
    with pytest.raises(ib.BackupError, match="host, port"):
        ib.mongodb_arguments(s, {"password": "x"})


def test_transport_reaches_the_instance_s_deployment():
    assert ib.transport("local") == []
    assert ib.transport("kubectl", "campus", None, "mongodb") == [
        "kubectl", "exec", "-i", "-n", "campus", "deploy/mongodb", "-c", "mongodb", "--"]
    with pytest.raises(ib.BackupError):
        ib.transport("kubectl", "Bad_NS", None, "mysql")
    with pytest.raises(ib.BackupError):
        ib.transport("ssh")


def test_no_password_in_any_argv():
    s = ib.database_settings({"MYSQL_ROOT_PASSWORD": "s3cret", "MONGODB_USERNAME": "u", "MONGODB_PASSWORD": "m0ngo"})
    for engine in ("mysql", "mongodb"):
        for action in ("dump", "restore"):
            argv = ib.transport("kubectl", "campus", "/k", engine) + ib.inner_command(engine, action, s)
            assert not any("s3cret" in a or "m0ngo" in a for a in argv)


def _fake_tool(tmp_path, name):
    """A stand-in for mongodump/mongorestore that records its argv and the config file it was given."""
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    tool = bindir / name
    tool.write_text("#!/bin/sh\nrec=%s\nprintf '%%s\\n' \"$@\" > \"$rec.argv\"\n"
                    "for a; do case \"$a\" in --config=*) cp \"${a#--config=}\" \"$rec.config\";"
                    " stat -c %%a \"${a#--config=}\" > \"$rec.mode\";; esac; done\n"
                    "cat > \"$rec.stdin\"\nprintf 'ARCHIVE'\n" % (tmp_path / name))
    tool.chmod(0o755)
    return str(bindir)


def test_mongodb_scripts_put_the_password_in_a_private_file(tmp_path, monkeypatch):
    # The wiring of the scripts, run by sh: the password ARRIVES in the --config file (0600), never in argv,
    # and the dump to restore follows the credentials on stdin intact. No mongod is available here.
    for name in ("mongodump", "mongorestore"):
        bindir = _fake_tool(tmp_path, name)
    monkeypatch.setenv("PATH", bindir + ":" + os.environ["PATH"])
    s = ib.database_settings({"MYSQL_ROOT_PASSWORD": "x", "MONGODB_USERNAME": "u", "MONGODB_PASSWORD": "pa ss"})
    dest = str(tmp_path / "d.gz")
    ib.dump(ib.inner_command("mongodb", "dump", s), ib.credential_lines("mongodb", s), dest)
    import gzip
    assert gzip.open(dest).read() == b"ARCHIVE"
    argv = (tmp_path / "mongodump.argv").read_text().split("\n")
    assert "--archive" in argv and "--username=u" in argv and not any("pa ss" in a for a in argv)
    assert (tmp_path / "mongodump.config").read_text() == 'password: "pa ss"\n'
    assert (tmp_path / "mongodump.mode").read_text().strip() == "600"
    ib.restore(ib.inner_command("mongodb", "restore", s), ib.credential_lines("mongodb", s), dest)
    assert (tmp_path / "mongorestore.stdin").read_bytes() == b"ARCHIVE"
    assert "--drop" in (tmp_path / "mongorestore.argv").read_text().split("\n")


def test_a_failed_dump_leaves_no_file(tmp_path):
    dest = str(tmp_path / "x.gz")
    with pytest.raises(ib.BackupError, match="rc 7"):
        ib.dump(["sh", "-c", "cat >/dev/null; echo boom >&2; exit 7"], "--\n", dest)
    assert not os.path.exists(dest)
    with pytest.raises(ib.BackupError, match="empty"):
        ib.dump(["sh", "-c", "cat >/dev/null"], "--\n", dest)
    assert not os.path.exists(dest)


def test_backup_names_are_unique_within_one_second(tmp_path):
    now = 1767225600.5
    a = ib.new_backup_dir(str(tmp_path), "campus", now)
    b = ib.new_backup_dir(str(tmp_path), "campus", now)
    assert a != b and os.path.basename(a) == "campus-20260101T000000Z" and b.endswith("-1")
    for path in (a, b, os.path.dirname(a)):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o700
    with pytest.raises(ib.BackupError):
        ib.new_backup_dir(str(tmp_path), "../etc", now)


def _backup(tmp_path, instance, created, name=None):
    path = os.path.join(str(tmp_path), instance, name or "%s-%s" % (instance, ib.stamp(created)))
    os.makedirs(path)
    with open(os.path.join(path, "data"), "w") as handle:
        handle.write(name or str(created))
    ib.write_metadata(path, {"instance": instance, "created": created})
    return path


def test_metadata_checksums_are_verified(tmp_path):
    path = _backup(tmp_path, "campus", 1000.0)
    meta = ib.read_metadata(path)
    assert meta["files"]["data"]["size"] == len("1000.0")
    assert stat.S_IMODE(os.stat(os.path.join(path, "data")).st_mode) == 0o600
    with open(os.path.join(path, "data"), "a") as handle:
        handle.write("tampered")
    with pytest.raises(ib.BackupError, match="checksum"):
        ib.read_metadata(path)
    os.remove(os.path.join(path, "data"))
    with pytest.raises(ib.BackupError, match="missing"):
        ib.read_metadata(path)


def test_prune_goes_by_recorded_time_not_by_name(tmp_path):
    # Names sort the other way round from the times: pruning by name would remove the newest.
    newest = _backup(tmp_path, "campus", 3000.0, "campus-a")
    middle = _backup(tmp_path, "campus", 2000.0, "campus-b")
    oldest = _backup(tmp_path, "campus", 1000.0, "campus-c")
    assert ib.prune(str(tmp_path), "campus", 2, now=4000.0) == [oldest]
    assert os.path.isdir(newest) and os.path.isdir(middle)


def test_prune_by_age_keeps_the_newest_and_leaves_foreign_directories(tmp_path):
    day = 86400.0
    newest = _backup(tmp_path, "campus", 10 * day)
    old = _backup(tmp_path, "campus", 1 * day)
    incomplete = os.path.join(str(tmp_path), "campus", "campus-partial")
    os.makedirs(incomplete)
    other = _backup(tmp_path, "campus", 0.0, "campus-x")
    with open(os.path.join(other, "metadata.json")) as handle:
        meta = json.load(handle)
    meta["instance"] = "campus-x"
    with open(os.path.join(other, "metadata.json"), "w") as handle:
        json.dump(meta, handle)
    assert ib.prune(str(tmp_path), "campus", 10, max_age_days=5, now=11 * day) == [old]
    # even when every backup is too old, the newest stays
    assert ib.prune(str(tmp_path), "campus", 10, max_age_days=5, now=100 * day) == []
    assert os.path.isdir(newest) and os.path.isdir(incomplete) and os.path.isdir(other)
    with pytest.raises(ib.BackupError):
        ib.prune(str(tmp_path), "campus", 0)


def test_prune_never_removes_a_protected_backup(tmp_path):
    a = _backup(tmp_path, "campus", 2000.0)
    b = _backup(tmp_path, "campus", 1000.0)
    assert ib.prune(str(tmp_path), "campus", 1, protect=[b]) == []
    assert os.path.isdir(a) and os.path.isdir(b)


def test_backup_time_falls_back_to_mtime(tmp_path):
    path = os.path.join(str(tmp_path), "x")
    os.makedirs(path)
    os.utime(path, (1234.0, 1234.0))
    assert ib.backup_time(path) == 1234.0


def _project(root):
    os.makedirs(os.path.join(root, "env"), 0o700)
    with open(os.path.join(root, "config.yml"), "w") as handle:
        handle.write("MYSQL_ROOT_PASSWORD: pw\n")
    os.chmod(os.path.join(root, "config.yml"), 0o600)
    with open(os.path.join(root, "env", "a.yml"), "w") as handle:
        handle.write("a: 1\n")


def test_project_archive_round_trip(tmp_path):
    src = str(tmp_path / "projects" / "campus")
    _project(src)
    archive = str(tmp_path / "p.tar.gz")
    ib.archive_project(src, archive)
    assert stat.S_IMODE(os.stat(archive).st_mode) == 0o600
    target = str(tmp_path / "projects" / "campus2")
    os.makedirs(target)
    with open(os.path.join(target, "stale"), "w") as handle:
        handle.write("old")
    ib.extract_project(archive, target)
    assert ib.tree_digest(target) == ib.tree_digest(src)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o700
    assert sorted(os.listdir(str(tmp_path / "projects"))) == ["campus", "campus2"]


def test_extract_refuses_members_outside_the_project(tmp_path):
    evil = str(tmp_path / "evil.tar.gz")
    payload = tmp_path / "payload"
    payload.write_text("x")
    with tarfile.open(evil, "w:gz") as tar:
        tar.add(str(payload), arcname="project/../../escaped")
    with pytest.raises(ib.BackupError, match="outside"):
        ib.extract_project(evil, str(tmp_path / "target"))
    assert not os.path.exists(str(tmp_path / "target"))


def test_a_tutor_project_backup_is_repacked(tmp_path):
    src = str(tmp_path / "campus")
    _project(src)
    old = str(tmp_path / "campus-old.tar.gz")
    with tarfile.open(old, "w:gz") as tar:  # as tutor_project makes them
        tar.add(src, arcname="campus")
    new = str(tmp_path / "project.tar.gz")
    ib._repack(old, new)
    with tarfile.open(new) as tar:
        names = sorted(m.name for m in tar.getmembers())
    assert names == ["project", "project/config.yml", "project/env", "project/env/a.yml"]


def test_make_backup_removes_a_failed_backup(tmp_path):
    src = str(tmp_path / "projects" / "campus")
    _project(src)
    dest = str(tmp_path / "backups")
    failing = {"mysql": ["false", "--"]}  # a transport that fails
    with pytest.raises(ib.BackupError):
        ib.make_backup("campus", src, dest, failing, databases=["mysql"], now=time.time())
    assert os.listdir(os.path.join(dest, "campus")) == []
    meta = ib.make_backup("campus", src, dest, {}, databases=[], metadata={"tutor_version": "22.0.3"})
    assert meta["databases"] == [] and list(meta["files"]) == ["project.tar.gz"]
    assert ib.read_metadata(meta["path"])["tutor_version"] == "22.0.3"


def test_scripts_are_valid_posix_sh():
    for (engine, action), text in sorted(ib.SCRIPTS.items()):
        result = subprocess.run(["sh", "-n", "-c", text], capture_output=True, text=True, check=False)
        assert result.returncode == 0, (engine, action, result.stderr)
