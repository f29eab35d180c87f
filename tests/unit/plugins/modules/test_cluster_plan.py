"""The cluster_plan module's outcome, with exit_json/fail_json patched to raise."""

import pytest
from ansible.module_utils import basic

from ansible_collections.openedx_ops.baremetal.plugins.modules import cluster_plan

from ..module_utils.test_topology import TOKEN, good
from .conftest import ModuleExit, ModuleFail


@pytest.fixture
def run(run_module):
    def runner(args, check_mode=False):
        return run_module(cluster_plan.main, args, check_mode=check_mode)
    return runner


def arguments():
    groups, hostvars, cluster, instances = good()
    instances[0]["secrets"] = {"MYSQL_ROOT_PASSWORD": "very-secret-value"}
    return {"groups": groups, "hosts": hostvars, "cluster": cluster, "instances": instances,
            "resolve_names": False}


@pytest.mark.parametrize("check_mode", [False, True])
def test_success_is_unchanged_with_plan_and_table(run, check_mode):
    kind, result = run(arguments(), check_mode=check_mode)
    assert kind is ModuleExit and result["changed"] is False
    assert result["plan"]["bootstrap_node"] == "etcd1"
    assert any(line.startswith("etcd1") for line in result["table"])


def test_failure_lists_every_problem(run):
    args = arguments()
    args["groups"]["etcd"] = ["etcd1", "etcd2"]
    args["cluster"]["rke2_token"] = "short"
    kind, result = run(args)
    assert kind is ModuleFail
    assert result["errors"] == [
        "rke2_token: is too short: at least 32 characters are required, got 5",
        "group etcd: has 2 hosts; etcd needs an odd number (3 or 5) to keep quorum",
    ]
    assert "The inventory has 2 problems" in result["msg"]


def test_secrets_are_registered_as_no_log(run, monkeypatch):
    seen = {}
    original = basic.AnsibleModule.exit_json

    def capture(self, **kwargs):
        seen.update(no_log=set(self.no_log_values))
        original(self, **kwargs)
    monkeypatch.setattr(basic.AnsibleModule, "exit_json", capture)
    kind, _result = run(arguments())
    assert kind is ModuleExit
    assert TOKEN in seen["no_log"] and "very-secret-value" in seen["no_log"] and "secret12" in seen["no_log"]
