# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tutor settings of an Open edX instance, from its item in the plan.

Pure functions: the role passes the result to the tutor_project module. The instance's
own ``config`` always wins over what is computed here.
"""

from __future__ import annotations

import hashlib
import re

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import cpu_millicores, memory_bytes

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
# tutor-mfe per Tutor major release (its newest release on PyPI requiring that major): learners need the
# MFEs (courseware, account, ...) on every release the collection supports, so every instance gets them.
MFE_PLUGIN = "mfe"
MFE_PLUGIN_RELEASES = {
    18: "18.1.1",
    19: "19.0.1",
    20: "20.1.1",
    21: "21.0.2",
    22: "22.1.0",
}
SERVICE_NAMES = {"lms": "lms", "cms": "cms", "lms_worker": "lms-worker", "cms_worker": "cms-worker"}
WEB_SERVICES = ("lms", "cms")
WORKER_SERVICES = ("lms_worker", "cms_worker")

# Memory budgets per process, from tutor-contrib-pod-autoscaling's own sizing: an LMS or CMS pod of
# Tutor's default 2 uWSGI workers requests 800Mi, so 400Mi per uWSGI worker; a Celery worker pod
# requests 750Mi, about 400Mi per prefork process. An instance may set its own measured figures in
# config (OPENEDX_OPS_UWSGI_WORKER_MEMORY, OPENEDX_OPS_CELERY_PROCESS_MEMORY).
UWSGI_WORKER_MEMORY = "400Mi"
CELERY_PROCESS_MEMORY = "400Mi"
TUTOR_UWSGI_WORKERS = 2

# Minimum replicas of the web Deployments (lms, cms, Caddy, MFE) when the plan has room: one pod
# can then be drained or rolled while the other serves.
WEB_MIN_REPLICAS_WITH_ROOM = 2

# Lessons switch -> the plugin settings it turns off, and the value that turns each off.
LESSON_SWITCHES = {
    "probes": ["OPENEDX_OPS_PROBES"],
    "graceful_termination": ["OPENEDX_OPS_PRESTOP"],
    "worker_grace": ["OPENEDX_OPS_WORKER_GRACE"],
    "conn_max_age": ["OPENEDX_OPS_CONN_MAX_AGE"],
    "client_ip": ["OPENEDX_OPS_CLIENT_IP_FROM_INGRESS"],
    "resources": ["OPENEDX_OPS_RESOURCES", "OPENEDX_OPS_CADDY_RESOURCES"],
    "uwsgi_graceful_stop": ["OPENEDX_OPS_UWSGI_GRACEFUL_STOP"],
    "disruption_budgets": ["OPENEDX_OPS_DISRUPTION_BUDGETS"],
    "network_policy": ["OPENEDX_OPS_NETWORK_POLICY"],
}
LESSON_OFF_VALUES = {"OPENEDX_OPS_RESOURCES": {}, "OPENEDX_OPS_CADDY_RESOURCES": {}, "OPENEDX_OPS_CONN_MAX_AGE": 0}

# The Tutor settings the collection computes from the instance's own keys (hosts, https, name,
# resources, autoscaling, uwsgi_workers) and from the cluster: an instance's config may not set them
# (the value would silently disagree with the plan). instance_rules refuses them at validation.
OWNED_KEYS = (
    "LMS_HOST", "CMS_HOST", "ENABLE_HTTPS", "ENABLE_WEB_PROXY", "K8S_NAMESPACE",
    "OPENEDX_LMS_UWSGI_WORKERS", "OPENEDX_CMS_UWSGI_WORKERS",
    "OPENEDX_OPS_RESOURCES", "OPENEDX_OPS_INGRESS", "OPENEDX_OPS_INGRESS_CLASS", "OPENEDX_OPS_CLUSTER_ISSUER",
    "OPENEDX_OPS_INGRESS_NAMESPACE", "OPENEDX_OPS_REPLICAS",
    "K8S_HARMONY_NAMESPACE", "K8S_HARMONY_INGRESS_CLASS_NAME",
    "POD_AUTOSCALING_EXTRA_SERVICES", "OPENEDX_OPS_CLIENT_IP_INDEX",
)
# Tutor 18's own search settings (templates/config/defaults.yml): the instance's Elasticsearch, which
# the harmony plugin's overrides replace with the shared search cluster.
OWN_SEARCH_SETTINGS = {"RUN_ELASTICSEARCH": True, "ELASTICSEARCH_HOST": "elasticsearch", "ELASTICSEARCH_SCHEME": "http"}
SHARED_SEARCH_SETTING = "K8S_HARMONY_ENABLE_SHARED_SEARCH_CLUSTER"


class SettingsError(ValueError):
    pass


def _cores(value):
    """Kubernetes CPU quantity -> cores as a number (the pod-autoscaling plugin compares it with 0)."""
    millis = cpu_millicores(value)
    return millis // 1000 if millis % 1000 == 0 else millis / 1000.0


def web_min_replicas(instance, room):
    """Minimum replicas of each of lms and cms: at least WEB_MIN_REPLICAS_WITH_ROOM when the plan has
    room (``room``: the capacity plan fits every instance at max_replicas) and max_replicas allows it."""
    result = {}
    for key in WEB_SERVICES:
        scale = instance["autoscaling"][key]
        wanted = min(WEB_MIN_REPLICAS_WITH_ROOM, scale["max_replicas"]) if room else 1
        result[key] = max(scale["min_replicas"], wanted)
    return result


def autoscaling_services(instance, room=False):
    """POD_AUTOSCALING_EXTRA_SERVICES from the instance's resources and autoscaling."""
    services = {}
    web = web_min_replicas(instance, room)
    for key, name in SERVICE_NAMES.items():
        res = instance["resources"][key]
        scale = instance["autoscaling"][key]
        services[name] = {
            "enable_hpa": True,
            "memory_request": res["requests"]["memory"],
            "cpu_request": _cores(res["requests"]["cpu"]),
            "memory_limit": res["limits"]["memory"],
            "cpu_limit": _cores(res["limits"]["cpu"]),
            "min_replicas": web.get(key, scale["min_replicas"]),
            "max_replicas": scale["max_replicas"],
            "avg_cpu": scale["target_cpu_utilization"],
            "avg_memory": "",
            "enable_vpa": False,
            "behavior": {},
        }
    return services


def celery_concurrency(instance):
    """Celery processes per worker pod: what its memory limit holds at the per-process budget, one
    budget kept for Celery's parent process, at least 1 (Celery's own default, one process per node
    CPU, ignores the pod's limit). The instance's config OPENEDX_OPS_CELERY_CONCURRENCY wins per worker."""
    own = instance.get("config") or {}
    per_process = memory_bytes(own.get("OPENEDX_OPS_CELERY_PROCESS_MEMORY", CELERY_PROCESS_MEMORY))
    result = {}
    for key in WORKER_SERVICES:
        limit = memory_bytes(instance["resources"][key]["limits"]["memory"])
        result[SERVICE_NAMES[key]] = max(1, limit // per_process - 1)
    given = own.get("OPENEDX_OPS_CELERY_CONCURRENCY")
    if isinstance(given, dict):
        result.update(given)
    return result


def effective_plugins(instance):
    """The instance's plugins with the defaults every instance gets (tutor-mfe at its Tutor release)
    added when the instance does not list them."""
    plugins = [dict(p) for p in instance["plugins"]]
    names = [p["name"] for p in plugins]
    for default in (default_mfe_plugin(instance["tutor_version"]), default_autoscaling_plugin(instance["tutor_version"])):
        if default is not None and default["name"] not in names:
            plugins.append(default)
    return plugins


def client_ip_index(lb_ingress_mode="proxy_protocol", ingress_class="traefik"):
    """The X-Forwarded-For entry, counted from the right, that Open edX takes as the client's address.

    Every hop appends the address it received the request from, so counting from the right skips the hops the
    cluster adds and cannot be forged by a client (whose own X-Forwarded-For stays to the left):
    - proxy_protocol: Traefik reads the client's address from the load balancer's PROXY header, drops what the
      client sent (the client is not a trusted source) and sets "client"; Tutor's Caddy, which trusts every
      proxy in Kubernetes, appends Traefik's pod: "client, traefik" -> -2.
    - terminate_tls with Traefik: HAProxy appends the client ("..., client"); Traefik trusts the load balancers'
      X-Forwarded-For and appends the load balancer ("..., client, lb"); Caddy appends Traefik's pod -> -3.
    - ingress-nginx: its real-IP module, trusting only the load balancers, makes the client its remote address
      in both modes, and it appends that address: the client stays second from the right -> -2.
    """
    if lb_ingress_mode == "terminate_tls" and ingress_class == "traefik":
        return -3
    return -2


def instance_settings(instance, harmony_namespace="harmony", ingress_class="traefik",
                      cluster_issuer="harmony-letsencrypt-global", ingress_namespace=None, room=False,
                      lb_ingress_mode="proxy_protocol"):
    """(config, plugin names) for ``instance``: the settings Tutor gets, secrets excluded.

    ``room``: the plan's capacity fits every instance at max_replicas; the web Deployments then run
    at least WEB_MIN_REPLICAS_WITH_ROOM pods. ``ingress_namespace``: where the ingress controller
    runs (the NetworkPolicy admits it), by default the harmony namespace."""
    own = instance.get("config") or {}
    owned = sorted(k for k in own if k in OWNED_KEYS)
    if owned:
        raise SettingsError("instance %s: config sets %s, which the collection computes from the instance's own "
                            "keys and the cluster; remove it from config" % (instance["name"], ", ".join(owned)))
    plugins = [p["name"] for p in effective_plugins(instance)]
    lessons = instance.get("lessons") or {}
    # HorizontalPodAutoscalers scale on CPU use relative to the requests: with the resources lesson off
    # there are no requests, so the Deployments keep a fixed number of replicas (their minimum) instead.
    autoscaled = AUTOSCALING_PLUGIN in plugins and bool(lessons.get("resources", True))
    web = web_min_replicas(instance, room)
    replicas = {"caddy": WEB_MIN_REPLICAS_WITH_ROOM if room else 1}
    if MFE_PLUGIN in plugins:
        replicas["mfe"] = replicas["caddy"]
    if not autoscaled:
        # Without HorizontalPodAutoscalers the Deployments' replicas are the minimum.
        for key, name in SERVICE_NAMES.items():
            replicas[name] = web.get(key, instance["autoscaling"][key]["min_replicas"])
    config = {
        "LMS_HOST": instance["lms_host"],
        "CMS_HOST": instance["cms_host"],
        "ENABLE_HTTPS": bool(instance["https"]),
        # The cluster's ingress terminates TLS and routes; Tutor's own proxy would be a second one.
        "ENABLE_WEB_PROXY": False,
        "K8S_NAMESPACE": instance["name"],
        "OPENEDX_OPS_RESOURCES": dict((SERVICE_NAMES[k], v) for k, v in instance["resources"].items()),
        # The collection's plugin routes every public host Caddy serves that the harmony plugin does not.
        "OPENEDX_OPS_INGRESS": True,
        "OPENEDX_OPS_INGRESS_CLASS": ingress_class,
        "OPENEDX_OPS_CLUSTER_ISSUER": cluster_issuer,
        "OPENEDX_OPS_INGRESS_NAMESPACE": ingress_namespace or harmony_namespace,
        "OPENEDX_OPS_REPLICAS": replicas,
        "OPENEDX_OPS_CELERY_CONCURRENCY": celery_concurrency(instance),
        "OPENEDX_OPS_CLIENT_IP_INDEX": client_ip_index(lb_ingress_mode, ingress_class),
    }
    if instance.get("uwsgi_workers"):
        config["OPENEDX_LMS_UWSGI_WORKERS"] = instance["uwsgi_workers"]
        config["OPENEDX_CMS_UWSGI_WORKERS"] = instance["uwsgi_workers"]
    if HARMONY_PLUGIN in plugins:
        # The harmony plugin makes the Ingress of the hosts it knows; it reads its namespace from
        # config.yml, and its default ingress class (nginx) is not the cluster's.
        config["K8S_HARMONY_NAMESPACE"] = harmony_namespace
        config["K8S_HARMONY_INGRESS_CLASS_NAME"] = ingress_class
        if not own.get(SHARED_SEARCH_SETTING):
            # Its overrides point search at the shared cluster even when that is not deployed.
            config.update(OWN_SEARCH_SETTINGS)
    if autoscaled:
        config["POD_AUTOSCALING_EXTRA_SERVICES"] = autoscaling_services(instance, room)
    elif AUTOSCALING_PLUGIN in plugins:
        # The plugin is installed but must neither scale nor write resources (its defaults would).
        config["POD_AUTOSCALING_EXTRA_SERVICES"] = dict(
            (name, dict(service, enable_hpa=False))
            for name, service in autoscaling_services(instance, room).items())
    for lesson, enabled in lessons.items():
        if lesson not in LESSON_SWITCHES:
            raise SettingsError("instance %s: lessons has no switch '%s'; switches: %s"
                                % (instance["name"], lesson, ", ".join(sorted(LESSON_SWITCHES))))
        if not enabled:
            for key in LESSON_SWITCHES[lesson]:
                config[key] = LESSON_OFF_VALUES.get(key, False)
    config.update((k, v) for k, v in own.items() if k != "OPENEDX_OPS_CELERY_CONCURRENCY")
    return config, [LESSONS_PLUGIN] + [p for p in plugins if p != LESSONS_PLUGIN]


def default_mfe_plugin(tutor_version):
    """The tutor-mfe plugin entry for ``tutor_version``, or None when no release is known for it."""
    major = _major(tutor_version)
    release = MFE_PLUGIN_RELEASES.get(major)
    if release is None:
        return None
    return {"name": MFE_PLUGIN, "pip": "tutor-mfe==%s" % release}


def _major(tutor_version):
    try:
        return int(str(tutor_version).split(".", 1)[0])
    except ValueError:
        return None


def default_autoscaling_plugin(tutor_version):
    """The pod-autoscaling plugin entry for ``tutor_version``, or None when no release exists for it."""
    release = AUTOSCALING_PLUGIN_RELEASES.get(_major(tutor_version))
    if release is None:
        return None
    return {"name": AUTOSCALING_PLUGIN, "pip": "tutor-contrib-pod-autoscaling==%s" % release}


def venv_name(instance):
    """Instances with the same Tutor release and plugin requirements share one virtualenv."""
    requirements = sorted(p["pip"] for p in effective_plugins(instance))
    digest = hashlib.sha256("\n".join(requirements).encode()).hexdigest()[:10]
    return "tutor-%s-%s" % (instance["tutor_version"], digest)


_PINNED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9][A-Za-z0-9.+!_-]*)$")


def _dist_key(name):
    """A distribution name as pip writes it in ``<name>-<version>.dist-info`` (runs of -, _ and . as one _),
    compared without case."""
    return re.sub(r"[-_.]+", "_", name).lower()


def requirements_installed(requirements, dist_infos):
    """Whether a virtualenv whose site-packages hold the ``*.dist-info`` names ``dist_infos`` already has every
    requirement: only pinned ones (``name==version``) can be told from the names; any other requirement (a range,
    a URL) is never taken as installed, so pip decides."""
    installed = set()
    for entry in dist_infos:
        if entry.endswith(".dist-info") and "-" in entry:
            name, version = entry[:-len(".dist-info")].rsplit("-", 1)
            installed.add((_dist_key(name), version))
    for requirement in requirements:
        match = _PINNED.match(requirement)
        if not match or (_dist_key(match.group(1)), match.group(2)) not in installed:
            return False
    return True


def venv_requirements(instance):
    return ["tutor==%s" % instance["tutor_version"]] + sorted(p["pip"] for p in effective_plugins(instance))
