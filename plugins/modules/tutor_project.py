#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: tutor_project
short_description: Converge a Tutor project directory (config.yml and the rendered env/) without losing its secrets
version_added: "0.1.0"
description:
  - Writes the given settings and secrets into the project's C(config.yml), enables the given plugins and renders
    C(env/) with C(tutor config save) - first in a scratch copy, so the project is replaced only when its
    configuration or rendered environment really change.
  - Passwords and keys that Tutor generated on the first save are kept byte for byte; Tutor only generates
    settings that are missing.
  - The project records (in C(.openedx_ops.json), mode 0600) the settings and secrets this module wrote. A setting
    or secret no longer given leaves C(config.yml), so Tutor's or its plugin's default applies again (a lesson
    switched off and on again renders as if never switched off). Settings Tutor generated itself are never
    removed, and a removed secret that Tutor would generate anew keeps its value, so no credential in use rotates.
  - The record also holds a fingerprint of everything that feeds the render (the settings, the secrets, the
    plugins, the Python distributions installed next to O(tutor) - Tutor's release and its plugins' -, the
    files of O(plugins_root) and the C(TUTOR_*) environment variables) and the SHA-256 of C(config.yml) and of
    the C(env/) tree as written. When the fingerprint matches and both files still hash as recorded, nothing is
    rendered and the project is unchanged; any other input, or a hand-edited C(config.yml) or C(env/) file,
    renders again.
  - Runs on one project are serialised by a lock on C(.openedx_ops.lock) in the project (exclusive for a real run,
    shared for check mode), waiting at most O(lock_timeout) seconds. Scratch files and directories have unique
    names in the project directory; any left by a killed run is removed under the lock.
  - A C(config.yml) that is not a YAML mapping fails the task with its path and stays untouched.
  - Before any change to an existing project, the whole project directory is saved as
    C(<backup_dir>/<name>-<UTC time to the microsecond>.tar.gz) (mode 0600, never overwriting another);
    restore by extracting it over the project directory. The oldest backups by time go beyond O(backups_keep).
  - Secrets never appear in the output. The diff shows C(config.yml) with masked values, marked C((changed)) when
    they changed. Masked are the O(secrets), every setting named like a credential (C(PASSWORD), C(SECRET), C(TOKEN),
    C(PRIVATE), C(CREDENTIAL), C(SALT), C(PASSPHRASE), or a C(_)-separated C(AUTH), C(PASS), C(DSN), C(KEY), C(KEYS),
    C(APIKEY) word, such as C(K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH)), and every setting the module did not set
    (what Tutor and its plugins generated). It then lists the changed C(env/) files.
author:
  - openedx_ops maintainers (@openedx-ops)
options:
  project_dir:
    description: The project directory (C(TUTOR_ROOT)); created with mode 0700 when missing.
    type: path
    required: true
  tutor:
    description: The C(tutor) executable, usually in the virtualenv of the instance's Tutor release.
    type: path
    required: true
  plugins_root:
    description: Directory of single-file Tutor plugins (C(TUTOR_PLUGINS_ROOT)).
    type: path
  plugins:
    description: Plugins to enable (already enabled plugins stay enabled).
    type: list
    elements: str
    default: []
  config:
    description: Tutor settings (not secret).
    type: dict
    default: {}
  secrets:
    description: Tutor settings that are secrets; never printed.
    type: dict
    default: {}
  backup_dir:
    description: Where backups go; defaults to C(<project_dir>.backups).
    type: path
  backups_keep:
    description: How many backups of this project to keep.
    type: int
    default: 10
  lock_timeout:
    description: Seconds to wait for another run on the same project to finish before failing.
    type: float
    default: 600
  preview_dir:
    description:
      - In check mode, where to leave the environment a real run would write (replaced if present), so that later
        tasks can build and validate it; RV(env_dir) then points there. Unused outside check mode.
    type: path
  render_stamp_path:
    description:
      - The stamp file that objects built from the project's C(env/) were last written with (module k8s_manifests,
        option C(source_stamp)). With it, RV(render_current) tells whether they are still current.
    type: path
  render_stamp_inputs:
    description: What else the built objects depend on (the Kubernetes version, digests of the validation code).
    type: list
    elements: str
    default: []
requirements:
  - PyYAML
attributes:
  check_mode:
    support: full
    description: Renders in a scratch copy and reports what would change; the project is not touched.
  diff_mode:
    support: full
    description: The config.yml diff (secrets masked) and the changed env/ files.
  platform:
    support: full
    platforms: posix
    description: Runs on the controller.
"""

EXAMPLES = r"""
- name: Converge the campus instance's Tutor project
  openedx_ops.baremetal.tutor_project:
    project_dir: /var/lib/openedx_ops/projects/campus
    tutor: /var/lib/openedx_ops/venvs/tutor-22.0.3-abc/bin/tutor
    plugins: [openedx_ops, pod-autoscaling]
    config:
      LMS_HOST: learn.campus.example.org
      ENABLE_WEB_PROXY: false
    secrets: "{{ vault_campus_secrets }}"
  delegate_to: localhost
"""

RETURN = r"""
created:
  description: Whether the project was new.
  returned: success
  type: bool
config_changed:
  description: Whether config.yml changed.
  returned: success
  type: bool
env_changed:
  description: Files of env/ that changed or appeared.
  returned: success
  type: list
  elements: str
env_removed:
  description: Files of env/ that disappeared.
  returned: success
  type: list
  elements: str
generated:
  description: Names of credentials Tutor generated in this run (values never returned).
  returned: success
  type: list
  elements: str
removed:
  description: Settings removed from config.yml because they are no longer given.
  returned: success
  type: list
  elements: str
rendered:
  description: Whether Tutor rendered the project (false when the fingerprint matched).
  returned: success
  type: bool
backup:
  description: The backup made before the change, or null.
  returned: success
  type: str
env_sha256:
  description:
    - SHA-256 of the project's C(env/) tree (relative paths and contents) as it stands after the run; null in check
      mode when it would change. Later steps can tell from it whether what they built from C(env/) is current.
  returned: success
  type: str
render_stamp:
  description: SHA-256 of RV(env_sha256) and O(render_stamp_inputs); null when RV(env_sha256) is.
  returned: success
  type: str
render_current:
  description:
    - Whether the objects built from C(env/) are current - the project did not change and O(render_stamp_path)
      holds RV(render_stamp) - so that building and validating them again can be skipped.
  returned: success
  type: bool
env_dir:
  description: The rendered environment to build from (the project's env/, or O(preview_dir) in check mode).
  returned: success
  type: str
plugins:
  description: Plugins enabled in the project.
  returned: success
  type: list
  elements: str
"""

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_project import (
    HAS_YAML, TutorError, converge, render_stamp, stamp_matches)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            project_dir=dict(type="path", required=True),
            tutor=dict(type="path", required=True),
            plugins_root=dict(type="path"),
            plugins=dict(type="list", elements="str", default=[]),
            config=dict(type="dict", default={}),
            secrets=dict(type="dict", default={}, no_log=True),
            backup_dir=dict(type="path"),
            backups_keep=dict(type="int", default=10),
            preview_dir=dict(type="path"),
            lock_timeout=dict(type="float", default=600),
            render_stamp_path=dict(type="path"),
            render_stamp_inputs=dict(type="list", elements="str", default=[]),
        ),
        supports_check_mode=True,
    )
    if not HAS_YAML:
        module.fail_json(msg=missing_required_lib("PyYAML"))
    params = module.params
    for value in params["secrets"].values():
        if value not in (None, ""):
            module.no_log_values.add(str(value))
    try:
        result = converge(module.run_command, params["project_dir"], params["tutor"], params["config"], params["secrets"],
                          params["plugins"], params["plugins_root"], params["backup_dir"], params["backups_keep"],
                          check_mode=module.check_mode, want_diff=module._diff,
                          preview_dir=params["preview_dir"], lock_timeout=params["lock_timeout"])
    except (TutorError, OSError) as exc:
        module.fail_json(msg="Tutor project %s: %s" % (params["project_dir"], exc))
    result["render_stamp"] = render_stamp(result["env_sha256"], params["render_stamp_inputs"])
    result["render_current"] = (not result["changed"]
                                and stamp_matches(params["render_stamp_path"], result["render_stamp"]))
    module.exit_json(**result)


if __name__ == "__main__":
    main()
