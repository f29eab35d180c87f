#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: k8s_manifests
short_description: Validate Kubernetes objects and write them to a render directory, one file per object
version_added: "0.1.0"
description:
  - Takes the objects as a list (O(objects)) or builds them from a kustomization directory with
    C(kubectl kustomize) (O(kustomize)).
  - Validates every object first, core objects with kubernetes-validate in strict mode for the given
    Kubernetes version and the collection's custom resources (RKE2 C(HelmChart), C(HelmChartConfig)) against
    their schemas. When any object is invalid nothing is written and every problem is reported.
  - Writes one YAML file per object into O(dest), named C(NNN-kind-namespace-name.yaml) in the order given,
    so the directory reads top to bottom and can be handed to GitOps tools as it is.
  - Only files whose content changes are rewritten; files of earlier renders that are no longer produced
    are removed when O(prune=true).
  - "Files are C(0600) and the directory C(0700): rendered values may carry secrets."
author:
  - openedx_ops maintainers (@openedx-ops)
options:
  objects:
    description:
      - The Kubernetes objects, in the order they are to be applied.
      - Exactly one of O(objects) and O(kustomize) is required.
    type: list
    elements: dict
  kustomize:
    description:
      - A kustomization directory (a Tutor project's C(env/), say) built with C(kubectl kustomize); its objects, in
        the order of the build, are validated and written as O(objects) would be. Empty documents are skipped.
      - When the build fails, its error is not shown, since it can quote the objects (passwords included); the
        message names the command to run to read it.
      - The build also runs in check mode (it changes nothing).
    type: path
  return_objects:
    description:
      - Return the objects (RV(objects)), for a later apply that should use exactly what was validated.
      - They may hold secrets; set C(no_log) on the task.
    type: bool
    default: false
  dest:
    description: The render directory of one layer (created when missing).
    type: path
    required: true
  kubernetes_version:
    description: Kubernetes version of the cluster, for example C(1.33.0).
    type: str
    required: true
  strict:
    description: Reject fields the schema does not know.
    type: bool
    default: true
  prune:
    description: Remove C(NNN-*.yaml) files in O(dest) that this render no longer produces.
    type: bool
    default: true
  source_stamp:
    description:
      - A line saying what the objects were built from (a digest, say), written to C(.openedx_ops-source) in
        O(dest) once the objects are validated and written, so that a later run can tell the files are current
        without building and validating them again. Writing it is bookkeeping, not reported as a change.
      - Not written in check mode. Unset, an existing stamp is left as it is.
    type: str
requirements:
  - kubernetes-validate
  - kubectl on the PATH, with O(kustomize)
  - jsonschema
  - PyYAML
attributes:
  check_mode:
    support: full
    description: Validates and reports what would change; writes nothing.
  diff_mode:
    support: full
    description: Shows the before and after of every file that changes.
  platform:
    support: full
    platforms: posix
    description: Runs on the controller.
notes:
  - The objects themselves are returned only with O(return_objects), since they may hold secrets.
"""

EXAMPLES = r"""
- name: Render the NFS provisioner
  openedx_ops.baremetal.k8s_manifests:
    objects:
      - apiVersion: helm.cattle.io/v1
        kind: HelmChart
        metadata: {name: nfs-provisioner, namespace: kube-system}
        spec: {chart: nfs-subdir-external-provisioner, repo: https://example.invalid/charts, version: 4.0.18}
    dest: /srv/render/oxlab/nfs-provisioner
    kubernetes_version: 1.33.0
  delegate_to: localhost

- name: Build a Tutor environment, validate its objects, write them and keep them for the apply
  openedx_ops.baremetal.k8s_manifests:
    kustomize: /srv/tutor/projects/campus/env
    dest: /srv/render/oxlab/instances/campus
    kubernetes_version: 1.33.0
    return_objects: true
  register: campus_objects
  no_log: true
  delegate_to: localhost
"""

RETURN = r"""
files:
  description: The files of this render, in order.
  returned: always
  type: list
  elements: str
  sample: [/srv/render/oxlab/nfs-provisioner/000-helmchart-kube-system-nfs-provisioner.yaml]
changed_files:
  description: Files written (or that would be written in check mode).
  returned: always
  type: list
  elements: str
removed_files:
  description: Files of earlier renders removed (or that would be).
  returned: always
  type: list
  elements: str
validated:
  description: Number of objects validated.
  returned: always
  type: int
  sample: 3
objects:
  description: The objects, in order (with O(return_objects) only).
  returned: success, with O(return_objects)
  type: list
  elements: dict
errors:
  description: Every validation problem, when there are any.
  returned: failure
  type: list
  elements: str
"""

import os
import re

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

try:
    import yaml
    HAS_YAML = True
except ImportError:  # pragma: no cover
    HAS_YAML = False

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import manifests
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.private_files import write_private

RENDERED = re.compile(r"^\d{3}-[a-z0-9.-]+\.yaml$")


if HAS_YAML:
    class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # pylint: disable=too-many-ancestors
        """Multi-line strings (a HelmChart's valuesContent) as readable literal blocks. libyaml's emitter when
        PyYAML has it: ten times faster than the pure-Python one (0.1 s of an instance's 52 objects)."""

    def _str(dumper, data):
        if "\n" in data:
            return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
        return dumper.represent_scalar("tag:yaml.org,2002:str", data)

    _Dumper.add_representer(str, _str)


def dump(obj):
    return yaml.dump(obj, Dumper=_Dumper, default_flow_style=False, sort_keys=False, width=1000)


def read(path):
    try:
        with open(path) as handle:
            return handle.read()
    except (IOError, OSError):
        return None


STAMP_FILE = ".openedx_ops-source"


def write_stamp(dest, stamp):
    path, content = os.path.join(dest, STAMP_FILE), stamp.strip() + "\n"
    if read(path) == content:
        return
    if not os.path.isdir(dest):
        os.makedirs(dest, 0o700)
    write_private(path, content, ".render-")


def build(module, directory):
    """The objects of ``kubectl kustomize directory``; fails the module without quoting the build's output."""
    command = [module.get_bin_path("kubectl", required=True), "kustomize", directory]
    rc, out, _err = module.run_command(command)
    if rc != 0:
        module.fail_json(msg="%s failed (rc %d). Its error can quote the objects, passwords included, so it is not "
                         "shown: run that command to read it." % (" ".join(command), rc))
    try:
        return manifests.load_objects(out)
    except manifests.DocumentError as exc:
        module.fail_json(msg="%s: %s" % (" ".join(command), exc))


def run_module():
    module = AnsibleModule(
        argument_spec=dict(
            objects=dict(type="list", elements="dict"),
            kustomize=dict(type="path"),
            return_objects=dict(type="bool", default=False),
            dest=dict(type="path", required=True),
            kubernetes_version=dict(type="str", required=True),
            strict=dict(type="bool", default=True),
            prune=dict(type="bool", default=True),
            source_stamp=dict(type="str"),
        ),
        mutually_exclusive=[("objects", "kustomize")],
        required_one_of=[("objects", "kustomize")],
        supports_check_mode=True,
    )
    for lib, present in (("PyYAML", HAS_YAML), ("jsonschema", manifests.HAS_JSONSCHEMA),
                         ("kubernetes-validate", manifests.HAS_KUBERNETES_VALIDATE)):
        if not present:
            module.fail_json(msg=missing_required_lib(lib))
    params = module.params
    objects = params["objects"] if params["kustomize"] is None else build(module, params["kustomize"])
    errors = []
    for obj in objects:
        errors.extend(manifests.validate_object(obj, params["kubernetes_version"], params["strict"]))
    if errors:
        module.fail_json(msg="%d problem%s in the rendered objects:\n  - %s" % (
            len(errors), "" if len(errors) == 1 else "s", "\n  - ".join(errors)), errors=errors)

    dest = params["dest"]
    wanted = []
    for index, obj in enumerate(objects):
        wanted.append((os.path.join(dest, manifests.file_name(index, obj)), dump(obj)))
    names = set(os.path.basename(path) for path, _content in wanted)
    if len(names) != len(wanted):
        module.fail_json(msg="two objects would share a file name; kinds, namespaces and names must be unique")
    changed_files, diffs = [], []
    for path, content in wanted:
        before = read(path)
        if before != content:
            changed_files.append(path)
            diffs.append({"before_header": path, "after_header": path, "before": before or "", "after": content})
    removed = []
    if params["prune"] and os.path.isdir(dest):
        removed = sorted(os.path.join(dest, n) for n in os.listdir(dest) if RENDERED.match(n) and n not in names)
        for path in removed:
            diffs.append({"before_header": path, "after_header": "(removed)", "before": read(path) or "", "after": ""})
    changed = bool(changed_files or removed)
    if changed and not module.check_mode:
        if not os.path.isdir(dest):
            os.makedirs(dest, 0o700)
        for path, content in wanted:
            if path in changed_files:
                write_private(path, content, ".render-")
        for path in removed:
            os.remove(path)
    if params["source_stamp"] is not None and not module.check_mode:
        write_stamp(dest, params["source_stamp"])
    result = dict(changed=changed, files=[p for p, _c in wanted], changed_files=changed_files,
                  removed_files=removed, validated=len(objects))
    if params["return_objects"]:
        result["objects"] = objects
    if module._diff and diffs:
        result["diff"] = diffs
    module.exit_json(**result)


def main():
    run_module()


if __name__ == "__main__":
    main()
