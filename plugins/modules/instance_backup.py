#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: instance_backup
short_description: Back up an Open edX instance (MySQL, MongoDB, Tutor project), prune old backups, inspect one
version_added: "0.3.0"
description:
  - O(action=backup) makes one backup directory C(<dest>/<instance>/<instance>-<UTC time>[-<n>]) (mode 0700,
    a new name even for two backups in the same second) holding C(project.tar.gz) (the Tutor project, secrets
    included), C(mysql.sql.gz) and C(mongodb.archive.gz) (when Tutor runs them - C(RUN_MYSQL), C(RUN_MONGODB))
    and C(metadata.json) with each file's sha256; every file mode 0600. A failed backup leaves nothing.
  - The dumps run where the database tools are, by default inside the instance's C(mysql) and C(mongodb) pods
    through C(kubectl exec -i). MySQL - one C(mysqldump --single-transaction) of every non-system database (one
    consistent snapshot); MongoDB - C(mongodump --archive) of the standalone server (consistent per collection).
  - Credentials come from the project's C(config.yml) (C(MYSQL_ROOT_USERNAME), C(MYSQL_ROOT_PASSWORD),
    C(MONGODB_USERNAME), C(MONGODB_PASSWORD)); they travel on the command's standard input into a private option
    file, never as arguments.
  - After a backup, and with O(action=prune), the instance's backups beyond the newest O(keep), and those older
    than O(max_age_days), are removed, by the time in their metadata; incomplete or foreign directories are kept.
  - O(action=inspect) checks a backup's files against their checksums and returns its metadata.
author:
  - openedx_ops maintainers (@openedx-ops)
options:
  action:
    description: What to do.
    type: str
    choices: [backup, prune, inspect]
    default: backup
  instance:
    description: The instance's name (also its namespace). Required for O(action=backup) and O(action=prune).
    type: str
  project_dir:
    description: The instance's Tutor project (for O(action=backup)).
    type: path
  dest:
    description: Directory of the backups (one subdirectory per instance, created 0700).
    type: path
  path:
    description: The backup directory to inspect.
    type: path
  keep:
    description: How many backups of the instance to keep (at least 1).
    type: int
    default: 7
  max_age_days:
    description: Remove backups older than this many days (never the newest); 0 keeps them whatever their age.
    type: int
    default: 0
  databases:
    description: Restrict to these engines (default every engine Tutor runs).
    type: list
    elements: str
    choices: [mysql, mongodb]
  metadata:
    description: Extra metadata to record (for example C(tutor_version), C(reason)).
    type: dict
    default: {}
  project_archive:
    description:
      - An existing tar.gz of the project (made by M(openedx_ops.baremetal.tutor_project)) to store instead of
        archiving O(project_dir) now; the credentials are still read from O(project_dir).
    type: path
requirements:
  - PyYAML
  - kubectl on the controller for O(transport=kubectl); mysqldump/mysql and mongodump/mongorestore where the
    tools run (they are in Tutor's C(mysql) and C(mongo) images)
extends_documentation_fragment:
  - openedx_ops.baremetal.database_access
attributes:
  check_mode:
    support: full
    description: Reads the project and its credentials and reports the backup or pruning that would be made.
  diff_mode:
    support: none
    description: A backup writes new files; there is nothing to compare.
  platform:
    support: full
    platforms: posix
    description: Runs on the controller; the database tools run in the instance's pods through kubectl exec.
notes:
  - A backup is an action, so O(action=backup) always reports a change.
"""

EXAMPLES = r"""
- name: Back up the campus instance
  openedx_ops.baremetal.instance_backup:
    instance: campus
    project_dir: /var/lib/openedx_ops/projects/campus
    dest: /var/lib/openedx_ops/instance-backups
    kubeconfig: /var/lib/openedx_ops/kubeconfig
    keep: 7
    metadata:
      tutor_version: 22.0.3
  no_log: true

- name: Check a backup
  openedx_ops.baremetal.instance_backup:
    action: inspect
    path: /var/lib/openedx_ops/instance-backups/campus/campus-20260101T020304Z
"""

RETURN = r"""
path:
  description: The backup made or inspected (null in check mode for a backup).
  returned: success
  type: str
metadata:
  description: The backup's metadata (files with checksums, databases, what is not included).
  returned: success
  type: dict
pruned:
  description: Backups removed (or that would be, in check mode).
  returned: success
  type: list
  elements: str
"""

import os

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import instance_backup as ib


def _pruned_preview(dest, instance, keep, max_age_days):
    import shutil
    import tempfile
    # What prune would remove: run it on a copy of the metadata files only.
    parent = os.path.join(dest, instance)
    if not os.path.isdir(parent):
        return []
    scratch = tempfile.mkdtemp()
    try:
        names = {}
        for name in os.listdir(parent):
            meta = os.path.join(parent, name, ib.METADATA)
            if name.startswith(instance + "-") and os.path.isfile(meta):
                os.makedirs(os.path.join(scratch, instance, name))
                shutil.copy(meta, os.path.join(scratch, instance, name, ib.METADATA))
                names[os.path.join(scratch, instance, name)] = os.path.join(parent, name)
        return [names[p] for p in ib.prune(scratch, instance, keep, max_age_days)]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            action=dict(type="str", choices=["backup", "prune", "inspect"], default="backup"),
            instance=dict(type="str"),
            project_dir=dict(type="path"),
            dest=dict(type="path"),
            path=dict(type="path"),
            keep=dict(type="int", default=7),
            max_age_days=dict(type="int", default=0),
            databases=dict(type="list", elements="str", choices=["mysql", "mongodb"]),
            metadata=dict(type="dict", default={}),
            project_archive=dict(type="path"),
            **ib.DATABASE_ACCESS_SPEC
        ),
        required_if=[("action", "backup", ("instance", "project_dir", "dest")),
                     ("action", "prune", ("instance", "dest")),
                     ("action", "inspect", ("path",))],
        supports_check_mode=True,
    )
    p = module.params
    try:
        if p["action"] == "inspect":
            meta = ib.read_metadata(p["path"])
            module.exit_json(changed=False, path=p["path"], metadata=meta, pruned=[])
        ib.check_name(p["instance"])
        if p["keep"] < 1:
            module.fail_json(msg="keep must be at least 1, got %d" % p["keep"])
        if p["action"] == "prune":
            if module.check_mode:
                pruned = _pruned_preview(p["dest"], p["instance"], p["keep"], p["max_age_days"])
            else:
                pruned = ib.prune(p["dest"], p["instance"], p["keep"], p["max_age_days"])
            module.exit_json(changed=bool(pruned), path=None, metadata={}, pruned=pruned)
        settings = ib.database_settings(ib.load_project_config(p["project_dir"]))
        engines = ib.engines_of(settings, p["databases"])
        if module.check_mode:
            pruned = _pruned_preview(p["dest"], p["instance"], max(p["keep"] - 1, 1), p["max_age_days"])
            module.exit_json(changed=True, path=None, pruned=pruned,
                             metadata={"instance": p["instance"], "databases": engines,
                                       "not_included": ib.not_included(settings)})
        namespace = p["namespace"] or p["instance"]
        transports = dict((e, ib.transport(p["transport"], namespace, p["kubeconfig"], e)) for e in engines)
        meta = ib.make_backup(p["instance"], p["project_dir"], p["dest"], transports, p["client_options"],
                              p["metadata"], p["project_archive"], p["databases"])
        pruned = ib.prune(p["dest"], p["instance"], p["keep"], p["max_age_days"], protect=[meta["path"]])
        module.exit_json(changed=True, path=meta["path"], metadata=meta, pruned=pruned)
    except ib.BackupError as exc:
        module.fail_json(msg="instance %s: %s" % (p["instance"] or p["path"], exc))


if __name__ == "__main__":
    main()
