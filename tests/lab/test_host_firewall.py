"""host_prep's host firewall (module host_firewall) on a real ufw, in an extra lab host made as the others.

fw1 (172.30.0.61) joins the lab's plan as a worker through an extra inventory; ufw is installed and enabled on it
with an operator's own rule (SSH), a rule of ours for a peer that is gone, and a port an earlier release opened to
everyone. One converge then leaves exactly the plan's rules and the operator's; check mode changes nothing; a
second run changes nothing; and the kernel enforces the result: a node reaches the kubelet port, the NFS server
(not a node) does not. Issue 17 (least privilege, stale peers) and issue 14 (one module call per node)."""

import os
import subprocess
import tempfile

import pytest
import yaml
from labtools import ROOT, changed_by_host, docker, playbook

STATE = os.environ.get("LAB_STATE_DIR", os.path.join(ROOT, ".lab"))
ENV = {"OXLAB_SSH_KEY": os.path.join(STATE, "ssh", "id_ed25519"), "LAB_STATE_DIR": STATE}
NAME, ADDRESS = "fw1", "172.30.0.61"
GONE = "172.30.0.99"  # a peer of an earlier plan


def lab_script(*args):
    subprocess.run([os.path.join(ROOT, "scripts", "lab")] + list(args), check=True, capture_output=True, text=True,
                   env=dict(os.environ, **ENV))


def on_fw(command, check=True):
    return docker("exec", "oxlab-" + NAME, "sh", "-c", command, check=check)


def reaches(container, port):
    probe = ("import socket,sys; s=socket.socket(); s.settimeout(2)\n"
             "try:\n s.connect(('%s', %d)); print('open')\nexcept OSError as e:\n print('closed', type(e).__name__)"
             % (ADDRESS, port))
    return docker("exec", container, "python3", "-c", probe).stdout.strip() == "open"


@pytest.fixture(scope="module")
def fw_host():
    handle = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
    yaml.safe_dump({"all": {"children": {"lab": {"children": {"k8s_cluster": {"children": {"workers": {
        "hosts": {NAME: {"ansible_host": ADDRESS}}}}}}}}}}, handle)
    handle.close()
    try:
        lab_script("extra-up", NAME, ADDRESS)
        on_fw("apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ufw >/dev/null")
        on_fw("ufw allow 22/tcp && ufw allow 8472/udp && "
              "ufw allow from %s to any port 10250 proto tcp comment 'openedx_ops kubelet' && ufw --force enable" % GONE)
        yield handle.name
    finally:
        lab_script("extra-down", NAME)
        os.unlink(handle.name)


def converge(inventory, *extra):
    return playbook("-i", inventory, "tests/lab/files/host_firewall.yml", *extra, env=ENV)


def added():
    return sorted(line for line in on_fw("ufw show added").stdout.splitlines() if line.startswith("ufw "))


def test_the_firewall_converges_to_the_plan_in_one_call_and_the_kernel_enforces_it(fw_host):
    before = added()
    check = converge(fw_host, "--check", "--diff")
    assert changed_by_host(check.stdout)[NAME] == 1
    assert "-allow 10250/tcp from %s  # openedx_ops kubelet" % GONE in check.stdout  # the diff names the stale peer
    assert added() == before, "check mode changed the rules"

    first = converge(fw_host)
    assert changed_by_host(first.stdout)[NAME] == 1
    rules = added()
    assert "ufw allow 22/tcp" in rules, "the operator's own rule was touched"
    assert not any(GONE in r for r in rules), "the rule of a peer that left stayed"
    assert "ufw allow 8472/udp" not in rules, "the port opened to everyone stayed open"
    assert ("ufw allow from 172.30.0.41 to any port 10250 proto tcp comment 'openedx_ops kubelet'") in rules
    assert ("ufw allow from 172.30.0.11 to any port 30080 proto tcp comment 'openedx_ops ingress HTTP NodePort'"
            in rules)
    assert not any("2379" in r for r in rules), "a worker opened etcd"
    # Every rule of ours names one peer: nothing else is open to any source.
    assert all(" from " in r for r in rules if r != "ufw allow 22/tcp"), rules

    again = converge(fw_host)
    assert changed_by_host(again.stdout)[NAME] == 0

    on_fw("nohup python3 -m http.server 10250 >/dev/null 2>&1 &")
    try:
        assert reaches("oxlab-worker1", 10250), "a node cannot reach the kubelet port"
        assert not reaches("oxlab-nfs1", 10250), "the NFS server (not a node) reaches the kubelet port"
        assert not reaches("oxlab-lb1", 10250), "a load balancer reaches the kubelet port"
    finally:
        on_fw("pkill -f 'http.server 10250'", check=False)
