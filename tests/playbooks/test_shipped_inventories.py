"""The shipped inventories keep connection settings off the controller's implicit localhost."""

import configparser
import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)
CONNECTION_VARS = ("ansible_become", "ansible_user", "ansible_become_user", "ansible_connection")


def host_vars(inventory, host):
    return host_vars_named(inventory, host, CONNECTION_VARS)


def host_vars_named(inventory, host, names):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1",
               ANSIBLE_LOAD_CALLBACK_PLUGINS="1", ANSIBLE_STDOUT_CALLBACK="ansible.builtin.json")
    variables = "{{ dict(%s | zip([%s])) }}" % (
        list(names), ", ".join("%s | default('(unset)')" % v for v in names))
    result = subprocess.run([os.path.join(BIN, "ansible"), host, "-i", os.path.join(ROOT, "inventories", inventory),
                             "-m", "ansible.builtin.debug", "-a", "msg=\"%s\"" % variables],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    payload = json.JSONDecoder().raw_decode(result.stdout[result.stdout.index("{"):])[0]
    return payload["plays"][0]["tasks"][0]["hosts"][host]["msg"]


@pytest.mark.parametrize("inventory", ["baremetal", "lab"])
def test_the_controller_runs_as_the_operator_without_sudo(inventory):
    values = host_vars(inventory, "localhost")
    assert values["ansible_become"] == "(unset)", values
    assert values["ansible_user"] == "(unset)", values


def test_the_managed_hosts_of_the_baremetal_example_become_root():
    for host in ("lb-a", "etcd-a", "worker-a", "nfs-a"):
        values = host_vars("baremetal", host)
        assert values["ansible_become"] is True and values["ansible_user"] == "ubuntu", (host, values)


def test_host_keys_are_checked_except_in_the_lab():
    config = configparser.ConfigParser()
    config.read(os.path.join(ROOT, "ansible.cfg"))
    assert config.getboolean("defaults", "host_key_checking") is True
    assert "StrictHostKeyChecking" not in config.get("ssh_connection", "ssh_args")
    assert config.get("ssh_connection", "control_path_dir").startswith("~/")
    lab = host_vars_named("lab", "worker1", ["ansible_host_key_checking", "ansible_ssh_common_args"])
    assert lab["ansible_host_key_checking"] is False and "StrictHostKeyChecking=no" in lab["ansible_ssh_common_args"]
    real = host_vars_named("baremetal", "worker-a", ["ansible_host_key_checking", "ansible_ssh_common_args"])
    assert real == {"ansible_host_key_checking": "(unset)", "ansible_ssh_common_args": "(unset)"}, real
