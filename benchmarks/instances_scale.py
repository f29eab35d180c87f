"""Render 1 vs 20 Open edX instances with playbooks/layers/openedx_instances.yml in one run,
then rerun the 20 with nothing changed.

Goals (issue 14): 20 instances in at most 5 times the wall time of one, by sharing virtualenvs
(one per Tutor release and plugin set) and converging instances in parallel (forks); the no-op
rerun of the 20 in at most 10 s (no Tutor render when an instance's render fingerprint matches).
Both fresh runs start from empty projects, so Tutor generates every instance's secrets.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.path.dirname(sys.executable)
VENVS = os.path.join(ROOT, ".lab", "tutor", "venvs")


def instances(count):
    return [{"name": "site%02d" % n, "lms_host": "learn.site%02d.bench.test" % n, "tutor_version": "22.0.3",
             "plugins": [{"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==22.1.0"}]}
            for n in range(count)]


def timed(count, tmp, expect_changed=None):
    extra = os.path.join(tmp, "extra-%d.json" % count)
    with open(extra, "w") as handle:
        json.dump({"openedx_instances": instances(count)}, handle)
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"))
    start = time.monotonic()
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"), "playbooks/layers/openedx_instances.yml",
                             "-i", "inventories/lab", "-e", "@" + extra,
                             "-e", "openedx_instance_apply=false",
                             # The lab declares 3 workers of 6 CPU / 24Gi: 20 instances need more.
                             "-e", "node_cpu=64", "-e", "node_memory=256Gi",
                             "-e", "render_dir=%s/render-%d" % (tmp, count),
                             "-e", "openedx_instance_home=%s/home-%d" % (tmp, count),
                             "-e", "openedx_instance_venvs_dir=%s" % VENVS],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(result.stdout[-3000:] + result.stderr[-2000:])
    if expect_changed is not None:
        recap = result.stdout.split("PLAY RECAP")[-1]
        changed = sum(int(n) for n in re.findall(r"changed=(\d+)", recap))
        if changed != expect_changed:
            sys.exit("expected changed=%d in the rerun, got %d:\n%s" % (expect_changed, changed, recap))
    return elapsed


def main():
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(tmp + "/warm")
        timed(1, tmp + "/warm")  # the virtualenv cache is warm for both measured runs
        one = timed(1, tmp)
        twenty = timed(20, tmp)
        noop = timed(20, tmp, expect_changed=0)
    print("render 1 instance:   %.1f s" % one)
    print("render 20 instances: %.1f s" % twenty)
    print("ratio: %.1f (goal <= 5)" % (twenty / one))
    print("no-op rerun of 20:   %.1f s (goal <= 10)" % noop)
    return 0 if twenty / one <= 5 and noop <= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
