"""The cluster_plan module's outcome, with exit_json/fail_json patched to raise."""

import pytest
from ansible.module_utils import basic

from ansible_collections.openedx_ops.baremetal.plugins.filter.plan_inputs import cluster_inputs, instance_inputs
from ansible_collections.openedx_ops.baremetal.plugins.modules import cluster_plan

from ..module_utils.topology_cases import TOKEN, good
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


def _through_filters(args):
    """What validate.yml hands the module: secrets only as shapes."""
    args["cluster"] = cluster_inputs(args["cluster"])
    args["instances"] = instance_inputs(args["instances"])
    return args


def test_nothing_is_registered_for_masking_and_no_secret_is_returned(run, monkeypatch):
    seen = {}
    original = basic.AnsibleModule.exit_json

    def capture(self, **kwargs):
        seen.update(no_log=set(self.no_log_values))
        original(self, **kwargs)
    monkeypatch.setattr(basic.AnsibleModule, "exit_json", capture)
    args = _through_filters(arguments())
    assert TOKEN not in repr(args) and "very-secret-value" not in repr(args)
    kind, result = run(args)
    assert kind is ModuleExit
    assert seen["no_log"] == set()
    assert result["plan"]["instances"][0]["secret_keys"] == ["MYSQL_ROOT_PASSWORD"]
    assert "secrets" not in result["plan"]["instances"][0]


def test_a_secret_that_is_part_of_a_host_name_changes_nothing(run):
    """Issue 11: a VRRP password equal to a substring of host names masked them in the plan."""
    args = arguments()
    args["cluster"]["lb_vrrp_password"] = "alpha.or"
    args["cluster"]["cluster_api_fqdn"] = "k8s.alpha.org"
    kind, result = run(_through_filters(args))
    assert kind is ModuleExit
    assert result["plan"]["api_endpoint"] == "https://k8s.alpha.org:6443"
    assert result["plan"]["instances"][0]["lms_host"] == "learn.alpha.org"
    assert "********" not in repr(result)


def test_example_secrets_are_named_not_shown(run):
    args = arguments()
    args["cluster"]["lb_vrrp_password"] = "EXAMPLE1"
    args["instances"][0]["secrets"] = {"MYSQL_ROOT_PASSWORD": "EXAMPLE-ONLY-replace-me"}
    kind, result = run(_through_filters(args))
    assert kind is ModuleExit
    assert result["plan"]["example_secrets"] == ["lb_vrrp_password", "instance alpha secrets.MYSQL_ROOT_PASSWORD"]
    assert "EXAMPLE-ONLY-replace-me" not in repr(result)


def test_secrets_that_are_not_a_mapping_are_refused_without_being_shown(run):
    args = arguments()
    args["instances"][0]["secrets"] = "hunter2-plain-string"
    args = _through_filters(args)
    assert "hunter2-plain-string" not in repr(args)
    kind, result = run(args)
    assert kind is ModuleFail
    assert "instance alpha: secrets must be a mapping of Tutor settings, got str" in result["errors"]
