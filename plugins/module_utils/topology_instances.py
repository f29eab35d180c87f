# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks and defaults of the Open edX instances (``openedx_instances``): names and hosts, Tutor
releases and plugins, secrets as names only, resources, autoscaling, lessons and Pod Security."""

from __future__ import annotations

import re

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.instance_rules import check_instance
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import (
    QuantityError, cpu_millicores, memory_bytes)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_contract import (
    DEFAULT_AUTOSCALING, DEFAULT_RESOURCES, DEFAULT_TUTOR_VERSION, DNS_LABEL, INSTANCE_KEYS, POD_SECURITY_LEVELS,
    POD_SECURITY_SETTINGS, SERVICES, is_bool, is_fqdn, is_int, is_secret_shape, secret_shape, type_name)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_settings import (
    AUTOSCALING_PLUGIN, AUTOSCALING_PLUGIN_RELEASES, LESSON_SWITCHES, default_autoscaling_plugin)


# Tutor settings that hold credentials (PASSWORD, SECRET_KEY, *_TOKEN, API and private keys...).
CREDENTIAL_KEY = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|MASTER_KEY|ACCESS_KEY|CREDENTIAL")


def instance_defaults():
    return {
        "state": "present",
        "purge": False,
        "tutor_version": DEFAULT_TUTOR_VERSION,
        "https": True,
        "plugins": [],
        "config": {},
        "secrets": {},
        "expected_concurrent_users": None,
        "uwsgi_workers": None,
    }


def normalise_instance(c, index, item, s, seen_names, seen_hosts):
    where = "openedx_instances[%d]" % index
    if not isinstance(item, dict):
        c.error(where, "must be a mapping with at least name and lms_host, got %r" % (item,))
        return None
    name = item.get("name")
    if isinstance(name, str) and name:
        where = "instance %s" % name
    for key in item:
        if key not in INSTANCE_KEYS:
            c.error(where, "unknown key '%s'; known keys: %s" % (key, ", ".join(INSTANCE_KEYS)))
    inst = instance_defaults()
    inst.update(dict((k, v) for k, v in item.items() if k in INSTANCE_KEYS and v is not None))
    if name is None:
        c.error(where, "name is required: a DNS-1123 label that becomes the namespace")
    elif not isinstance(name, str) or not DNS_LABEL.fullmatch(name):
        c.error(where, "name '%s' is not a DNS-1123 label (lower-case letters, digits and '-', "
                "at most 63 characters)" % (name,))
    elif name in seen_names:
        c.error(where, "name '%s' is used by %s too; instance names must be unique" % (name, seen_names[name]))
    else:
        seen_names[name] = "openedx_instances[%d]" % index
    if inst["state"] not in ("present", "absent"):
        c.error(where, "state '%s' is not one of: present, absent" % (inst["state"],))
    for key in ("https", "purge"):
        if not is_bool(inst[key]):
            c.error(where, "%s must be true or false, got %r" % (key, inst[key]))
    if not re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", str(inst["tutor_version"])):
        c.error(where, "tutor_version '%s' is not a release like '22.0.3'" % (inst["tutor_version"],))
    lms = inst.get("lms_host")
    if lms is None:
        c.error(where, "lms_host is required: the LMS's fully qualified domain name")
    elif not is_fqdn(lms):
        c.error(where, "lms_host '%s' is not a valid fully qualified domain name" % (lms,))
    if inst.get("cms_host") is None and isinstance(lms, str):
        inst["cms_host"] = "studio." + lms
    elif inst.get("cms_host") is not None and not is_fqdn(inst["cms_host"]):
        c.error(where, "cms_host '%s' is not a valid fully qualified domain name" % (inst["cms_host"],))
    for key in ("lms_host", "cms_host"):
        host = inst.get(key)
        if isinstance(host, str) and is_fqdn(host):
            owner = "%s %s" % (where, key)
            if host.lower() in seen_hosts:
                c.error(where, "%s '%s' is already used as %s; every host name must be unique"
                        % (key, host, seen_hosts[host.lower()]))
            else:
                seen_hosts[host.lower()] = owner
    if inst["https"] is True and inst["state"] == "present" and not s["letsencrypt_email"]:
        c.error(where, "https is true but letsencrypt_email is not set; cert-manager needs an ACME "
                "account e-mail (set letsencrypt_email, or https: false)")
    for key in ("config", "secrets"):
        if is_secret_shape(inst[key]):
            c.error(where, "%s must be a mapping of Tutor settings, got %s" % (key, inst[key]["type"]))
            inst[key] = {}
        elif not isinstance(inst[key], dict):
            c.error(where, "%s must be a mapping of Tutor settings, got %s" % (key, type_name(inst[key])))
            inst[key] = {}
    for key in inst["config"]:
        if CREDENTIAL_KEY.search(str(key).upper()):
            c.error(where, "config.%s looks like a credential; put it in secrets (kept in a vault): the plan, which "
                    "validation prints and keeps, holds config but only the names of secrets" % (key,))
    _check_pod_security(c, where, inst, s)
    # The plan keeps the names of the instance's secrets, never their values: the role reads the
    # values from the inventory (vault) when it writes Tutor's config.yml.
    secret_keys, example_keys = [], []
    for key, value in sorted(inst.pop("secrets").items(), key=lambda kv: str(kv[0])):
        shape = secret_shape(value)
        if shape["type"] not in ("str", "int", "float") or shape["length"] == 0:
            c.error(where, "secrets.%s must be a non-empty string, got a value of type %s" % (key, shape["type"]))
        elif shape["example"]:
            example_keys.append(str(key))
        secret_keys.append(str(key))
        if key in inst["config"]:
            c.error(where, "%s is set in both config and secrets; keep it in secrets only" % (key,))
    inst["secret_keys"] = secret_keys
    inst["example_secret_keys"] = example_keys
    plugins = []
    if not isinstance(inst["plugins"], list):
        c.error(where, "plugins must be a list")
    else:
        for pindex, plugin in enumerate(inst["plugins"]):
            if isinstance(plugin, dict) and plugin.get("name") and plugin.get("pip"):
                plugins.append({"name": str(plugin["name"]), "pip": str(plugin["pip"])})
            else:
                c.error(where, "plugins[%d] must be a mapping with 'name' (the Tutor plugin) and 'pip' "
                        "(its pip requirement), got %r" % (pindex, plugin))
    # Every instance autoscales (the talk's operators run HPA as their standard): the pod-autoscaling
    # plugin is added for the instance's Tutor release unless the inventory lists it.
    if not any(p["name"] == AUTOSCALING_PLUGIN for p in plugins):
        default = default_autoscaling_plugin(inst["tutor_version"])
        if default is not None:
            plugins.append(default)
        elif item.get("autoscaling"):
            c.error(where, "autoscaling is declared, but tutor-contrib-pod-autoscaling has no release for Tutor %s "
                    "(releases exist for Tutor %s); list a plugin that provides it, or remove autoscaling"
                    % (inst["tutor_version"], ", ".join(str(m) for m in sorted(AUTOSCALING_PLUGIN_RELEASES))))
        else:
            c.warn(where, "tutor-contrib-pod-autoscaling has no release for Tutor %s: the instance gets no "
                   "HorizontalPodAutoscaler and runs min_replicas pods" % (inst["tutor_version"],))
    inst["autoscaled"] = any(p["name"] == AUTOSCALING_PLUGIN for p in plugins)
    inst["plugins"] = plugins
    workers = inst["uwsgi_workers"]
    if workers is not None and (not is_int(workers) or workers < 1):
        c.error(where, "uwsgi_workers must be a positive integer, got %r" % (workers,))
    users = inst["expected_concurrent_users"]
    if users is not None and (not is_int(users) or users < 0):
        c.error(where, "expected_concurrent_users must be a non-negative integer, got %r" % (users,))
    inst["resources"] = _normalise_resources(c, where, item.get("resources"))
    inst["autoscaling"] = _normalise_autoscaling(c, where, item.get("autoscaling"))
    lessons = item.get("lessons") or {}
    if not isinstance(lessons, dict):
        c.error(where, "lessons must be a mapping of switches")
        lessons = {}
    for switch, value in lessons.items():
        if switch not in LESSON_SWITCHES:
            c.error(where, "lessons has no switch '%s'; switches: %s" % (switch, ", ".join(sorted(LESSON_SWITCHES))))
        elif not is_bool(value):
            c.error(where, "lessons.%s must be true or false, got %r" % (switch, value))
    inst["lessons"] = lessons
    return inst


def _check_pod_security(c, where, inst, s):
    """The Pod Security level of the instance's namespace (a label the Tutor plugin sets)."""
    for key, default in POD_SECURITY_SETTINGS:
        level = inst["config"].get(key, default)
        if level in ("", None, False):
            continue
        if level not in POD_SECURITY_LEVELS:
            c.error(where, "config.%s '%s' is not a Pod Security level; use one of %s, or '' for no label"
                    % (key, level, ", ".join(POD_SECURITY_LEVELS)))
    enforce = inst["config"].get("OPENEDX_OPS_POD_SECURITY", "baseline")
    if enforce == "restricted":
        c.warn(where, "config.OPENEDX_OPS_POD_SECURITY is restricted: Tutor's pods do not meet it (some run as "
               "root, none sets a seccomp profile or drops all capabilities), so Kubernetes rejects them unless "
               "plugins patch every one; baseline is the level they meet")
    elif enforce in ("", None, False) and s["rke2_cis_profile"] is True:
        c.warn(where, "config.OPENEDX_OPS_POD_SECURITY is empty, so the namespace has no Pod Security label and "
               "rke2_cis_profile's default, restricted, applies: Kubernetes rejects Tutor's pods (some run as "
               "root); leave it at baseline")


def _normalise_resources(c, where, given):
    given = given or {}
    if not isinstance(given, dict):
        c.error(where, "resources must be a mapping per service (%s)" % ", ".join(SERVICES))
        given = {}
    result = {}
    for key in given:
        if key not in SERVICES:
            c.error(where, "resources has unknown service '%s'; services: %s" % (key, ", ".join(SERVICES)))
    for service in SERVICES:
        svc = given.get(service) or {}
        if not isinstance(svc, dict):
            c.error(where, "resources.%s must be a mapping with requests and limits, got %r" % (service, svc))
            svc = {}
        for part in svc:
            if part not in ("requests", "limits"):
                c.error(where, "resources.%s has unknown key '%s'; use requests and limits" % (service, part))
        entry = {}
        parsed = {}
        for part in ("requests", "limits"):
            values = dict(DEFAULT_RESOURCES[part])
            given_part = svc.get(part) or {}
            if not isinstance(given_part, dict):
                c.error(where, "resources.%s.%s must be a mapping like {cpu: 200m, memory: 1Gi}, got %r"
                        % (service, part, given_part))
                given_part = {}
            values.update(given_part)
            entry[part] = values
            for res, value in values.items():
                if res not in ("cpu", "memory"):
                    c.error(where, "resources.%s.%s has unknown resource '%s'; use cpu and memory"
                            % (service, part, res))
                    continue
                try:
                    parsed[(part, res)] = (cpu_millicores if res == "cpu" else memory_bytes)(value)
                except QuantityError as exc:
                    c.error(where, "resources.%s.%s.%s: %s" % (service, part, res, exc))
        for res in ("cpu", "memory"):
            req, lim = parsed.get(("requests", res)), parsed.get(("limits", res))
            if req is not None and lim is not None and req > lim:
                c.error(where, "resources.%s: the %s request %s exceeds its limit %s; a request must be "
                        "at most its limit" % (service, res, entry["requests"][res], entry["limits"][res]))
        entry["_millicores"] = parsed.get(("requests", "cpu"), 0)
        entry["_bytes"] = parsed.get(("requests", "memory"), 0)
        result[service] = entry
    return result


def _normalise_autoscaling(c, where, given):
    given = given or {}
    if not isinstance(given, dict):
        c.error(where, "autoscaling must be a mapping per service (%s)" % ", ".join(SERVICES))
        given = {}
    for key in given:
        if key not in SERVICES:
            c.error(where, "autoscaling has unknown service '%s'; services: %s" % (key, ", ".join(SERVICES)))
    result = {}
    for service in SERVICES:
        entry = dict(DEFAULT_AUTOSCALING[service])
        svc = given.get(service) or {}
        if not isinstance(svc, dict):
            c.error(where, "autoscaling.%s must be a mapping (min_replicas, max_replicas, target_cpu_utilization), "
                    "got %r" % (service, svc))
        else:
            for key in svc:
                if key not in entry:
                    c.error(where, "autoscaling.%s has unknown key '%s'; keys: %s"
                            % (service, key, ", ".join(sorted(entry))))
            entry.update(dict((k, v) for k, v in svc.items() if k in entry))
        ok = True
        for key in ("min_replicas", "max_replicas"):
            if not is_int(entry[key]) or entry[key] < 1:
                c.error(where, "autoscaling.%s.%s must be an integer of at least 1, got %r"
                        % (service, key, entry[key]))
                ok = False
        target = entry["target_cpu_utilization"]
        if not is_int(target) or not 1 <= target <= 100:
            c.error(where, "autoscaling.%s.target_cpu_utilization must be a percentage from 1 to 100, got %r"
                    % (service, target))
        if ok and entry["min_replicas"] > entry["max_replicas"]:
            c.error(where, "autoscaling.%s: min_replicas %d is greater than max_replicas %d"
                    % (service, entry["min_replicas"], entry["max_replicas"]))
        result[service] = entry
    return result


def drop_parsed_quantities(inst):
    """Remove the request quantities normalise_instance parsed for the capacity plan (not part of the plan)."""
    for service in inst["resources"].values():
        service.pop("_millicores", None)
        service.pop("_bytes", None)
    return inst


def plan_instances(c, instances, s):
    """Every instance normalised (defaults filled in, secrets as names), and those whose own settings
    are valid and that are present: the ones the capacity plan sizes."""
    seen_names, seen_hosts = {}, {}
    if s["cluster_api_fqdn"] and is_fqdn(s["cluster_api_fqdn"]):
        seen_hosts[s["cluster_api_fqdn"].lower()] = "cluster_api_fqdn"
    normalised = []
    if instances is None:
        instances = []
    if not isinstance(instances, list):
        c.error("openedx_instances", "must be a list of instances")
        instances = []
    plannable = []
    for index, item in enumerate(instances):
        errors_before = len(c.errors)
        inst = normalise_instance(c, index, item, s, seen_names, seen_hosts)
        if inst is not None and len(c.errors) == errors_before:
            # What Tutor gets (owned settings, plugin requirements, search, sizing): instance_rules.
            where = "instance %s" % inst["name"]
            for severity, message in check_instance(where, inst):
                (c.error if severity == "error" else c.warn)(where, message[len(where) + 2:])
        if inst is not None:
            normalised.append(inst)
            # Only instances whose own settings are valid are sized.
            if len(c.errors) == errors_before and inst["state"] == "present":
                plannable.append(inst)
    return normalised, plannable
