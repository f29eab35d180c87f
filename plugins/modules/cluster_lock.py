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
  - One run at a time changes a cluster. The lock is a directory (made with C(mkdir), atomic) on one host of the
    cluster, holding the holder's run id, controller, user and time.
  - O(state=present) takes it for O(run_id), or does nothing when this run holds it already. Held by another run,
    the module fails naming that run, unless O(take_over) is that run's id (a run that is gone, or one the
    operator breaks).
  - O(state=absent) gives it back when O(run_id) holds it; held by another run, it is left alone.
  - O(state=read) only reads it.
  - Every check and change of the lock holds an C(flock) on a guard file next to it, so two runs taking over the
    same holder cannot both succeed.
  - The lock is bookkeeping of a run, not a change of the host, so the module never reports C(changed). In check
    mode it is neither taken nor given back; with O(state=present), a lock held by a run other than O(run_id) and
    O(take_over) is reported as a warning.
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
    description: What to record with the run id (filter C(openedx_ops.baremetal.lock_holder) gives the
      controller, its boot and process namespace, the user and the time).
    type: dict
    default: {}
  take_over:
    description: Run id of a holder this run may replace.
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
    holder: {controller: "{{ lookup('ansible.builtin.pipe', 'hostname') }}"}
  delegate_to: "{{ groups['etcd'][0] }}"
  run_once: true

- name: Give it back at the end
  openedx_ops.baremetal.cluster_lock:
    run_id: "{{ openedx_ops_plan.run_id }}"
    state: absent
"""

RETURN = r"""
holder:
  description: The holder of the lock now (after the call), or null when it is free.
  returned: always
  type: dict
taken:
  description: Whether this call took the lock (false when this run held it already).
  returned: state=present
  type: bool
replaced:
  description: The holder replaced through O(take_over), or null.
  returned: state=present
  type: dict
"""

import socket

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.cluster_lock import (
    LockHeld, acquire, describe, read, release)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            path=dict(type="path", default="/var/lib/openedx-ops/locks/cluster"),
            state=dict(type="str", choices=["present", "absent", "read"], default="present"),
            run_id=dict(type="str"),
            holder=dict(type="dict", default={}),
            take_over=dict(type="str"),
        ),
        required_if=[("state", "present", ["run_id"]), ("state", "absent", ["run_id"])],
        supports_check_mode=True,
    )
    params = module.params
    path = params["path"]
    current = read(path)
    if params["state"] == "read" or module.check_mode:
        if (module.check_mode and params["state"] == "present" and current
                and current.get("run_id") not in (params["run_id"], params["take_over"])):
            module.warn("the cluster is locked by %s; a real run would stop here" % describe(current))
        module.exit_json(changed=False, holder=current, taken=False, replaced=None)
    try:
        if params["state"] == "present":
            holder = dict(params["holder"], run_id=params["run_id"])
            taken, replaced = acquire(path, holder, params["take_over"])
            module.exit_json(changed=False, holder=read(path), taken=taken, replaced=replaced)
        other = release(path, params["run_id"])[1]
        if other:
            module.warn("the lock is held by %s, not this run: left alone" % describe(other))
        module.exit_json(changed=False, holder=read(path))
    except LockHeld as exc:
        module.fail_json(msg="the cluster is locked by %s (lock %s on %s). Another run is changing it: wait for it. "
                         "If that run is gone for good, run again with -e openedx_ops_break_lock=%s"
                         % (describe(exc.holder), path, socket.gethostname(), exc.holder.get("run_id", "unknown")),
                         holder=exc.holder)
    except OSError as exc:
        module.fail_json(msg="lock %s on %s: %s" % (path, socket.gethostname(), exc))


if __name__ == "__main__":
    main()
