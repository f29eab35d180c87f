# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tutor settings of an Open edX instance, from its item in the plan.

Pure functions: the role passes the result to the tutor_project module. The instance's
own ``config`` always wins over what is computed here.
"""

from __future__ import annotations

import hashlib

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import cpu_millicores

LESSONS_PLUGIN = "openedx_ops"
HARMONY_PLUGIN = "k8s_harmony"
AUTOSCALING_PLUGIN = "pod-autoscaling"
# tutor-contrib-pod-autoscaling per Tutor major release (its releases on PyPI, each requiring that
# major): every instance gets its HorizontalPodAutoscalers without listing the plugin.
AUTOSCALING_PLUGIN_RELEASES = {
    18: "18.0.1",
    19: "19.0.0",
    20: "20.0.0",
    21: "21.0.0",
    22: "22.1.0",
}
SERVICE_NAMES = {"lms": "lms", "cms": "cms", "lms_worker": "lms-worker", "cms_worker": "cms-worker"}

# Lessons switch -> the plugin settings it turns off.
LESSON_SWITCHES = {
    "probes": ["OPENEDX_OPS_PROBES"],
    "graceful_termination": ["OPENEDX_OPS_PRESTOP"],
    "worker_grace": ["OPENEDX_OPS_WORKER_GRACE"],
    "conn_max_age": ["OPENEDX_OPS_CONN_MAX_AGE"],
    "client_ip": ["OPENEDX_OPS_CLIENT_IP_FROM_INGRESS"],
    "resources": ["OPENEDX_OPS_RESOURCES"],
}


class SettingsError(ValueError):
    pass


def _cores(value):
    """Kubernetes CPU quantity -> cores as a number (the pod-autoscaling plugin compares it with 0)."""
    millis = cpu_millicores(value)
    return millis // 1000 if millis % 1000 == 0 else millis / 1000.0


def autoscaling_services(instance):
    """POD_AUTOSCALING_EXTRA_SERVICES from the instance's resources and autoscaling."""
    services = {}
    for key, name in SERVICE_NAMES.items():
        res = instance["resources"][key]
        scale = instance["autoscaling"][key]
        services[name] = {
            "enable_hpa": True,
            "memory_request": res["requests"]["memory"],
            "cpu_request": _cores(res["requests"]["cpu"]),
            "memory_limit": res["limits"]["memory"],
            "cpu_limit": _cores(res["limits"]["cpu"]),
            "min_replicas": scale["min_replicas"],
            "max_replicas": scale["max_replicas"],
            "avg_cpu": scale["target_cpu_utilization"],
            "avg_memory": "",
            "enable_vpa": False,
            "behavior": {},
        }
    return services


def instance_settings(instance, harmony_namespace="harmony", ingress_class="traefik",
                      cluster_issuer="harmony-letsencrypt-global"):
    """(config, plugin names) for ``instance``: the settings Tutor gets, secrets excluded."""
    plugins = [p["name"] for p in instance["plugins"]]
    config = {
        "LMS_HOST": instance["lms_host"],
        "CMS_HOST": instance["cms_host"],
        "ENABLE_HTTPS": bool(instance["https"]),
        # The cluster's ingress terminates TLS and routes; Tutor's own proxy would be a second one.
        "ENABLE_WEB_PROXY": False,
        "K8S_NAMESPACE": instance["name"],
        "OPENEDX_OPS_RESOURCES": dict((SERVICE_NAMES[k], v) for k, v in instance["resources"].items()),
        "OPENEDX_OPS_INGRESS_CLASS": ingress_class,
        "OPENEDX_OPS_CLUSTER_ISSUER": cluster_issuer,
    }
    if instance.get("uwsgi_workers"):
        config["OPENEDX_LMS_UWSGI_WORKERS"] = instance["uwsgi_workers"]
        config["OPENEDX_CMS_UWSGI_WORKERS"] = instance["uwsgi_workers"]
    if HARMONY_PLUGIN in plugins:
        # The harmony plugin makes the Ingress; it reads its namespace from config.yml.
        config["K8S_HARMONY_NAMESPACE"] = harmony_namespace
        config["OPENEDX_OPS_INGRESS"] = False
    else:
        # No harmony plugin for this Tutor release: the lessons plugin makes the Ingress.
        config["OPENEDX_OPS_INGRESS"] = True
    if AUTOSCALING_PLUGIN in plugins:
        config["POD_AUTOSCALING_EXTRA_SERVICES"] = autoscaling_services(instance)
    for lesson, enabled in (instance.get("lessons") or {}).items():
        if lesson not in LESSON_SWITCHES:
            raise SettingsError("instance %s: lessons has no switch '%s'; switches: %s"
                                % (instance["name"], lesson, ", ".join(sorted(LESSON_SWITCHES))))
        if not enabled:
            for key in LESSON_SWITCHES[lesson]:
                config[key] = {} if key == "OPENEDX_OPS_RESOURCES" else (0 if key == "OPENEDX_OPS_CONN_MAX_AGE" else False)
    config.update(instance.get("config") or {})
    return config, [LESSONS_PLUGIN] + [p for p in plugins if p != LESSONS_PLUGIN]


def default_autoscaling_plugin(tutor_version):
    """The pod-autoscaling plugin entry for ``tutor_version``, or None when no release exists for it."""
    try:
        major = int(str(tutor_version).split(".", 1)[0])
    except ValueError:
        return None
    release = AUTOSCALING_PLUGIN_RELEASES.get(major)
    if release is None:
        return None
    return {"name": AUTOSCALING_PLUGIN, "pip": "tutor-contrib-pod-autoscaling==%s" % release}


def venv_name(instance):
    """Instances with the same Tutor release and plugin requirements share one virtualenv."""
    requirements = sorted(p["pip"] for p in instance["plugins"])
    digest = hashlib.sha256("\n".join(requirements).encode()).hexdigest()[:10]
    return "tutor-%s-%s" % (instance["tutor_version"], digest)


def venv_requirements(instance):
    return ["tutor==%s" % instance["tutor_version"]] + sorted(p["pip"] for p in instance["plugins"])
