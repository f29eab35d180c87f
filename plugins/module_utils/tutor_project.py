# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A Tutor project directory, converged without ever losing what Tutor generated.

The project is rendered in a scratch copy first: its config.yml (with the passwords and
keys Tutor generated on the first save) is copied, the wanted settings are written into it,
and ``tutor config save`` renders env/ there. Only when config.yml or env/ differ from the
project's is anything replaced, after a backup of the project. Tutor only generates the
settings that are missing, so existing secrets stay byte for byte.

The project also holds a record of this collection (``STATE_FILE``, JSON, 0600):

- ``managed``: the settings (``config``) and secrets (``secrets``) the collection wrote last time.
  A setting the inventory no longer sets leaves config.yml, so Tutor's (or a plugin's) default
  applies again; keys Tutor generated itself are never in that list and stay. A removed key that
  Tutor would generate anew (a credential of its base configuration) keeps its old value when it
  is a secret (see ``is_secret_name``), so that removing it from the inventory never rotates a
  credential in use.
- ``fingerprint`` (``render_fingerprint``) of everything that feeds the render, with the SHA-256
  of config.yml and of the env/ tree as written. A run whose fingerprint matches, with config.yml
  and env/ on disk still hashing to the recorded digests, is unchanged without rendering: any
  changed input, hand-edited config.yml or env/ file, added or missing env/ file renders again.

Concurrent runs on one project are serialised by an ``fcntl`` lock on ``LOCK_FILE`` in the project
(exclusive for a real run, shared for check mode); scratch files and directories are unique
temporary names in the project directory, so a run never takes another's.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import hashlib
import json
import os
import re
import shutil
import tarfile
import tempfile
import time

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.private_files import write_private

try:
    import yaml
    HAS_YAML = True
except ImportError:  # pragma: no cover - the module reports it
    HAS_YAML = False

STATE_FILE = ".openedx_ops.json"
LOCK_FILE = ".openedx_ops.lock"
# Scratch entries in the project directory; any left by a killed run is removed under the lock.
TMP_PREFIX = ".openedx_ops-tmp-"
LEGACY_SCRATCH = (".env.new", ".config.yml.new")
# Bumped whenever what the fingerprint covers, or how the project is rendered, changes.
FINGERPRINT_VERSION = 1
# The collection's own Tutor plugin settings: Tutor never generates them. A project without a
# record (made by an older release of this collection) counts them as set by the collection.
OWN_PREFIX = "OPENEDX_OPS_"

# A setting whose name says it holds a credential (Tutor's and its plugins' conventions:
# *_PASSWORD, *_SECRET_KEY, JWT_RSA_PRIVATE_KEY, *_OAUTH2_KEY, *_TOKEN, K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH, ...).
SECRET_NAME = re.compile(
    r"PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|PRIVATE|CREDENTIAL|SALT|(^|_)(AUTH|PASS|DSN|KEY|KEYS|APIKEY)(_|$)",
    re.IGNORECASE)
MASK = "********"
MASK_CHANGED = "******** (changed)"


class TutorError(RuntimeError):
    pass


def is_secret_name(key):
    """Whether a setting's name marks it as a credential (pure name rule, see SECRET_NAME)."""
    return bool(SECRET_NAME.search(str(key)))


def load_config(path):
    """config.yml as a dict, None when missing; TutorError naming the file when it is not a YAML mapping."""
    if not os.path.exists(path):
        return None
    try:
        with open(path) as handle:
            data = yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise TutorError("%s is not valid YAML, left untouched (fix it or restore a backup): %s" % (path, exc))
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TutorError("%s holds a %s, not a mapping of settings; left untouched (fix it or restore a backup)"
                         % (path, type(data).__name__))
    return data


def dump_config(config):
    return yaml.safe_dump(config, default_flow_style=False, sort_keys=True)


def load_state(project_dir):
    """The collection's record in the project, {} when missing; TutorError naming the file when unreadable."""
    path = os.path.join(project_dir, STATE_FILE)
    try:
        with open(path) as handle:
            state = json.load(handle)
    except FileNotFoundError:
        return {}
    except ValueError as exc:
        raise TutorError("%s is not valid JSON, left untouched (delete it: the next run records it again, but"
                         " forgets which settings it set before): %s" % (path, exc))
    if not isinstance(state, dict):
        raise TutorError("%s is not a JSON object; left untouched" % path)
    return state


def previously_managed(state, before):
    """(config keys, secret keys) the collection wrote last time, from the record; without a record,
    the settings of the collection's own plugin present in config.yml."""
    managed = state.get("managed")
    if isinstance(managed, dict):
        return set(managed.get("config") or []), set(managed.get("secrets") or [])
    return set(k for k in (before or {}) if str(k).startswith(OWN_PREFIX)), set()


def secret_keys(config, before, after, secrets, prev_config=(), prev_secrets=()):
    """The keys of config.yml to mask when printing.

    A key is masked when it is a declared secret (now or last run), when its name says it is a
    credential (is_secret_name), or when the collection did not set it (now or last run): those are
    the values Tutor and its plugins generated (passwords, keys, IDs) or someone added by hand.
    """
    shown = (set(config) | set(prev_config) | {"PLUGINS"}) - set(secrets) - set(prev_secrets)
    keys = set(before or {}) | set(after or {}) | set(secrets) | set(prev_secrets)
    return set(k for k in keys if k not in shown or is_secret_name(k))


def masked(config, secret, other=None):
    """A copy of ``config`` fit for printing: the keys in ``secret`` hidden. With ``other`` (the other
    side of a diff), a hidden value that differs from it reads MASK_CHANGED, so a diff still says
    that a credential changed, never what it is."""
    out = {}
    for key, value in (config or {}).items():
        if key in secret:
            changed = other is not None and key in other and other[key] != value
            out[key] = MASK_CHANGED if changed else MASK
        else:
            out[key] = value
    return out


def config_diff(path, before, after, secret, env_changed, env_removed):
    """Ansible's diff dict: config.yml with secrets masked, and the names of changed env/ files."""
    diff = {"before_header": path, "after_header": path,
            "before": dump_config(masked(before or {}, secret)) if before is not None else "",
            "after": dump_config(masked(after, secret, before))}
    files = ["changed env/%s\n" % p for p in env_changed] + ["removed env/%s\n" % p for p in env_removed]
    if files:
        diff["prepared"] = "".join(files)
    return diff


def _tree(root):
    files = {}
    for base, dirs, names in os.walk(root):
        dirs.sort()
        for name in names:
            path = os.path.join(base, name)
            files[os.path.relpath(path, root)] = path
    return files


def _file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(65536), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_digest(root):
    """SHA-256 over the relative paths and contents of the files under ``root``; None when it is missing."""
    if not root or not os.path.isdir(root):
        return None
    digest = hashlib.sha256()
    for rel, path in sorted(_tree(root).items()):
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0" + _file_digest(path).encode() + b"\n")
    return digest.hexdigest()


def file_digest(path):
    return _file_digest(path) if os.path.isfile(path) else None


def changed_env_files(old_env, new_env):
    old, new = (_tree(old_env) if os.path.isdir(old_env) else {}), _tree(new_env)
    changed = sorted(p for p in new if p not in old or _file_digest(old[p]) != _file_digest(new[p]))
    removed = sorted(p for p in old if p not in new)
    return changed, removed


def installed_distributions(tutor):
    """Names and versions of the Python distributions installed next to ``tutor`` (its virtualenv's
    ``*.dist-info``: Tutor's release and every plugin's), sorted; None when ``tutor`` is not in a
    virtualenv layout (then no fingerprint: every run renders)."""
    venv = os.path.dirname(os.path.dirname(os.path.abspath(tutor)))
    found = []
    for pattern in ("lib/python*/site-packages/*.dist-info", "lib64/python*/site-packages/*.dist-info"):
        found.extend(os.path.basename(p) for p in glob.glob(os.path.join(venv, pattern)))
    return sorted(set(found)) or None


def tutor_environ(environ):
    """The TUTOR_* variables of the environment that override settings (Tutor reads TUTOR_<KEY>)."""
    return dict((k, v) for k, v in environ.items()
                if k.startswith("TUTOR_") and k not in ("TUTOR_ROOT", "TUTOR_PLUGINS_ROOT"))


def render_fingerprint(config, secrets, plugins, distributions, plugins_digest, environ, version=FINGERPRINT_VERSION):
    """SHA-256 of everything that feeds a Tutor render besides the project's own config.yml.

    ``config``/``secrets``/``plugins``: what the collection writes; ``distributions``: the Tutor
    release and plugin versions installed (installed_distributions); ``plugins_digest``: tree_digest of
    the single-file plugins directory (the collection's lessons plugin); ``environ``: tutor_environ.
    Pure; None when ``distributions`` is None (unknown Tutor release: no fingerprint).
    """
    if distributions is None:
        return None
    data = {"version": version, "config": config, "secrets": secrets, "plugins": list(plugins),
            "distributions": list(distributions), "plugins_root": plugins_digest, "environ": environ}
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render_stamp(env_sha256, inputs):
    """What objects built from a project's env/ were built from: SHA-256 of its env_sha256 and the other inputs
    (the Kubernetes version, digests of the validation code), joined by spaces. None without env_sha256."""
    if env_sha256 is None:
        return None
    return hashlib.sha256(" ".join([str(env_sha256)] + [str(i) for i in inputs]).encode("utf-8")).hexdigest()


def stamp_matches(path, stamp):
    """Whether the stamp file at path holds stamp (False when either is missing)."""
    if not path or stamp is None:
        return False
    try:
        with open(path) as handle:
            return handle.read().strip() == stamp
    except (IOError, OSError):
        return False


def run_tutor(run_command, tutor, root, plugins_root, args):
    """Run tutor with ``run_command(argv, environ_update=...) -> (rc, out, err)``
    (AnsibleModule.run_command in the module)."""
    environ = {"TUTOR_ROOT": root}
    if plugins_root:
        environ["TUTOR_PLUGINS_ROOT"] = plugins_root
    rc, out, err = run_command([tutor] + args, environ_update=environ)
    if rc != 0:
        raise TutorError("%s %s failed (%d): %s" % (tutor, " ".join(args), rc, (err or out)[-2000:]))
    return out


@contextlib.contextmanager
def project_lock(project_dir, exclusive, timeout=600.0, poll=0.2):
    """Hold the project's lock file: exclusive (a run that writes; creates the project directory
    0700) or shared (check mode; no lock when the project does not exist yet). Waits up to
    ``timeout`` seconds, then raises TutorError naming the lock file."""
    if not exclusive and not os.path.isdir(project_dir):
        yield None
        return
    if exclusive:
        os.makedirs(project_dir, 0o700, exist_ok=True)
    path = os.path.join(project_dir, LOCK_FILE)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise TutorError("another run holds the lock %s; gave up after %d s (lock_timeout)"
                                     % (path, timeout))
                time.sleep(poll)
        yield path
    finally:
        os.close(fd)  # releases the lock


def remove_stale_scratch(project_dir):
    """Remove scratch entries a killed run left in the project (call under the exclusive lock)."""
    for name in os.listdir(project_dir):
        if name.startswith(TMP_PREFIX) or name in LEGACY_SCRATCH:
            path = os.path.join(project_dir, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.remove(path)


BACKUP_NAME = re.compile(r"-\d{8}T\d{6}(\.\d{6})?Z(-\d+)?\.tar\.gz$")


def backups_of(backup_dir, name):
    """Backups of project ``name`` in ``backup_dir``, oldest first: by modification time, then by the
    time in their name (never by name alone)."""
    found = []
    for entry in os.listdir(backup_dir):
        if entry.startswith(name + "-") and BACKUP_NAME.match(entry[len(name):]):
            path = os.path.join(backup_dir, entry)
            found.append((os.stat(path).st_mtime_ns, entry))
    return [entry for _mtime, entry in sorted(found)]


def prune_backups(backup_dir, name, keep):
    """Remove all but the newest ``keep`` backups of ``name``; returns the removed file names."""
    old = backups_of(backup_dir, name)
    stale = old[:-keep] if keep > 0 else []
    for entry in stale:
        os.remove(os.path.join(backup_dir, entry))
    return stale


def _backup_filter(info):
    base = info.name.split("/", 2)[1] if info.name.count("/") else ""
    if base == LOCK_FILE or base.startswith(TMP_PREFIX) or base in LEGACY_SCRATCH:
        return None
    return info


def backup(project_dir, backup_dir, keep, now=None):
    """project_dir as <backup_dir>/<name>-<UTC time to the microsecond>.tar.gz (0600, a new file
    whatever the clock says); only the newest ``keep`` stay (by time, see backups_of)."""
    os.makedirs(backup_dir, 0o700, exist_ok=True)
    name = os.path.basename(os.path.normpath(project_dir))
    now = time.time() if now is None else now
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + ".%06dZ" % int((now % 1) * 1e6)
    suffix = 0
    while True:
        path = os.path.join(backup_dir, "%s-%s%s.tar.gz" % (name, stamp, "-%d" % suffix if suffix else ""))
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            suffix += 1
    with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
        tar.add(project_dir, arcname=name, filter=_backup_filter)
    prune_backups(backup_dir, name, keep)
    return path


def _render(run_command, tutor, scratch, plugins_root, wanted):
    env_dir = os.path.join(scratch, "env")
    if os.path.isdir(env_dir):
        shutil.rmtree(env_dir)
    fd = os.open(os.path.join(scratch, "config.yml"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(dump_config(wanted))
    run_tutor(run_command, tutor, scratch, plugins_root, ["config", "save"])
    with open(os.path.join(scratch, "config.yml")) as handle:
        text = handle.read()
    return text, (yaml.safe_load(text) or {})


def converge(run_command, project_dir, tutor, config, secrets, plugins, plugins_root=None, backup_dir=None,
             keep=10, check_mode=False, want_diff=False, preview_dir=None, lock_timeout=600.0, environ=None):
    """Bring project_dir to the wanted settings. Returns a result dict (changed, files, backup, diff).

    In check mode, when ``preview_dir`` is given, the environment that a real run would
    write is left there (``env_dir`` in the result), so later steps can build from it.
    """
    with project_lock(project_dir, exclusive=not check_mode, timeout=lock_timeout):
        if not check_mode:
            remove_stale_scratch(project_dir)
        return _converge(run_command, project_dir, tutor, config, secrets, plugins, plugins_root, backup_dir,
                         keep, check_mode, want_diff, preview_dir, os.environ if environ is None else environ)


def _converge(run_command, project_dir, tutor, config, secrets, plugins, plugins_root, backup_dir, keep,
              check_mode, want_diff, preview_dir, environ):
    config_path = os.path.join(project_dir, "config.yml")
    env_path = os.path.join(project_dir, "env")
    before = load_config(config_path)
    state = load_state(project_dir) if before is not None else {}
    prev_config, prev_secrets = previously_managed(state, before)
    wanted_plugins = list((before or {}).get("PLUGINS") or [])
    for plugin in plugins:
        if plugin not in wanted_plugins:
            wanted_plugins.append(plugin)
    fingerprint = render_fingerprint(config, secrets, wanted_plugins, installed_distributions(tutor),
                                     tree_digest(plugins_root), tutor_environ(environ))
    result = {"changed": False, "created": before is None, "config_changed": False, "env_changed": [],
              "env_removed": [], "generated": [], "removed": [], "backup": None,
              "plugins": (before or {}).get("PLUGINS", []), "env_dir": env_path, "rendered": True,
              "env_sha256": None}
    if (before is not None and fingerprint is not None and state.get("fingerprint") == fingerprint
            and state.get("config_sha256") == file_digest(config_path)
            and state.get("env_sha256") == tree_digest(env_path)):
        result["rendered"] = False  # nothing that feeds the render changed, and the project is as written
        result["env_sha256"] = state["env_sha256"]
        return result

    removed = (prev_config | prev_secrets) - set(config) - set(secrets) - {"PLUGINS"}
    wanted = dict((k, v) for k, v in (before or {}).items() if k not in removed)
    wanted.update(config)
    wanted.update(secrets)
    wanted["PLUGINS"] = wanted_plugins
    parent = project_dir if not check_mode else None
    scratch = tempfile.mkdtemp(prefix=TMP_PREFIX + "render-", dir=parent)
    try:
        after_text, after = _render(run_command, tutor, scratch, plugins_root, wanted)
        # A removed credential that Tutor generated anew keeps the value in use.
        regenerated = sorted(k for k in removed if k in after and k in before
                             and (k in prev_secrets or is_secret_name(k)) and after[k] != before[k])
        if regenerated:
            wanted.update((k, before[k]) for k in regenerated)
            after_text, after = _render(run_command, tutor, scratch, plugins_root, wanted)
        before_text = ""
        if before is not None:
            with open(config_path) as handle:
                before_text = handle.read()
        config_changed = before_text != after_text
        env_changed, env_removed = changed_env_files(env_path, os.path.join(scratch, "env"))
        changed = config_changed or bool(env_changed) or bool(env_removed)
        result.update({
            "changed": changed,
            "config_changed": config_changed,
            "env_changed": env_changed,
            "env_removed": env_removed,
            "generated": sorted(k for k in after if k not in (before or {}) and k not in config
                                and k not in secrets and is_secret_name(k)),
            "removed": sorted(k for k in removed if k in (before or {}) and k not in after),
            "plugins": after.get("PLUGINS", []),
        })
        if want_diff and changed:
            secret = secret_keys(config, before, after, secrets, prev_config, prev_secrets)
            result["diff"] = config_diff(config_path, before, after, secret, env_changed, env_removed)
        if check_mode:
            result["env_sha256"] = None if changed else tree_digest(env_path)
            if changed and preview_dir:
                staging = preview_dir + ".new"
                shutil.rmtree(staging, ignore_errors=True)
                shutil.copytree(os.path.join(scratch, "env"), staging)
                shutil.rmtree(preview_dir, ignore_errors=True)
                os.replace(staging, preview_dir)
                result["env_dir"] = preview_dir
            return result
        if changed:
            if before is not None:
                result["backup"] = backup(project_dir, backup_dir or os.path.join(project_dir + ".backups"), keep)
            os.chmod(project_dir, 0o700)
            write_private(config_path, after_text, TMP_PREFIX)
            if env_changed or env_removed or not os.path.isdir(env_path):
                old_env = os.path.join(scratch, "old-env")
                if os.path.isdir(env_path):
                    os.rename(env_path, old_env)
                os.rename(os.path.join(scratch, "env"), env_path)
        record = {"version": FINGERPRINT_VERSION,
                  "managed": {"config": sorted(set(config) | {"PLUGINS"}), "secrets": sorted(secrets)},
                  "fingerprint": fingerprint,
                  "config_sha256": file_digest(config_path),
                  "env_sha256": tree_digest(env_path)}
        result["env_sha256"] = record["env_sha256"]
        if record != state:
            write_private(os.path.join(project_dir, STATE_FILE), json.dumps(record, indent=1, sort_keys=True) + "\n",
                          TMP_PREFIX)
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
