# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import glob
import os

from ansible.errors import AnsibleFilterError

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.instance_rules import check_instance
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_settings import (
    SettingsError, effective_plugins, instance_settings, requirements_installed, venv_name, venv_requirements)


def tutor_instance_settings(instance, harmony_namespace="harmony", ingress_class="traefik",
                            cluster_issuer="harmony-letsencrypt-global", ingress_namespace=None, room=False,
                            lb_ingress_mode="proxy_protocol"):
    # validate.yml already refused the errors and showed the warnings (topology_instances runs the same
    # rules); an instance that reaches here some other way is refused all the same.
    where = "instance %s" % instance.get("name")
    errors = [message for severity, message in check_instance(where, instance) if severity == "error"]
    if errors:
        raise AnsibleFilterError("; ".join(errors))
    try:
        config, plugins = instance_settings(instance, harmony_namespace, ingress_class, cluster_issuer,
                                            ingress_namespace, bool(room), lb_ingress_mode)
    except SettingsError as exc:
        raise AnsibleFilterError(str(exc))
    return {"config": config, "plugins": plugins}


def tutor_instance_plugins(instance):
    return effective_plugins(instance)


def tutor_venvs(instances, venvs_dir=None):
    """The distinct virtualenvs the present instances need: name and pip requirements; with ``venvs_dir`` (on
    the controller, where filters run), also whether each already holds every requirement."""
    seen = {}
    for instance in instances:
        if instance.get("state", "present") == "present":
            seen.setdefault(venv_name(instance), venv_requirements(instance))
    venvs = [{"name": name, "requirements": reqs} for name, reqs in sorted(seen.items())]
    if venvs_dir is not None:
        for venv in venvs:
            found = [os.path.basename(path) for pattern in ("lib/python*/site-packages/*.dist-info",
                                                            "lib64/python*/site-packages/*.dist-info")
                     for path in glob.glob(os.path.join(venvs_dir, venv["name"], pattern))]
            venv["installed"] = requirements_installed(venv["requirements"], found)
    return venvs


def tutor_venv_name(instance):
    return venv_name(instance)


class FilterModule(object):
    def filters(self):
        return {"tutor_instance_settings": tutor_instance_settings, "tutor_venvs": tutor_venvs,
                "tutor_venv_name": tutor_venv_name, "tutor_instance_plugins": tutor_instance_plugins}
