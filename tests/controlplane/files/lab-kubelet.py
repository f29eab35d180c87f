# Test harness of the lab (never part of the collection): registers this host's Node
# the way RKE2's kubelet would, from the configuration the rke2 role wrote, then hands
# the Node to kwok, which simulates the kubelet (status, leases, pods).
#
# Reads /etc/rancher/rke2/config.yaml: node-name, node-label, node-taint, node-ip.
# Registers the Node once; an existing Node is left as it is, as the kubelet does
# (node-label and node-taint apply at registration only).
from __future__ import annotations

import json
import os
import ssl
import sys
import time
import urllib.error
import urllib.request

import yaml

CONFIG = os.environ.get("RKE2_CONFIG", "/etc/rancher/rke2/config.yaml")
PKI = "/etc/oxlab/pki"


def api(method, path, body=None):
    context = ssl.create_default_context(cafile=PKI + "/ca.crt")
    context.load_cert_chain(PKI + "/kubelet.crt", PKI + "/kubelet.key")
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(os.environ["LAB_API"] + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, context=context, timeout=10) as response:
        return json.loads(response.read() or b"{}")


def node_object(config):
    name = config.get("node-name") or os.uname().nodename
    labels = {"kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
              "beta.kubernetes.io/os": "linux", "beta.kubernetes.io/arch": "amd64"}
    for item in config.get("node-label") or []:
        key, _sep, value = item.partition("=")
        labels[key] = value
    taints = []
    for item in config.get("node-taint") or []:
        key_value, _colon, effect = item.rpartition(":")
        key, _equals, value = key_value.partition("=")
        taint = {"key": key, "effect": effect}
        if value:
            taint["value"] = value
        taints.append(taint)
    capacity = {"cpu": os.environ.get("LAB_NODE_CPU", "2"), "memory": os.environ.get("LAB_NODE_MEMORY", "4Gi"),
                "pods": "110", "ephemeral-storage": "100Gi"}
    return {
        "apiVersion": "v1", "kind": "Node",
        "metadata": {"name": name, "labels": labels,
                     "annotations": {"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0",
                                     "oxlab.test/simulated-kubelet": "kwok"}},
        "spec": {"taints": taints} if taints else {},
        "status": {"capacity": capacity, "allocatable": capacity,
                   "addresses": [{"type": "InternalIP", "address": config.get("node-ip", "")},
                                 {"type": "Hostname", "address": name}]},
    }


def main():
    with open(CONFIG) as handle:
        config = yaml.safe_load(handle) or {}
    node = node_object(config)
    name = node["metadata"]["name"]
    deadline = time.time() + 300
    while True:
        try:
            api("GET", "/api/v1/nodes/" + name)
            print("node %s is registered already" % name)
            break
        except urllib.error.HTTPError as exc:
            if exc.code != 404:
                raise
            try:
                api("POST", "/api/v1/nodes", node)
                print("registered node %s" % name)
                break
            except urllib.error.HTTPError as exc2:
                if exc2.code != 409:
                    raise
        except (urllib.error.URLError, OSError) as exc:
            if time.time() > deadline:
                raise
            print("API not reachable yet (%s); retrying" % exc)
            time.sleep(2)
    with open("/run/oxlab-kubelet.env", "w") as handle:
        handle.write("LAB_NODE_NAME=%s\nLAB_NODE_IP=%s\n" % (name, config.get("node-ip", "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
