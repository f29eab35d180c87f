#!/usr/bin/env bash
# A no-op second run of site.yml on the lab, timed against a playbook that only
# connects and gathers facts on the same 11 hosts, in one run. Goal: ratio <= 1.5, changed 0.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH=$ROOT/.venv/bin:$PATH ANSIBLE_CONFIG=$ROOT/ansible.cfg ANSIBLE_NOCOLOR=1
mkdir -p benchmarks/results
run() { local t0 t1; t0=$(date +%s.%N); "$@" > benchmarks/results/last.log 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
# Converge first (the run being measured is the second one).
ansible-playbook site.yml -i inventories/lab >/dev/null
# Cold SSH control sockets for both, so neither borrows the other's connections.
rm -rf ~/.ansible/cp
base=$(run ansible-playbook benchmarks/gather_facts.yml -i inventories/lab)
rm -rf ~/.ansible/cp
floor=$(run ansible-playbook benchmarks/task_floor.yml -i inventories/lab)
rm -rf ~/.ansible/cp
site=$(run ansible-playbook site.yml -i inventories/lab)
recap=$(sed -n '/PLAY RECAP/,$p' benchmarks/results/last.log)
changed=$(echo "$recap" | grep -o 'changed=[0-9]*' | cut -d= -f2 | paste -sd+ | bc)
# Task results that ran (ok, not skipped) on the busiest lab host: the rounds the no-op cannot avoid.
rounds=$(echo "$recap" | grep -E '^(etcd|cp|worker|lb|nfs)[0-9]' | sed 's/.*ok=\([0-9]*\).*/\1/' | sort -n | tail -1)
round=$(echo "scale=3; ($floor - $base) / 10" | bc)
ratio=$(echo "scale=2; $site / $base" | bc)
printf 'gather facts only: %.1f s\nsite.yml no-op:    %.1f s\nratio:             %s (goal <= 1.5)\nchanged:           %s (goal 0)\n' \
  "$base" "$site" "$ratio" "$changed"
printf 'one round of a no-op module call on the 11 hosts: %.2f s; the busiest host ran %s tasks;\n' "$round" "$rounds"
printf 'Ansible floor for that many rounds after gathering facts: %.1f s\n' "$(echo "$base + $rounds * $round" | bc)"
[ "$changed" -eq 0 ]
