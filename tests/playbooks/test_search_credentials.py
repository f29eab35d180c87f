"""The shared search cluster's credentials (roles/harmony): the inventory's password arrives in the
Secret opensearch-credentials, with a bcrypt hash OpenSearch can check, the same on every run."""

import json
import os
import subprocess
import sys

import yaml
from passlib.hash import bcrypt

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)
INVENTORY = "tests/inventories/good/everything.yml"


def build(tmp_path, *extra):
    out = str(tmp_path / "secret.json")
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"), "tests/playbooks/search_credentials.yml",
                             "-i", INVENTORY, "-e", "out=%s" % out] + list(extra),
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "corpus-search-not-a-secret" not in result.stdout + result.stderr
    with open(out) as handle:
        return json.load(handle)


def test_the_password_arrives_with_a_hash_opensearch_checks_and_the_same_each_run(tmp_path):
    secret = build(tmp_path)
    assert secret["metadata"] == {"name": "opensearch-credentials", "namespace": "harmony",
                                  "labels": {"app.kubernetes.io/managed-by": "openedx_ops.baremetal"}}
    data = secret["stringData"]
    assert data["password"] == "corpus-search-not-a-secret"
    users = yaml.safe_load(data["internal_users.yml"])
    assert users["_meta"] == {"type": "internalusers", "config_version": 2}
    assert users["harmony"]["backend_roles"] == ["admin"] and users["harmony"]["reserved"] is True
    assert bcrypt.verify("corpus-search-not-a-secret", users["harmony"]["hash"])
    assert not bcrypt.verify("another-password-altogether", users["harmony"]["hash"])
    # Stable: the Secret changes only when the password does.
    assert build(tmp_path) == secret
    other = build(tmp_path, "-e", "harmony_search_admin_password=a-new-password-0123")
    assert other["stringData"]["password"] == "a-new-password-0123"
    assert bcrypt.verify("a-new-password-0123", yaml.safe_load(other["stringData"]["internal_users.yml"])["harmony"]["hash"])


def test_a_short_or_example_password_is_refused_without_printing_it(tmp_path):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    for password in ("short-one", "EXAMPLE-search-password-0123"):
        result = subprocess.run([os.path.join(BIN, "ansible-playbook"), "tests/playbooks/search_credentials.yml",
                                 "-i", INVENTORY, "-e", "out=%s" % (tmp_path / "x.json"),
                                 "-e", "harmony_search_admin_password=%s" % password],
                                cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 2
        assert "harmony_search_admin_password is required: at least 16 characters" in result.stdout
        assert password not in result.stdout
        assert not (tmp_path / "x.json").exists()
