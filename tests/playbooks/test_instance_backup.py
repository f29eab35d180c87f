"""Instance backup and restore against a REAL MariaDB server started by the test (a process in a temporary
directory, unix socket only): the role's backup and restore tasks, with the local transport, and the same
scripts the kubectl transport runs inside Tutor's mysql pod. Proves that a dump restores to identical rows.

MongoDB is not tested here: no mongod is available from the package registries this project uses.
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import time

import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
if os.path.join(ROOT, ".collections") not in sys.path:
    sys.path.insert(0, os.path.join(ROOT, ".collections"))

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import instance_backup as ib  # noqa: E402

BIN = os.path.dirname(sys.executable)
PLAYBOOK = os.path.join(ROOT, "tests", "playbooks", "instance_backup_local.yml")
# Characters an option file or a shell would mangle if the password were passed carelessly.
PASSWORD = 'p#ss "w\\rd\' $x;`id` é'
MARIADBD = shutil.which("mariadbd", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")


@pytest.fixture(scope="module")
def mariadb(tmp_path_factory):
    if not MARIADBD or not shutil.which("mariadb-install-db"):
        pytest.fail("mariadbd is not installed: apt-get install mariadb-server (.ci/run does)")
    base = str(tmp_path_factory.mktemp("mariadb"))
    data, sock = os.path.join(base, "data"), os.path.join(base, "sock")
    user = ["--user=root"] if os.geteuid() == 0 else []
    subprocess.run(["mariadb-install-db", "--no-defaults", "--auth-root-authentication-method=normal",
                    "--datadir=" + data] + user, check=True, capture_output=True)
    proc = subprocess.Popen([MARIADBD, "--no-defaults", "--datadir=" + data, "--socket=" + sock,
                             "--skip-networking", "--pid-file=" + os.path.join(base, "pid"),
                             "--log-error=" + os.path.join(base, "error.log")] + user,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _attempt in range(120):
            if os.path.exists(sock):
                break
            time.sleep(0.25)
        else:
            pytest.fail("mariadbd did not start: " + open(os.path.join(base, "error.log")).read()[-2000:])
        db = {"sock": sock, "base": base}
        sql(db, "ALTER USER root@localhost IDENTIFIED BY '%s'" % PASSWORD.replace("\\", "\\\\").replace("'", "\\'"),
            password=None)
        yield db
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def sql(db, statement, password=PASSWORD):
    argv = ["mysql", "--no-defaults", "--default-character-set=utf8mb4", "--batch", "--skip-column-names",
            "--socket=" + db["sock"], "--user=root"]
    env = dict(os.environ)
    if password is not None:
        env["MYSQL_PWD"] = password  # the test's own client only
    result = subprocess.run(argv + ["-e", statement], env=env, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout  # bytes: the rows hold binary columns


SEED = """
DROP DATABASE IF EXISTS openedx; DROP DATABASE IF EXISTS notes;
CREATE DATABASE openedx CHARACTER SET utf8mb4; CREATE DATABASE notes CHARACTER SET utf8mb4;
CREATE TABLE openedx.auth_user (id INT AUTO_INCREMENT PRIMARY KEY, username VARCHAR(50) CHARACTER SET utf8mb4,
  blob_col VARBINARY(64), created DATETIME(6), score DECIMAL(10,4), note TEXT CHARACTER SET utf8mb4) ENGINE=InnoDB;
CREATE TABLE openedx.counter (n INT) ENGINE=InnoDB; INSERT INTO openedx.counter VALUES (0);
CREATE TRIGGER openedx.count_users AFTER INSERT ON openedx.auth_user FOR EACH ROW UPDATE openedx.counter SET n = n + 1;
INSERT INTO openedx.auth_user (username, blob_col, created, score, note) VALUES
  ('alice', 0x00FF0A0D27225C, '2024-02-29 23:59:59.123456', 3.1415, 'line1\\nline2\\ttab'),
  ('bob \\'quoted\\'', NULL, '1999-12-31 00:00:00', -0.0001, 'émoji 🎓 and "quotes"'),
  ('', '', NULL, NULL, NULL);
CREATE TABLE notes.note (id BIGINT PRIMARY KEY, body LONGTEXT CHARACTER SET utf8mb4) ENGINE=InnoDB;
INSERT INTO notes.note VALUES (1, REPEAT('x', 100000)), (2, 'short');
"""


def rows(db):
    """Every row of the test's databases, and the server's checksums of the tables."""
    out = {}
    for table in ("openedx.auth_user", "openedx.counter", "notes.note"):
        out[table] = sql(db, "SELECT * FROM %s ORDER BY 1" % table)
        out[table + " checksum"] = sql(db, "CHECKSUM TABLE %s" % table)
    out["tables"] = sql(db, "SELECT table_schema, table_name FROM information_schema.tables "
                        "WHERE table_schema IN ('openedx', 'notes') ORDER BY 1, 2")
    out["triggers"] = sql(db, "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = 'openedx'")
    return out


def play(tmp, do, *extra, check=False, ok=True, db=None, instance="campus"):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    extra_vars = {
        "do": do,
        "instance_backup_instance": instance,
        "instance_backup_home": tmp,
        "instance_backup_projects_dir": os.path.join(tmp, "projects"),
        "instance_backup_dest": os.path.join(tmp, "backups"),
        "instance_backup_databases": ["mysql"],
        "instance_backup_tutor_version": "22.0.3",
        "instance_backup_client_options": {"mysql": {"socket": db["sock"]}},
    }
    args = [os.path.join(BIN, "ansible-playbook"), PLAYBOOK, "-i", "localhost,", "-e", json.dumps(extra_vars)]
    for item in extra:
        args += ["-e", json.dumps(item)]
    if check:
        args.append("--check")
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if ok:
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    else:
        assert result.returncode != 0, result.stdout[-4000:]
    assert PASSWORD not in result.stdout + result.stderr
    return result


def backups(tmp, instance="campus"):
    parent = os.path.join(tmp, "backups", instance)
    return sorted(os.path.join(parent, n) for n in os.listdir(parent)) if os.path.isdir(parent) else []


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    tmp = str(tmp_path_factory.mktemp("backup"))
    proj = os.path.join(tmp, "projects", "campus")
    os.makedirs(os.path.join(proj, "env", "k8s"), 0o700)
    with open(os.path.join(proj, "config.yml"), "w") as handle:
        yaml.safe_dump({"MYSQL_ROOT_PASSWORD": PASSWORD, "K8S_NAMESPACE": "campus", "RUN_MONGODB": True,
                        "JWT_RSA_PRIVATE_KEY": "-----BEGIN PRIVATE KEY-----\nsecret\n"}, handle)
    os.chmod(os.path.join(proj, "config.yml"), 0o600)
    with open(os.path.join(proj, "env", "k8s", "deployments.yml"), "w") as handle:
        handle.write("kind: Deployment\n")
    return tmp


def test_backup_then_restore_gives_identical_rows(mariadb, project):
    tmp = project
    sql(mariadb, SEED)
    before = rows(mariadb)
    assert b"alice" in before["openedx.auth_user"] and before["openedx.counter"].strip() == b"3"

    # check mode makes nothing
    play(tmp, "backup", check=True, db=mariadb)
    assert backups(tmp) == []

    result = play(tmp, "backup", db=mariadb)
    assert "changed=1" in result.stdout, result.stdout[-3000:] + result.stderr[-2000:]
    made = backups(tmp)
    assert len(made) == 1
    path = made[0]
    assert mode(os.path.dirname(path)) == 0o700 and mode(path) == 0o700
    assert sorted(os.listdir(path)) == ["metadata.json", "mysql.sql.gz", "project.tar.gz"]
    for name in os.listdir(path):
        assert mode(os.path.join(path, name)) == 0o600, name
    meta = ib.read_metadata(path)
    assert meta["instance"] == "campus" and meta["tutor_version"] == "22.0.3" and meta["databases"] == ["mysql"]
    assert any("Meilisearch" in item for item in meta["not_included"])
    import gzip
    dump = gzip.open(os.path.join(path, "mysql.sql.gz")).read().decode("utf-8", "replace")
    assert "CREATE DATABASE" in dump and "`notes`" in dump and "count_users" in dump
    assert "Current Database: `mysql`" not in dump
    assert PASSWORD not in dump

    # damage: a database dropped, rows changed, a table added
    sql(mariadb, "DROP DATABASE openedx; UPDATE notes.note SET body = 'changed' WHERE id = 2; "
        "CREATE TABLE notes.extra (id INT); INSERT INTO notes.note VALUES (3, 'new')")
    assert b"openedx" not in sql(mariadb, "SHOW DATABASES")
    damaged = sql(mariadb, "SELECT COUNT(*) FROM notes.note")

    # the instance exists (its project): no restore without confirmation, nothing changed
    refused = play(tmp, "restore", {"instance_backup_restore_from": path}, ok=False, db=mariadb)
    assert "instance_backup_restore_confirm=campus" in refused.stdout
    assert sql(mariadb, "SELECT COUNT(*) FROM notes.note") == damaged
    assert len(backups(tmp)) == 1

    # a confirmation naming another instance is no confirmation
    play(tmp, "restore", {"instance_backup_restore_from": path, "instance_backup_restore_confirm": "legacy"}, ok=False,
         db=mariadb)

    # check mode: says what it would do, changes nothing (no database, no project, no backup)
    digest = ib.tree_digest(os.path.join(tmp, "projects", "campus"))
    play(tmp, "restore", {"instance_backup_restore_from": path, "instance_backup_restore_confirm": "campus"},
         db=mariadb, check=True)
    assert sql(mariadb, "SELECT COUNT(*) FROM notes.note") == damaged
    assert ib.tree_digest(os.path.join(tmp, "projects", "campus")) == digest and len(backups(tmp)) == 1

    play(tmp, "restore", {"instance_backup_restore_from": path, "instance_backup_restore_confirm": "campus"}, db=mariadb)
    assert rows(mariadb) == before
    # the target was backed up first
    assert len(backups(tmp)) == 2


def test_restore_into_a_new_name_restores_the_project_byte_for_byte(mariadb, project):
    tmp = project
    source = os.path.join(tmp, "projects", "campus")
    path = backups(tmp)[0]
    play(tmp, "restore", {"instance_backup_restore_from": path}, db=mariadb, instance="campus2")
    target = os.path.join(tmp, "projects", "campus2")
    assert mode(target) == 0o700
    assert ib.tree_digest(target) == ib.tree_digest(source)
    assert mode(os.path.join(target, "config.yml")) == 0o600


def test_restoring_another_instance_s_backup_over_an_existing_one_is_refused(mariadb, project):
    tmp = project
    path = backups(tmp)[0]
    result = play(tmp, "restore", {"instance_backup_restore_from": path, "instance_backup_restore_confirm": "campus2"},
                  ok=False, db=mariadb, instance="campus2")
    assert "the backup is of campus" in result.stdout


def test_wrong_password_fails_and_leaves_no_backup(mariadb, project, tmp_path):
    # The password really arrives: with another one, the dump fails and no partial backup is left.
    proj = tmp_path / "projects" / "other"
    proj.mkdir(parents=True)
    (proj / "config.yml").write_text(yaml.safe_dump({"MYSQL_ROOT_PASSWORD": "not-the-password"}))
    result = play(str(tmp_path), "backup", ok=False, db=mariadb, instance="other")
    assert "Access denied" in result.stdout
    assert backups(str(tmp_path), "other") == []


def test_retention_keeps_the_newest_by_time(mariadb, project, tmp_path):
    proj = tmp_path / "projects" / "campus"
    shutil.copytree(os.path.join(project, "projects", "campus"), str(proj))
    for _run in range(3):
        play(str(tmp_path), "backup", {"instance_backup_keep": 2}, db=mariadb)
    kept = backups(str(tmp_path))
    assert len(kept) == 2
    names = [os.path.basename(p) for p in kept]
    assert len(set(names)) == 2
    # the oldest went: the two kept are the two newest by their metadata
    times = sorted(ib.read_metadata(p)["created"] for p in kept)
    assert times[0] <= times[1]


def test_the_dump_and_restore_scripts_are_the_ones_the_pod_runs(mariadb):
    # The kubectl transport only prefixes the same argv: what runs in the pod is what ran here.
    settings = ib.database_settings({"MYSQL_ROOT_PASSWORD": PASSWORD})
    local = ib.transport("local") + ib.inner_command("mysql", "dump", settings)
    remote = ib.transport("kubectl", "campus", "/k", "mysql") + ib.inner_command("mysql", "dump", settings)
    assert remote[-len(local):] == local
    assert remote[:-len(local)] == ["kubectl", "--kubeconfig", "/k", "exec", "-i", "-n", "campus", "deploy/mysql",
                                    "-c", "mysql", "--"]
    assert not any(PASSWORD in arg for arg in remote)


def test_the_backup_before_an_upgrade_keeps_the_old_project(mariadb, project, tmp_path):
    # As the openedx_instance role would include it: the old release and tutor_project's backup of the project
    # as it was before the new release re-rendered it.
    import tarfile
    proj = tmp_path / "projects" / "campus"
    shutil.copytree(os.path.join(project, "projects", "campus"), str(proj))
    old_project = tmp_path / "old" / "campus"
    shutil.copytree(str(proj), str(old_project))
    (old_project / "env" / "version").write_text("18.2.2\n")
    old_archive = str(tmp_path / "campus-20260101T000000Z.tar.gz")
    with tarfile.open(old_archive, "w:gz") as tar:
        tar.add(str(old_project), arcname="campus")
    play(str(tmp_path), "before_upgrade", {"instance_backup_tutor_version": "18.2.2",
                                           "instance_backup_project_archive": old_archive}, db=mariadb)
    [path] = backups(str(tmp_path))
    meta = ib.read_metadata(path)
    assert meta["tutor_version"] == "18.2.2" and meta["reason"] == "before the upgrade from 18.2.2"
    assert meta["databases"] == ["mysql"]
    restored = tmp_path / "restored"
    ib.extract_project(os.path.join(path, "project.tar.gz"), str(restored))
    assert (restored / "env" / "version").read_text() == "18.2.2\n"
    assert ib.tree_digest(str(restored)) == ib.tree_digest(str(old_project))
