# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Backups of an Open edX instance: its MySQL and MongoDB dumps and its Tutor project.

Pure logic, shared by the modules instance_database and instance_backup:

- ``database_settings(config)``: what Tutor runs and with which credentials, from the project's config.yml with
  Tutor's defaults (tutor/templates/config/defaults.yml of Tutor 18 to 22) for the keys the file does not hold.
- ``dump_script(engine)`` / ``restore_script(engine)``: the POSIX sh script run where the database tools are
  (inside the instance's ``mysql`` or ``mongodb`` pod through ``kubectl exec -i``, or locally in the tests). The
  script reads the credential lines first from its standard input (``credential_lines``), writes them to a
  private option file (umask 077, removed on exit) and hands that file to the tool: no password is ever an
  argument, so none shows in ``ps`` on the controller or in the pod.
- ``transport(...)``: the argv prefix that reaches the pod.
- ``stream(...)``: runs transport + script, credentials then (for a restore) the dump on stdin, the dump
  gzip-compressed into a file created 0600.
- backup directories: unique names (created with O_EXCL-like ``mkdir``), metadata with checksums, pruning by the
  time recorded in the metadata (the directory's mtime when there is none), never by name alone.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import time

# How instance_backup and instance_restore reach the databases (doc fragment database_access).
DATABASE_ACCESS_SPEC = dict(
    transport=dict(type="str", choices=["kubectl", "local"], default="kubectl"),
    kubeconfig=dict(type="path"),
    namespace=dict(type="str"),
    client_options=dict(type="dict", default={}),
)

METADATA = "metadata.json"
PROJECT_ARCHIVE = "project.tar.gz"
DUMP_FILES = {"mysql": "mysql.sql.gz", "mongodb": "mongodb.archive.gz"}
FORMAT = 1
# System schemas of MySQL / MariaDB: not dumped. Users and grants live in `mysql`; Tutor's init jobs (re)create
# them from the project's passwords.
MYSQL_SYSTEM_DATABASES = ("mysql", "sys", "information_schema", "performance_schema")

# Tutor's defaults for the keys read here (identical in Tutor 18 to 22); config.yml holds only what was set or
# generated.
TUTOR_DEFAULTS = {
    "K8S_NAMESPACE": "openedx",
    "RUN_MYSQL": True,
    "RUN_MONGODB": True,
    "MYSQL_ROOT_USERNAME": "root",
    "MYSQL_ROOT_PASSWORD": "",
    "MONGODB_USERNAME": "",
    "MONGODB_PASSWORD": "",
    "MONGODB_AUTH_SOURCE": "admin",
}

NAME_RE = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")


class BackupError(Exception):
    """A refusal or failure, with a message naming what is at fault."""


def check_name(name, what="instance"):
    if not isinstance(name, str) or not NAME_RE.fullmatch(name) or len(name) > 63:
        raise BackupError("%s name %r is not a DNS label (lowercase letters, digits, '-')" % (what, name))
    return name


# --- settings -------------------------------------------------------------------------------------------------

def database_settings(config):
    """The database settings of a Tutor project: dict(run_mysql, run_mongodb, mysql_user, mysql_password,
    mongodb_user, mongodb_password, mongodb_auth_source), Tutor's defaults filled in."""
    if not isinstance(config, dict):
        raise BackupError("the project's config.yml is not a mapping")
    value = dict(TUTOR_DEFAULTS)
    value.update((k, config[k]) for k in TUTOR_DEFAULTS if k in config and config[k] is not None)
    settings = {
        "run_mysql": bool(value["RUN_MYSQL"]),
        "run_mongodb": bool(value["RUN_MONGODB"]),
        "mysql_user": str(value["MYSQL_ROOT_USERNAME"]),
        "mysql_password": str(value["MYSQL_ROOT_PASSWORD"]),
        "mongodb_user": str(value["MONGODB_USERNAME"]),
        "mongodb_password": str(value["MONGODB_PASSWORD"]),
        "mongodb_auth_source": str(value["MONGODB_AUTH_SOURCE"]),
    }
    if settings["run_mysql"] and not settings["mysql_password"]:
        raise BackupError("RUN_MYSQL is true but the project's config.yml has no MYSQL_ROOT_PASSWORD")
    return settings


# --- credentials ----------------------------------------------------------------------------------------------

def _no_newline(name, value):
    if "\n" in value or "\r" in value or "\0" in value:
        raise BackupError("%s holds a line break or NUL: it cannot be passed safely" % name)
    return value


def _mysql_option_value(value):
    """A value for a MySQL/MariaDB option file: double-quoted, with the escapes both read (\\\\ and \\")."""
    return '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"')


def _yaml_string(value):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value)


def credential_lines(engine, settings, client_options=None):
    """The option-file lines the script reads first from stdin, ending with the line ``--``.

    mysql: a ``[client]`` group (user, password, then ``client_options`` such as socket or host/port).
    mongodb: a mongodump/mongorestore ``--config`` YAML file (password only; empty when there is none).
    """
    client_options = client_options or {}
    lines = []
    if engine == "mysql":
        lines.append("[client]")
        options = [("user", settings["mysql_user"]), ("password", settings["mysql_password"])]
        options += sorted((str(k), str(v)) for k, v in client_options.items())
        for key, val in options:
            if not re.fullmatch(r"[a-z][a-z0-9_-]*", key):
                raise BackupError("MySQL client option %r is not an option name" % key)
            lines.append("%s=%s" % (key, _mysql_option_value(_no_newline("MySQL option " + key, val))))
    elif engine == "mongodb":
        if settings.get("mongodb_password"):
            lines.append("password: %s" % _yaml_string(_no_newline("MONGODB_PASSWORD", settings["mongodb_password"])))
    else:
        raise BackupError("unknown database engine %r" % engine)
    for line in lines:
        if line == "--":
            raise BackupError("an option line cannot be '--'")
    return "".join(line + "\n" for line in lines + ["--"])


def mongodb_arguments(settings, client_options=None):
    """Non-secret arguments of mongodump/mongorestore: user, authentication database, host/port if given."""
    args = []
    for key, val in sorted((client_options or {}).items()):
        if key not in ("host", "port"):
            raise BackupError("MongoDB client option %r is not one of host, port" % key)
        args.append("--%s=%s" % (key, val))
    if settings.get("mongodb_user"):
        args += ["--username=%s" % settings["mongodb_user"],
                 "--authenticationDatabase=%s" % settings["mongodb_auth_source"]]
    return args


# --- scripts run where the database tools are ------------------------------------------------------------------

# Reads option lines from stdin up to the line "--" into a private file $f. POSIX sh reads a pipe byte by byte
# for `read`, so what follows (a dump to restore) stays on stdin for the tool.
_PROLOGUE = r"""set -eu
umask 077
f=$(mktemp)
trap 'rm -f "$f"' EXIT HUP INT TERM
while IFS= read -r line; do
  [ "$line" = "--" ] && break
  printf '%s\n' "$line" >> "$f"
done
"""

_MYSQL_PICK = r"""dbs=$($MYSQL --defaults-extra-file="$f" --batch --skip-column-names -e 'SHOW DATABASES' \
  | grep -v -x -e mysql -e sys -e information_schema -e performance_schema || true)
"""

SCRIPTS = {
    # One mysqldump over every database: --single-transaction gives one consistent InnoDB snapshot for all of
    # them; --add-drop-database makes the restore replace each database whole.
    ("mysql", "dump"): _PROLOGUE + r"""MYSQL=$(command -v mysql || command -v mariadb)
DUMP=$(command -v mysqldump || command -v mariadb-dump)
""" + _MYSQL_PICK + r"""if [ -z "$dbs" ]; then echo "no database to dump" >&2; exit 3; fi
# shellcheck disable=SC2086
"$DUMP" --defaults-extra-file="$f" --single-transaction --quick --routines --triggers --events --hex-blob \
  --default-character-set=utf8mb4 --add-drop-database --databases $dbs
""",
    ("mysql", "restore"): _PROLOGUE + r"""MYSQL=$(command -v mysql || command -v mariadb)
"$MYSQL" --defaults-extra-file="$f" --default-character-set=utf8mb4 --binary-mode
""",
    # Tutor's MongoDB is a standalone server (no replica set, so no --oplog): the dump is consistent per
    # collection; stop the writers (LMS/CMS and workers) for a point-in-time copy.
    ("mongodb", "dump"): _PROLOGUE + r"""if [ -s "$f" ]; then set -- "--config=$f" "$@"; fi
mongodump --quiet --archive "$@"
""",
    ("mongodb", "restore"): _PROLOGUE + r"""if [ -s "$f" ]; then set -- "--config=$f" "$@"; fi
mongorestore --quiet --archive --drop "$@"
""",
}


def script(engine, action):
    try:
        return SCRIPTS[(engine, action)]
    except KeyError:
        raise BackupError("no %s script for %r" % (action, engine)) from None


def inner_command(engine, action, settings, client_options=None):
    """argv run where the database tools are: sh -c <script> sh <non-secret arguments>."""
    args = mongodb_arguments(settings, client_options) if engine == "mongodb" else []
    return ["sh", "-c", script(engine, action), "sh"] + args


def transport(kind, namespace=None, kubeconfig=None, engine=None, kubectl="kubectl"):
    """The argv prefix reaching the database tools: ``kubectl exec -i`` into the instance's Deployment
    (``mysql`` or ``mongodb``, container of the same name) or nothing (``local``)."""
    if kind == "local":
        return []
    if kind != "kubectl":
        raise BackupError("transport %r is not kubectl or local" % kind)
    check_name(namespace, "namespace")
    if engine not in DUMP_FILES:
        raise BackupError("unknown database engine %r" % engine)
    prefix = [kubectl]
    if kubeconfig:
        prefix += ["--kubeconfig", kubeconfig]
    return prefix + ["exec", "-i", "-n", namespace, "deploy/%s" % engine, "-c", engine, "--"]


# --- streams ----------------------------------------------------------------------------------------------------

def _create_private(path):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "wb")


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stderr_tail(handle):
    handle.seek(0)
    return handle.read()[-2000:].decode("utf-8", "replace").strip()


def dump(argv, credentials, dest):
    """Run argv, credentials on stdin; its stdout, gzip-compressed, into dest (new, 0600). Returns the size of
    the uncompressed dump. dest is removed on failure."""
    import tempfile
    try:
        with _create_private(dest) as raw, tempfile.TemporaryFile() as err:
            with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
                # Streamed to a file (dumps are gigabytes): run_command would hold the whole output in memory.
                proc = subprocess.Popen(  # pylint: disable=ansible-bad-function
                    argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
                try:
                    proc.stdin.write(credentials.encode("utf-8"))
                    proc.stdin.close()
                except BrokenPipeError:
                    pass  # the command ended early: its exit code and stderr tell why
                size = 0
                for block in iter(lambda: proc.stdout.read(1 << 20), b""):
                    out.write(block)
                    size += len(block)
                proc.stdout.close()
                rc = proc.wait()
            if rc != 0:
                raise BackupError("%s failed (rc %d): %s" % (argv[0], rc, _stderr_tail(err)))
            if size == 0:
                raise BackupError("%s wrote an empty dump" % argv[0])
        return size
    except BaseException:
        if os.path.exists(dest):
            os.remove(dest)
        raise
    # the credentials are never part of an error message


def restore(argv, credentials, src):
    """Run argv with credentials, then the gunzipped src, on stdin."""
    import tempfile
    with tempfile.TemporaryFile() as err, gzip.open(src, "rb") as data:
        # The dump is streamed from the file: run_command takes stdin data only as one string in memory.
        proc = subprocess.Popen(  # pylint: disable=ansible-bad-function
            argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err)
        try:
            proc.stdin.write(credentials.encode("utf-8"))
            for block in iter(lambda: data.read(1 << 20), b""):
                proc.stdin.write(block)
            proc.stdin.close()
        except BrokenPipeError:
            pass
        rc = proc.wait()
        if rc != 0:
            raise BackupError("%s failed (rc %d): %s" % (argv[0], rc, _stderr_tail(err)))


# --- project archive --------------------------------------------------------------------------------------------

def archive_project(project_dir, dest):
    """The project directory as dest (tar.gz, 0600), members under ``project/``."""
    if not os.path.isdir(project_dir):
        raise BackupError("no Tutor project at %s" % project_dir)
    with _create_private(dest) as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
        tar.add(project_dir, arcname="project")


def _safe_members(tar):
    for member in tar.getmembers():
        name = member.name
        if not (name == "project" or name.startswith("project/")) or ".." in name.split("/") or name.startswith("/"):
            raise BackupError("archive member %r is outside project/" % name)
        if not (member.isdir() or member.isfile() or member.issym()):
            raise BackupError("archive member %r is not a file, directory or symlink" % name)
        if member.issym() and (member.linkname.startswith("/") or ".." in member.linkname.split("/")):
            raise BackupError("archive member %r links outside the project" % name)
        yield member


def extract_project(archive, project_dir):
    """Replace project_dir by the archive's project (the old one is moved aside, then removed on success)."""
    parent = os.path.dirname(os.path.normpath(project_dir))
    os.makedirs(parent, 0o700, exist_ok=True)
    scratch = tempfile_dir(parent, ".restore-")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = list(_safe_members(tar))
            # members checked above; the "tar" filter (where Python has it) checks again
            extra = {"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}
            tar.extractall(scratch, members=members, **extra)  # nosec
        new = os.path.join(scratch, "project")
        os.chmod(new, 0o700)
        old = None
        if os.path.lexists(project_dir):
            old = os.path.join(scratch, "old")
            os.rename(project_dir, old)
        os.rename(new, project_dir)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def tempfile_dir(parent, prefix):
    import tempfile
    return tempfile.mkdtemp(prefix=prefix, dir=parent)


def tree_digest(path):
    """One digest of a directory's files (relative names, modes and contents): equal trees, equal digests."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, path)
            digest.update(("%s\0%o\0" % (rel, os.lstat(full).st_mode & 0o7777)).encode())
            if os.path.islink(full):
                digest.update(os.readlink(full).encode())
            else:
                digest.update(sha256_file(full).encode())
    return digest.hexdigest()


# --- backup directories -----------------------------------------------------------------------------------------

def stamp(now=None):
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now if now is not None else time.time()))


def new_backup_dir(dest, instance, now=None):
    """A new, empty directory <dest>/<instance>/<instance>-<UTC time>[-<n>] (0700, parents 0700). mkdir fails
    when the name exists, so two backups in the same second get distinct names."""
    check_name(instance)
    parent = os.path.join(dest, instance)
    os.makedirs(parent, 0o700, exist_ok=True)
    os.chmod(parent, 0o700)
    base = "%s-%s" % (instance, stamp(now))
    for n in range(0, 1000):
        path = os.path.join(parent, base if n == 0 else "%s-%d" % (base, n))
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        os.chmod(path, 0o700)
        return path
    raise BackupError("no free backup name under %s" % parent)


def write_metadata(path, metadata):
    """metadata.json (0600), with the sha256 and size of every file of the backup."""
    files = {}
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        if name == METADATA or not os.path.isfile(full):
            continue
        os.chmod(full, 0o600)
        files[name] = {"sha256": sha256_file(full), "size": os.path.getsize(full)}
    data = dict(metadata, format=FORMAT, files=files)
    tmp = os.path.join(path, ".%s.tmp" % METADATA)
    with _create_private(tmp) as handle:
        handle.write(json.dumps(data, indent=2, sort_keys=True).encode() + b"\n")
    os.rename(tmp, os.path.join(path, METADATA))
    return data


def read_metadata(path, verify=True):
    """The metadata of a backup directory; with verify, every listed file must be there with its checksum."""
    meta_path = os.path.join(path, METADATA)
    try:
        with open(meta_path) as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BackupError("%s is not a complete backup: it has no %s" % (path, METADATA)) from None
    except ValueError as exc:
        raise BackupError("%s is not valid JSON: %s" % (meta_path, exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError("%s: unknown backup format %r" % (meta_path, data.get("format") if isinstance(data, dict) else data))
    for key in ("instance", "created", "files"):
        if key not in data:
            raise BackupError("%s lacks %r" % (meta_path, key))
    if verify:
        for name, info in sorted(data["files"].items()):
            full = os.path.join(path, name)
            if os.path.basename(name) != name or not os.path.isfile(full):
                raise BackupError("backup %s: file %s is missing" % (path, name))
            if sha256_file(full) != info["sha256"]:
                raise BackupError("backup %s: file %s does not match its checksum" % (path, name))
    return data


def backup_time(path):
    """When a backup was made: its metadata's ``created`` (UTC epoch seconds), else the directory's mtime."""
    try:
        created = read_metadata(path, verify=False)["created"]
        return float(created)
    except (BackupError, TypeError, ValueError):
        return os.stat(path).st_mtime


def prune(dest, instance, keep, max_age_days=0, now=None, protect=()):
    """Remove the backups of instance beyond the newest ``keep`` and, when max_age_days > 0, those older than
    that; by the time of each backup (metadata, else mtime), never by name. Directories under <dest>/<instance>
    that are not backups of this instance (no metadata naming it, and not named <instance>-...) are left alone.
    ``protect``: paths never removed (the backup just made). Returns the removed paths, oldest first."""
    if keep < 1:
        raise BackupError("keep must be at least 1, got %r" % keep)
    now = time.time() if now is None else now
    parent = os.path.join(dest, check_name(instance))
    if not os.path.isdir(parent):
        return []
    protect = set(os.path.realpath(p) for p in protect)
    found = []
    for name in os.listdir(parent):
        full = os.path.join(parent, name)
        if not name.startswith(instance + "-") or not os.path.isdir(full) or os.path.islink(full):
            continue
        try:
            if read_metadata(full, verify=False)["instance"] != instance:
                continue
        except BackupError:
            continue  # incomplete or foreign: never pruned automatically
        found.append((backup_time(full), full))
    found.sort()
    removed = []
    newest_first = list(reversed(found))
    for index, (when, full) in enumerate(newest_first):
        too_many = index >= keep
        too_old = max_age_days and max_age_days > 0 and now - when > max_age_days * 86400 and index > 0
        if (too_many or too_old) and os.path.realpath(full) not in protect:
            removed.append((when, full))
    for _when, full in sorted(removed):
        shutil.rmtree(full)
    return [full for _when, full in sorted(removed)]


# --- whole operations ---------------------------------------------------------------------------------------------

ENGINES = ("mysql", "mongodb")


def load_project_config(project_dir):
    import yaml  # PyYAML, as Tutor's projects need it anyway
    path = os.path.join(project_dir, "config.yml")
    try:
        with open(path) as handle:
            return yaml.safe_load(handle) or {}
    except FileNotFoundError:
        raise BackupError("no Tutor project at %s (no config.yml)" % project_dir) from None


def engines_of(settings, wanted=None):
    """The engines Tutor runs in the cluster (RUN_MYSQL / RUN_MONGODB), restricted to ``wanted`` if given."""
    run = [e for e in ENGINES if settings["run_" + e]]
    return [e for e in run if wanted is None or e in wanted]


def make_backup(instance, project_dir, dest, transports, client_options=None, metadata=None, project_archive=None,
                databases=None, now=None):
    """One backup of instance: project archive and the dumps of the databases Tutor runs.

    transports: engine -> argv prefix (see transport()). project_archive: an existing tar.gz of the project to
    store instead of archiving project_dir now (for example the one made before an upgrade re-rendered it; its
    members are under the project's name, they are re-packed under ``project/``). Returns the metadata.
    On any failure the new directory is removed: a backup is complete or absent.
    """
    check_name(instance)
    client_options = client_options or {}
    settings = database_settings(load_project_config(project_dir))
    engines = engines_of(settings, databases)
    path = new_backup_dir(dest, instance, now)
    created = time.time() if now is None else now
    try:
        if project_archive:
            _repack(project_archive, os.path.join(path, PROJECT_ARCHIVE))
        else:
            archive_project(project_dir, os.path.join(path, PROJECT_ARCHIVE))
        sizes = {}
        for engine in engines:
            argv = transports[engine] + inner_command(engine, "dump", settings, client_options.get(engine))
            sizes[engine] = dump(argv, credential_lines(engine, settings, client_options.get(engine)),
                                 os.path.join(path, DUMP_FILES[engine]))
        meta = dict(metadata or {})
        meta.update(instance=instance, created=created, created_utc=stamp(created), path=path,
                    databases=engines, dump_sizes=sizes,
                    not_included=not_included(settings))
        return write_metadata(path, meta)
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise


def not_included(settings):
    out = ["media files and other volumes (on NFS or elsewhere)", "Meilisearch indexes (rebuilt from the data)",
           "Redis (caches and queues)", "MySQL users and grants (recreated by Tutor's init jobs)"]
    if not settings["run_mysql"]:
        out.append("MySQL: RUN_MYSQL is false (an external database)")
    if not settings["run_mongodb"]:
        out.append("MongoDB: RUN_MONGODB is false (an external database)")
    return out


def _repack(src, dest):
    """Re-pack a project tar.gz made by tutor_project (members under <name>/) under project/."""
    with tarfile.open(src, "r:gz") as old, _create_private(dest) as raw, tarfile.open(fileobj=raw, mode="w:gz") as new:
        tops = set(m.name.split("/")[0] for m in old.getmembers())
        if len(tops) != 1:
            raise BackupError("%s does not hold one project directory" % src)
        top = tops.pop()
        for member in old.getmembers():
            data = old.extractfile(member) if member.isfile() else None
            member.name = "project" + member.name[len(top):]
            new.addfile(member, data)


def restore_databases(backup_path, project_dir, transports, client_options=None, databases=None):
    """Restore the dumps of a backup, with the credentials of the project now at project_dir (the target's)."""
    meta = read_metadata(backup_path)
    client_options = client_options or {}
    settings = database_settings(load_project_config(project_dir))
    restored = []
    for engine in meta.get("databases", []):
        if databases is not None and engine not in databases:
            continue
        if not settings["run_" + engine]:
            raise BackupError("the backup holds a %s dump but the target project has RUN_%s false"
                              % (engine, engine.upper()))
        argv = transports[engine] + inner_command(engine, "restore", settings, client_options.get(engine))
        restore(argv, credential_lines(engine, settings, client_options.get(engine)),
                os.path.join(backup_path, DUMP_FILES[engine]))
        restored.append(engine)
    return restored
