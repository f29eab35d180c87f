# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A Tutor project directory, converged without ever losing what Tutor generated.

The project is rendered in a scratch copy first: its config.yml (with the passwords and
keys Tutor generated on the first save) is copied, the wanted settings are written into it,
and ``tutor config save`` renders env/ there. Only when config.yml or env/ differ from the
project's is anything replaced, after a backup of the project. Tutor only generates the
settings that are missing, so existing secrets stay byte for byte.
"""

from __future__ import annotations

import difflib
import filecmp
import os
import re
import shutil
import tarfile
import tempfile
import time

try:
    import yaml
    HAS_YAML = True
except ImportError:  # pragma: no cover - the module reports it
    HAS_YAML = False

SECRET_KEY = re.compile(r"(PASSWORD|SECRET|_KEY$|TOKEN|PRIVATE)", re.IGNORECASE)
MASK = "********"


class TutorError(RuntimeError):
    pass


def load_config(path):
    if not os.path.exists(path):
        return None
    with open(path) as handle:
        return yaml.safe_load(handle) or {}


def dump_config(config):
    return yaml.safe_dump(config, default_flow_style=False, sort_keys=True)


def masked(config, secret_keys):
    """A copy of ``config`` fit for printing: secrets and generated credentials hidden."""
    out = {}
    for key, value in (config or {}).items():
        out[key] = MASK if (key in secret_keys or SECRET_KEY.search(key)) else value
    return out


def _tree(root):
    files = {}
    for base, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(base, name)
            files[os.path.relpath(path, root)] = path
    return files


def changed_env_files(old_env, new_env):
    old, new = (_tree(old_env) if os.path.isdir(old_env) else {}), _tree(new_env)
    changed = sorted(p for p in new if p not in old or not filecmp.cmp(old[p], new[p], shallow=False))
    removed = sorted(p for p in old if p not in new)
    return changed, removed


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


def backup(project_dir, backup_dir, keep):
    """project_dir as <backup_dir>/<name>-<UTC time>.tar.gz (0600); only the newest ``keep`` stay."""
    os.makedirs(backup_dir, 0o700, exist_ok=True)
    name = os.path.basename(os.path.normpath(project_dir))
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    path = os.path.join(backup_dir, "%s-%s.tar.gz" % (name, stamp))
    suffix = 1
    while os.path.exists(path):  # two changes within one second
        path = os.path.join(backup_dir, "%s-%s-%d.tar.gz" % (name, stamp, suffix))
        suffix += 1
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
        tar.add(project_dir, arcname=name)
    old = sorted(f for f in os.listdir(backup_dir) if f.startswith(name + "-") and f.endswith(".tar.gz"))
    for stale in old[:-keep] if keep > 0 else []:
        os.remove(os.path.join(backup_dir, stale))
    return path


def converge(run_command, project_dir, tutor, config, secrets, plugins, plugins_root=None, backup_dir=None,
             keep=10, check_mode=False, want_diff=False, preview_dir=None):
    """Bring project_dir to the wanted settings. Returns a result dict (changed, files, backup, diff).

    In check mode, when ``preview_dir`` is given, the environment that a real run would
    write is left there (``env_dir`` in the result), so later steps can build from it.
    """
    config_path = os.path.join(project_dir, "config.yml")
    before = load_config(config_path)
    scratch = tempfile.mkdtemp(prefix="tutor-project-")
    try:
        wanted = dict(before or {})
        wanted.update(config)
        wanted.update(secrets)
        enabled = list(wanted.get("PLUGINS") or [])
        for plugin in plugins:
            if plugin not in enabled:
                enabled.append(plugin)
        wanted["PLUGINS"] = enabled
        fd = os.open(os.path.join(scratch, "config.yml"), os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(dump_config(wanted))
        run_tutor(run_command, tutor, scratch, plugins_root, ["config", "save"])
        after_text = open(os.path.join(scratch, "config.yml")).read()
        after = yaml.safe_load(after_text) or {}
        before_text = open(config_path).read() if before is not None else ""
        config_changed = before_text != after_text
        env_changed, env_removed = changed_env_files(os.path.join(project_dir, "env"), os.path.join(scratch, "env"))
        changed = config_changed or bool(env_changed) or bool(env_removed)
        result = {
            "changed": changed,
            "created": before is None,
            "config_changed": config_changed,
            "env_changed": env_changed,
            "env_removed": env_removed,
            "generated": sorted(k for k in after if k not in (before or {}) and k not in config and k not in secrets
                                and SECRET_KEY.search(k)),
            "backup": None,
            "plugins": after.get("PLUGINS", []),
            "env_dir": os.path.join(project_dir, "env"),
        }
        if want_diff and changed:
            secret_keys = set(secrets)
            old = dump_config(masked(before or {}, secret_keys)).splitlines(True)
            new = dump_config(masked(after, secret_keys)).splitlines(True)
            result["diff"] = {"before_header": config_path, "after_header": config_path,
                              "before": "".join(old), "after": "".join(new),
                              "prepared": "".join(difflib.unified_diff(old, new, config_path, config_path))
                              + "".join("changed env/%s\n" % p for p in env_changed)
                              + "".join("removed env/%s\n" % p for p in env_removed)}
        if changed and check_mode and preview_dir:
            shutil.rmtree(preview_dir, ignore_errors=True)
            shutil.copytree(os.path.join(scratch, "env"), preview_dir)
            result["env_dir"] = preview_dir
        if changed and not check_mode:
            if before is not None:
                result["backup"] = backup(project_dir, backup_dir or os.path.join(project_dir + ".backups"), keep)
            os.makedirs(project_dir, 0o700, exist_ok=True)
            os.chmod(project_dir, 0o700)
            tmp_config = os.path.join(project_dir, ".config.yml.new")
            shutil.copy2(os.path.join(scratch, "config.yml"), tmp_config)
            os.chmod(tmp_config, 0o600)
            os.replace(tmp_config, config_path)
            new_env, old_env = os.path.join(project_dir, ".env.new"), os.path.join(project_dir, "env")
            shutil.rmtree(new_env, ignore_errors=True)
            shutil.copytree(os.path.join(scratch, "env"), new_env)
            shutil.rmtree(old_env, ignore_errors=True)
            os.replace(new_env, old_env)
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
