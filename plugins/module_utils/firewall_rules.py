# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The host firewall (ufw) rules of a node, converged as a set: pure logic of module host_firewall.

A rule of this collection allows one port (or range) and protocol from one peer address, and carries a
comment that starts with the marker (``openedx_ops``). The rules ufw holds are read from ``ufw show added``,
which lists them as the commands that made them. Only marked rules are ever deleted, so an operator's own
rules (SSH, monitoring) stay; a marked rule the plan no longer has (a node removed, a peer readdressed) goes.
"""

from __future__ import annotations

import shlex

MARKER = "openedx_ops"


class FirewallError(ValueError):
    pass


def wanted_rules(rules, peers, marker=MARKER):
    """The rules a node needs, from the plan: ``rules`` (openedx_ops_plan.firewall.rules[<role>], each with
    port, proto, from and purpose) and ``peers`` (openedx_ops_plan.firewall.peers: address sets by name).
    Returns sorted, distinct dicts with port, proto, from_ip and comment."""
    wanted = {}
    for rule in rules:
        for key in ("port", "proto", "from", "purpose"):
            if key not in rule:
                raise FirewallError("a firewall rule has no %s: %r" % (key, rule))
        if rule["from"] not in peers:
            raise FirewallError("firewall rule %s/%s names the unknown peer set %s"
                                % (rule["port"], rule["proto"], rule["from"]))
        for address in peers[rule["from"]]:
            item = {"port": str(rule["port"]), "proto": rule["proto"], "from_ip": address,
                    "comment": "%s %s" % (marker, rule["purpose"])}
            wanted[_key(item)] = item
    return [wanted[k] for k in sorted(wanted)]


def _key(rule):
    return (rule["port"], rule["proto"], rule.get("from_ip") or "any")


def parse_added(text):
    """The allow rules in ``ufw show added`` output: dicts with port, proto, from_ip (None for any source) and
    comment (None without one). Rules of other shapes (deny, application profiles, to a given address) are
    left out: this collection never writes or deletes them."""
    found = []
    for line in text.splitlines():
        try:
            words = shlex.split(line)
        except ValueError:
            continue
        if len(words) < 3 or words[0] != "ufw" or words[1] != "allow":
            continue
        words = words[2:]
        comment = None
        if len(words) >= 2 and words[-2] == "comment":
            comment, words = words[-1], words[:-2]
        if len(words) == 1 and "/" in words[0]:  # ufw allow 8472/udp
            port, proto = words[0].split("/", 1)
            found.append({"port": port, "proto": proto, "from_ip": None, "comment": comment})
        elif (len(words) == 8 and words[0] == "from" and words[2:4] == ["to", "any"] and words[4] == "port"
              and words[6] == "proto"):  # ufw allow from A to any port P proto T
            found.append({"port": words[5], "proto": words[7], "from_ip": words[1], "comment": comment})
    return found


def changes(current, wanted, remove_open=(), marker=MARKER):
    """What to add and what to delete so that ``current`` (parse_added) holds ``wanted`` (wanted_rules):
    marked rules not wanted are deleted, as are the open rules (any source) listed in ``remove_open``
    ("port/proto", written by earlier releases); nothing else is touched. Returns (add, delete), sorted."""
    have = dict((_key(r), r) for r in current)
    add = [r for r in wanted if _key(r) not in have or have[_key(r)].get("comment") != r["comment"]]
    wanted_keys = set(_key(r) for r in wanted)
    delete = []
    for rule in current:
        marked = (rule.get("comment") or "").split(" ")[0] == marker
        opened = rule.get("from_ip") is None and "%s/%s" % (rule["port"], rule["proto"]) in remove_open
        if (marked and _key(rule) not in wanted_keys) or opened:
            delete.append(rule)
    return sorted(add, key=_key), sorted(delete, key=_key)


def command(rule, delete=False):
    """The ufw arguments that add (or delete) ``rule``."""
    args = ["ufw"] + (["delete"] if delete else []) + ["allow"]
    if rule.get("from_ip") is None:
        args.append("%s/%s" % (rule["port"], rule["proto"]))
    else:
        args += ["from", rule["from_ip"], "to", "any", "port", rule["port"], "proto", rule["proto"]]
    if not delete and rule.get("comment"):
        args += ["comment", rule["comment"]]
    return args


def describe(rule):
    """One line per rule, for diffs and results."""
    source = rule.get("from_ip") or "anywhere"
    comment = "  # " + rule["comment"] if rule.get("comment") else ""
    return "allow %s/%s from %s%s" % (rule["port"], rule["proto"], source, comment)
