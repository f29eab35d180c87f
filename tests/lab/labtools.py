"""What the lab's integration tests share: running a playbook on inventories/lab, reading its
recap, docker, and which balancer holds the VIP."""

import json
import os
import re
import subprocess
import sys

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)
VIP = "172.30.0.10"
KUBECONFIG = os.path.join(ROOT, "inventories", "lab", "artifacts", "oxlab.kubeconfig")
LBS = {"lb1": "172.30.0.11", "lb2": "172.30.0.12"}


def lab_secrets():
    """The lab inventory's secrets (LAB-ONLY values, committed for the throw-away lab)."""
    with open(os.path.join(ROOT, "inventories", "lab", "group_vars", "all", "lab_secrets.yml")) as handle:
        return yaml.safe_load(handle)


def playbook(*args, check=True, env=None):
    run_env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    run_env.update(env or {})
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"), "-i", "inventories/lab"] + list(args),
                            cwd=ROOT, env=run_env, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise AssertionError(result.stdout[-6000:] + result.stderr[-2000:])
    return result


def changed_by_host(output):
    recap = output.split("PLAY RECAP")[-1]
    return dict((m.group(1), int(m.group(2))) for m in re.finditer(r"^(\S+)\s+: ok=\d+\s+changed=(\d+)", recap, re.M))


def kubectl(*args, check=True, timeout=60, request_timeout="10s"):
    """kubectl against the lab's Kubernetes API (through the VIP)."""
    result = subprocess.run(["kubectl", "--kubeconfig", KUBECONFIG, "--request-timeout", request_timeout] + list(args),
                            capture_output=True, text=True, check=False, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(result.stdout + result.stderr)
    return result


def kube_json(*args):
    return json.loads(kubectl(*args, "-o", "json").stdout)


def docker(*args, check=True):
    return subprocess.run(["docker"] + list(args), capture_output=True, text=True, check=check)


def vip_holder():
    for name in LBS:
        out = docker("exec", "oxlab-" + name, "ip", "-4", "-o", "addr", "show", "dev", "eth0", check=False).stdout
        if " %s/" % VIP in out:
            return name
    return None


def record_result(path, key, value):
    """Keep a measured figure in a JSON file of tests/output (read into the README's tables)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = {}
    if os.path.exists(path):
        with open(path) as handle:
            data = json.load(handle)
    data[key] = value
    with open(path, "w") as handle:
        json.dump(data, handle, indent=2)
