"""Issue 11: every good inventory that passes validation also converges the host layers.

The corpus of tests/inventories/good uses 10.9.0.0/24 with the lab's last octets, so each inventory
is pointed at the lab's hosts (172.30.0.0/24) and run through the host layers in check mode: every
task and template is evaluated with that inventory's values and the plan's defaults, and the lab's
hosts (converged for inventories/lab) are left as they are. No cluster is applied and RKE2 is not
installed (cluster_apply and rke2_install false: RKE2 cannot be downloaded here).
"""

import glob
import os
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)
GOOD = sorted(glob.glob(os.path.join(ROOT, "tests", "inventories", "good", "*.yml")))
CONNECTION = {
    "ansible_user": "root",
    "ansible_ssh_private_key_file": os.path.join(ROOT, ".lab", "ssh", "id_ed25519"),
    "ansible_python_interpreter": "/usr/bin/python3",
    # The lab's throw-away containers, as in inventories/lab.
    "ansible_host_key_checking": False,
    "ansible_ssh_common_args": "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null",
}


def on_the_lab(path, out_dir):
    with open(path) as handle:
        text = handle.read().replace("10.9.0.", "172.30.0.")
    inventory = yaml.safe_load(text)
    for group in inventory["all"]["children"].values():
        group.setdefault("vars", {}).update(CONNECTION)
    target = os.path.join(out_dir, os.path.basename(path))
    with open(target, "w") as handle:
        yaml.safe_dump(inventory, handle)
    return target


@pytest.mark.parametrize("path", GOOD, ids=[os.path.basename(p) for p in GOOD])
def test_host_layers_converge_with_every_good_inventory(path, tmp_path):
    inventory = on_the_lab(path, str(tmp_path))
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    result = subprocess.run(
        [os.path.join(BIN, "ansible-playbook"), "-i", inventory, "--check", "-e", '{"cluster_apply": false, "rke2_install": false}',
         "playbooks/layers/prepare_hosts.yml", "playbooks/layers/loadbalancers.yml", "playbooks/layers/nfs.yml", "playbooks/layers/rke2.yml"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    recap = result.stdout.split("PLAY RECAP")[-1]
    assert "failed=0" in recap and "unreachable=0" in recap
