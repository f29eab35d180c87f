"""The rke2 role's lifecycle paths that run without RKE2, on the lab's real systemd."""

import time

import pytest
from labtools import changed_by_host, docker, playbook

BOUNDED = "tests/integration/files/bounded_start.yml"


def bounded_start(unit, state, timeout):
    began = time.monotonic()
    result = playbook(BOUNDED, "-e", '{"bounded_unit": "%s", "bounded_state": "%s", "bounded_timeout": %d}'
                      % (unit, state, timeout), check=False)
    return result, time.monotonic() - began


def active_state(unit):
    return docker("exec", "oxlab-worker3", "systemctl", "show", "--property=ActiveState", "--value",
                  "oxlab-notify-%s.service" % unit, check=False).stdout.strip()


@pytest.fixture(autouse=True)
def stand_in_units():
    yield
    for unit in ("ready", "never"):
        docker("exec", "oxlab-worker3", "systemctl", "disable", "--now", "oxlab-notify-%s.service" % unit, check=False)
    docker("exec", "oxlab-worker3", "rm", "-f", "/etc/systemd/system/oxlab-notify-ready.service",
           "/etc/systemd/system/oxlab-notify-never.service", check=False)
    docker("exec", "oxlab-worker3", "systemctl", "daemon-reload", check=False)


def test_a_unit_that_never_becomes_ready_stops_the_play_in_bounded_time_with_its_journal():
    result, seconds = bounded_start("never", "started", 8)
    assert result.returncode != 0
    assert "did not become active within rke2_ready_timeout (8 s)" in result.stdout, result.stdout[-3000:]
    # The unit's own output reaches the operator.
    assert "failed to validate token" in result.stdout
    assert seconds < 60, seconds
    assert active_state("never") == "activating"


def test_a_unit_that_becomes_ready_is_waited_for_and_a_restart_waits_for_the_new_process():
    result, seconds = bounded_start("ready", "started", 60)
    assert result.returncode == 0, result.stdout[-3000:]
    assert active_state("ready") == "active"
    before = docker("exec", "oxlab-worker3", "systemctl", "show", "--property=InvocationID", "--value",
                    "oxlab-notify-ready.service").stdout.strip()
    result, seconds = bounded_start("ready", "restarted", 60)
    assert result.returncode == 0, result.stdout[-3000:]
    after = docker("exec", "oxlab-worker3", "systemctl", "show", "--property=InvocationID", "--value",
                   "oxlab-notify-ready.service").stdout.strip()
    assert after and after != before
    # READY comes 2 s after the new process starts: had the wait read the old process, the play
    # would have returned while the new one was still activating.
    assert active_state("ready") == "active"
    # Already active and only to be started: nothing is queued, nothing changes.
    result, seconds = bounded_start("ready", "started", 60)
    assert result.returncode == 0
    assert changed_by_host(result.stdout)["worker3"] == 0
