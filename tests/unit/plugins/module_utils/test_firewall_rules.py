"""The host firewall's rule set: from the plan, from `ufw show added`, and the difference (module host_firewall)."""

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.firewall_rules import (
    FirewallError, changes, command, describe, parse_added, wanted_rules)

# What ufw 0.36.2 (Debian 12) printed in a lab container, with rules of ours, an operator's and an old open one.
SHOW_ADDED = """Added user rules (see 'ufw status' for running firewall):
ufw allow from 172.30.0.41 to any port 10250 proto tcp comment 'openedx_ops kubelet'
ufw allow 22/tcp
ufw allow 8472/udp
ufw allow from 172.30.0.42 to any port 2379:2381 proto tcp comment 'openedx_ops etcd client, peer and metrics'
ufw allow from 10.9.0.0/16 to any port 9100 proto tcp comment 'node exporter'
ufw deny from 203.0.113.7
"""

PEERS = {"nodes": ["172.30.0.41", "172.30.0.43"], "servers": ["172.30.0.21"]}
RULES = [{"port": "10250", "proto": "tcp", "from": "nodes", "purpose": "kubelet"},
         {"port": "2379:2381", "proto": "tcp", "from": "servers", "purpose": "etcd client, peer and metrics"}]


def test_parse_added_reads_allow_rules_with_their_comments():
    rules = parse_added(SHOW_ADDED)
    assert rules == [
        {"port": "10250", "proto": "tcp", "from_ip": "172.30.0.41", "comment": "openedx_ops kubelet"},
        {"port": "22", "proto": "tcp", "from_ip": None, "comment": None},
        {"port": "8472", "proto": "udp", "from_ip": None, "comment": None},
        {"port": "2379:2381", "proto": "tcp", "from_ip": "172.30.0.42",
         "comment": "openedx_ops etcd client, peer and metrics"},
        {"port": "9100", "proto": "tcp", "from_ip": "10.9.0.0/16", "comment": "node exporter"},
    ]


def test_wanted_rules_one_per_port_and_peer_with_the_marker():
    wanted = wanted_rules(RULES, PEERS)
    assert [describe(r) for r in wanted] == [
        "allow 10250/tcp from 172.30.0.41  # openedx_ops kubelet",
        "allow 10250/tcp from 172.30.0.43  # openedx_ops kubelet",
        "allow 2379:2381/tcp from 172.30.0.21  # openedx_ops etcd client, peer and metrics",
    ]


def test_changes_add_what_is_missing_delete_stale_peers_and_old_open_rules_only():
    add, delete = changes(parse_added(SHOW_ADDED), wanted_rules(RULES, PEERS), remove_open=["8472/udp", "6443/tcp"])
    assert [describe(r) for r in add] == [
        "allow 10250/tcp from 172.30.0.43  # openedx_ops kubelet",
        "allow 2379:2381/tcp from 172.30.0.21  # openedx_ops etcd client, peer and metrics"]
    # 172.30.0.42 left the servers: its rule goes; the operator's SSH and node exporter rules stay.
    assert [describe(r) for r in delete] == [
        "allow 2379:2381/tcp from 172.30.0.42  # openedx_ops etcd client, peer and metrics",
        "allow 8472/udp from anywhere"]


def test_a_converged_node_needs_nothing():
    wanted = wanted_rules(RULES, PEERS)
    current = [dict(r) for r in wanted] + [{"port": "22", "proto": "tcp", "from_ip": None, "comment": None}]
    assert changes(current, wanted, remove_open=["10250/tcp"]) == ([], [])


def test_commands_are_argument_lists():
    rule = wanted_rules(RULES, PEERS)[0]
    assert command(rule) == ["ufw", "allow", "from", "172.30.0.41", "to", "any", "port", "10250", "proto", "tcp",
                             "comment", "openedx_ops kubelet"]
    assert command(rule, delete=True) == ["ufw", "delete", "allow", "from", "172.30.0.41", "to", "any", "port",
                                          "10250", "proto", "tcp"]
    opened = {"port": "8472", "proto": "udp", "from_ip": None}
    assert command(opened, delete=True) == ["ufw", "delete", "allow", "8472/udp"]


@pytest.mark.parametrize("rule, message", [
    ({"port": "1", "proto": "tcp", "from": "nobody", "purpose": "x"}, "unknown peer set nobody"),
    ({"port": "1", "proto": "tcp", "purpose": "x"}, "has no from"),
])
def test_bad_plan_rules_are_named(rule, message):
    with pytest.raises(FirewallError, match=message):
        wanted_rules([rule], PEERS)
