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
- An Ingress per public host to the instance's Caddy, with the cert-manager issuer, for
  Tutor releases that the harmony plugin does not support.
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
    ("OPENEDX_OPS_INGRESS", False),
    ("OPENEDX_OPS_INGRESS_CLASS", "traefik"),
    ("OPENEDX_OPS_CLUSTER_ISSUER", "harmony-letsencrypt-global"),
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

_WEB = """
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
                command: ["sleep", "{{{{ OPENEDX_OPS_PRESTOP_SECONDS }}}}"]
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

_INGRESS = """
{% if OPENEDX_OPS_INGRESS %}
{% for name, host in [("lms", LMS_HOST), ("cms", CMS_HOST)] %}
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
# openedx_ops: the client address is the one the ingress put in X-Forwarded-For; Caddy
# appends the ingress pod's own address after it.
CLOSEST_CLIENT_IP_FROM_HEADERS = [{"name": "X-Forwarded-For", "index": -2}]
{% endif %}
"""

hooks.Filters.ENV_PATCHES.add_items([
    ("k8s-override", _WEB.format(service="lms", host="LMS_HOST")),
    ("k8s-override", _WEB.format(service="cms", host="CMS_HOST")),
    ("k8s-override", _WORKER.format(service="lms-worker")),
    ("k8s-override", _WORKER.format(service="cms-worker")),
    ("k8s-override", _RESOURCES),
    ("k8s-override", _NAMESPACE),
    ("k8s-services", _INGRESS),
    ("openedx-common-settings", _SETTINGS),
])
