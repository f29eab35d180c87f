"""cluster_lock: takes, refuses naming the holder and its host, takes over, gives back; never changed; check mode
touches nothing and warns about another run's lock."""

import os

import pytest
from ansible.module_utils import basic

from ansible_collections.openedx_ops.baremetal.plugins.modules import cluster_lock

from .conftest import ModuleExit as Exit, ModuleFail as Fail

OTHER = {"run_id": "4242-777", "playbook": "playbooks/site.yml", "user": "alice", "controller": "ops-laptop",
         "since": "2026-11-28T18:00:00Z"}


@pytest.fixture
def run(run_module, tmp_path, monkeypatch):
    def runner(check_mode=False, **args):
        warned = []
        monkeypatch.setattr(basic.AnsibleModule, "warn", lambda self, text, *a, **k: warned.append(text))
        args.setdefault("path", str(tmp_path / "locks" / "cluster"))
        args.setdefault("host", "etcd1")
        kind, result = run_module(cluster_lock.main, args, check_mode=check_mode)
        return kind, result, warned
    return runner


def test_take_again_and_give_back_never_changed(run, tmp_path):
    path = str(tmp_path / "locks" / "cluster")
    kind, result, _warned = run(run_id="1-10", holder={"user": "ops", "playbook": "playbooks/site.yml"})
    assert kind is Exit and result["changed"] is False and result["taken"] is True
    assert result["holder"] == {"run_id": "1-10", "user": "ops", "playbook": "playbooks/site.yml"}
    kind, result, _warned = run(run_id="1-10")
    assert kind is Exit and result["changed"] is False and result["taken"] is False
    kind, result, _warned = run(run_id="1-10", state="read")
    assert result["holder"]["run_id"] == "1-10"
    kind, result, warned = run(run_id="1-10", state="absent")
    assert kind is Exit and result["changed"] is False and result["released"] is True and result["holder"] is None
    assert not os.path.exists(path) and warned == []


def test_another_run_is_refused_naming_holder_and_host_then_broken(run):
    run(run_id=OTHER["run_id"], holder=OTHER)
    kind, result, _warned = run(run_id="1-10")
    assert kind is Fail and result["holder"]["run_id"] == "4242-777"
    assert result["msg"].startswith("the cluster is locked by run 4242-777 of playbooks/site.yml, alice@ops-laptop "
                                    "since 2026-11-28T18:00:00Z (lock ")
    assert " on etcd1)" in result["msg"] and result["msg"].endswith("-e openedx_ops_break_lock=4242-777")
    kind, result, _warned = run(run_id="1-10", take_over="4242-778")
    assert kind is Fail and result["msg"].startswith("openedx_ops_break_lock=4242-778 is not the holder's run id")
    kind, result, _warned = run(run_id="1-10", state="absent")  # not its lock: left alone, said
    assert kind is Exit and result["released"] is False and result["holder"]["run_id"] == "4242-777"
    kind, result, warned = run(run_id="1-10", take_over="4242-777")
    assert kind is Exit and result["taken"] is True and result["changed"] is False
    assert result["replaced"]["run_id"] == "4242-777" and result["holder"]["run_id"] == "1-10"
    assert any("run 4242-777 of playbooks/site.yml" in w and "taken over" in w for w in warned), warned


def test_check_mode_neither_takes_nor_gives_back_and_warns(run, tmp_path):
    path = str(tmp_path / "locks" / "cluster")
    kind, result, warned = run(run_id="1-10", check_mode=True)
    assert kind is Exit and result["taken"] is False and result["holder"] is None and not os.path.exists(path)
    assert warned == []
    run(run_id=OTHER["run_id"], holder=OTHER)
    kind, result, warned = run(run_id="1-10", check_mode=True)
    assert kind is Exit and result["changed"] is False and result["holder"]["run_id"] == "4242-777"
    assert any("locked by run 4242-777" in w and "a real run would stop" in w for w in warned), warned
    # The holder a real run would take over (a gone run of this controller, the break variable): no warning.
    kind, result, warned = run(run_id="1-10", check_mode=True, take_over="4242-777")
    assert kind is Exit and result["holder"]["run_id"] == "4242-777" and warned == []
    kind, result, warned = run(run_id="1-10", check_mode=True, take_over="4242-778")
    assert any("openedx_ops_break_lock=4242-778 is not the holder's run id" in w for w in warned), warned
    kind, result, _warned = run(run_id="4242-777", state="absent", check_mode=True)
    assert result["released"] is False and run(state="read")[1]["holder"]["run_id"] == "4242-777"


def test_a_lock_that_cannot_be_made_names_path_and_host(run, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    kind, result, _warned = run(run_id="1-10", path=str(blocker / "cluster"))
    assert kind is Fail and result["msg"].startswith("lock %s on etcd1: " % (blocker / "cluster"))


def test_run_id_is_required_to_take_or_give_back(run):
    kind, result, _warned = run()
    assert kind is Fail and "run_id" in result["msg"]
