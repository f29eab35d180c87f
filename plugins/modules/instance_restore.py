#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: instance_restore
short_description: Restore an Open edX instance's Tutor project or databases from an instance_backup
version_added: "0.3.0"
description:
  - Checks every file of the backup against its checksum first; nothing is touched when one differs.
  - O(part=project) replaces the Tutor project directory by the backup's (mode 0700, secrets included).
  - O(part=databases) streams the backup's dumps into the target's databases - C(mysql) replaces each dumped
    database whole (the dump drops and recreates it), C(mongorestore --drop) replaces each dumped collection.
    The credentials are the target project's (its C(config.yml)), passed on standard input, never as arguments.
  - The refusal to overwrite a running instance without confirmation is the role's (C(instance_backup) restore
    tasks); this module does what it is told.
author:
  - openedx_ops maintainers (@openedx-ops)
options:
  backup:
    description: The backup directory (made by M(openedx_ops.baremetal.instance_backup)).
    type: path
    required: true
  part:
    description: What to restore.
    type: str
    choices: [project, databases]
    required: true
  project_dir:
    description: The target's Tutor project directory (replaced with O(part=project), read for credentials with
      O(part=databases)).
    type: path
    required: true
  instance:
    description: The target instance (its namespace unless O(namespace) is given).
    type: str
    required: true
  databases:
    description: Restrict to these engines (default every dump of the backup).
    type: list
    elements: str
    choices: [mysql, mongodb]
requirements:
  - PyYAML
extends_documentation_fragment:
  - openedx_ops.baremetal.database_access
attributes:
  check_mode:
    support: full
    description: Verifies the backup and reports what would be restored.
  diff_mode:
    support: none
    description: A restore replaces data wholesale; there is nothing to compare.
  platform:
    support: full
    platforms: posix
    description: Runs on the controller; the database tools run in the instance's pods through kubectl exec.
notes:
  - A restore is an action, so it always reports a change.
"""

EXAMPLES = r"""
- name: Restore the databases of campus
  openedx_ops.baremetal.instance_restore:
    backup: /var/lib/openedx_ops/instance-backups/campus/campus-20260101T020304Z
    part: databases
    instance: campus
    project_dir: /var/lib/openedx_ops/projects/campus
    kubeconfig: /var/lib/openedx_ops/kubeconfig
  no_log: true
"""

RETURN = r"""
metadata:
  description: The backup's metadata.
  returned: success
  type: dict
restored:
  description: What was (or, in check mode, would be) restored - C(project), or the engines.
  returned: success
  type: list
  elements: str
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import instance_backup as ib


def main():
    module = AnsibleModule(
        argument_spec=dict(
            backup=dict(type="path", required=True),
            part=dict(type="str", choices=["project", "databases"], required=True),
            project_dir=dict(type="path", required=True),
            instance=dict(type="str", required=True),
            databases=dict(type="list", elements="str", choices=["mysql", "mongodb"]),
            **ib.DATABASE_ACCESS_SPEC
        ),
        supports_check_mode=True,
    )
    p = module.params
    try:
        ib.check_name(p["instance"])
        meta = ib.read_metadata(p["backup"])
        if p["part"] == "project":
            if ib.PROJECT_ARCHIVE not in meta["files"]:
                module.fail_json(msg="backup %s holds no project archive" % p["backup"])
            if not module.check_mode:
                ib.extract_project("%s/%s" % (p["backup"], ib.PROJECT_ARCHIVE), p["project_dir"])
            module.exit_json(changed=True, metadata=meta, restored=["project"])
        engines = [e for e in meta.get("databases", []) if p["databases"] is None or e in p["databases"]]
        if module.check_mode:
            module.exit_json(changed=bool(engines), metadata=meta, restored=engines)
        namespace = p["namespace"] or p["instance"]
        transports = dict((e, ib.transport(p["transport"], namespace, p["kubeconfig"], e)) for e in engines)
        restored = ib.restore_databases(p["backup"], p["project_dir"], transports, p["client_options"], engines)
        module.exit_json(changed=bool(restored), metadata=meta, restored=restored)
    except ib.BackupError as exc:
        module.fail_json(msg="restore into %s: %s" % (p["instance"], exc))


if __name__ == "__main__":
    main()
