"""The cluster_plan module's outcome, with exit_json/fail_json patched to raise."""

import json

import pytest
from ansible.module_utils import basic
from ansible.module_utils.common.text.converters import to_bytes

from ansible_collections.openedx_ops.baremetal.plugins.modules import cluster_plan

from ..module_utils.test_topology import TOKEN, good


class Exit(Exception):
    pass


class Fail(Exception):
    pass


@pytest.fixture
def run(monkeypatch):
    def exit_json(self, **kwargs):
        raise Exit(kwargs)

    def fail_json(self, **kwargs):
        raise Fail(kwargs)

    monkeypatch.setattr(basic.AnsibleModule, "exit_json", exit_json)
    monkeypatch.setattr(basic.AnsibleModule, "fail_json", fail_json)

    def runner(args, check_mode=False):
        args = dict(args, _ansible_check_mode=check_mode, _ansible_remote_tmp="/tmp", _ansible_keep_remote_files=False)
        monkeypatch.setattr(basic, "_ANSIBLE_ARGS", to_bytes(json.dumps({"ANSIBLE_MODULE_ARGS": args})))
        # ansible-core 2.19+ also wants the serialization profile the controller would send.
        if hasattr(basic, "_ANSIBLE_PROFILE"):
            monkeypatch.setattr(basic, "_ANSIBLE_PROFILE", "legacy")
        cluster_plan.main()
    return runner


def arguments():
    groups, hostvars, cluster, instances = good()
    instances[0]["secrets"] = {"MYSQL_ROOT_PASSWORD": "very-secret-value"}
    return {"groups": groups, "hosts": hostvars, "cluster": cluster, "instances": instances,
            "resolve_names": False}


@pytest.mark.parametrize("check_mode", [False, True])
def test_success_is_unchanged_with_plan_and_table(run, check_mode):
    with pytest.raises(Exit) as info:
        run(arguments(), check_mode=check_mode)
    result = info.value.args[0]
    assert result["changed"] is False
    assert result["plan"]["bootstrap_node"] == "etcd1"
    assert any(line.startswith("etcd1") for line in result["table"])


def test_failure_lists_every_problem(run):
    args = arguments()
    args["groups"]["etcd"] = ["etcd1", "etcd2"]
    args["cluster"]["rke2_token"] = "short"
    with pytest.raises(Fail) as info:
        run(args)
    result = info.value.args[0]
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
    with pytest.raises(Exit):
        run(arguments())
    assert TOKEN in seen["no_log"] and "very-secret-value" in seen["no_log"] and "secret12" in seen["no_log"]
