# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""/etc/rancher/rke2/config.yaml for each kind of node, from the cluster plan.

The option names are RKE2's (docs.rke2.io, reference/server_config and
reference/linux_agent_config); every generated key is checked against these
sets so that a typo fails at generation time, not as an ignored line on a host.
"""

from __future__ import annotations

import re

# Documented server options that this collection writes or lets operators add.
SERVER_OPTIONS = frozenset([
    "token", "server", "tls-san", "node-ip", "node-name", "node-label", "node-taint", "advertise-address",
    "bind-address", "data-dir", "cluster-cidr", "service-cidr", "cluster-dns", "cluster-domain",
    "service-node-port-range", "write-kubeconfig-mode", "disable", "ingress-controller", "cni",
    "disable-apiserver", "disable-controller-manager", "disable-scheduler", "disable-etcd",
    "disable-kube-proxy", "disable-cloud-controller", "etcd-snapshot-schedule-cron", "etcd-snapshot-retention",
    "etcd-snapshot-dir", "etcd-snapshot-compress", "etcd-disable-snapshots", "etcd-expose-metrics", "profile",
    "selinux", "protect-kernel-defaults", "kube-apiserver-arg", "kube-controller-manager-arg",
    "kube-scheduler-arg", "kubelet-arg", "kube-proxy-arg", "etcd-arg", "system-default-registry",
    "private-registry", "secrets-encryption", "embedded-registry", "agent-token",
    "pod-security-admission-config-file",
])
AGENT_OPTIONS = frozenset([
    "token", "server", "node-ip", "node-name", "node-label", "node-taint", "data-dir", "profile", "selinux",
    "protect-kernel-defaults", "kubelet-arg", "kube-proxy-arg", "private-registry", "system-default-registry",
])

_VERSION = re.compile(r"^v1\.(\d+)\.")

# With rke2_cis_profile RKE2 enforces Pod Security "restricted" in every namespace but kube-system, which
# rejects the pods of the collection's add-ons (Vector and node-exporter use the host, the NFS provisioner an
# inline nfs volume). Servers then name the collection's AdmissionConfiguration instead (restricted by
# default, those namespaces exempt), which roles/rke2/tasks/configure.yml writes to this path.
POD_SECURITY_CONFIG_FILE = "/etc/rancher/rke2/openedx-ops-pss.yaml"


class ConfigError(ValueError):
    pass


def _minor(version):
    match = _VERSION.match(version or "")
    if not match:
        raise ConfigError("rke2_version '%s' is not like 'v1.33.5+rke2r1'" % (version,))
    return int(match.group(1))


def node_config(plan, host, token, extra=None, agent_token=None):
    """The config.yaml dict of ``host`` in ``plan``. ``extra`` holds operator-given options.

    With ``agent_token`` (the cluster variable rke2_agent_token) servers get it as RKE2's ``agent-token`` and
    agents join with it as their ``token``: an agent then holds no secret that joins a server (RKE2: the
    agent token joins agents only; the server token joins both). Without it agents use ``token``."""
    entry = plan["hosts"].get(host)
    if not entry or not entry.get("rke2_role"):
        raise ConfigError("host %s is not a Kubernetes node in the plan" % host)
    cluster = plan["cluster"]
    role = entry["rke2_role"]
    agent = role == "agent"
    config = {"token": agent_token if agent and agent_token else token, "node-name": host,
              "node-ip": entry["address"]}
    if agent_token and not agent:
        config["agent-token"] = agent_token
    if entry.get("server_url"):
        config["server"] = entry["server_url"]
    elif role == "control_plane":
        # disable-etcd without server: would start a one-node SQLite cluster.
        raise ConfigError("host %s is control-plane only and has no server to join; the plan must put "
                          "an etcd server first" % host)
    if entry["labels"]:
        config["node-label"] = list(entry["labels"])
    if entry["taints"]:
        config["node-taint"] = list(entry["taints"])
    if cluster.get("rke2_cis_profile"):
        config["profile"] = "cis"
    if not agent:
        if cluster.get("rke2_cis_profile"):
            config["pod-security-admission-config-file"] = POD_SECURITY_CONFIG_FILE
        config["tls-san"] = list(plan["tls_san"])
        config["write-kubeconfig-mode"] = "0600"
        if role in ("etcd", "server"):
            config["etcd-snapshot-schedule-cron"] = cluster["rke2_etcd_snapshot_schedule"]
            config["etcd-snapshot-retention"] = cluster["rke2_etcd_snapshot_retention"]
        if role == "etcd":
            config["disable-apiserver"] = True
            config["disable-controller-manager"] = True
            config["disable-scheduler"] = True
        if role == "control_plane":
            config["disable-etcd"] = True
        # The harmony chart brings the cluster's ingress controller.
        if _minor(cluster["rke2_version"]) >= 36:
            config["ingress-controller"] = "none"
        else:
            config["disable"] = ["rke2-ingress-nginx"]
    for key, value in (extra or {}).items():
        config[key] = value
    allowed = AGENT_OPTIONS if agent else SERVER_OPTIONS
    unknown = sorted(k for k in config if k not in allowed)
    if unknown:
        raise ConfigError("host %s: %s not documented RKE2 %s option%s" % (
            host, ", ".join(unknown), "agent" if agent else "server", "s" if len(unknown) > 1 else ""))
    return dict(sorted(config.items()))
