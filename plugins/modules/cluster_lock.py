#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: cluster_lock
short_description: Take, read or give back the cluster's operation lock
version_added: "0.1.0"
description:
  - One run at a time changes a cluster. The lock is a directory (made with C(mkdir)) on one host of the cluster,
    holding the holder's run id, playbook, controller, user and time. Every read, take and give-back holds an
    C(flock) on a guard file next to it, so two runs never both take it, even when both take over the same gone
    holder.
  - O(state=present) takes it for O(run_id), or does nothing when this run holds it already. Held by another run,
    the module fails naming that run and how to break its lock, unless O(take_over) is that run's id (a run that is
    gone, or one the operator breaks).
  - O(state=absent) gives it back when O(run_id) holds it; held by another run, it is left alone, with a warning.
  - O(state=read) only reads it.
  - The lock is bookkeeping of a run, not a change of the host's configuration, so the module never reports
    C(changed) (a second run of a playbook that takes and gives it back reports 0 changed); the return values
    C(taken), C(replaced) and C(released) say what it did. In check mode it is neither taken nor given back; with
    O(state=present), a lock held by a run other than O(run_id) and O(take_over) - one a real run would stop at -
    is reported as a warning.
options:
  path:
    description: The lock directory.
    type: path
    default: /var/lib/openedx-ops/locks/cluster
  state:
    description: Take (V(present)), give back (V(absent)) or read (V(read)) the lock.
    type: str
    choices: [present, absent, read]
    default: present
  run_id:
    description: Id of this run (C(openedx_ops_plan.run_id)). Required unless O(state=read).
    type: str
  holder:
    description:
      - What to record with the run id, as filter P(openedx_ops.baremetal.lock_holder#filter) computes it on the
        controller (C(playbook), C(since), C(controller), C(boot_id), C(pid_namespace), C(user)).
    type: dict
    default: {}
  take_over:
    description: Run id of a holder this run may replace (a gone run of this controller, or C(openedx_ops_break_lock)).
    type: str
  host:
    description: How messages name this host (the inventory name of the lock host); its host name when omitted.
    type: str
attributes:
  check_mode:
    description: Reads the lock only; a lock held by another run is a warning.
    support: full
  diff_mode:
    description: No diff; the lock is not a change of the host.
    support: none
author:
  - openedx_ops maintainers (@openedx-ops)
"""

EXAMPLES = r"""
- name: Take the lock before touching any host
  openedx_ops.baremetal.cluster_lock:
    run_id: "{{ openedx_ops_plan.run_id }}"
    holder: "{{ openedx_ops_plan.run_id | openedx_ops.baremetal.lock_holder }}"
    take_over: "{{ openedx_ops_break_lock | default(omit) }}"
    host: "{{ openedx_ops_lock_host | default(groups['etcd'][0]) }}"
  delegate_to: "{{ openedx_ops_lock_host | default(groups['etcd'][0]) }}"

- name: Give it back at the end
  openedx_ops.baremetal.cluster_lock:
    run_id: "{{ openedx_ops_plan.run_id }}"
    host: "{{ openedx_ops_lock_host | default(groups['etcd'][0]) }}"
    state: absent
  delegate_to: "{{ openedx_ops_lock_host | default(groups['etcd'][0]) }}"
"""

RETURN = r"""
holder:
  description: The holder of the lock now (after the call), or null when it is free.
  returned: always
  type: dict
  sample: {run_id: "4242-777", playbook: playbooks/site.yml, user: alice, controller: ops-laptop,
           since: "2026-11-28T18:00:00Z", boot_id: "a08a0263-...", pid_namespace: "4026531836"}
taken:
  description: Whether this call took the lock (false when this run held it already, and in check mode).
  returned: state=present
  type: bool
replaced:
  description: The holder replaced through O(take_over), or null.
  returned: state=present
  type: dict
released:
  description: Whether this call gave the lock back.
  returned: state=absent
  type: bool
"""

import socket

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import (
    LockHeld, acquire, describe, read, refusal, release)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            path=dict(type="path", default="/var/lib/openedx-ops/locks/cluster"),
            state=dict(type="str", choices=["present", "absent", "read"], default="present"),
            run_id=dict(type="str"),
            holder=dict(type="dict", default={}),
            take_over=dict(type="str"),
            host=dict(type="str"),
        ),
        required_if=[("state", "present", ["run_id"]), ("state", "absent", ["run_id"])],
        supports_check_mode=True,
    )
    params = module.params
    path, state, run_id = params["path"], params["state"], params["run_id"]
    host = params["host"] or socket.gethostname()
    try:
        if state == "read" or module.check_mode:
            current = read(path)
            # Only a run that a real run would stop at is warned about (not this run, not the one taken over).
            if state == "present" and current and current.get("run_id") not in (run_id, params["take_over"]):
                module.warn(refusal(current, path, host, params["take_over"], check_mode=True))
            module.exit_json(changed=False, holder=current, taken=False, replaced=None, released=False)
        if state == "present":
            holder = dict(params["holder"], run_id=run_id)
            taken, replaced = acquire(path, holder, params["take_over"])
            if replaced:
                module.warn("the lock of %s was taken over by this run" % describe(replaced))
            module.exit_json(changed=False, holder=read(path), taken=taken, replaced=replaced)
        released, other = release(path, run_id)
        if other:
            module.warn("the lock on %s is held by %s, not by this run (broken during the run?): left alone"
                        % (host, describe(other)))
        elif not released:
            module.warn("this run held no lock on %s (broken during the run?)" % host)
        module.exit_json(changed=False, holder=read(path), released=released)
    except LockHeld as exc:
        module.fail_json(msg=refusal(exc.holder, path, host, params["take_over"]), holder=exc.holder)
    except OSError as exc:
        module.fail_json(msg="lock %s on %s: %s" % (path, host, exc))


if __name__ == "__main__":
    main()
