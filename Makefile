# The two commands of the README:
#   make lab    Python environment + lab + site.yml on the lab (the main job)
#   make test   Python environment + every test layer
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= $(firstword $(wildcard /root/.pyenv/versions/3.12*/bin/python3.12 /root/.pyenv/versions/3.13*/bin/python3.13) $(shell command -v python3.12 python3.13 2>/dev/null))
VENV := .venv
BIN := $(VENV)/bin
export PATH := $(CURDIR)/$(BIN):$(PATH)
export ANSIBLE_CONFIG := $(CURDIR)/ansible.cfg

.PHONY: deps venv lab lab-up lab-down lab-controlplane site test lint sanity unit molecule lab-tests build-test benchmark clean

$(VENV)/.stamp: requirements.txt constraints.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12 or 3.13 is required (ansible-core 2.21)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

# kubectl builds the Tutor environments offline (kubectl kustomize); Debian packages it.
deps:
	@command -v kubectl >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null

venv: deps $(VENV)/.stamp

lab-up:
	scripts/lab up

lab-down:
	scripts/lab down

# The lab's Kubernetes control plane (test harness, tests/controlplane): upstream etcd,
# kube-apiserver, kube-controller-manager, kube-scheduler and helm-controller built from
# their Go modules (cached in .lab/controlplane), kwok simulating the kubelets.
lab-controlplane: venv lab-up
	$(BIN)/ansible-playbook -i inventories/lab tests/controlplane/up.yml

site: venv
	$(BIN)/ansible-playbook site.yml -i inventories/lab

# Main job: environment, lab with its control plane, site.yml on the lab.
lab: venv lab-up lab-controlplane site

lint: venv
	$(BIN)/yamllint -s .
	$(BIN)/ansible-lint --profile production

sanity: venv
	tests/sanity/run

unit: venv
	$(BIN)/python -m pytest -q tests/unit tests/playbooks

molecule: venv lab-up lab-controlplane
	tests/molecule/run

lab-tests: venv lab-up lab-controlplane
	tests/lab/run

build-test: venv lab-up lab-controlplane
	tests/build/run

benchmark: venv lab-up
	BIN=$(BIN) benchmarks/run

# Every test layer, fastest first; the main job (site.yml on the lab) runs before the
# layers that use the converged lab.
test: venv lint unit lab build-test sanity molecule lab-tests

clean:
	rm -rf $(VENV) tests/output benchmarks/results
