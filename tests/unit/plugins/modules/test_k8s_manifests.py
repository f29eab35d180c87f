"""k8s_manifests: writes validated files once, supports check mode, prunes, and refuses bad objects."""

import json
import os

import pytest
from ansible.module_utils import basic
from ansible.module_utils.common.text.converters import to_bytes

from ansible_collections.openedx_ops.baremetal.plugins.modules import k8s_manifests

from ..module_utils.test_manifests import helmchart


class Exit(Exception):
    pass


class Fail(Exception):
    pass


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setattr(basic.AnsibleModule, "exit_json", lambda self, **kw: (_ for _ in ()).throw(Exit(kw)))
    monkeypatch.setattr(basic.AnsibleModule, "fail_json", lambda self, **kw: (_ for _ in ()).throw(Fail(kw)))

    def runner(check_mode=False, diff=False, **args):
        args.setdefault("kubernetes_version", "1.33.0")
        args.update(_ansible_check_mode=check_mode, _ansible_diff=diff, _ansible_remote_tmp="/tmp",
                    _ansible_keep_remote_files=False)
        monkeypatch.setattr(basic, "_ANSIBLE_ARGS", to_bytes(json.dumps({"ANSIBLE_MODULE_ARGS": args})))
        if hasattr(basic, "_ANSIBLE_PROFILE"):
            monkeypatch.setattr(basic, "_ANSIBLE_PROFILE", "legacy")
        with pytest.raises((Exit, Fail)) as info:
            k8s_manifests.main()
        return info.type, info.value.args[0]
    return runner


NS = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "campus"}}


def test_write_then_nothing_to_do(run, tmp_path):
    dest = str(tmp_path / "layer")
    kind, result = run(objects=[NS, helmchart()], dest=dest)
    assert kind is Exit and result["changed"] is True
    assert sorted(os.listdir(dest)) == ["000-namespace-campus.yaml", "001-helmchart-kube-system-nfs-provisioner.yaml"]
    assert oct(os.stat(os.path.join(dest, "000-namespace-campus.yaml")).st_mode & 0o777) == "0o600"
    kind, result = run(objects=[NS, helmchart()], dest=dest)
    assert result["changed"] is False and result["changed_files"] == []


def test_check_mode_reports_and_writes_nothing(run, tmp_path):
    dest = str(tmp_path / "layer")
    kind, result = run(objects=[NS], dest=dest, check_mode=True, diff=True)
    assert result["changed"] is True and not os.path.exists(dest)
    assert result["diff"][0]["after"].startswith("apiVersion: v1")


def test_prune_removes_objects_no_longer_rendered(run, tmp_path):
    dest = str(tmp_path / "layer")
    run(objects=[NS, helmchart()], dest=dest)
    (tmp_path / "layer" / "notes.txt").write_text("operator's file")
    kind, result = run(objects=[NS], dest=dest)
    assert result["removed_files"] == [os.path.join(dest, "001-helmchart-kube-system-nfs-provisioner.yaml")]
    assert sorted(os.listdir(dest)) == ["000-namespace-campus.yaml", "notes.txt"]


def test_invalid_object_writes_nothing(run, tmp_path):
    dest = str(tmp_path / "layer")
    run(objects=[NS], dest=dest)
    before = open(os.path.join(dest, "000-namespace-campus.yaml")).read()
    kind, result = run(objects=[dict(NS, metadata={"name": "Campus"}), helmchart(chartt="x")], dest=dest)
    assert kind is Fail and len(result["errors"]) == 2
    assert "HelmChart kube-system/nfs-provisioner" in result["msg"]
    assert open(os.path.join(dest, "000-namespace-campus.yaml")).read() == before
