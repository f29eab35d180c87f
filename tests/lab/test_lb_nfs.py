"""The load-balancer and NFS layers on the lab, with real HAProxy, keepalived and NFS-Ganesha.

Needs the lab (scripts/lab up). Run by tests/lab/run.
"""

import json
import os
import re
import subprocess
import sys
import time
import uuid

import pytest
from labtools import LBS, ROOT, VIP, changed_by_host, docker, playbook, record_result, vip_holder

HERE = os.path.dirname(__file__)
CLIENT = "oxlab-client"
CLIENT_IP = "172.30.0.100"
RESULTS = os.path.join(ROOT, "tests", "output", "lb_nfs.json")


def probe(port, seconds, interval=0.1):
    out = docker("exec", CLIENT, "python3", "/tmp/vip_probe.py", VIP, str(port), str(seconds), str(interval)).stdout
    return json.loads(out)


def record(key, value):
    record_result(RESULTS, key, value)


@pytest.fixture(scope="module", autouse=True)
def lab_layers():
    playbook("playbooks/layers/loadbalancers.yml", "playbooks/layers/nfs.yml")
    playbook("tests/lab/lb_nfs_setup.yml")
    image = docker("inspect", "-f", "{{.Config.Image}}", "oxlab-lb1").stdout.strip()
    docker("rm", "-f", CLIENT, check=False)
    docker("run", "-d", "--name", CLIENT, "--network", "oxlab", "--ip", CLIENT_IP, "--label", "oxlab=1",
           image, "sleep", "infinity")
    docker("cp", os.path.join(HERE, "files", "vip_probe.py"), CLIENT + ":/tmp/vip_probe.py")
    # HAProxy marks the echo backends up after `rise` checks.
    deadline = time.time() + 30
    while time.time() < deadline and not all(r[1] for r in probe(80, 0.5, 0.2)):
        time.sleep(1)
    yield
    docker("rm", "-f", CLIENT, check=False)


def test_roles_are_idempotent():
    result = playbook("playbooks/layers/loadbalancers.yml", "playbooks/layers/nfs.yml")
    changed = changed_by_host(result.stdout)
    assert changed["lb1"] == 0 and changed["lb2"] == 0 and changed["nfs1"] == 0, changed


def test_one_load_balancer_holds_the_vip():
    holders = [name for name in LBS if vip_holder() == name]
    assert len(holders) == 1
    assert vip_holder() == "lb1"  # the highest priority in inventory order


@pytest.mark.parametrize("port", [80, 443])
def test_client_ip_survives_the_load_balancer(port):
    replies = [r[2] for r in probe(port, 1.0, 0.2)]
    assert replies and all(r.startswith("client=%s:" % CLIENT_IP) for r in replies), replies
    # the TCP peer of the worker is a load balancer, the client address came in the PROXY header
    assert all(re.search(r"peer=(172\.30\.0\.1[12]) ", r) for r in replies), replies
    # round robin reaches more than one worker
    assert len(set(r.split("host=")[1] for r in replies)) > 1


def test_stats_only_on_loopback():
    listening = docker("exec", "oxlab-lb1", "sh", "-c", "cat /proc/net/tcp").stdout
    # 8404 = 0x20D4; bound to 127.0.0.1 = 0100007F
    assert "0100007F:20D4" in listening and "00000000:20D4" not in listening


def test_bad_configuration_never_reaches_haproxy():
    before = docker("exec", "oxlab-lb2", "sha256sum", "/etc/haproxy/haproxy.cfg").stdout
    result = playbook("playbooks/layers/loadbalancers.yml", "--limit", "lb2,localhost",
                      "-e", "loadbalancer_timeout_client=not-a-time", check=False)
    assert result.returncode != 0
    assert "haproxy" in result.stdout and "failed" in result.stdout.lower()
    assert docker("exec", "oxlab-lb2", "sha256sum", "/etc/haproxy/haproxy.cfg").stdout == before
    assert docker("exec", "oxlab-lb2", "systemctl", "is-active", "haproxy").stdout.strip() == "active"


def test_nfs_write_read_and_rerun_keeps_data():
    content = "written-by-worker1-%s" % uuid.uuid4().hex
    url = "nfs://172.30.0.51/srv/nfs/k8s/probe-%s.txt?version=4" % content[-8:]
    write = ("printf %s > /tmp/probe && nfs-cp /tmp/probe '%s'" % (content, url))
    deadline = time.time() + 60
    while True:  # a freshly (re)started NFSv4 server refuses new opens during its grace period
        out = docker("exec", "oxlab-worker1", "sh", "-c", write, check=False)
        if out.returncode == 0 or time.time() > deadline:
            break
        time.sleep(2)
    assert out.returncode == 0, out.stdout + out.stderr
    assert docker("exec", "oxlab-worker1", "nfs-cat", url).stdout == content
    result = playbook("playbooks/layers/nfs.yml")
    assert changed_by_host(result.stdout)["nfs1"] == 0
    assert docker("exec", "oxlab-worker1", "nfs-cat", url).stdout == content
    # the file is on the server's disk, owned by the client's root (no_root_squash for the provisioner)
    assert docker("exec", "oxlab-nfs1", "stat", "-c", "%U", "/srv/nfs/k8s/probe-%s.txt" % content[-8:]).stdout.strip() == "root"


def test_failover_when_the_vip_holder_stops():
    holder = vip_holder()
    assert holder
    proc = subprocess.Popen(["docker", "exec", CLIENT, "python3", "/tmp/vip_probe.py", VIP, "80", "20", "0.1"],
                            stdout=subprocess.PIPE, text=True)
    time.sleep(4)
    killed_at = time.monotonic()  # containers share the host's monotonic clock
    docker("kill", "oxlab-" + holder)
    results = json.loads(proc.communicate(timeout=60)[0])
    try:
        after = [r for r in results if r[0] >= killed_at]
        failures = [r for r in after if not r[1]]
        recovered = [r for r in after if r[1] and (not failures or r[0] > failures[0][0])]
        assert recovered, "no request succeeded after %s stopped" % holder
        outage = (recovered[0][0] - killed_at) if failures else 0.0
        new_holder = vip_holder()
        record("failover", {"stopped": holder, "new_holder": new_holder, "outage_seconds": round(outage, 2),
                            "failed_requests": len(failures), "requests": len(results), "interval_seconds": 0.1})
        print("failover: %s stopped, VIP on %s after %.2f s, %d failed requests of %d"
              % (holder, new_holder, outage, len(failures), len(results)))
        assert new_holder and new_holder != holder
        assert outage < 5.0
        assert all(r[1] for r in after if r[0] > recovered[0][0] + 1.0)  # stable afterwards
    finally:
        docker("start", "oxlab-" + holder)
        deadline = time.time() + 60
        while time.time() < deadline:
            if docker("exec", "oxlab-" + holder, "systemctl", "is-active", "haproxy", check=False).stdout.strip() == "active":
                break
            time.sleep(1)
    # Back up, the stopped balancer rejoins with the same configuration: nothing to change.
    result = playbook("playbooks/layers/loadbalancers.yml")
    assert changed_by_host(result.stdout)[holder] == 0


FETCH = """
import ssl, sys, urllib.request
request = urllib.request.Request(sys.argv[1], headers={"X-Forwarded-For": "6.6.6.6"})
print(urllib.request.urlopen(request, timeout=5, context=ssl._create_unverified_context()).read().decode().strip())
"""


def test_client_ip_in_terminate_tls_mode(tmp_path):
    """lb_ingress_mode terminate_tls: HAProxy ends TLS (its own certificate) and sends HTTP, appending the client's
    address to the X-Forwarded-For it received (here a forged one). Traefik (trusting the load balancers) then
    appends the load balancer and Caddy the ingress pod; the index the collection gives Open edX for this mode
    (OPENEDX_OPS_CLIENT_IP_INDEX, -3) finds the client, where the old fixed -2 found the load balancer. The echo
    stand-in on the workers reports what HAProxy sent and from where."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=oxlab.test",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    extra = tmp_path / "tls.json"
    extra.write_text(json.dumps({"lb_ingress_mode": "terminate_tls",
                                 "loadbalancer_tls_certificates": [cert.read_text() + key.read_text()]}))
    sys.path.insert(0, os.path.join(ROOT, ".collections"))
    from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_settings import (  # pylint: disable=import-outside-toplevel
        client_ip_index)
    try:
        playbook("playbooks/layers/loadbalancers.yml", "-e", "@%s" % extra)
        for url in ("http://%s/" % VIP, "https://%s/" % VIP):
            deadline, reply = time.time() + 30, ""
            while time.time() < deadline and not reply.startswith("xff="):
                reply = docker("exec", CLIENT, "python3", "-c", FETCH, url, check=False).stdout.strip()
                time.sleep(0.5)
            match = re.match(r"xff=(.*) peer=(\S+) host=", reply)
            assert match, (url, reply)
            forwarded, peer = match.group(1), match.group(2)
            assert forwarded == "6.6.6.6, %s" % CLIENT_IP, reply  # the forged entry stays left of the client's
            assert peer in ("172.30.0.11", "172.30.0.12"), reply  # the TCP peer is a load balancer
            # The hops the cluster then appends: Traefik the load balancer (its TCP peer), Caddy Traefik's pod.
            chain = [a.strip() for a in forwarded.split(",")] + [peer, "10.42.0.9"]
            assert chain[client_ip_index("terminate_tls", "traefik")] == CLIENT_IP
            assert chain[client_ip_index("proxy_protocol", "traefik")] == peer  # the old, fixed index
    finally:
        restored = playbook("playbooks/layers/loadbalancers.yml")
    assert changed_by_host(restored.stdout)["lb1"] > 0
    replies = [r[2] for r in probe(80, 1.0, 0.2)]
    deadline = time.time() + 30
    while time.time() < deadline and not (replies and all(r.startswith("client=%s:" % CLIENT_IP) for r in replies)):
        time.sleep(1)
        replies = [r[2] for r in probe(80, 1.0, 0.2)]
    assert replies and all(r.startswith("client=%s:" % CLIENT_IP) for r in replies), replies
