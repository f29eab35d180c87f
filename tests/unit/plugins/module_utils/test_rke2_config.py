"""config.yaml per node kind, key by key against RKE2's documented option names."""

import os

import pytest
import yaml

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.rke2_config import (
    AGENT_OPTIONS, POD_SECURITY_CONFIG_FILE, SERVER_OPTIONS, ConfigError, node_config)
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import build_plan

from .topology_cases import TOKEN, good

# Option names as RKE2's reference pages spell them (docs.rke2.io/reference/server_config and
# linux_agent_config), written out independently of the module so a typo on either side fails.
DOCUMENTED_SERVER = {
    "token", "server", "tls-san", "node-ip", "node-name", "node-label", "node-taint", "write-kubeconfig-mode",
    "disable", "ingress-controller", "disable-apiserver", "disable-controller-manager", "disable-scheduler",
    "disable-etcd", "etcd-snapshot-schedule-cron", "etcd-snapshot-retention", "profile",
    "pod-security-admission-config-file", "agent-token",
}
DOCUMENTED_AGENT = {"token", "server", "node-ip", "node-name", "node-label", "node-taint", "profile"}


def plan(**cluster):
    groups, hostvars, base, instances = good()
    base.update(cluster)
    return build_plan(groups, hostvars, base, instances)


def test_etcd_only_server():
    config = node_config(plan(), "etcd2", TOKEN)
    assert config == {
        "disable": ["rke2-ingress-nginx"],
        "disable-apiserver": True,
        "disable-controller-manager": True,
        "disable-scheduler": True,
        "etcd-snapshot-retention": 28,
        "etcd-snapshot-schedule-cron": "0 */6 * * *",
        "node-ip": "10.0.0.22",
        "node-label": ["openedx-ops.io/role=etcd"],
        "node-name": "etcd2",
        "node-taint": ["node-role.kubernetes.io/etcd=true:NoExecute"],
        "server": "https://10.0.0.21:9345",
        "tls-san": ["10.0.0.10", "k8s.example.org", "10.0.0.11", "10.0.0.12"],
        "token": TOKEN,
        "write-kubeconfig-mode": "0600",
    }
    assert set(config) <= DOCUMENTED_SERVER


def test_bootstrap_server_has_no_server_key():
    config = node_config(plan(), "etcd1", TOKEN)
    assert "server" not in config and config["disable-apiserver"] is True


def test_control_plane_only_server():
    config = node_config(plan(), "cp1", TOKEN)
    assert config["disable-etcd"] is True
    # every etcd server's supervisor through the load balancers, never one etcd server alone
    assert config["server"] == "https://k8s.example.org:9346"
    assert config["node-taint"] == ["node-role.kubernetes.io/control-plane=true:NoSchedule"]
    for key in ("disable-apiserver", "disable-scheduler", "disable-controller-manager",
                "etcd-snapshot-schedule-cron", "etcd-snapshot-retention"):
        assert key not in config
    assert set(config) <= DOCUMENTED_SERVER


def test_control_plane_never_without_server():
    p = plan()
    p["hosts"]["cp1"]["server_url"] = None
    with pytest.raises(ConfigError) as info:
        node_config(p, "cp1", TOKEN)
    assert "SQLite" not in str(info.value) and "no server to join" in str(info.value)


def test_agent():
    config = node_config(plan(), "w1", TOKEN)
    assert config == {
        "node-ip": "10.0.0.41",
        "node-label": ["openedx-ops.io/role=agent"],
        "node-name": "w1",
        "server": "https://k8s.example.org:9345",
        "token": TOKEN,
    }
    assert set(config) <= DOCUMENTED_AGENT


def test_agent_token_on_servers_and_as_the_agents_token():
    """RKE2: servers accept agent-token for agents only; agents present it as their token. So no worker
    holds the server token (which joins servers, i.e. the whole cluster)."""
    p = plan()
    agent_token = "A" * 40
    for host in ("etcd1", "cp1"):
        config = node_config(p, host, TOKEN, agent_token=agent_token)
        assert config["token"] == TOKEN and config["agent-token"] == agent_token
    agent = node_config(p, "w1", TOKEN, agent_token=agent_token)
    assert agent["token"] == agent_token and "agent-token" not in agent
    assert TOKEN not in yaml.safe_dump(agent)
    # without an agent token, agents fall back to the server token (the plan warns)
    assert node_config(p, "w1", TOKEN)["token"] == TOKEN
    assert "agent-token" not in node_config(p, "etcd1", TOKEN)


def test_cis_profile_and_new_ingress_option():
    config = node_config(plan(rke2_cis_profile=True, rke2_version="v1.36.1+rke2r1"), "cp2", TOKEN)
    assert config["profile"] == "cis"
    assert config["ingress-controller"] == "none" and "disable" not in config
    assert node_config(plan(rke2_cis_profile=True), "w2", TOKEN)["profile"] == "cis"


@pytest.mark.parametrize("host", ["etcd1", "etcd2", "cp1"])
def test_cis_profile_servers_name_the_collections_pod_security_configuration(host):
    config = node_config(plan(rke2_cis_profile=True), host, TOKEN)
    assert config["pod-security-admission-config-file"] == "/etc/rancher/rke2/openedx-ops-pss.yaml"
    assert set(config) <= DOCUMENTED_SERVER


def test_pod_security_configuration_only_with_cis_profile_and_only_on_servers():
    assert "pod-security-admission-config-file" not in node_config(plan(rke2_cis_profile=True), "w1", TOKEN)
    for host in ("etcd2", "cp1", "w1"):
        assert "pod-security-admission-config-file" not in node_config(plan(), host, TOKEN)


def test_psa_task_writes_the_file_servers_name():
    role = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "roles", "rke2")
    with open(os.path.join(role, "tasks", "configure.yml")) as handle:
        write = yaml.safe_load(handle)[0]
    assert write["vars"]["rke2_psa_path"] == POD_SECURITY_CONFIG_FILE


def test_extra_options_checked_by_name():
    config = node_config(plan(), "cp1", TOKEN, {"kubelet-arg": ["max-pods=150"]})
    assert config["kubelet-arg"] == ["max-pods=150"]
    with pytest.raises(ConfigError) as info:
        node_config(plan(), "cp1", TOKEN, {"tls-sans": ["x"]})
    assert "tls-sans not documented RKE2 server option" in str(info.value)
    with pytest.raises(ConfigError):
        node_config(plan(), "w1", TOKEN, {"disable-etcd": True})  # a server option on an agent


def test_not_a_node():
    with pytest.raises(ConfigError):
        node_config(plan(), "lb1", TOKEN)


def test_option_tables_contain_the_documented_names():
    assert DOCUMENTED_SERVER <= SERVER_OPTIONS
    assert DOCUMENTED_AGENT <= AGENT_OPTIONS
