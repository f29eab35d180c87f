#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
---
module: cluster_plan
short_description: Validate an openedx_ops inventory and plan the cluster and its capacity
version_added: "0.1.0"
description:
  - Checks the groups, host addresses, cluster variables and C(openedx_instances) of an inventory against
    the inventory contract of the collection, and reports B(every) problem in one run, each naming the
    group, host, variable or instance at fault, what is wrong and what is expected.
  - The inventory name of every host in C(etcd), C(control_plane) and C(workers) becomes RKE2's C(node-name),
    so it must be a DNS-1123 subdomain (lower-case letters, digits, C(-) and C(.), labels of at most 63
    characters, 253 in all), as Kubernetes requires of a Node's name.
  - Returns the normalised plan that later plays use instead of recomputing it; each host's RKE2 role
    (C(etcd), C(control_plane), C(server) for a host in both, C(agent)), the bootstrap server, the join order,
    registration URLs, TLS SANs, taints and labels, load-balancer backends per port, NFS clients, and the
    instances with their defaults filled in.
  - "Registration URLs (RKE2's C(server)): etcd servers join the bootstrap server on its port 9345 (only their
    first start uses it). Control-plane-only servers check their server URL on every start, so they register
    through the load balancers' port 9346, whose backends are port 9345 of every etcd server: they restart and
    upgrade while any etcd server is up. Agents register through the load balancers' port 9345, whose backends
    are the API servers. The load balancers' address is C(cluster_api_fqdn), else C(cluster_api_vip), else the
    single load balancer's address."
  - "Capacity model: allocatable per worker = C(node_cpu)/C(node_memory) minus C(capacity_node_reserved) in O(cluster)
    (OS, kubelet, containerd, CNI, per-node DaemonSets); cluster allocatable = the sum over workers minus
    C(capacity_addons_reserved) in O(cluster) (the harmony add-ons, which run on workers because servers are tainted).
    Demand = for every present instance and each of lms, cms, lms_worker, cms_worker: CPU and memory
    B(requests) x replicas, at C(min_replicas) and at C(max_replicas). Not fitting at min is an error,
    not fitting at max is a warning. The first resource to run out is the one with the highest share used."
  - "Assumptions: aggregate sums ignore bin-packing fragmentation (each single pod is also checked against
    the largest worker); limits do not count (the scheduler places pods by requests); databases, caches and
    other per-instance pods of Tutor (MySQL, MongoDB, Redis, Meilisearch, Caddy) are not counted; put them in
    the add-on reserve, or run them outside the cluster as large operators do."
  - "Worked example, the talk's sizing: 3 workers of 6 vCPU / 24Gi, node reserve 500m/1Gi, add-on reserve
    2 CPU/8Gi gives 3 x 5.5 - 2 = 14.5 CPU and 3 x 23 - 8 = 61Gi allocatable. One instance with requests
    200m/1Gi and the default replicas (min 1 each = 4 pods; max 4+2+2+2 = 10 pods) asks 800m/4Gi at min and
    2 CPU/10Gi at max. Memory runs out first: 15 such instances fit at min (60Gi), 6 at max (60Gi)."
  - The module never changes anything; it runs on the controller and supports check mode fully.
author:
  - openedx_ops maintainers (@openedx-ops)
options:
  groups:
    description:
      - Group name to host names, as in the C(groups) magic variable. Only C(etcd), C(control_plane),
        C(workers), C(loadbalancers) and C(nfs_servers) are read.
    type: dict
    required: true
  hosts:
    description:
      - Host name to the host variables the plan reads (C(ansible_host), C(node_ip), C(node_cpu),
        C(node_memory), C(node_labels), C(node_taints)). The filter
        P(openedx_ops.baremetal.plan_inputs#filter) builds it from C(hostvars).
    type: dict
    default: {}
  cluster:
    description:
      - The cluster variables of the inventory contract (C(cluster_name), C(cluster_api_vip), ...).
        Missing ones take the contract's defaults.
      - C(rke2_token) and C(lb_vrrp_password) are given as their B(shapes) (type, length, blank, example),
        never their values, as the filter P(openedx_ops.baremetal.cluster_inputs#filter) makes them; a plain
        value is reduced to its shape too, but then it appears in the task's invocation, so do not pass one.
        The plan holds no secret, so nothing is registered for masking in the result.
    type: dict
    required: true
  instances:
    description:
      - The C(openedx_instances) list, each instance's C(secrets) reduced to shapes by the filter
        P(openedx_ops.baremetal.instance_inputs#filter). The plan keeps only the secrets' names
        (C(secret_keys)); roles read the values from the inventory when they write them.
      - "C(config.OPENEDX_OPS_POD_SECURITY) (default C(baseline)) and C(config.OPENEDX_OPS_POD_SECURITY_AUDIT)
        (default C(restricted)), the Pod Security levels the collection's Tutor plugin puts on the instance's
        namespace, must be C(privileged), C(baseline), C(restricted) or empty (no label); C(restricted), or
        no label with C(rke2_cis_profile), is a warning: Tutor's pods do not meet restricted."
      - Any value is accepted here and checked by the plan, so that a C(openedx_instances) that is not a list is
        reported naming it.
      - "A C(config) key that looks like a credential (C(PASSWORD), C(SECRET), C(TOKEN), API, access, master or
        private C(KEY)) is an error: the plan holds C(config), so credentials belong in C(secrets)."
    type: raw
    default: []
  inventory_dir:
    description:
      - Directory of the inventory; C(render_dir) defaults to C(<inventory_dir>/rendered/<cluster_name>).
    type: path
  resolve_names:
    description:
      - Resolve host names that are not IP addresses, and C(cluster_api_fqdn), through the controller's resolver.
      - When false such hosts are errors unless C(node_ip) is set, and C(cluster_api_fqdn) is not checked.
      - C(cluster_api_fqdn) that does not resolve is an error (agents register through it and the controller's
        kubeconfig names it), a warning below a domain reserved for examples and tests (C(example.com),
        C(example.net), C(example.org), C(.example), C(.invalid), C(.localhost), C(.test)). Resolving to an
        address other than C(cluster_api_vip) (or the single load balancer's) is a warning, since NAT or
        split-horizon DNS can make the controller see another address than the nodes.
    type: bool
    default: true
attributes:
  check_mode:
    support: full
    description: Reads only; the result is the same in check mode.
  diff_mode:
    support: none
    description: Nothing is changed, so there is nothing to diff.
  platform:
    support: full
    platforms: posix
    description: Runs on the controller (C(localhost)).
notes:
  - Problems are reported together in RV(ignore:msg), one per line, and also as a list in RV(errors).
seealso:
  - name: Inventory contract
    description: The groups and variables an inventory declares (docs/inventory.md in the collection).
    link: https://example.invalid/openedx_ops/baremetal/docs/inventory.md
"""

EXAMPLES = r"""
- name: Validate the inventory and plan the cluster
  openedx_ops.baremetal.cluster_plan:
    groups: "{{ groups }}"
    hosts: "{{ hostvars | openedx_ops.baremetal.plan_inputs(groups['all']) }}"
    cluster: "{{ hostvars['localhost'] | openedx_ops.baremetal.cluster_inputs }}"
    instances: "{{ openedx_instances | openedx_ops.baremetal.instance_inputs }}"
  register: plan

- name: Show the plan
  ansible.builtin.debug:
    msg: "{{ plan.table }}"
"""

RETURN = r"""
plan:
  description: The validated, normalised plan.
  returned: success
  type: dict
  contains:
    hosts:
      description: Per host its groups, address, rke2_role, rke2_service, join_index, bootstrap, server_url,
        labels and taints.
      type: dict
      sample: {"etcd1": {"rke2_role": "etcd", "address": "10.0.0.21", "bootstrap": true, "join_index": 0,
               "server_url": null, "taints": ["node-role.kubernetes.io/etcd=true:NoExecute"]}}
    bootstrap_node:
      description: The etcd server that starts the cluster.
      type: str
      sample: etcd1
    join_order:
      description: Order in which RKE2 nodes are started, one at a time.
      type: list
      elements: str
      sample: [etcd1, etcd2, etcd3, cp1, cp2, worker1]
    tls_san:
      description: Extra names and addresses for the API server certificate.
      type: list
      elements: str
      sample: [10.0.0.10, k8s.example.com]
    loadbalancer:
      description: Load-balancer hosts, VIP, keepalived priorities and backends per frontend port
        (C(6443) kube_api, C(9345) rke2_register, C(9346) rke2_register_etcd, C(80) and C(443) ingress).
      type: dict
    server_registration_url:
      description: Where control-plane-only servers register (the load balancers' port 9346).
      type: str
      sample: https://k8s.example.com:9346
    etcd_registration_url:
      description: Where etcd servers other than the bootstrap server join (the bootstrap server's port 9345).
      type: str
      sample: https://10.0.0.21:9345
    agent_registration_url:
      description: Where agents register (the load balancers' port 9345).
      type: str
      sample: https://k8s.example.com:9345
    nfs:
      description: NFS server, address, export path and client hosts.
      type: dict
    instances:
      description: The instances with every default filled in; of their secrets only the names
        (C(secret_keys), and C(example_secret_keys) for marked example values).
      type: list
      elements: dict
    kubeconfig:
      description: The cluster layer's kubeconfig on the controller (C(cluster_kubeconfig), default
        C(<inventory_dir>/artifacts/<cluster_name>.kubeconfig)).
      type: str
    example_secrets:
      description: Names (never values) of secrets that still hold the marked example values; roles that
        write a secret to a host refuse to run while its name is here.
      type: list
      elements: str
    capacity:
      description: The capacity report (allocatable, demand and headroom at min and max replicas), or null
        when a worker has no declared size.
      type: dict
    warnings:
      description: Warnings that do not fail the run.
      type: list
      elements: str
table:
  description: The plan as text lines, for a person to check.
  returned: success
  type: list
  elements: str
errors:
  description: Every problem found, when the inventory is invalid.
  returned: failure
  type: list
  elements: str
  sample: ["group etcd: has 2 hosts; etcd needs an odd number (3 or 5) to keep quorum"]
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.plan_args import PLAN_ARGUMENT_SPEC, plan_and_table
from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology import PlanError


# On the controller the action plugin of the same name computes the plan in Ansible's own process
# (plugins/action/cluster_plan.py); this module is the same computation for a direct run.
def run_module():
    module = AnsibleModule(argument_spec=PLAN_ARGUMENT_SPEC, supports_check_mode=True)
    try:
        plan, table = plan_and_table(module.params)
    except PlanError as exc:
        for warning in exc.warnings:
            module.warn(str(warning))
        module.fail_json(msg=str(exc), errors=[str(e) for e in exc.errors])
    for warning in plan["warnings"]:
        module.warn(warning)
    module.exit_json(changed=False, plan=plan, table=table)


def main():
    run_module()


if __name__ == "__main__":
    main()
