"""The cluster's operation lock in the playbooks (issue 17).

Wiring: every playbook that reaches a cluster host takes the lock (lock.yml) after validation (and the checks of
its request on the controller), before its first play on any host but localhost, and gives it back (unlock.yml) as its last play; render.yml and validate.yml
take none. Behaviour: tests/playbooks/cluster_lock_nested.yml (an operation importing a layer, as site.yml does)
run for real with every host local and /var/lib bind-mounted on a scratch directory in a private mount namespace
(skipped where unshare cannot make one): one take and one give-back per run, the lock held from the first play to
the last, another run's lock refusing the run before any cluster host, check mode leaving nothing, the break
variable and a stale lock of this controller."""

import glob
import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)
if os.path.join(ROOT, ".collections") not in sys.path:
    sys.path.insert(0, os.path.join(ROOT, ".collections"))

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import (  # noqa: E402
    controller_identity)

PLAYBOOKS = os.path.join(ROOT, "playbooks")
LOCK, UNLOCK = os.path.join(PLAYBOOKS, "lock.yml"), os.path.join(PLAYBOOKS, "unlock.yml")
VALIDATE = os.path.join(PLAYBOOKS, "validate.yml")
# Playbooks that reach cluster hosts without the lock, and why.
UNLOCKED = {
    # An on-demand etcd snapshot changes no configuration of the cluster: it may run beside an operation.
    "etcd_snapshot.yml",
}
OPERATIONS = ["site.yml", "scale.yml", "remove_node.yml", "upgrade.yml", "etcd_restore.yml"] + [
    "layers/%s.yml" % name for name in ("prepare_hosts", "loadbalancers", "nfs", "rke2", "cluster_addons",
                                        "openedx_instances")]


def plays(path, inherited=None):
    """The plays of a playbook with its imports expanded: (file the play is in, play, vars of the imports)."""
    with open(path) as handle:
        entries = yaml.safe_load(handle)
    found = []
    for entry in entries:
        if "ansible.builtin.import_playbook" in entry:
            target = os.path.normpath(os.path.join(os.path.dirname(path), entry["ansible.builtin.import_playbook"]))
            found += plays(target, dict(inherited or {}, **(entry.get("vars") or {})))
        else:
            found.append((path, entry, dict(inherited or {})))
    return found


def all_playbooks():
    return sorted(os.path.relpath(p, PLAYBOOKS) for p in glob.glob(os.path.join(PLAYBOOKS, "*.yml"))
                  + glob.glob(os.path.join(PLAYBOOKS, "layers", "*.yml")))


@pytest.mark.parametrize("name", OPERATIONS)
def test_an_operation_locks_after_validation_before_any_host_and_unlocks_last(name):
    path = os.path.join(PLAYBOOKS, name)
    with open(path) as handle:
        entries = yaml.safe_load(handle)
    imports = [os.path.basename(e.get("ansible.builtin.import_playbook", "")) for e in entries]
    assert imports[0] == "validate.yml" and "lock.yml" in imports and imports[-1] == "unlock.yml", imports
    # Between validation and the lock only checks of the request itself, on the controller (upgrade.yml,
    # etcd_restore.yml): a refused request leaves no lock behind.
    assert all(name == "" for name in imports[1:imports.index("lock.yml")]), imports
    expanded = plays(path)
    first_lock = [source for source, _play, _vars in expanded].index(LOCK)
    assert all(play["hosts"] == "localhost" and play.get("connection") in (None, "local")
               for _source, play, _vars in expanded[:first_lock])
    assert expanded[-1][0] == UNLOCK
    # Nothing turns the lock off inside an operation.
    assert not any(import_vars.get("openedx_ops_lock_skip") for _source, _play, import_vars in expanded)


@pytest.mark.parametrize("name", all_playbooks())
def test_every_playbook_that_reaches_a_cluster_host_is_an_operation_with_the_lock(name):
    expanded = plays(os.path.join(PLAYBOOKS, name))
    # openedx_instances: in-memory hosts of the controller (layers/openedx_instances.yml adds them, local).
    reaches_hosts = any(play["hosts"] not in ("localhost", "openedx_instances") for _source, play, _vars in expanded)
    if reaches_hosts and name not in UNLOCKED:
        assert name in OPERATIONS, "%s reaches cluster hosts: import lock.yml and unlock.yml, list it here" % name


def test_read_only_playbooks_take_no_lock():
    assert not [p for p in plays(VALIDATE) if p[0] in (LOCK, UNLOCK)]
    render = plays(os.path.join(PLAYBOOKS, "render.yml"))
    locking = [(source, import_vars) for source, _play, import_vars in render if source in (LOCK, UNLOCK)]
    assert locking and all(import_vars.get("openedx_ops_lock_skip") is True for _source, import_vars in locking)


def test_the_lock_plays_run_whatever_the_tags():
    for source in (LOCK, UNLOCK):
        assert all(play.get("tags") == ["always"] for _s, play, _v in plays(source))


# The runs.

def namespace_available():
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True,
                          check=False).returncode == 0


pytestmark_run = pytest.mark.skipif(not namespace_available(),
                                    reason="unshare -m cannot make a private mount namespace here")


@pytest.fixture
def varlib(tmp_path):
    return tmp_path / "varlib"


@pytest.fixture
def run(varlib):
    varlib.mkdir()

    def runner(*args, times=1):
        env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1",
                   ANSIBLE_FORCE_COLOR="0")
        options = ["-i", "tests/inventories/good/minimal.yml", "-e", "ansible_connection=local",
                   "-e", "ansible_python_interpreter=%s" % sys.executable]
        command = [os.path.join(BIN, "ansible-playbook")] + ["tests/playbooks/cluster_lock_nested.yml"] * times
        command += options + list(args)
        # The lock host is local: its /var/lib is the scratch directory, in this run's mount namespace only.
        script = 'mount --bind "$0" /var/lib && exec "$@"'
        return subprocess.run(["unshare", "-m", "sh", "-c", script, str(varlib)] + command, cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300, check=False)
    return runner


def lock_dir(varlib):
    return varlib / "openedx-ops" / "locks" / "cluster"


def write_holder(varlib, holder):
    lock_dir(varlib).mkdir(parents=True)
    (lock_dir(varlib) / "holder.json").write_text(json.dumps(holder))


def holder_now(varlib):
    path = lock_dir(varlib) / "holder.json"
    return json.loads(path.read_text()) if path.exists() else (None if not lock_dir(varlib).exists() else "dir")


def recap_hosts(output):
    return [line.split()[0] for line in output.split("PLAY RECAP")[-1].splitlines() if ": ok=" in line]


@pytestmark_run
def test_one_take_one_give_back_held_throughout_none_left(run, varlib):
    result = run()
    out = result.stdout
    assert result.returncode == 0, out[-4000:] + result.stderr[-2000:]
    # The layer's lock.yml and unlock.yml did nothing but count: the lock was taken and given back once.
    assert out.count("TASK [Take the lock]") == 1 and out.count("TASK [Give back the lock]") == 1, out
    assert out.index("TASK [Give back the lock]") > out.index("cluster host reached")
    assert "changed=0" in out.split("PLAY RECAP")[-1] and "changed=1" not in out.split("PLAY RECAP")[-1]
    assert holder_now(varlib) is None
    # Two operations in one ansible-playbook command: each takes and gives back.
    again = run(times=2)
    assert again.returncode == 0 and again.stdout.count("TASK [Give back the lock]") == 2, again.stdout[-4000:]
    assert holder_now(varlib) is None


@pytestmark_run
def test_check_mode_takes_nothing(run, varlib):
    result = run("--check")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "TASK [Give back the lock]" not in result.stdout
    assert holder_now(varlib) is None


@pytestmark_run
def test_another_run_s_lock_stops_the_run_before_any_host_until_broken(run, varlib):
    other = {"run_id": "4242-777", "playbook": "playbooks/site.yml", "controller": "ops-laptop", "user": "alice",
             "since": "2026-11-28T18:00:00Z", "boot_id": "x", "pid_namespace": "1"}
    write_holder(varlib, other)
    refused = run()
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert ("the cluster is locked by run 4242-777 of playbooks/site.yml, alice@ops-laptop since 2026-11-28T18:00:00Z"
            " (lock /var/lib/openedx-ops/locks/cluster on e1)") in out, out[-4000:]
    assert "-e openedx_ops_break_lock=4242-777" in out
    # Stopped before any cluster host: the lock tasks are delegated, so only localhost is in the recap.
    assert "cluster host reached" not in out and recap_hosts(out) == ["localhost"], out[-3000:]
    assert holder_now(varlib) == other

    checked = run("--check")
    assert checked.returncode == 0, checked.stdout[-4000:]
    assert "locked by run 4242-777" in checked.stdout + checked.stderr and "a real run would stop" in \
        checked.stdout + checked.stderr
    assert holder_now(varlib) == other

    wrong = run("-e", "openedx_ops_break_lock=4242-778")
    assert wrong.returncode != 0 and "openedx_ops_break_lock=4242-778 is not the holder's run id" in wrong.stdout
    assert holder_now(varlib) == other

    broken = run("-e", "openedx_ops_break_lock=4242-777")
    assert broken.returncode == 0, broken.stdout[-4000:]
    assert "the lock of run 4242-777 of playbooks/site.yml" in broken.stdout + broken.stderr
    assert holder_now(varlib) is None


@pytestmark_run
def test_a_stale_lock_of_this_controller_is_taken_over_and_said(run, varlib):
    here = controller_identity()
    gone = dict(here, run_id="999999-1", playbook="playbooks/upgrade.yml", since="2026-11-28T17:00:00Z")
    write_holder(varlib, gone)
    result = run()
    assert result.returncode == 0, result.stdout[-4000:]
    assert ("the lock of run 999999-1 (playbooks/upgrade.yml, %s@%s since 2026-11-28T17:00:00Z) is stale: that "
            "ansible-playbook process is gone from this controller" % (here["user"], here["controller"])) \
        in result.stdout
    assert holder_now(varlib) is None
    # The same record from another pid namespace (a container with the same host name) or another boot (a
    # look-alike of this controller) is not guessed stale.
    for look_alike in (dict(gone, pid_namespace="1"), dict(gone, boot_id="another-boot")):
        shutil.rmtree(str(lock_dir(varlib)), ignore_errors=True)
        write_holder(varlib, look_alike)
        refused = run()
        assert refused.returncode != 0 and "the cluster is locked by run 999999-1" in refused.stdout, look_alike
        assert holder_now(varlib) == look_alike
