"""Time playbooks/validate.yml on a generated 1,000-host / 200-instance inventory against a
10-host one, in the same run. Goals (issue 14): <= 2.0 s wall for the large one, growth <= x1.5.
Exit status 1 when the time goal is missed; the growth is reported."""

import os
import subprocess
import sys
import tempfile
import time

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.path.dirname(sys.executable)


def inventory(workers, instances):
    def hosts(prefix, count, offset):
        return dict(("%s%d" % (prefix, n), {"ansible_host": "10.%d.%d.%d" % (offset, n // 250, n % 250 + 1)})
                    for n in range(count))
    # 1,000 hosts: 5 etcd, 3 control-plane, 2 load balancers, 1 NFS server, the rest workers.
    return {"all": {
        "vars": {
            "cluster_name": "bench", "rke2_token": "bench-token-not-a-secret-0123456789abcdef",
            "cluster_api_vip": "10.200.0.10", "lb_vrrp_password": "bench123",
            "nfs_allowed_networks": ["10.0.0.0/8"], "letsencrypt_email": "ops@bench.test",
            "openedx_instances": [{"name": "site%d" % n, "lms_host": "lms.site%d.test" % n}
                                  for n in range(instances)],
        },
        "children": {
            "loadbalancers": {"hosts": hosts("lb", 2, 201)},
            "nfs_servers": {"hosts": hosts("nfs", 1, 202)},
            "k8s_cluster": {"children": {
                "etcd": {"hosts": hosts("etcd", 5 if workers > 10 else 1, 203)},
                "control_plane": {"hosts": hosts("cp", 3 if workers > 10 else 1, 204)},
                "workers": {"vars": {"node_cpu": 16, "node_memory": "64Gi"}, "hosts": hosts("w", workers, 1)},
            }},
        }}}


EMPTY_PLAY = os.path.join(ROOT, "benchmarks", "empty_play.yml")


def timed(path, playbook=os.path.join(ROOT, "playbooks", "validate.yml")):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"))
    start = time.monotonic()
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"), playbook,
                             "-i", path], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit("validate.yml failed on %s:\n%s%s" % (path, result.stdout[-3000:], result.stderr[-3000:]))
    return elapsed


def main():
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {"small": (6, 2), "large": (989, 200)}  # 10 and 1,000 hosts
        paths = {}
        for name, (workers, instances) in sizes.items():
            paths[name] = os.path.join(tmp, "%s.yml" % name)
            with open(paths[name], "w") as handle:
                yaml.safe_dump(inventory(workers, instances), handle)
        timed(paths["small"])  # warm the Python and Ansible caches once
        small = min(timed(paths["small"]) for attempt in range(3))
        large = min(timed(paths["large"]) for attempt in range(3))
        # Ansible's own floor: ansible-playbook loading the same inventory for a play with no task.
        floor_small = min(timed(paths["small"], EMPTY_PLAY) for attempt in range(3))
        floor_large = min(timed(paths["large"], EMPTY_PLAY) for attempt in range(3))
    print("validate.yml   10 hosts /   2 instances: %.2f s" % small)
    print("validate.yml 1000 hosts / 200 instances: %.2f s (goal <= 2.0 s)" % large)
    print("growth: x%.1f time for x100 hosts and x100 instances (goal <= x1.5)" % (large / small))
    print("Ansible's floor (a play with no task on the same inventory): %.2f s and %.2f s; validation above it: "
          "%.2f s and %.2f s" % (floor_small, floor_large, small - floor_small, large - floor_large))
    return 0 if large <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
