"""openedx_ops: the operational lessons of large Open edX operators, as a Tutor plugin.

Shipped with the openedx_ops.baremetal collection and enabled on every instance it deploys.
Each lesson is a setting (OPENEDX_OPS_*), on by default, and reaches the rendered
manifests through Tutor's own patches (k8s-override, openedx-common-settings, k8s-services).

- Readiness and startup probes on lms and cms: no traffic reaches a pod that is still
  starting (the first cause of 502s during rollouts).
- A preStop delay on lms and cms: the ingress stops sending to a pod before it stops
  (the second cause of 502s).
- terminationGracePeriodSeconds long enough for Celery workers to finish their tasks.
- Resource requests and limits on the four services (when tutor-contrib-pod-autoscaling,
  which sets them itself, is not enabled).
- Django CONN_MAX_AGE: database connections are reused instead of opened per request.
- The client address from X-Forwarded-For, as set by the ingress.
- An Ingress per public host Caddy serves (LMS, Studio, the LMS preview, the MFEs' apps. host,
  Meilisearch's public host, OPENEDX_OPS_INGRESS_EXTRA_HOSTS) to the instance's Caddy, with the
  cert-manager issuer and the cluster's ingress class; with the harmony plugin, only the hosts its
  own Ingress list (harmony 18.0.1: LMS, Studio, preview, MFE and a few plugins' hosts) leaves out.
- uWSGI stops gracefully: the preStop hook, after the delay, waits while a uWSGI worker is busy
  (uWSGI's stats server on localhost says so), up to the grace period less a margin; only then does
  the kubelet send SIGTERM, which Tutor's die-on-term turns into an immediate stop. uWSGI's own
  graceful shutdown cannot be used: it kills Tutor's HTTP router (http = :8000) at once.
- PodDisruptionBudgets (at most one pod unavailable) for lms, cms, their workers, Caddy and the MFEs;
  replicas and resources for Caddy (and the MFEs), replicas for lms and cms when not autoscaled.
- Celery's concurrency per worker Deployment (OPENEDX_OPS_CELERY_CONCURRENCY), instead of one
  process per node CPU whatever the pod's memory limit.
- A NetworkPolicy: nothing reaches the instance's pods (Tutor's MongoDB and Redis have no password)
  but its own pods, and the ingress controller's namespace reaching Caddy.
- The instance's namespace states its Pod Security level (labels pod-security.kubernetes.io/*):
  enforce baseline (Tutor's pods need no host access, but some run as root, so they do not meet
  restricted), audit restricted. The label takes precedence over the cluster's default, which is
  restricted with rke2_cis_profile. OPENEDX_OPS_POD_SECURITY: "" leaves the namespace unlabelled.
"""

from tutor import hooks

hooks.Filters.CONFIG_DEFAULTS.add_items([
    ("OPENEDX_OPS_PROBES", True),
    ("OPENEDX_OPS_PROBE_PATH", "/heartbeat"),
    ("OPENEDX_OPS_STARTUP_SECONDS", 300),
    ("OPENEDX_OPS_PRESTOP", True),
    ("OPENEDX_OPS_PRESTOP_SECONDS", 15),
    ("OPENEDX_OPS_WEB_GRACE_SECONDS", 60),
    ("OPENEDX_OPS_WORKER_GRACE", True),
    ("OPENEDX_OPS_WORKER_GRACE_SECONDS", 600),
    ("OPENEDX_OPS_RESOURCES", {}),
    ("OPENEDX_OPS_CONN_MAX_AGE", 60),
    ("OPENEDX_OPS_CLIENT_IP_FROM_INGRESS", True),
    # The X-Forwarded-For entry, from the right, that is the client (set by the collection from
    # lb_ingress_mode: each hop of the cluster appends one address).
    ("OPENEDX_OPS_CLIENT_IP_INDEX", -2),
    ("OPENEDX_OPS_INGRESS", False),
    ("OPENEDX_OPS_INGRESS_CLASS", "traefik"),
    ("OPENEDX_OPS_CLUSTER_ISSUER", "harmony-letsencrypt-global"),
    ("OPENEDX_OPS_INGRESS_EXTRA_HOSTS", []),
    ("OPENEDX_OPS_INGRESS_NAMESPACE", "harmony"),
    ("OPENEDX_OPS_UWSGI_GRACEFUL_STOP", True),
    ("OPENEDX_OPS_UWSGI_STATS", "127.0.0.1:1717"),
    ("OPENEDX_OPS_UWSGI_STOP_MARGIN_SECONDS", 5),
    ("OPENEDX_OPS_DISRUPTION_BUDGETS", True),
    ("OPENEDX_OPS_REPLICAS", {}),
    ("OPENEDX_OPS_CADDY_RESOURCES", {"requests": {"cpu": "50m", "memory": "64Mi"},
                                     "limits": {"cpu": "1", "memory": "256Mi"}}),
    ("OPENEDX_OPS_CELERY_CONCURRENCY", {}),
    ("OPENEDX_OPS_UWSGI_WORKER_MEMORY", "400Mi"),
    ("OPENEDX_OPS_CELERY_PROCESS_MEMORY", "400Mi"),
    ("OPENEDX_OPS_NETWORK_POLICY", True),
    ("OPENEDX_OPS_POD_SECURITY", "baseline"),
    ("OPENEDX_OPS_POD_SECURITY_AUDIT", "restricted"),
])

# Both probes ask the web server itself, with the instance's host name (Django refuses others).
_PROBE_REQUEST = """            httpGet:
              path: {{{{ OPENEDX_OPS_PROBE_PATH }}}}
              port: 8000
              httpHeaders:
                - name: Host
                  value: "{{{{ {host} }}}}"
"""

# The preStop command of the web pods: the delay (the ingress stops sending), then a wait while any
# uWSGI worker is busy, bounded so that SIGTERM still comes a margin before the grace period ends.
# uwsgi --connect-and-read prints the stats server's JSON on its standard error.
_UWSGI_DRAIN = """{% set uwsgi_wait = [OPENEDX_OPS_WEB_GRACE_SECONDS - OPENEDX_OPS_PRESTOP_SECONDS
   - OPENEDX_OPS_UWSGI_STOP_MARGIN_SECONDS, 0] | max %}
{%- set uwsgi_drain = "sleep %d; end=$(( $(date +%%s) + %d )); while [ $(date +%%s) -lt $end ] && "
   "uwsgi --connect-and-read %s 2>&1 | grep -q status.:.busy; do sleep 1; done"
   | format(OPENEDX_OPS_PRESTOP_SECONDS, uwsgi_wait, OPENEDX_OPS_UWSGI_STATS) %}"""

_WEB = _UWSGI_DRAIN.replace("{", "{{").replace("}", "}}") + """
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {service}
spec:
  template:
    spec:
      {{% if OPENEDX_OPS_PRESTOP %}}
      terminationGracePeriodSeconds: {{{{ OPENEDX_OPS_WEB_GRACE_SECONDS }}}}
      {{% endif %}}
      containers:
        - name: {service}
          {{% if OPENEDX_OPS_PROBES %}}
          startupProbe:
""" + _PROBE_REQUEST + """            periodSeconds: 10
            failureThreshold: {{{{ (OPENEDX_OPS_STARTUP_SECONDS // 10) | int }}}}
          readinessProbe:
""" + _PROBE_REQUEST + """            periodSeconds: 5
            timeoutSeconds: 5
            failureThreshold: 3
          {{% endif %}}
          {{% if OPENEDX_OPS_PRESTOP %}}
          lifecycle:
            preStop:
              exec:
                {{% if OPENEDX_OPS_UWSGI_GRACEFUL_STOP %}}
                command: ["sh", "-c", {{{{ uwsgi_drain | tojson }}}}]
                {{% else %}}
                command: ["sleep", "{{{{ OPENEDX_OPS_PRESTOP_SECONDS }}}}"]
                {{% endif %}}
          {{% endif %}}
"""

_WORKER = """
{{% if OPENEDX_OPS_WORKER_GRACE %}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {service}
spec:
  template:
    spec:
      terminationGracePeriodSeconds: {{{{ OPENEDX_OPS_WORKER_GRACE_SECONDS }}}}
{{% endif %}}
"""

_RESOURCES = """
{% if "pod-autoscaling" not in PLUGINS %}
{% for service, resources in OPENEDX_OPS_RESOURCES.items() %}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ service }}
spec:
  template:
    spec:
      containers:
        - name: {{ service }}
          resources:
            requests: {cpu: "{{ resources.requests.cpu }}", memory: "{{ resources.requests.memory }}"}
            limits: {cpu: "{{ resources.limits.cpu }}", memory: "{{ resources.limits.memory }}"}
{% endfor %}
{% endif %}
"""

# Celery: Tutor's own worker command (its filter, through the template function Tutor offers), with
# the concurrency; a list of arguments is replaced whole by the merge.
_CELERY = """
{% for worker, parameters in [("lms-worker", iter_lms_celery_parameters), ("cms-worker", iter_cms_celery_parameters)]
   if OPENEDX_OPS_CELERY_CONCURRENCY.get(worker) %}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ worker }}
spec:
  template:
    spec:
      containers:
        - name: {{ worker }}
          args: {{ (parameters() | list + ["--concurrency=%d" % OPENEDX_OPS_CELERY_CONCURRENCY[worker]]) | tojson }}
{% endfor %}
"""

# Replicas of the Deployments no HorizontalPodAutoscaler manages, and resources of Caddy and the MFEs.
_REPLICAS = """
{% for name, count in OPENEDX_OPS_REPLICAS.items() if name != "mfe" or "mfe" in PLUGINS %}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ name }}
spec:
  replicas: {{ count }}
{% endfor %}
{% if OPENEDX_OPS_CADDY_RESOURCES %}
{% for name in ["caddy"] + (["mfe"] if "mfe" in PLUGINS else []) %}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ name }}
spec:
  template:
    spec:
      containers:
        - name: {{ name }}
          resources: {{ OPENEDX_OPS_CADDY_RESOURCES | tojson }}
{% endfor %}
{% endif %}
"""

# Every public host Caddy serves (Tutor's Caddyfile and the MFE plugin's patch), less those the harmony
# plugin's own Ingress objects route (harmony 18.0.1's list of hosts).
_PUBLIC_HOSTS = """
{%- set public_hosts = [("lms", LMS_HOST), ("cms", CMS_HOST)] %}
{%- if PREVIEW_LMS_HOST is defined %}{% set _ = public_hosts.append(("preview", PREVIEW_LMS_HOST)) %}{% endif %}
{%- if "mfe" in PLUGINS and MFE_HOST is defined %}{% set _ = public_hosts.append(("mfe", MFE_HOST)) %}{% endif %}
{%- if RUN_MEILISEARCH is defined and RUN_MEILISEARCH %}
{%- set _ = public_hosts.append(("meilisearch", MEILISEARCH_PUBLIC_URL.split("://")[1])) %}{% endif %}
{%- for host in OPENEDX_OPS_INGRESS_EXTRA_HOSTS %}{% set _ = public_hosts.append((host | replace(".", "-"), host)) %}{% endfor %}
{%- set harmony_hosts = [] %}
{%- if "k8s_harmony" in PLUGINS %}
{%- set harmony_hosts = [LMS_HOST, CMS_HOST] + K8S_HARMONY_ADDITIONAL_INGRESS_HOST_LIST %}
{%- if PREVIEW_LMS_HOST is defined %}{% set _ = harmony_hosts.append(PREVIEW_LMS_HOST) %}{% endif %}
{%- if MFE_HOST is defined %}{% set _ = harmony_hosts.append(MFE_HOST) %}{% endif %}
{%- if ECOMMERCE_HOST is defined %}{% set _ = harmony_hosts.append(ECOMMERCE_HOST) %}{% endif %}
{%- if DISCOVERY_HOST is defined %}{% set _ = harmony_hosts.append(DISCOVERY_HOST) %}{% endif %}
{%- if MINIO_HOST is defined %}{% set _ = harmony_hosts.append(MINIO_HOST) %}{% endif %}
{%- if MINIO_CONSOLE_HOST is defined %}{% set _ = harmony_hosts.append(MINIO_CONSOLE_HOST) %}{% endif %}
{%- endif %}
"""

_INGRESS = _PUBLIC_HOSTS + """
{% if OPENEDX_OPS_INGRESS %}
{% for name, host in public_hosts if host not in harmony_hosts %}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ name }}
  labels:
    app.kubernetes.io/name: {{ name }}
  annotations:
    {% if ENABLE_HTTPS %}cert-manager.io/cluster-issuer: {{ OPENEDX_OPS_CLUSTER_ISSUER }}{% endif %}
spec:
  ingressClassName: {{ OPENEDX_OPS_INGRESS_CLASS }}
  rules:
    - host: {{ host }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: caddy
                port:
                  number: 80
  {% if ENABLE_HTTPS %}
  tls:
    - hosts: [{{ host }}]
      secretName: {{ name }}-tls
  {% endif %}
{% endfor %}
{% endif %}
"""

# At most one pod of each web and worker Deployment away at a time (node drains, cluster upgrades).
_BUDGETS = """
{% if OPENEDX_OPS_DISRUPTION_BUDGETS %}
{% for name in ["caddy", "lms", "cms", "lms-worker", "cms-worker"] + (["mfe"] if "mfe" in PLUGINS else []) %}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ name }}
  labels:
    app.kubernetes.io/name: {{ name }}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ name }}
{% endfor %}
{% endif %}
"""

# Nothing reaches the instance's pods but its own pods and, to Caddy, the ingress controller.
_NETWORK_POLICY = """
{% if OPENEDX_OPS_NETWORK_POLICY %}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: openedx-ops-default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: openedx-ops-same-namespace
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: openedx-ops-ingress-to-caddy
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: caddy
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ OPENEDX_OPS_INGRESS_NAMESPACE }}
      ports:
        - protocol: TCP
          port: 80
{% endif %}
"""

# uWSGI's stats server, on the pod's loopback only: the preStop hook asks it whether a worker is busy.
_UWSGI = """
{% if OPENEDX_OPS_PRESTOP and OPENEDX_OPS_UWSGI_GRACEFUL_STOP %}
stats = {{ OPENEDX_OPS_UWSGI_STATS }}
{% endif %}
"""

# Tutor's k8s/namespace.yml has no patch of its own; k8s-override is merged into it by name.
_NAMESPACE = """
{% if OPENEDX_OPS_POD_SECURITY %}
---
apiVersion: v1
kind: Namespace
metadata:
  name: {{ K8S_NAMESPACE }}
  labels:
    pod-security.kubernetes.io/enforce: "{{ OPENEDX_OPS_POD_SECURITY }}"
    pod-security.kubernetes.io/enforce-version: latest
    {% if OPENEDX_OPS_POD_SECURITY_AUDIT %}
    pod-security.kubernetes.io/audit: "{{ OPENEDX_OPS_POD_SECURITY_AUDIT }}"
    pod-security.kubernetes.io/audit-version: latest
    {% endif %}
{% endif %}
"""

_SETTINGS = """
{% if OPENEDX_OPS_CONN_MAX_AGE %}
# openedx_ops: reuse database connections (a new connection per request is slow, and
# bursts of them exhaust MySQL's connection limit).
for _database in DATABASES.values():
    _database["CONN_MAX_AGE"] = {{ OPENEDX_OPS_CONN_MAX_AGE }}
{% endif %}
{% if OPENEDX_OPS_CLIENT_IP_FROM_INGRESS %}
# openedx_ops: the client address is the one the ingress put in X-Forwarded-For, counted from
# the right past the hops the cluster appends (Caddy appends the ingress pod's own address).
CLOSEST_CLIENT_IP_FROM_HEADERS = [{"name": "X-Forwarded-For", "index": {{ OPENEDX_OPS_CLIENT_IP_INDEX }}}]
{% endif %}
"""

hooks.Filters.ENV_PATCHES.add_items([
    ("k8s-override", _WEB.format(service="lms", host="LMS_HOST")),
    ("k8s-override", _WEB.format(service="cms", host="CMS_HOST")),
    ("k8s-override", _WORKER.format(service="lms-worker")),
    ("k8s-override", _WORKER.format(service="cms-worker")),
    ("k8s-override", _RESOURCES),
    ("k8s-override", _CELERY),
    ("k8s-override", _REPLICAS),
    ("k8s-override", _NAMESPACE),
    ("k8s-services", _INGRESS),
    ("k8s-services", _BUDGETS),
    ("k8s-services", _NETWORK_POLICY),
    ("uwsgi-config", _UWSGI),
    ("openedx-common-settings", _SETTINGS),
])
