"""tutor_project module: check/diff modes, masked diff, broken config.yml reported by path (fake Tutor)."""

import json
import os

import pytest
import yaml

from ansible_collections.openedx_ops.baremetal.plugins.modules import tutor_project

from ..module_utils import fake_tutor
from .conftest import ModuleExit as Exit, ModuleFail as Fail


@pytest.fixture
def run(run_module, tmp_path):
    tutor = fake_tutor.install(str(tmp_path / "venv"))

    def runner(check_mode=False, diff=False, **args):
        args.setdefault("project_dir", str(tmp_path / "projects" / "campus"))
        args.setdefault("backup_dir", str(tmp_path / "backups"))
        args.setdefault("plugins", ["openedx_ops"])
        return run_module(tutor_project.main, dict(args, tutor=tutor), check_mode=check_mode, diff=diff)
    return runner


def test_converge_then_nothing_to_do(run, tmp_path):
    kind, result = run(config={"LMS_HOST": "learn.campus.test"}, secrets={"SMTP_PASSWORD": "smtp-pw-1"})
    assert kind is Exit and result["changed"] and result["created"] and result["rendered"]
    config = yaml.safe_load(open(tmp_path / "projects" / "campus" / "config.yml"))
    assert config["SMTP_PASSWORD"] == "smtp-pw-1" and config["LMS_HOST"] == "learn.campus.test"  # arrived verbatim
    kind, result = run(config={"LMS_HOST": "learn.campus.test"}, secrets={"SMTP_PASSWORD": "smtp-pw-1"})
    assert result["changed"] is False and result["rendered"] is False


def test_check_diff_masks_every_credential_and_shows_a_plain_change(run, tmp_path):
    run(config={"LMS_HOST": "learn.campus.test", "K8S_NAMESPACE": "campus"}, secrets={"SMTP_PASSWORD": "smtp-pw-1"})
    config = yaml.safe_load(open(tmp_path / "projects" / "campus" / "config.yml"))
    kind, result = run(config={"LMS_HOST": "learn2.campus.test", "K8S_NAMESPACE": "campus"},
                       secrets={"SMTP_PASSWORD": "smtp-pw-2"}, check_mode=True, diff=True)
    assert kind is Exit and result["changed"]
    text = json.dumps(result)
    for key in ("MYSQL_ROOT_PASSWORD", "OPENEDX_SECRET_KEY", "K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH"):
        assert config[key] not in text
    assert "smtp-pw-1" not in text and "smtp-pw-2" not in text
    assert "LMS_HOST: learn2.campus.test" in result["diff"]["after"].splitlines()
    assert "LMS_HOST: learn.campus.test" in result["diff"]["before"].splitlines()
    # check mode wrote nothing
    assert yaml.safe_load(open(tmp_path / "projects" / "campus" / "config.yml"))["LMS_HOST"] == "learn.campus.test"


def test_broken_config_fails_naming_it(run, tmp_path):
    project = tmp_path / "projects" / "campus"
    project.mkdir(parents=True)
    (project / "config.yml").write_text("LMS_HOST: [\n")
    kind, result = run(config={"LMS_HOST": "learn.campus.test"})
    assert kind is Fail and str(project / "config.yml") in result["msg"]
    assert (project / "config.yml").read_text() == "LMS_HOST: [\n"
    assert not os.path.exists(tmp_path / "backups")


def test_render_current_only_for_an_unchanged_project_and_a_matching_stamp(run, tmp_path):
    import hashlib
    stamp_path = str(tmp_path / "render" / ".openedx_ops-source")
    args = dict(config={"LMS_HOST": "learn.campus.test"}, render_stamp_path=stamp_path,
                render_stamp_inputs=["1.33.0", "digest-a"])
    kind, result = run(**args)
    assert kind is Exit and result["changed"] and result["render_current"] is False
    # The stamp is the playbook's formula: SHA-256 of env_sha256 and the inputs, joined by spaces.
    assert result["render_stamp"] == hashlib.sha256(
        ("%s 1.33.0 digest-a" % result["env_sha256"]).encode()).hexdigest()
    kind, result = run(**args)
    assert result["changed"] is False and result["render_current"] is False  # no stamp written yet
    os.makedirs(os.path.dirname(stamp_path))
    with open(stamp_path, "w") as handle:
        handle.write(result["render_stamp"] + "\n")
    kind, result = run(**args)
    assert result["render_current"] is True
    # Another Kubernetes version (or validation code): the same env/ is not current for it.
    kind, result = run(**dict(args, render_stamp_inputs=["1.34.0", "digest-a"]))
    assert result["render_current"] is False
    # A changed project is never current, whatever the stamp says.
    kind, result = run(**dict(args, config={"LMS_HOST": "learn2.campus.test"}))
    assert result["changed"] and result["render_current"] is False
