"""k8s_manifests: writes validated files once, supports check mode, prunes, and refuses bad objects."""

import os
import shutil

import pytest

from ansible_collections.openedx_ops.baremetal.plugins.modules import k8s_manifests

from ..module_utils.test_manifests import helmchart
from .conftest import ModuleExit as Exit, ModuleFail as Fail


@pytest.fixture
def run(run_module):
    def runner(check_mode=False, diff=False, **args):
        args.setdefault("kubernetes_version", "1.33.0")
        return run_module(k8s_manifests.main, args, check_mode=check_mode, diff=diff)
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


def test_source_stamp_is_written_with_the_objects_and_is_not_a_change(run, tmp_path):
    dest = str(tmp_path / "layer")
    stamp = os.path.join(dest, ".openedx_ops-source")
    kind, result = run(objects=[NS], dest=dest, source_stamp="abc", check_mode=True)
    assert result["changed"] is True and not os.path.exists(stamp)
    kind, result = run(objects=[NS], dest=dest, source_stamp="abc")
    with open(stamp) as handle:
        assert handle.read() == "abc\n"
    assert oct(os.stat(stamp).st_mode & 0o777) == "0o600"
    # A new stamp for the same objects: rewritten, and still no change reported; prune leaves it alone.
    kind, result = run(objects=[NS], dest=dest, source_stamp="def")
    assert result["changed"] is False and result["removed_files"] == []
    with open(stamp) as handle:
        assert handle.read() == "def\n"
    # Invalid objects: nothing written, the stamp of the last good render stays.
    kind, result = run(objects=[{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "Bad_Name"}}],
                       dest=dest, source_stamp="ghi")
    assert kind is Fail
    with open(stamp) as handle:
        assert handle.read() == "def\n"


def _kustomization(tmp_path, resources):
    env = tmp_path / "env"
    env.mkdir()
    (env / "kustomization.yml").write_text("resources:\n" + "".join("- %s.yml\n" % name for name in resources))
    for name, text in resources.items():
        (env / ("%s.yml" % name)).write_text(text)
    return str(env)


@pytest.mark.skipif(not shutil.which("kubectl"), reason="kubectl is not installed")
def test_kustomize_builds_validates_writes_and_returns_the_objects(run, tmp_path):
    env = _kustomization(tmp_path, {
        "ns": "apiVersion: v1\nkind: Namespace\nmetadata: {name: campus}\n",
        "cm": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: campus}\n"
              "data: {PASSWORD: s3cret-value}\n"})
    dest = str(tmp_path / "render")
    kind, result = run(kustomize=env, dest=dest, return_objects=True)
    assert kind is Exit and result["validated"] == 2
    assert [o["kind"] for o in result["objects"]] == ["Namespace", "ConfigMap"]
    assert result["objects"][1]["data"]["PASSWORD"] == "s3cret-value"
    assert sorted(os.listdir(dest)) == ["000-namespace-campus.yaml", "001-configmap-campus-settings.yaml"]
    kind, result = run(kustomize=env, dest=dest)
    assert result["changed"] is False and "objects" not in result
    # Check mode builds too, and writes nothing.
    kind, result = run(kustomize=env, dest=str(tmp_path / "preview"), check_mode=True)
    assert result["changed"] is True and not os.path.exists(str(tmp_path / "preview"))


@pytest.mark.skipif(not shutil.which("kubectl"), reason="kubectl is not installed")
def test_a_failed_kustomize_build_is_not_quoted_and_writes_nothing(run, tmp_path):
    env = _kustomization(tmp_path, {"cm": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\n"
                                          "data: {PASSWORD: s3cret-value}\n"})
    with open(os.path.join(env, "kustomization.yml"), "a") as handle:
        handle.write("patches:\n- path: missing-s3cret-value.yml\n")
    kind, result = run(kustomize=env, dest=str(tmp_path / "render"))
    assert kind is Fail and "kustomize %s failed (rc 1)" % env in result["msg"]
    assert "s3cret" not in result["msg"] and not os.path.exists(str(tmp_path / "render"))


def test_objects_and_kustomize_exclude_each_other(run, tmp_path):
    kind, result = run(objects=[NS], kustomize=str(tmp_path), dest=str(tmp_path / "render"))
    assert kind is Fail and "mutually exclusive" in result["msg"]
    kind, result = run(dest=str(tmp_path / "render"))
    assert kind is Fail and "one of the following is required" in result["msg"]
