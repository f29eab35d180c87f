#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: host_firewall
short_description: Converge a node's ufw allow rules from the cluster plan in one call
version_added: "0.1.0"
description:
  - Makes the node's ufw allow exactly the plan's peers on each port this collection opens - one rule per port,
    protocol and peer address, each with a comment that starts with O(marker) - in one call.
  - Rules with the marker that the plan no longer has (a node removed, a peer readdressed) are deleted. Rules
    without it (the operator's own, such as SSH) are never touched. Rules open to any source listed in
    O(remove_open) (written by earlier releases of this collection) are deleted.
  - Reads the rules with C(ufw show added) (ufw 0.36 or later). Does nothing when ufw is not installed or not
    active, and says so in RV(active).
options:
  rules:
    description: The plan's rules for this node's RKE2 role (C(openedx_ops_plan.firewall.rules[role])).
    type: list
    elements: dict
    required: true
    suboptions:
      port:
        description: Port or range (C(2379:2381)).
        type: str
        required: true
      proto:
        description: C(tcp) or C(udp).
        type: str
        required: true
      from:
        description: Name of the peer set in O(peers).
        type: str
        required: true
      purpose:
        description: Why the port is open; written in the rule's comment after O(marker).
        type: str
        required: true
  peers:
    description: Address sets by name (C(openedx_ops_plan.firewall.peers)).
    type: dict
    required: true
  remove_open:
    description: Rules open to any source (C(port/proto)) to delete.
    type: list
    elements: str
    default: []
  marker:
    description: First word of the comment of every rule this module manages.
    type: str
    default: openedx_ops
attributes:
  check_mode:
    description: Says which rules would be added and deleted, and changes nothing.
    support: full
  diff_mode:
    description: Shows the node's rules before and after, one line each.
    support: full
author:
  - openedx_ops maintainers (@openedx-ops)
"""

EXAMPLES = r"""
- name: Allow each port from its peers, nothing else of ours
  openedx_ops.baremetal.host_firewall:
    rules: "{{ openedx_ops_plan.firewall.rules['agent'] }}"
    peers: "{{ openedx_ops_plan.firewall.peers }}"
    remove_open: ["10250/tcp", "8472/udp"]
"""

RETURN = r"""
active:
  description: Whether ufw is installed and active; when not, nothing was read or changed.
  returned: always
  type: bool
added:
  description: The rules added (or that would be, in check mode), one line each.
  returned: always
  type: list
  elements: str
  sample: ["allow 10250/tcp from 172.30.0.41  # openedx_ops kubelet"]
deleted:
  description: The rules deleted (or that would be, in check mode), one line each.
  returned: always
  type: list
  elements: str
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.firewall_rules import (
    FirewallError, changes, command, describe, parse_added, wanted_rules)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            rules=dict(type="list", elements="dict", required=True, options=dict(
                port=dict(type="str", required=True),
                proto=dict(type="str", required=True),
                purpose=dict(type="str", required=True),
                **{"from": dict(type="str", required=True)})),
            peers=dict(type="dict", required=True),
            remove_open=dict(type="list", elements="str", default=[]),
            marker=dict(type="str", default="openedx_ops"),
        ),
        supports_check_mode=True,
    )
    params = module.params
    result = {"changed": False, "active": False, "added": [], "deleted": []}
    ufw = module.get_bin_path("ufw")
    if ufw is None:  # not installed: nothing filters, nothing to converge
        module.exit_json(**result)
    rc, out, err = module.run_command([ufw, "status"])
    if rc != 0:
        module.fail_json(msg="ufw status failed: %s" % (err or out).strip(), **result)
    if "Status: active" not in out:
        module.exit_json(**result)
    result["active"] = True
    rc, out, err = module.run_command([ufw, "show", "added"])
    if rc != 0:
        module.fail_json(msg="ufw show added failed (ufw 0.36 or later is needed): %s" % (err or out).strip(), **result)
    try:
        wanted = wanted_rules(params["rules"], params["peers"], params["marker"])
    except FirewallError as exc:
        module.fail_json(msg=str(exc), **result)
    current = parse_added(out)
    add, delete = changes(current, wanted, params["remove_open"], params["marker"])
    result.update(changed=bool(add or delete), added=[describe(r) for r in add], deleted=[describe(r) for r in delete])
    if module._diff and result["changed"]:
        after = [r for r in current if r not in delete] + add
        result["diff"] = {"before_header": "ufw rules", "after_header": "ufw rules",
                          "before": "".join(describe(r) + "\n" for r in current),
                          "after": "".join(describe(r) + "\n" for r in after)}
    if module.check_mode:
        module.exit_json(**result)
    # Deletions first: a peer readdressed frees its old rule before the new one is written.
    for rule, deleting in [(r, True) for r in delete] + [(r, False) for r in add]:
        args = command(rule, delete=deleting)
        rc, out, err = module.run_command([ufw] + args[1:])
        if rc != 0:
            module.fail_json(msg="%s failed: %s" % (" ".join(args), (err or out).strip()), **result)
    module.exit_json(**result)


if __name__ == "__main__":
    main()
