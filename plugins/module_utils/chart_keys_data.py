# -*- coding: utf-8 -*-
# Copyright: contributors to openedx_ops.baremetal
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Value key names of the pinned charts (names only), generated from each chart's values.yaml at the
pinned version by scripts/chart_keys.py. Regenerate when a pin changes.

harmony-chart 0.11.0 holds harmony's own keys; its dependencies are checked against their own lists
(see DEPENDENCIES in chart_keys.py).
"""

KEYS = {
    ('nfs-subdir-external-provisioner', '4.0.18'): frozenset("""
    affinity affinity.* image image.pullPolicy image.repository image.tag imagePullSecrets labels labels.*
    leaderElection leaderElection.enabled nfs nfs.mountOptions nfs.path nfs.reclaimPolicy nfs.server
    nfs.volumeName nodeSelector nodeSelector.* podAnnotations podAnnotations.* podDisruptionBudget
    podDisruptionBudget.enabled podDisruptionBudget.maxUnavailable podSecurityContext podSecurityContext.*
    podSecurityPolicy podSecurityPolicy.enabled rbac rbac.create replicaCount resources resources.*
    securityContext securityContext.* serviceAccount serviceAccount.annotations serviceAccount.annotations.*
    serviceAccount.create serviceAccount.name storageClass storageClass.accessModes
    storageClass.allowVolumeExpansion storageClass.annotations storageClass.annotations.*
    storageClass.archiveOnDelete storageClass.create storageClass.defaultClass storageClass.name
    storageClass.onDelete storageClass.pathPattern storageClass.reclaimPolicy storageClass.volumeBindingMode
    strategyType tolerations
""".split()),
    ('harmony-chart', '0.11.0'): frozenset("""
    cert-manager clusterDomain elasticsearch elasticsearch.clusterName elasticsearch.createCert
    elasticsearch.enabled elasticsearch.esConfig elasticsearch.esConfig.elasticsearch.yml
    elasticsearch.extraEnvs elasticsearch.masterService elasticsearch.protocol elasticsearch.secretMounts
    ingress-nginx k8sdashboard k8sdashboard.enabled karpenter karpenter.enabled karpenter.nodeTemplate
    karpenter.nodeTemplate.name karpenter.provisioner karpenter.provisioner.name karpenter.provisioner.spec
    karpenter.provisioner.spec.limits karpenter.provisioner.spec.limits.resources
    karpenter.provisioner.spec.limits.resources.cpu karpenter.provisioner.spec.limits.resources.memory
    karpenter.provisioner.spec.requirements karpenter.provisioner.spec.ttlSecondsAfterEmpty
    karpenter.provisioner.spec.ttlSecondsUntilExpired karpenter.serviceAccount
    karpenter.serviceAccount.annotations karpenter.serviceAccount.annotations.eks.amazonaws.com/role-arn
    karpenter.serviceAccount.name karpenter.settings karpenter.settings.aws karpenter.settings.aws.clusterName
    karpenter.settings.aws.defaultInstanceProfile karpenter.settings.aws.interruptionQueueName metricsserver
    metricsserver.enabled metricsserver.replicas notificationEmail opensearch prometheusstack traefik vector
    velero velero.configuration velero.configuration.backupStorageLocation
    velero.configuration.volumeSnapshotLocation velero.credentials velero.credentials.secretContents
    velero.credentials.secretContents.cloud velero.enabled velero.initContainers velero.schedules
    velero.schedules.daily-backup velero.schedules.daily-backup.disabled
    velero.schedules.daily-backup.schedule velero.schedules.daily-backup.template
    velero.schedules.daily-backup.template.ttl velero.schedules.hourly-backup
    velero.schedules.hourly-backup.disabled velero.schedules.hourly-backup.schedule
    velero.schedules.hourly-backup.template velero.schedules.hourly-backup.template.ttl
    velero.schedules.weekly-backup velero.schedules.weekly-backup.disabled
    velero.schedules.weekly-backup.schedule velero.schedules.weekly-backup.template
    velero.schedules.weekly-backup.template.ttl vpa vpa.admissionController
    vpa.admissionController.replicaCount vpa.enabled
""".split()),
    ('traefik', '40.0.1'): frozenset("""
    additionalArguments additionalVolumeMounts affinity affinity.* api api.basePath api.dashboard
    api.dashboardName api.debug api.insecure autoscaling autoscaling.behavior autoscaling.behavior.*
    autoscaling.enabled autoscaling.maxReplicas autoscaling.metrics autoscaling.minReplicas
    autoscaling.scaleTargetRef autoscaling.scaleTargetRef.apiVersion autoscaling.scaleTargetRef.kind
    autoscaling.scaleTargetRef.name certificatesResolvers certificatesResolvers.* commonLabels commonLabels.*
    core core.defaultRuleSyntax deployment deployment.additionalContainers deployment.additionalVolumes
    deployment.annotations deployment.annotations.* deployment.dnsConfig deployment.dnsConfig.*
    deployment.dnsPolicy deployment.enabled deployment.goMemLimitPercentage deployment.healthchecksHost
    deployment.healthchecksPort deployment.healthchecksScheme deployment.hostAliases deployment.hostUsers
    deployment.imagePullSecrets deployment.initContainers deployment.kind deployment.labels
    deployment.labels.* deployment.lifecycle deployment.lifecycle.* deployment.livenessPath
    deployment.minReadySeconds deployment.podAnnotations deployment.podAnnotations.* deployment.podLabels
    deployment.podLabels.* deployment.readinessPath deployment.replicas deployment.revisionHistoryLimit
    deployment.runtimeClassName deployment.shareProcessNamespace deployment.terminationGracePeriodSeconds
    enabled env envFrom experimental experimental.abortOnPluginFailure experimental.fastProxy
    experimental.fastProxy.debug experimental.fastProxy.enabled experimental.knative
    experimental.kubernetesGateway experimental.kubernetesGateway.enabled experimental.localPlugins
    experimental.localPlugins.* experimental.otlpLogs experimental.plugins experimental.plugins.* extraObjects
    fullnameOverride gateway gateway.annotations gateway.annotations.* gateway.defaultScope gateway.enabled
    gateway.infrastructure gateway.infrastructure.* gateway.listeners gateway.listeners.web
    gateway.listeners.web.hostname gateway.listeners.web.namespacePolicy gateway.listeners.web.port
    gateway.listeners.web.protocol gateway.name gateway.namespace gatewayClass gatewayClass.enabled
    gatewayClass.labels gatewayClass.labels.* gatewayClass.name global global.azure global.azure.enabled
    global.azure.images global.azure.images.hub global.azure.images.hub.image global.azure.images.hub.registry
    global.azure.images.hub.tag global.azure.images.proxy global.azure.images.proxy.image
    global.azure.images.proxy.registry global.azure.images.proxy.tag global.checkNewVersion
    global.notAppendXForwardedFor global.sendAnonymousUsage hostNetwork hub hub.aigateway
    hub.aigateway.enabled hub.aigateway.maxRequestBodySize hub.apimanagement hub.apimanagement.admission
    hub.apimanagement.admission.annotations hub.apimanagement.admission.annotations.*
    hub.apimanagement.admission.customWebhookCertificate
    hub.apimanagement.admission.customWebhookCertificate.* hub.apimanagement.admission.listenAddr
    hub.apimanagement.admission.restartOnCertificateChange hub.apimanagement.admission.secretName
    hub.apimanagement.admission.selfManagedCertificate hub.apimanagement.enabled hub.apimanagement.openApi
    hub.apimanagement.openApi.validateRequestMethodAndPath hub.mcpgateway hub.mcpgateway.enabled
    hub.mcpgateway.maxRequestBodySize hub.namespaces hub.offline hub.pluginRegistry hub.pluginRegistry.sources
    hub.pluginRegistry.sources.* hub.providers hub.providers.consulCatalogEnterprise
    hub.providers.consulCatalogEnterprise.cache hub.providers.consulCatalogEnterprise.connectAware
    hub.providers.consulCatalogEnterprise.connectByDefault hub.providers.consulCatalogEnterprise.constraints
    hub.providers.consulCatalogEnterprise.defaultRule hub.providers.consulCatalogEnterprise.enabled
    hub.providers.consulCatalogEnterprise.endpoint hub.providers.consulCatalogEnterprise.endpoint.address
    hub.providers.consulCatalogEnterprise.endpoint.datacenter
    hub.providers.consulCatalogEnterprise.endpoint.endpointWaitTime
    hub.providers.consulCatalogEnterprise.endpoint.httpauth
    hub.providers.consulCatalogEnterprise.endpoint.httpauth.password
    hub.providers.consulCatalogEnterprise.endpoint.httpauth.username
    hub.providers.consulCatalogEnterprise.endpoint.scheme hub.providers.consulCatalogEnterprise.endpoint.tls
    hub.providers.consulCatalogEnterprise.endpoint.tls.ca
    hub.providers.consulCatalogEnterprise.endpoint.tls.cert
    hub.providers.consulCatalogEnterprise.endpoint.tls.insecureSkipVerify
    hub.providers.consulCatalogEnterprise.endpoint.tls.key
    hub.providers.consulCatalogEnterprise.endpoint.token
    hub.providers.consulCatalogEnterprise.exposedByDefault hub.providers.consulCatalogEnterprise.namespaces
    hub.providers.consulCatalogEnterprise.partition hub.providers.consulCatalogEnterprise.prefix
    hub.providers.consulCatalogEnterprise.refreshInterval
    hub.providers.consulCatalogEnterprise.requireConsistent hub.providers.consulCatalogEnterprise.serviceName
    hub.providers.consulCatalogEnterprise.stale hub.providers.consulCatalogEnterprise.strictChecks
    hub.providers.consulCatalogEnterprise.watch hub.providers.microcks hub.providers.microcks.auth
    hub.providers.microcks.auth.clientId hub.providers.microcks.auth.clientSecret
    hub.providers.microcks.auth.endpoint hub.providers.microcks.auth.token hub.providers.microcks.enabled
    hub.providers.microcks.endpoint hub.providers.microcks.pollInterval hub.providers.microcks.pollTimeout
    hub.providers.microcks.tls hub.providers.microcks.tls.ca hub.providers.microcks.tls.cert
    hub.providers.microcks.tls.insecureSkipVerify hub.providers.microcks.tls.key hub.providers.multicluster
    hub.providers.multicluster.children hub.providers.multicluster.children.cluster-1
    hub.providers.multicluster.children.cluster-1.address
    hub.providers.multicluster.children.cluster-1.serversTransport
    hub.providers.multicluster.children.cluster-1.serversTransport.certificates
    hub.providers.multicluster.children.cluster-1.serversTransport.cipherSuites
    hub.providers.multicluster.children.cluster-1.serversTransport.disableHTTP2
    hub.providers.multicluster.children.cluster-1.serversTransport.forwardingTimeouts
    hub.providers.multicluster.children.cluster-1.serversTransport.forwardingTimeouts.dialTimeout
    hub.providers.multicluster.children.cluster-1.serversTransport.forwardingTimeouts.idleConnTimeout
    hub.providers.multicluster.children.cluster-1.serversTransport.forwardingTimeouts.pingTimeout
    hub.providers.multicluster.children.cluster-1.serversTransport.forwardingTimeouts.readIdleTimeout
    hub.providers.multicluster.children.cluster-1.serversTransport.forwardingTimeouts.readTimeout
    hub.providers.multicluster.children.cluster-1.serversTransport.forwardingTimeouts.responseHeaderTimeout
    hub.providers.multicluster.children.cluster-1.serversTransport.forwardingTimeouts.writeTimeout
    hub.providers.multicluster.children.cluster-1.serversTransport.insecureSkipVerify
    hub.providers.multicluster.children.cluster-1.serversTransport.maxIdleConnsPerHost
    hub.providers.multicluster.children.cluster-1.serversTransport.maxVersion
    hub.providers.multicluster.children.cluster-1.serversTransport.minVersion
    hub.providers.multicluster.children.cluster-1.serversTransport.peerCertURI
    hub.providers.multicluster.children.cluster-1.serversTransport.rootCAs
    hub.providers.multicluster.children.cluster-1.serversTransport.serverName
    hub.providers.multicluster.children.cluster-1.serversTransport.spiffe
    hub.providers.multicluster.children.cluster-1.serversTransport.spiffe.ids
    hub.providers.multicluster.children.cluster-1.serversTransport.spiffe.trustDomain
    hub.providers.multicluster.enabled hub.providers.multicluster.pollInterval
    hub.providers.multicluster.pollTimeout hub.providers.nutanixPrismCentral
    hub.providers.nutanixPrismCentral.allowedVpcs hub.providers.nutanixPrismCentral.apiKey
    hub.providers.nutanixPrismCentral.enabled hub.providers.nutanixPrismCentral.endpoint
    hub.providers.nutanixPrismCentral.filename hub.providers.nutanixPrismCentral.password
    hub.providers.nutanixPrismCentral.pollInterval hub.providers.nutanixPrismCentral.pollTimeout
    hub.providers.nutanixPrismCentral.serviceNameCategoryKey hub.providers.nutanixPrismCentral.tls
    hub.providers.nutanixPrismCentral.tls.ca hub.providers.nutanixPrismCentral.tls.cert
    hub.providers.nutanixPrismCentral.tls.insecureSkipVerify hub.providers.nutanixPrismCentral.tls.key
    hub.providers.nutanixPrismCentral.username hub.redis hub.redis.cluster hub.redis.database
    hub.redis.endpoints hub.redis.password hub.redis.sentinel hub.redis.sentinel.masterset
    hub.redis.sentinel.password hub.redis.sentinel.username hub.redis.timeout hub.redis.tls hub.redis.tls.ca
    hub.redis.tls.cert hub.redis.tls.insecureSkipVerify hub.redis.tls.key hub.redis.username hub.sendlogs
    hub.token hub.tokenMountPath hub.tracing hub.tracing.additionalTraceHeaders
    hub.tracing.additionalTraceHeaders.enabled hub.tracing.additionalTraceHeaders.traceContext
    hub.tracing.additionalTraceHeaders.traceContext.parentId
    hub.tracing.additionalTraceHeaders.traceContext.traceId
    hub.tracing.additionalTraceHeaders.traceContext.traceParent
    hub.tracing.additionalTraceHeaders.traceContext.traceState image image.digest image.pullPolicy
    image.registry image.repository image.tag ingressClass ingressClass.enabled ingressClass.isDefaultClass
    ingressClass.name ingressRoute ingressRoute.dashboard ingressRoute.dashboard.annotations
    ingressRoute.dashboard.annotations.* ingressRoute.dashboard.enabled ingressRoute.dashboard.entryPoints
    ingressRoute.dashboard.labels ingressRoute.dashboard.labels.* ingressRoute.dashboard.matchRule
    ingressRoute.dashboard.middlewares ingressRoute.dashboard.services ingressRoute.dashboard.tls
    ingressRoute.dashboard.tls.* ingressRoute.healthcheck ingressRoute.healthcheck.annotations
    ingressRoute.healthcheck.annotations.* ingressRoute.healthcheck.enabled
    ingressRoute.healthcheck.entryPoints ingressRoute.healthcheck.labels ingressRoute.healthcheck.labels.*
    ingressRoute.healthcheck.matchRule ingressRoute.healthcheck.middlewares ingressRoute.healthcheck.services
    ingressRoute.healthcheck.tls ingressRoute.healthcheck.tls.* instanceLabelOverride livenessProbe
    livenessProbe.failureThreshold livenessProbe.initialDelaySeconds livenessProbe.periodSeconds
    livenessProbe.successThreshold livenessProbe.timeoutSeconds logs logs.access logs.access.addInternals
    logs.access.bufferingSize logs.access.dualOutput logs.access.enabled logs.access.fields
    logs.access.fields.general logs.access.fields.general.defaultmode logs.access.fields.general.names
    logs.access.fields.general.names.* logs.access.fields.headers logs.access.fields.headers.defaultmode
    logs.access.fields.headers.names logs.access.fields.headers.names.* logs.access.filters
    logs.access.filters.minduration logs.access.filters.retryattempts logs.access.filters.statuscodes
    logs.access.format logs.access.otlp logs.access.otlp.enabled logs.access.otlp.grpc
    logs.access.otlp.grpc.enabled logs.access.otlp.grpc.endpoint logs.access.otlp.grpc.insecure
    logs.access.otlp.grpc.tls logs.access.otlp.grpc.tls.ca logs.access.otlp.grpc.tls.cert
    logs.access.otlp.grpc.tls.insecureSkipVerify logs.access.otlp.grpc.tls.key logs.access.otlp.http
    logs.access.otlp.http.enabled logs.access.otlp.http.endpoint logs.access.otlp.http.headers
    logs.access.otlp.http.headers.* logs.access.otlp.http.tls logs.access.otlp.http.tls.ca
    logs.access.otlp.http.tls.cert logs.access.otlp.http.tls.insecureSkipVerify logs.access.otlp.http.tls.key
    logs.access.otlp.resourceAttributes logs.access.otlp.resourceAttributes.* logs.access.otlp.serviceName
    logs.access.timezone logs.general logs.general.filePath logs.general.format logs.general.level
    logs.general.noColor logs.general.otlp logs.general.otlp.enabled logs.general.otlp.grpc
    logs.general.otlp.grpc.enabled logs.general.otlp.grpc.endpoint logs.general.otlp.grpc.insecure
    logs.general.otlp.grpc.tls logs.general.otlp.grpc.tls.ca logs.general.otlp.grpc.tls.cert
    logs.general.otlp.grpc.tls.insecureSkipVerify logs.general.otlp.grpc.tls.key logs.general.otlp.http
    logs.general.otlp.http.enabled logs.general.otlp.http.endpoint logs.general.otlp.http.headers
    logs.general.otlp.http.headers.* logs.general.otlp.http.tls logs.general.otlp.http.tls.ca
    logs.general.otlp.http.tls.cert logs.general.otlp.http.tls.insecureSkipVerify
    logs.general.otlp.http.tls.key logs.general.otlp.resourceAttributes logs.general.otlp.resourceAttributes.*
    logs.general.otlp.serviceName metrics metrics.addInternals metrics.otlp metrics.otlp.addEntryPointsLabels
    metrics.otlp.addRoutersLabels metrics.otlp.addServicesLabels metrics.otlp.enabled
    metrics.otlp.explicitBoundaries metrics.otlp.grpc metrics.otlp.grpc.enabled metrics.otlp.grpc.endpoint
    metrics.otlp.grpc.insecure metrics.otlp.grpc.tls metrics.otlp.grpc.tls.ca metrics.otlp.grpc.tls.cert
    metrics.otlp.grpc.tls.insecureSkipVerify metrics.otlp.grpc.tls.key metrics.otlp.http
    metrics.otlp.http.enabled metrics.otlp.http.endpoint metrics.otlp.http.headers metrics.otlp.http.headers.*
    metrics.otlp.http.tls metrics.otlp.http.tls.ca metrics.otlp.http.tls.cert
    metrics.otlp.http.tls.insecureSkipVerify metrics.otlp.http.tls.key metrics.otlp.pushInterval
    metrics.otlp.resourceAttributes metrics.otlp.resourceAttributes.* metrics.otlp.serviceName
    metrics.prometheus metrics.prometheus.addEntryPointsLabels metrics.prometheus.addRoutersLabels
    metrics.prometheus.addServicesLabels metrics.prometheus.buckets metrics.prometheus.disableAPICheck
    metrics.prometheus.entryPoint metrics.prometheus.headerLabels metrics.prometheus.headerLabels.*
    metrics.prometheus.manualRouting metrics.prometheus.prometheusRule
    metrics.prometheus.prometheusRule.additionalLabels metrics.prometheus.prometheusRule.additionalLabels.*
    metrics.prometheus.prometheusRule.apiVersion metrics.prometheus.prometheusRule.enabled
    metrics.prometheus.prometheusRule.namespace metrics.prometheus.service
    metrics.prometheus.service.annotations metrics.prometheus.service.annotations.*
    metrics.prometheus.service.enabled metrics.prometheus.service.labels metrics.prometheus.service.labels.*
    metrics.prometheus.serviceMonitor metrics.prometheus.serviceMonitor.additionalLabels
    metrics.prometheus.serviceMonitor.additionalLabels.* metrics.prometheus.serviceMonitor.apiVersion
    metrics.prometheus.serviceMonitor.enableHttp2 metrics.prometheus.serviceMonitor.enabled
    metrics.prometheus.serviceMonitor.followRedirects metrics.prometheus.serviceMonitor.honorLabels
    metrics.prometheus.serviceMonitor.honorTimestamps metrics.prometheus.serviceMonitor.interval
    metrics.prometheus.serviceMonitor.jobLabel metrics.prometheus.serviceMonitor.metricRelabelings
    metrics.prometheus.serviceMonitor.namespace metrics.prometheus.serviceMonitor.namespaceSelector
    metrics.prometheus.serviceMonitor.namespaceSelector.* metrics.prometheus.serviceMonitor.relabelings
    metrics.prometheus.serviceMonitor.scrapeTimeout nameOverride namespaceOverride nodeSelector nodeSelector.*
    oci_meta oci_meta.enabled oci_meta.images oci_meta.images.hub oci_meta.images.hub.image
    oci_meta.images.hub.tag oci_meta.images.proxy oci_meta.images.proxy.image oci_meta.images.proxy.tag
    oci_meta.repo ocsp ocsp.enabled ocsp.responderOverrides ocsp.responderOverrides.* offering_version
    persistence persistence.accessMode persistence.annotations persistence.annotations.* persistence.enabled
    persistence.existingClaim persistence.name persistence.path persistence.size persistence.storageClass
    persistence.subPath persistence.volumeName podDisruptionBudget podDisruptionBudget.enabled
    podDisruptionBudget.maxUnavailable podDisruptionBudget.minAvailable podSecurityContext
    podSecurityContext.runAsGroup podSecurityContext.runAsNonRoot podSecurityContext.runAsUser
    podSecurityContext.seccompProfile podSecurityContext.seccompProfile.type ports ports.metrics
    ports.metrics.expose ports.metrics.expose.default ports.metrics.exposedPort ports.metrics.observability
    ports.metrics.observability.accessLogs ports.metrics.observability.metrics
    ports.metrics.observability.traceVerbosity ports.metrics.observability.tracing ports.metrics.port
    ports.metrics.protocol ports.traefik ports.traefik.expose ports.traefik.expose.default
    ports.traefik.exposedPort ports.traefik.hostIP ports.traefik.hostPort ports.traefik.observability
    ports.traefik.observability.accessLogs ports.traefik.observability.metrics
    ports.traefik.observability.traceVerbosity ports.traefik.observability.tracing ports.traefik.port
    ports.traefik.protocol ports.web ports.web.allowACMEByPass ports.web.asDefault ports.web.expose
    ports.web.expose.default ports.web.exposedPort ports.web.forwardedHeaders
    ports.web.forwardedHeaders.insecure ports.web.forwardedHeaders.notAppendXForwardedFor
    ports.web.forwardedHeaders.trustedIPs ports.web.http ports.web.http.redirections
    ports.web.http.redirections.entryPoint ports.web.http.redirections.entryPoint.* ports.web.nodePort
    ports.web.observability ports.web.observability.accessLogs ports.web.observability.metrics
    ports.web.observability.traceVerbosity ports.web.observability.tracing ports.web.port ports.web.protocol
    ports.web.proxyProtocol ports.web.proxyProtocol.insecure ports.web.proxyProtocol.trustedIPs
    ports.web.targetPort ports.web.transport ports.web.transport.keepAliveMaxRequests
    ports.web.transport.keepAliveMaxTime ports.web.transport.lifeCycle
    ports.web.transport.lifeCycle.graceTimeOut ports.web.transport.lifeCycle.requestAcceptGraceTimeout
    ports.web.transport.respondingTimeouts ports.web.transport.respondingTimeouts.idleTimeout
    ports.web.transport.respondingTimeouts.readTimeout ports.web.transport.respondingTimeouts.writeTimeout
    ports.web.uplink ports.websecure ports.websecure.allowACMEByPass ports.websecure.appProtocol
    ports.websecure.containerPort ports.websecure.expose ports.websecure.expose.default
    ports.websecure.exposedPort ports.websecure.forwardedHeaders ports.websecure.forwardedHeaders.insecure
    ports.websecure.forwardedHeaders.notAppendXForwardedFor ports.websecure.forwardedHeaders.trustedIPs
    ports.websecure.hostPort ports.websecure.http ports.websecure.http.encodedCharacters
    ports.websecure.http.encodedCharacters.allowEncodedBackSlash
    ports.websecure.http.encodedCharacters.allowEncodedHash
    ports.websecure.http.encodedCharacters.allowEncodedNullCharacter
    ports.websecure.http.encodedCharacters.allowEncodedPercent
    ports.websecure.http.encodedCharacters.allowEncodedQuestionMark
    ports.websecure.http.encodedCharacters.allowEncodedSemicolon
    ports.websecure.http.encodedCharacters.allowEncodedSlash ports.websecure.http.maxHeaderBytes
    ports.websecure.http.middlewares ports.websecure.http.sanitizePath ports.websecure.http.tls
    ports.websecure.http.tls.certResolver ports.websecure.http.tls.domains ports.websecure.http.tls.enabled
    ports.websecure.http.tls.options ports.websecure.http3 ports.websecure.http3.advertisedPort
    ports.websecure.http3.enabled ports.websecure.nodePort ports.websecure.observability
    ports.websecure.observability.accessLogs ports.websecure.observability.metrics
    ports.websecure.observability.traceVerbosity ports.websecure.observability.tracing ports.websecure.port
    ports.websecure.protocol ports.websecure.proxyProtocol ports.websecure.proxyProtocol.insecure
    ports.websecure.proxyProtocol.trustedIPs ports.websecure.targetPort ports.websecure.transport
    ports.websecure.transport.keepAliveMaxRequests ports.websecure.transport.keepAliveMaxTime
    ports.websecure.transport.lifeCycle ports.websecure.transport.lifeCycle.graceTimeOut
    ports.websecure.transport.lifeCycle.requestAcceptGraceTimeout ports.websecure.transport.respondingTimeouts
    ports.websecure.transport.respondingTimeouts.idleTimeout
    ports.websecure.transport.respondingTimeouts.readTimeout
    ports.websecure.transport.respondingTimeouts.writeTimeout priorityClassName providers providers.file
    providers.file.content providers.file.enabled providers.file.watch providers.knative
    providers.knative.enabled providers.knative.labelSelector providers.knative.namespaces
    providers.kubernetesCRD providers.kubernetesCRD.allowCrossNamespace
    providers.kubernetesCRD.allowEmptyServices providers.kubernetesCRD.allowExternalNameServices
    providers.kubernetesCRD.enabled providers.kubernetesCRD.ingressClass providers.kubernetesCRD.labelSelector
    providers.kubernetesCRD.namespaces providers.kubernetesCRD.nativeLBByDefault providers.kubernetesGateway
    providers.kubernetesGateway.enabled providers.kubernetesGateway.experimentalChannel
    providers.kubernetesGateway.labelSelector providers.kubernetesGateway.namespaces
    providers.kubernetesGateway.nativeLBByDefault providers.kubernetesGateway.statusAddress
    providers.kubernetesGateway.statusAddress.hostname providers.kubernetesGateway.statusAddress.ip
    providers.kubernetesGateway.statusAddress.service
    providers.kubernetesGateway.statusAddress.service.enabled
    providers.kubernetesGateway.statusAddress.service.name
    providers.kubernetesGateway.statusAddress.service.namespace providers.kubernetesIngress
    providers.kubernetesIngress.allowEmptyServices providers.kubernetesIngress.allowExternalNameServices
    providers.kubernetesIngress.disableIngressClassLookup providers.kubernetesIngress.enabled
    providers.kubernetesIngress.ingressClass providers.kubernetesIngress.ingressEndpoint
    providers.kubernetesIngress.ingressEndpoint.hostname providers.kubernetesIngress.ingressEndpoint.ip
    providers.kubernetesIngress.labelSelector providers.kubernetesIngress.namespaces
    providers.kubernetesIngress.nativeLBByDefault providers.kubernetesIngress.publishedService
    providers.kubernetesIngress.publishedService.enabled
    providers.kubernetesIngress.publishedService.pathOverride providers.kubernetesIngress.strictPrefixMatching
    providers.kubernetesIngressNGINX providers.kubernetesIngressNGINX.allowCrossNamespaceResources
    providers.kubernetesIngressNGINX.allowSnippetAnnotations providers.kubernetesIngressNGINX.certAuthFilePath
    providers.kubernetesIngressNGINX.clientBodyBufferSize providers.kubernetesIngressNGINX.controllerClass
    providers.kubernetesIngressNGINX.customHTTPErrors providers.kubernetesIngressNGINX.defaultBackendService
    providers.kubernetesIngressNGINX.disableSvcExternalName providers.kubernetesIngressNGINX.enabled
    providers.kubernetesIngressNGINX.endpoint providers.kubernetesIngressNGINX.globalAllowedResponseHeaders
    providers.kubernetesIngressNGINX.globalAuthUrl providers.kubernetesIngressNGINX.httpEntryPoint
    providers.kubernetesIngressNGINX.httpsEntryPoint providers.kubernetesIngressNGINX.ingressClass
    providers.kubernetesIngressNGINX.ingressClassByName providers.kubernetesIngressNGINX.ipAllowListStrategy
    providers.kubernetesIngressNGINX.ipAllowListStrategy.depth
    providers.kubernetesIngressNGINX.ipAllowListStrategy.excludedIPS
    providers.kubernetesIngressNGINX.ipAllowListStrategy.ipv6Subnet providers.kubernetesIngressNGINX.modsec
    providers.kubernetesIngressNGINX.modsec.enabled providers.kubernetesIngressNGINX.modsec.owaspCoreRules
    providers.kubernetesIngressNGINX.modsec.snippet providers.kubernetesIngressNGINX.proxyBodySize
    providers.kubernetesIngressNGINX.proxyBufferSize providers.kubernetesIngressNGINX.proxyBuffering
    providers.kubernetesIngressNGINX.proxyBuffersNumber providers.kubernetesIngressNGINX.proxyConnectTimeout
    providers.kubernetesIngressNGINX.proxyNextUpstream
    providers.kubernetesIngressNGINX.proxyNextUpstreamTimeout
    providers.kubernetesIngressNGINX.proxyNextUpstreamTries providers.kubernetesIngressNGINX.proxyReadTimeout
    providers.kubernetesIngressNGINX.proxyRequestBuffering providers.kubernetesIngressNGINX.proxySendTimeout
    providers.kubernetesIngressNGINX.publishService providers.kubernetesIngressNGINX.publishService.enabled
    providers.kubernetesIngressNGINX.publishService.pathOverride
    providers.kubernetesIngressNGINX.publishStatusAddress
    providers.kubernetesIngressNGINX.strictValidatePathType providers.kubernetesIngressNGINX.throttleDuration
    providers.kubernetesIngressNGINX.token providers.kubernetesIngressNGINX.upstreamKeepaliveTimeout
    providers.kubernetesIngressNGINX.watchIngressWithoutClass providers.kubernetesIngressNGINX.watchNamespace
    providers.kubernetesIngressNGINX.watchNamespaceSelector providers.precedence rbac rbac.aggregateTo
    rbac.enabled rbac.namespaced readinessProbe readinessProbe.failureThreshold
    readinessProbe.initialDelaySeconds readinessProbe.periodSeconds readinessProbe.successThreshold
    readinessProbe.timeoutSeconds resources resources.* securityContext
    securityContext.allowPrivilegeEscalation securityContext.capabilities securityContext.capabilities.drop
    securityContext.readOnlyRootFilesystem service service.additionalServices service.additionalServices.*
    service.annotations service.annotations.* service.annotationsTCP service.annotationsTCP.*
    service.annotationsUDP service.annotationsUDP.* service.enabled service.labels service.labels.*
    service.nameOverride service.single service.spec service.spec.type serviceAccount serviceAccount.name
    serviceAccountAnnotations serviceAccountAnnotations.* startupProbe startupProbe.* tlsOptions tlsOptions.*
    tlsStore tlsStore.* tolerations topologySpreadConstraints tracing tracing.addInternals
    tracing.capturedRequestHeaders tracing.capturedResponseHeaders tracing.otlp tracing.otlp.enabled
    tracing.otlp.grpc tracing.otlp.grpc.enabled tracing.otlp.grpc.endpoint tracing.otlp.grpc.insecure
    tracing.otlp.grpc.tls tracing.otlp.grpc.tls.ca tracing.otlp.grpc.tls.cert
    tracing.otlp.grpc.tls.insecureSkipVerify tracing.otlp.grpc.tls.key tracing.otlp.http
    tracing.otlp.http.enabled tracing.otlp.http.endpoint tracing.otlp.http.headers tracing.otlp.http.headers.*
    tracing.otlp.http.tls tracing.otlp.http.tls.ca tracing.otlp.http.tls.cert
    tracing.otlp.http.tls.insecureSkipVerify tracing.otlp.http.tls.key tracing.resourceAttributes
    tracing.resourceAttributes.* tracing.safeQueryParams tracing.sampleRate tracing.serviceName updateStrategy
    updateStrategy.rollingUpdate updateStrategy.rollingUpdate.maxSurge
    updateStrategy.rollingUpdate.maxUnavailable updateStrategy.type versionOverride volumes
""".split()),
    ('cert-manager', 'v1.19.3'): frozenset("""
    acmesolver acmesolver.image acmesolver.image.pullPolicy acmesolver.image.repository affinity affinity.*
    approveSignerNames cainjector cainjector.affinity cainjector.affinity.* cainjector.config
    cainjector.config.* cainjector.containerSecurityContext
    cainjector.containerSecurityContext.allowPrivilegeEscalation
    cainjector.containerSecurityContext.capabilities cainjector.containerSecurityContext.capabilities.drop
    cainjector.containerSecurityContext.readOnlyRootFilesystem cainjector.enableServiceLinks
    cainjector.enabled cainjector.extraArgs cainjector.extraEnv cainjector.featureGates cainjector.image
    cainjector.image.pullPolicy cainjector.image.repository cainjector.nodeSelector
    cainjector.nodeSelector.kubernetes.io/os cainjector.podDisruptionBudget
    cainjector.podDisruptionBudget.enabled cainjector.podLabels cainjector.podLabels.* cainjector.replicaCount
    cainjector.resources cainjector.resources.* cainjector.securityContext
    cainjector.securityContext.runAsNonRoot cainjector.securityContext.seccompProfile
    cainjector.securityContext.seccompProfile.type cainjector.serviceAccount
    cainjector.serviceAccount.automountServiceAccountToken cainjector.serviceAccount.create
    cainjector.serviceLabels cainjector.serviceLabels.* cainjector.strategy cainjector.strategy.*
    cainjector.tolerations cainjector.topologySpreadConstraints cainjector.volumeMounts cainjector.volumes
    clusterResourceNamespace config config.* containerSecurityContext
    containerSecurityContext.allowPrivilegeEscalation containerSecurityContext.capabilities
    containerSecurityContext.capabilities.drop containerSecurityContext.readOnlyRootFilesystem crds
    crds.enabled crds.keep creator disableAutoApproval dns01RecursiveNameservers dns01RecursiveNameserversOnly
    enableCertificateOwnerRef enableServiceLinks enabled extraArgs extraEnv extraObjects featureGates global
    global.commonLabels global.commonLabels.* global.imagePullSecrets global.leaderElection
    global.leaderElection.namespace global.logLevel global.nodeSelector global.nodeSelector.*
    global.podSecurityPolicy global.podSecurityPolicy.enabled global.podSecurityPolicy.useAppArmor
    global.priorityClassName global.rbac global.rbac.aggregateClusterRoles global.rbac.create hostAliases
    image image.pullPolicy image.repository ingressShim ingressShim.* installCRDs livenessProbe
    livenessProbe.enabled livenessProbe.failureThreshold livenessProbe.initialDelaySeconds
    livenessProbe.periodSeconds livenessProbe.successThreshold livenessProbe.timeoutSeconds
    maxConcurrentChallenges namespace nodeSelector nodeSelector.kubernetes.io/os podDisruptionBudget
    podDisruptionBudget.enabled podLabels podLabels.* prometheus prometheus.enabled prometheus.podmonitor
    prometheus.podmonitor.annotations prometheus.podmonitor.annotations.* prometheus.podmonitor.enabled
    prometheus.podmonitor.endpointAdditionalProperties prometheus.podmonitor.endpointAdditionalProperties.*
    prometheus.podmonitor.honorLabels prometheus.podmonitor.interval prometheus.podmonitor.labels
    prometheus.podmonitor.labels.* prometheus.podmonitor.path prometheus.podmonitor.prometheusInstance
    prometheus.podmonitor.scrapeTimeout prometheus.servicemonitor prometheus.servicemonitor.annotations
    prometheus.servicemonitor.annotations.* prometheus.servicemonitor.enabled
    prometheus.servicemonitor.endpointAdditionalProperties
    prometheus.servicemonitor.endpointAdditionalProperties.* prometheus.servicemonitor.honorLabels
    prometheus.servicemonitor.interval prometheus.servicemonitor.labels prometheus.servicemonitor.labels.*
    prometheus.servicemonitor.path prometheus.servicemonitor.prometheusInstance
    prometheus.servicemonitor.scrapeTimeout prometheus.servicemonitor.targetPort replicaCount resources
    resources.* securityContext securityContext.runAsNonRoot securityContext.seccompProfile
    securityContext.seccompProfile.type serviceAccount serviceAccount.automountServiceAccountToken
    serviceAccount.create startupapicheck startupapicheck.affinity startupapicheck.affinity.*
    startupapicheck.backoffLimit startupapicheck.containerSecurityContext
    startupapicheck.containerSecurityContext.allowPrivilegeEscalation
    startupapicheck.containerSecurityContext.capabilities
    startupapicheck.containerSecurityContext.capabilities.drop
    startupapicheck.containerSecurityContext.readOnlyRootFilesystem startupapicheck.enableServiceLinks
    startupapicheck.enabled startupapicheck.extraArgs startupapicheck.extraEnv startupapicheck.image
    startupapicheck.image.pullPolicy startupapicheck.image.repository startupapicheck.jobAnnotations
    startupapicheck.jobAnnotations.helm.sh/hook startupapicheck.jobAnnotations.helm.sh/hook-delete-policy
    startupapicheck.jobAnnotations.helm.sh/hook-weight startupapicheck.nodeSelector
    startupapicheck.nodeSelector.kubernetes.io/os startupapicheck.podLabels startupapicheck.podLabels.*
    startupapicheck.rbac startupapicheck.rbac.annotations startupapicheck.rbac.annotations.helm.sh/hook
    startupapicheck.rbac.annotations.helm.sh/hook-delete-policy
    startupapicheck.rbac.annotations.helm.sh/hook-weight startupapicheck.resources startupapicheck.resources.*
    startupapicheck.securityContext startupapicheck.securityContext.runAsNonRoot
    startupapicheck.securityContext.seccompProfile startupapicheck.securityContext.seccompProfile.type
    startupapicheck.serviceAccount startupapicheck.serviceAccount.annotations
    startupapicheck.serviceAccount.annotations.helm.sh/hook
    startupapicheck.serviceAccount.annotations.helm.sh/hook-delete-policy
    startupapicheck.serviceAccount.annotations.helm.sh/hook-weight
    startupapicheck.serviceAccount.automountServiceAccountToken startupapicheck.serviceAccount.create
    startupapicheck.timeout startupapicheck.tolerations startupapicheck.volumeMounts startupapicheck.volumes
    strategy strategy.* tolerations topologySpreadConstraints volumeMounts volumes webhook webhook.affinity
    webhook.affinity.* webhook.config webhook.config.* webhook.containerSecurityContext
    webhook.containerSecurityContext.allowPrivilegeEscalation webhook.containerSecurityContext.capabilities
    webhook.containerSecurityContext.capabilities.drop webhook.containerSecurityContext.readOnlyRootFilesystem
    webhook.enableServiceLinks webhook.extraArgs webhook.extraEnv webhook.featureGates webhook.hostNetwork
    webhook.image webhook.image.pullPolicy webhook.image.repository webhook.livenessProbe
    webhook.livenessProbe.failureThreshold webhook.livenessProbe.initialDelaySeconds
    webhook.livenessProbe.periodSeconds webhook.livenessProbe.successThreshold
    webhook.livenessProbe.timeoutSeconds webhook.mutatingWebhookConfiguration
    webhook.mutatingWebhookConfiguration.namespaceSelector
    webhook.mutatingWebhookConfiguration.namespaceSelector.* webhook.networkPolicy
    webhook.networkPolicy.egress webhook.networkPolicy.enabled webhook.networkPolicy.ingress
    webhook.nodeSelector webhook.nodeSelector.kubernetes.io/os webhook.podDisruptionBudget
    webhook.podDisruptionBudget.enabled webhook.podLabels webhook.podLabels.* webhook.readinessProbe
    webhook.readinessProbe.failureThreshold webhook.readinessProbe.initialDelaySeconds
    webhook.readinessProbe.periodSeconds webhook.readinessProbe.successThreshold
    webhook.readinessProbe.timeoutSeconds webhook.replicaCount webhook.resources webhook.resources.*
    webhook.securePort webhook.securityContext webhook.securityContext.runAsNonRoot
    webhook.securityContext.seccompProfile webhook.securityContext.seccompProfile.type webhook.serviceAccount
    webhook.serviceAccount.automountServiceAccountToken webhook.serviceAccount.create
    webhook.serviceIPFamilies webhook.serviceIPFamilyPolicy webhook.serviceLabels webhook.serviceLabels.*
    webhook.serviceType webhook.strategy webhook.strategy.* webhook.timeoutSeconds webhook.tolerations
    webhook.topologySpreadConstraints webhook.url webhook.url.* webhook.validatingWebhookConfiguration
    webhook.validatingWebhookConfiguration.namespaceSelector
    webhook.validatingWebhookConfiguration.namespaceSelector.matchExpressions webhook.volumeMounts
    webhook.volumes
""".split()),
    ('ingress-nginx', '4.15.1'): frozenset("""
    commonLabels commonLabels.* controller controller.addHeaders controller.addHeaders.*
    controller.admissionWebhooks controller.admissionWebhooks.annotations
    controller.admissionWebhooks.annotations.* controller.admissionWebhooks.certManager
    controller.admissionWebhooks.certManager.admissionCert
    controller.admissionWebhooks.certManager.admissionCert.duration
    controller.admissionWebhooks.certManager.admissionCert.revisionHistoryLimit
    controller.admissionWebhooks.certManager.enabled controller.admissionWebhooks.certManager.rootCert
    controller.admissionWebhooks.certManager.rootCert.duration
    controller.admissionWebhooks.certManager.rootCert.revisionHistoryLimit
    controller.admissionWebhooks.certificate controller.admissionWebhooks.createSecretJob
    controller.admissionWebhooks.createSecretJob.activeDeadlineSeconds
    controller.admissionWebhooks.createSecretJob.name controller.admissionWebhooks.createSecretJob.resources
    controller.admissionWebhooks.createSecretJob.resources.*
    controller.admissionWebhooks.createSecretJob.securityContext
    controller.admissionWebhooks.createSecretJob.securityContext.allowPrivilegeEscalation
    controller.admissionWebhooks.createSecretJob.securityContext.capabilities
    controller.admissionWebhooks.createSecretJob.securityContext.capabilities.drop
    controller.admissionWebhooks.createSecretJob.securityContext.readOnlyRootFilesystem
    controller.admissionWebhooks.createSecretJob.securityContext.runAsGroup
    controller.admissionWebhooks.createSecretJob.securityContext.runAsNonRoot
    controller.admissionWebhooks.createSecretJob.securityContext.runAsUser
    controller.admissionWebhooks.createSecretJob.securityContext.seccompProfile
    controller.admissionWebhooks.createSecretJob.securityContext.seccompProfile.type
    controller.admissionWebhooks.createSecretJob.volumeMounts
    controller.admissionWebhooks.createSecretJob.volumes controller.admissionWebhooks.enabled
    controller.admissionWebhooks.extraEnvs controller.admissionWebhooks.failurePolicy
    controller.admissionWebhooks.key controller.admissionWebhooks.labels controller.admissionWebhooks.labels.*
    controller.admissionWebhooks.name controller.admissionWebhooks.namespaceSelector
    controller.admissionWebhooks.namespaceSelector.* controller.admissionWebhooks.objectSelector
    controller.admissionWebhooks.objectSelector.* controller.admissionWebhooks.patch
    controller.admissionWebhooks.patch.enabled controller.admissionWebhooks.patch.image
    controller.admissionWebhooks.patch.image.digest controller.admissionWebhooks.patch.image.image
    controller.admissionWebhooks.patch.image.pullPolicy controller.admissionWebhooks.patch.image.tag
    controller.admissionWebhooks.patch.labels controller.admissionWebhooks.patch.labels.*
    controller.admissionWebhooks.patch.networkPolicy controller.admissionWebhooks.patch.networkPolicy.enabled
    controller.admissionWebhooks.patch.nodeSelector
    controller.admissionWebhooks.patch.nodeSelector.kubernetes.io/os
    controller.admissionWebhooks.patch.podAnnotations controller.admissionWebhooks.patch.podAnnotations.*
    controller.admissionWebhooks.patch.priorityClassName controller.admissionWebhooks.patch.rbac
    controller.admissionWebhooks.patch.rbac.create controller.admissionWebhooks.patch.runtimeClassName
    controller.admissionWebhooks.patch.securityContext controller.admissionWebhooks.patch.securityContext.*
    controller.admissionWebhooks.patch.serviceAccount
    controller.admissionWebhooks.patch.serviceAccount.automountServiceAccountToken
    controller.admissionWebhooks.patch.serviceAccount.create
    controller.admissionWebhooks.patch.serviceAccount.name controller.admissionWebhooks.patch.tolerations
    controller.admissionWebhooks.patchWebhookJob
    controller.admissionWebhooks.patchWebhookJob.activeDeadlineSeconds
    controller.admissionWebhooks.patchWebhookJob.name controller.admissionWebhooks.patchWebhookJob.resources
    controller.admissionWebhooks.patchWebhookJob.resources.*
    controller.admissionWebhooks.patchWebhookJob.securityContext
    controller.admissionWebhooks.patchWebhookJob.securityContext.allowPrivilegeEscalation
    controller.admissionWebhooks.patchWebhookJob.securityContext.capabilities
    controller.admissionWebhooks.patchWebhookJob.securityContext.capabilities.drop
    controller.admissionWebhooks.patchWebhookJob.securityContext.readOnlyRootFilesystem
    controller.admissionWebhooks.patchWebhookJob.securityContext.runAsGroup
    controller.admissionWebhooks.patchWebhookJob.securityContext.runAsNonRoot
    controller.admissionWebhooks.patchWebhookJob.securityContext.runAsUser
    controller.admissionWebhooks.patchWebhookJob.securityContext.seccompProfile
    controller.admissionWebhooks.patchWebhookJob.securityContext.seccompProfile.type
    controller.admissionWebhooks.patchWebhookJob.volumeMounts
    controller.admissionWebhooks.patchWebhookJob.volumes controller.admissionWebhooks.port
    controller.admissionWebhooks.service controller.admissionWebhooks.service.annotations
    controller.admissionWebhooks.service.annotations.* controller.admissionWebhooks.service.externalIPs
    controller.admissionWebhooks.service.loadBalancerSourceRanges
    controller.admissionWebhooks.service.servicePort controller.admissionWebhooks.service.type
    controller.affinity controller.affinity.* controller.allowSnippetAnnotations controller.annotations
    controller.annotations.* controller.autoscaling controller.autoscaling.annotations
    controller.autoscaling.annotations.* controller.autoscaling.behavior controller.autoscaling.behavior.*
    controller.autoscaling.enabled controller.autoscaling.maxReplicas controller.autoscaling.minReplicas
    controller.autoscaling.targetCPUUtilizationPercentage
    controller.autoscaling.targetMemoryUtilizationPercentage controller.autoscalingTemplate controller.config
    controller.config.* controller.configAnnotations controller.configAnnotations.*
    controller.configMapNamespace controller.containerName controller.containerPort
    controller.containerPort.http controller.containerPort.https controller.containerSecurityContext
    controller.containerSecurityContext.* controller.customTemplate controller.customTemplate.configMapKey
    controller.customTemplate.configMapName controller.disableLeaderElection controller.dnsConfig
    controller.dnsConfig.* controller.dnsPolicy controller.electionID controller.electionTTL
    controller.enableAnnotationValidations controller.enableMimalloc controller.enableTopologyAwareRouting
    controller.extraArgs controller.extraArgs.* controller.extraContainers controller.extraEnvs
    controller.extraInitContainers controller.extraModules controller.extraVolumeMounts
    controller.extraVolumes controller.healthCheckHost controller.healthCheckPath controller.hostAliases
    controller.hostNetwork controller.hostPort controller.hostPort.enabled controller.hostPort.ports
    controller.hostPort.ports.http controller.hostPort.ports.https controller.hostname controller.hostname.*
    controller.image controller.image.allowPrivilegeEscalation controller.image.chroot controller.image.digest
    controller.image.digestChroot controller.image.image controller.image.pullPolicy
    controller.image.readOnlyRootFilesystem controller.image.runAsGroup controller.image.runAsNonRoot
    controller.image.runAsUser controller.image.seccompProfile controller.image.seccompProfile.type
    controller.image.tag controller.ingressClass controller.ingressClassByName controller.ingressClassResource
    controller.ingressClassResource.aliases controller.ingressClassResource.annotations
    controller.ingressClassResource.annotations.* controller.ingressClassResource.controllerValue
    controller.ingressClassResource.default controller.ingressClassResource.enabled
    controller.ingressClassResource.name controller.ingressClassResource.parameters
    controller.ingressClassResource.parameters.* controller.keda controller.keda.apiVersion
    controller.keda.behavior controller.keda.behavior.* controller.keda.cooldownPeriod controller.keda.enabled
    controller.keda.maxReplicas controller.keda.minReplicas controller.keda.pollingInterval
    controller.keda.restoreToOriginalReplicaCount controller.keda.scaledObject
    controller.keda.scaledObject.annotations controller.keda.scaledObject.annotations.*
    controller.keda.triggers controller.kind controller.labels controller.labels.* controller.lifecycle
    controller.lifecycle.preStop controller.lifecycle.preStop.exec controller.lifecycle.preStop.exec.command
    controller.livenessProbe controller.livenessProbe.failureThreshold controller.livenessProbe.httpGet
    controller.livenessProbe.httpGet.path controller.livenessProbe.httpGet.port
    controller.livenessProbe.httpGet.scheme controller.livenessProbe.initialDelaySeconds
    controller.livenessProbe.periodSeconds controller.livenessProbe.successThreshold
    controller.livenessProbe.timeoutSeconds controller.maxmindLicenseKey controller.metrics
    controller.metrics.enabled controller.metrics.port controller.metrics.portName
    controller.metrics.prometheusRule controller.metrics.prometheusRule.additionalLabels
    controller.metrics.prometheusRule.additionalLabels.* controller.metrics.prometheusRule.annotations
    controller.metrics.prometheusRule.annotations.* controller.metrics.prometheusRule.enabled
    controller.metrics.prometheusRule.rules controller.metrics.service controller.metrics.service.annotations
    controller.metrics.service.annotations.* controller.metrics.service.enabled
    controller.metrics.service.externalIPs controller.metrics.service.labels
    controller.metrics.service.labels.* controller.metrics.service.loadBalancerSourceRanges
    controller.metrics.service.servicePort controller.metrics.service.type controller.metrics.serviceMonitor
    controller.metrics.serviceMonitor.additionalLabels controller.metrics.serviceMonitor.additionalLabels.*
    controller.metrics.serviceMonitor.annotations controller.metrics.serviceMonitor.annotations.*
    controller.metrics.serviceMonitor.enabled controller.metrics.serviceMonitor.labelLimit
    controller.metrics.serviceMonitor.labelNameLengthLimit
    controller.metrics.serviceMonitor.labelValueLengthLimit
    controller.metrics.serviceMonitor.metricRelabelings controller.metrics.serviceMonitor.namespace
    controller.metrics.serviceMonitor.namespaceSelector controller.metrics.serviceMonitor.namespaceSelector.*
    controller.metrics.serviceMonitor.relabelings controller.metrics.serviceMonitor.sampleLimit
    controller.metrics.serviceMonitor.scrapeInterval controller.metrics.serviceMonitor.scrapeTimeout
    controller.metrics.serviceMonitor.targetLabels controller.metrics.serviceMonitor.targetLimit
    controller.minAvailable controller.minReadySeconds controller.name controller.networkPolicy
    controller.networkPolicy.enabled controller.nodeSelector controller.nodeSelector.kubernetes.io/os
    controller.podAnnotations controller.podAnnotations.* controller.podLabels controller.podLabels.*
    controller.podSecurityContext controller.podSecurityContext.* controller.priorityClassName
    controller.progressDeadlineSeconds controller.proxySetHeaders controller.proxySetHeaders.*
    controller.publishService controller.publishService.enabled controller.publishService.pathOverride
    controller.readinessProbe controller.readinessProbe.failureThreshold controller.readinessProbe.httpGet
    controller.readinessProbe.httpGet.path controller.readinessProbe.httpGet.port
    controller.readinessProbe.httpGet.scheme controller.readinessProbe.initialDelaySeconds
    controller.readinessProbe.periodSeconds controller.readinessProbe.successThreshold
    controller.readinessProbe.timeoutSeconds controller.replicaCount controller.reportNodeInternalIp
    controller.resizePolicy controller.resources controller.resources.requests
    controller.resources.requests.cpu controller.resources.requests.memory controller.runtimeClassName
    controller.scope controller.scope.enabled controller.scope.namespace controller.scope.namespaceSelector
    controller.service controller.service.annotations controller.service.annotations.*
    controller.service.appProtocol controller.service.clusterIP controller.service.clusterIPs
    controller.service.enableHttp controller.service.enableHttps controller.service.enabled
    controller.service.external controller.service.external.enabled controller.service.external.labels
    controller.service.external.labels.* controller.service.externalIPs
    controller.service.externalTrafficPolicy controller.service.internal
    controller.service.internal.annotations controller.service.internal.annotations.*
    controller.service.internal.appProtocol controller.service.internal.clusterIP
    controller.service.internal.clusterIPs controller.service.internal.enabled
    controller.service.internal.externalIPs controller.service.internal.externalTrafficPolicy
    controller.service.internal.ipFamilies controller.service.internal.ipFamilyPolicy
    controller.service.internal.labels controller.service.internal.labels.*
    controller.service.internal.loadBalancerClass controller.service.internal.loadBalancerIP
    controller.service.internal.loadBalancerSourceRanges controller.service.internal.nodePorts
    controller.service.internal.nodePorts.http controller.service.internal.nodePorts.https
    controller.service.internal.nodePorts.tcp controller.service.internal.nodePorts.tcp.*
    controller.service.internal.nodePorts.udp controller.service.internal.nodePorts.udp.*
    controller.service.internal.ports controller.service.internal.ports.*
    controller.service.internal.sessionAffinity controller.service.internal.targetPorts
    controller.service.internal.targetPorts.* controller.service.internal.trafficDistribution
    controller.service.internal.type controller.service.ipFamilies controller.service.ipFamilyPolicy
    controller.service.labels controller.service.labels.* controller.service.loadBalancerClass
    controller.service.loadBalancerIP controller.service.loadBalancerSourceRanges controller.service.nodePorts
    controller.service.nodePorts.http controller.service.nodePorts.https controller.service.nodePorts.tcp
    controller.service.nodePorts.tcp.* controller.service.nodePorts.udp controller.service.nodePorts.udp.*
    controller.service.ports controller.service.ports.http controller.service.ports.https
    controller.service.sessionAffinity controller.service.targetPorts controller.service.targetPorts.http
    controller.service.targetPorts.https controller.service.trafficDistribution controller.service.type
    controller.shareProcessNamespace controller.sysctls controller.sysctls.* controller.tcp
    controller.tcp.annotations controller.tcp.annotations.* controller.tcp.configMapNamespace
    controller.terminationGracePeriodSeconds controller.tolerations controller.topologySpreadConstraints
    controller.udp controller.udp.annotations controller.udp.annotations.* controller.udp.configMapNamespace
    controller.unhealthyPodEvictionPolicy controller.updateStrategy controller.updateStrategy.*
    controller.watchIngressWithoutClass defaultBackend defaultBackend.affinity defaultBackend.affinity.*
    defaultBackend.autoscaling defaultBackend.autoscaling.annotations defaultBackend.autoscaling.annotations.*
    defaultBackend.autoscaling.enabled defaultBackend.autoscaling.maxReplicas
    defaultBackend.autoscaling.minReplicas defaultBackend.autoscaling.targetCPUUtilizationPercentage
    defaultBackend.autoscaling.targetMemoryUtilizationPercentage defaultBackend.containerSecurityContext
    defaultBackend.containerSecurityContext.* defaultBackend.enabled defaultBackend.extraArgs
    defaultBackend.extraArgs.* defaultBackend.extraConfigMaps defaultBackend.extraEnvs
    defaultBackend.extraVolumeMounts defaultBackend.extraVolumes defaultBackend.image
    defaultBackend.image.allowPrivilegeEscalation defaultBackend.image.image defaultBackend.image.pullPolicy
    defaultBackend.image.readOnlyRootFilesystem defaultBackend.image.runAsGroup
    defaultBackend.image.runAsNonRoot defaultBackend.image.runAsUser defaultBackend.image.seccompProfile
    defaultBackend.image.seccompProfile.type defaultBackend.image.tag defaultBackend.labels
    defaultBackend.labels.* defaultBackend.livenessProbe defaultBackend.livenessProbe.failureThreshold
    defaultBackend.livenessProbe.initialDelaySeconds defaultBackend.livenessProbe.periodSeconds
    defaultBackend.livenessProbe.successThreshold defaultBackend.livenessProbe.timeoutSeconds
    defaultBackend.minAvailable defaultBackend.minReadySeconds defaultBackend.name
    defaultBackend.networkPolicy defaultBackend.networkPolicy.enabled defaultBackend.nodeSelector
    defaultBackend.nodeSelector.kubernetes.io/os defaultBackend.podAnnotations defaultBackend.podAnnotations.*
    defaultBackend.podLabels defaultBackend.podLabels.* defaultBackend.podSecurityContext
    defaultBackend.podSecurityContext.* defaultBackend.port defaultBackend.priorityClassName
    defaultBackend.readinessProbe defaultBackend.readinessProbe.failureThreshold
    defaultBackend.readinessProbe.initialDelaySeconds defaultBackend.readinessProbe.periodSeconds
    defaultBackend.readinessProbe.successThreshold defaultBackend.readinessProbe.timeoutSeconds
    defaultBackend.replicaCount defaultBackend.resources defaultBackend.resources.*
    defaultBackend.runtimeClassName defaultBackend.service defaultBackend.service.annotations
    defaultBackend.service.annotations.* defaultBackend.service.clusterIPs defaultBackend.service.externalIPs
    defaultBackend.service.loadBalancerSourceRanges defaultBackend.service.servicePort
    defaultBackend.service.type defaultBackend.serviceAccount
    defaultBackend.serviceAccount.automountServiceAccountToken defaultBackend.serviceAccount.create
    defaultBackend.serviceAccount.name defaultBackend.tolerations defaultBackend.topologySpreadConstraints
    defaultBackend.unhealthyPodEvictionPolicy defaultBackend.updateStrategy defaultBackend.updateStrategy.*
    dhParam global global.image global.image.registry imagePullSecrets namespaceOverride portNamePrefix rbac
    rbac.create rbac.scope revisionHistoryLimit serviceAccount serviceAccount.annotations
    serviceAccount.annotations.* serviceAccount.automountServiceAccountToken serviceAccount.create
    serviceAccount.name tcp tcp.* udp udp.*
""".split()),
    ('vector', '0.50.0'): frozenset("""
    affinity affinity.* args autoscaling autoscaling.annotations autoscaling.annotations.*
    autoscaling.behavior autoscaling.behavior.* autoscaling.customMetric autoscaling.customMetric.*
    autoscaling.enabled autoscaling.external autoscaling.maxReplicas autoscaling.minReplicas
    autoscaling.targetCPUUtilizationPercentage autoscaling.targetMemoryUtilizationPercentage command
    commonLabels commonLabels.* containerPorts customConfig customConfig.* dataDir defaultVolumeMounts
    defaultVolumes dnsConfig dnsConfig.* dnsPolicy env envFrom existingConfigMaps extraContainers extraObjects
    extraVolumeMounts extraVolumes fullnameOverride haproxy haproxy.affinity haproxy.affinity.*
    haproxy.autoscaling haproxy.autoscaling.customMetric haproxy.autoscaling.customMetric.*
    haproxy.autoscaling.enabled haproxy.autoscaling.external haproxy.autoscaling.maxReplicas
    haproxy.autoscaling.minReplicas haproxy.autoscaling.targetCPUUtilizationPercentage
    haproxy.autoscaling.targetMemoryUtilizationPercentage haproxy.containerPorts haproxy.customConfig
    haproxy.enabled haproxy.existingConfigMap haproxy.extraContainers haproxy.extraVolumeMounts
    haproxy.extraVolumes haproxy.image haproxy.image.pullPolicy haproxy.image.pullSecrets
    haproxy.image.repository haproxy.image.tag haproxy.initContainers haproxy.livenessProbe
    haproxy.livenessProbe.tcpSocket haproxy.livenessProbe.tcpSocket.port haproxy.nodeSelector
    haproxy.nodeSelector.* haproxy.podAnnotations haproxy.podAnnotations.* haproxy.podLabels
    haproxy.podLabels.* haproxy.podPriorityClassName haproxy.podSecurityContext haproxy.podSecurityContext.*
    haproxy.readinessProbe haproxy.readinessProbe.tcpSocket haproxy.readinessProbe.tcpSocket.port
    haproxy.replicas haproxy.resources haproxy.resources.* haproxy.rollWorkload haproxy.securityContext
    haproxy.securityContext.* haproxy.service haproxy.service.annotations haproxy.service.annotations.*
    haproxy.service.externalTrafficPolicy haproxy.service.ipFamilies haproxy.service.ipFamilyPolicy
    haproxy.service.loadBalancerIP haproxy.service.ports haproxy.service.topologyKeys haproxy.service.type
    haproxy.serviceAccount haproxy.serviceAccount.annotations haproxy.serviceAccount.annotations.*
    haproxy.serviceAccount.automountToken haproxy.serviceAccount.create haproxy.serviceAccount.name
    haproxy.strategy haproxy.strategy.* haproxy.terminationGracePeriodSeconds haproxy.tolerations hostAliases
    image image.base image.pullPolicy image.pullSecrets image.repository image.sha image.tag ingress
    ingress.annotations ingress.annotations.* ingress.className ingress.enabled ingress.hosts ingress.tls
    initContainers lifecycle lifecycle.* livenessProbe livenessProbe.* logLevel minReadySeconds nameOverride
    nodeSelector nodeSelector.* persistence persistence.accessModes persistence.enabled
    persistence.existingClaim persistence.finalizers persistence.hostPath persistence.hostPath.enabled
    persistence.hostPath.path persistence.retentionPolicy persistence.retentionPolicy.* persistence.selectors
    persistence.selectors.* persistence.size podAnnotations podAnnotations.* podDisruptionBudget
    podDisruptionBudget.enabled podDisruptionBudget.maxUnavailable podDisruptionBudget.minAvailable
    podHostNetwork podLabels podLabels.vector.dev/exclude podManagementPolicy podMonitor
    podMonitor.additionalLabels podMonitor.additionalLabels.* podMonitor.enabled podMonitor.honorLabels
    podMonitor.honorTimestamps podMonitor.interval podMonitor.jobLabel podMonitor.metricRelabelings
    podMonitor.path podMonitor.podTargetLabels podMonitor.port podMonitor.relabelings podMonitor.scrapeTimeout
    podPriorityClassName podSecurityContext podSecurityContext.* psp psp.create rbac rbac.create
    rbac.extraRules readinessProbe readinessProbe.* replicas resources resources.* role rollWorkload
    rollWorkloadExtraObjects rollWorkloadSecrets secrets secrets.generic secrets.generic.* securityContext
    securityContext.* service service.annotations service.annotations.* service.enabled
    service.externalTrafficPolicy service.internalTrafficPolicy service.ipFamilies service.ipFamilyPolicy
    service.loadBalancerIP service.ports service.topologyKeys service.trafficDistribution service.type
    serviceAccount serviceAccount.annotations serviceAccount.annotations.* serviceAccount.automountToken
    serviceAccount.create serviceAccount.name serviceHeadless serviceHeadless.enabled shareProcessNamespace
    terminationGracePeriodSeconds tolerations topologySpreadConstraints updateStrategy updateStrategy.*
    workloadResourceAnnotations workloadResourceAnnotations.*
""".split()),
    ('kube-prometheus-stack', '81.0.1'): frozenset("""
    additionalPrometheusRulesMap additionalPrometheusRulesMap.* alertmanager alertmanager.additionalLabels
    alertmanager.additionalLabels.* alertmanager.alertmanagerSpec alertmanager.alertmanagerSpec.additionalArgs
    alertmanager.alertmanagerSpec.additionalConfig alertmanager.alertmanagerSpec.additionalConfig.*
    alertmanager.alertmanagerSpec.additionalConfigString alertmanager.alertmanagerSpec.additionalPeers
    alertmanager.alertmanagerSpec.affinity alertmanager.alertmanagerSpec.affinity.*
    alertmanager.alertmanagerSpec.alertmanagerConfigMatcherStrategy
    alertmanager.alertmanagerSpec.alertmanagerConfigMatcherStrategy.*
    alertmanager.alertmanagerSpec.alertmanagerConfigNamespaceSelector
    alertmanager.alertmanagerSpec.alertmanagerConfigNamespaceSelector.*
    alertmanager.alertmanagerSpec.alertmanagerConfigSelector
    alertmanager.alertmanagerSpec.alertmanagerConfigSelector.*
    alertmanager.alertmanagerSpec.alertmanagerConfiguration
    alertmanager.alertmanagerSpec.alertmanagerConfiguration.*
    alertmanager.alertmanagerSpec.automountServiceAccountToken
    alertmanager.alertmanagerSpec.clusterAdvertiseAddress alertmanager.alertmanagerSpec.clusterGossipInterval
    alertmanager.alertmanagerSpec.clusterLabel alertmanager.alertmanagerSpec.clusterPeerTimeout
    alertmanager.alertmanagerSpec.clusterPushpullInterval alertmanager.alertmanagerSpec.configMaps
    alertmanager.alertmanagerSpec.containers alertmanager.alertmanagerSpec.dnsConfig
    alertmanager.alertmanagerSpec.dnsConfig.* alertmanager.alertmanagerSpec.dnsPolicy
    alertmanager.alertmanagerSpec.externalUrl alertmanager.alertmanagerSpec.forceEnableClusterMode
    alertmanager.alertmanagerSpec.image alertmanager.alertmanagerSpec.image.pullPolicy
    alertmanager.alertmanagerSpec.image.registry alertmanager.alertmanagerSpec.image.repository
    alertmanager.alertmanagerSpec.image.sha alertmanager.alertmanagerSpec.image.tag
    alertmanager.alertmanagerSpec.initContainers alertmanager.alertmanagerSpec.listenLocal
    alertmanager.alertmanagerSpec.logFormat alertmanager.alertmanagerSpec.logLevel
    alertmanager.alertmanagerSpec.minReadySeconds alertmanager.alertmanagerSpec.nodeSelector
    alertmanager.alertmanagerSpec.nodeSelector.* alertmanager.alertmanagerSpec.paused
    alertmanager.alertmanagerSpec.persistentVolumeClaimRetentionPolicy
    alertmanager.alertmanagerSpec.persistentVolumeClaimRetentionPolicy.*
    alertmanager.alertmanagerSpec.podAntiAffinity alertmanager.alertmanagerSpec.podAntiAffinityTopologyKey
    alertmanager.alertmanagerSpec.podMetadata alertmanager.alertmanagerSpec.podMetadata.*
    alertmanager.alertmanagerSpec.portName alertmanager.alertmanagerSpec.priorityClassName
    alertmanager.alertmanagerSpec.replicas alertmanager.alertmanagerSpec.resources
    alertmanager.alertmanagerSpec.resources.* alertmanager.alertmanagerSpec.retention
    alertmanager.alertmanagerSpec.routePrefix alertmanager.alertmanagerSpec.scheme
    alertmanager.alertmanagerSpec.secrets alertmanager.alertmanagerSpec.securityContext
    alertmanager.alertmanagerSpec.securityContext.fsGroup
    alertmanager.alertmanagerSpec.securityContext.runAsGroup
    alertmanager.alertmanagerSpec.securityContext.runAsNonRoot
    alertmanager.alertmanagerSpec.securityContext.runAsUser
    alertmanager.alertmanagerSpec.securityContext.seccompProfile
    alertmanager.alertmanagerSpec.securityContext.seccompProfile.type
    alertmanager.alertmanagerSpec.serviceName alertmanager.alertmanagerSpec.storage
    alertmanager.alertmanagerSpec.storage.* alertmanager.alertmanagerSpec.tlsConfig
    alertmanager.alertmanagerSpec.tlsConfig.* alertmanager.alertmanagerSpec.tolerations
    alertmanager.alertmanagerSpec.topologySpreadConstraints alertmanager.alertmanagerSpec.useExistingSecret
    alertmanager.alertmanagerSpec.volumeMounts alertmanager.alertmanagerSpec.volumes
    alertmanager.alertmanagerSpec.web alertmanager.alertmanagerSpec.web.* alertmanager.annotations
    alertmanager.annotations.* alertmanager.apiVersion alertmanager.config alertmanager.config.global
    alertmanager.config.global.resolve_timeout alertmanager.config.inhibit_rules alertmanager.config.receivers
    alertmanager.config.route alertmanager.config.route.group_by alertmanager.config.route.group_interval
    alertmanager.config.route.group_wait alertmanager.config.route.receiver
    alertmanager.config.route.repeat_interval alertmanager.config.route.routes alertmanager.config.templates
    alertmanager.enableFeatures alertmanager.enabled alertmanager.extraSecret
    alertmanager.extraSecret.annotations alertmanager.extraSecret.annotations.* alertmanager.extraSecret.data
    alertmanager.extraSecret.data.* alertmanager.forceDeployDashboards alertmanager.ingress
    alertmanager.ingress.annotations alertmanager.ingress.annotations.* alertmanager.ingress.enabled
    alertmanager.ingress.hosts alertmanager.ingress.ingressClassName alertmanager.ingress.labels
    alertmanager.ingress.labels.* alertmanager.ingress.paths alertmanager.ingress.tls
    alertmanager.ingressPerReplica alertmanager.ingressPerReplica.annotations
    alertmanager.ingressPerReplica.annotations.* alertmanager.ingressPerReplica.enabled
    alertmanager.ingressPerReplica.hostDomain alertmanager.ingressPerReplica.hostPrefix
    alertmanager.ingressPerReplica.ingressClassName alertmanager.ingressPerReplica.labels
    alertmanager.ingressPerReplica.labels.* alertmanager.ingressPerReplica.paths
    alertmanager.ingressPerReplica.tlsSecretName alertmanager.ingressPerReplica.tlsSecretPerReplica
    alertmanager.ingressPerReplica.tlsSecretPerReplica.enabled
    alertmanager.ingressPerReplica.tlsSecretPerReplica.prefix alertmanager.namespaceOverride
    alertmanager.networkPolicy alertmanager.networkPolicy.additionalIngress alertmanager.networkPolicy.egress
    alertmanager.networkPolicy.egress.enabled alertmanager.networkPolicy.egress.rules
    alertmanager.networkPolicy.enableClusterRules alertmanager.networkPolicy.enabled
    alertmanager.networkPolicy.gateway alertmanager.networkPolicy.gateway.namespace
    alertmanager.networkPolicy.gateway.podLabels alertmanager.networkPolicy.gateway.podLabels.*
    alertmanager.networkPolicy.monitoringRules alertmanager.networkPolicy.monitoringRules.configReloader
    alertmanager.networkPolicy.monitoringRules.prometheus alertmanager.networkPolicy.policyTypes
    alertmanager.podDisruptionBudget alertmanager.podDisruptionBudget.enabled
    alertmanager.podDisruptionBudget.minAvailable alertmanager.podDisruptionBudget.unhealthyPodEvictionPolicy
    alertmanager.route alertmanager.route.main alertmanager.route.main.additionalRules
    alertmanager.route.main.annotations alertmanager.route.main.annotations.*
    alertmanager.route.main.apiVersion alertmanager.route.main.enabled alertmanager.route.main.filters
    alertmanager.route.main.hostnames alertmanager.route.main.httpsRedirect alertmanager.route.main.kind
    alertmanager.route.main.labels alertmanager.route.main.labels.* alertmanager.route.main.matches
    alertmanager.route.main.parentRefs alertmanager.secret alertmanager.secret.annotations
    alertmanager.secret.annotations.* alertmanager.service alertmanager.service.additionalPorts
    alertmanager.service.annotations alertmanager.service.annotations.* alertmanager.service.clusterIP
    alertmanager.service.enabled alertmanager.service.externalIPs alertmanager.service.externalTrafficPolicy
    alertmanager.service.ipDualStack alertmanager.service.ipDualStack.enabled
    alertmanager.service.ipDualStack.ipFamilies alertmanager.service.ipDualStack.ipFamilyPolicy
    alertmanager.service.labels alertmanager.service.labels.* alertmanager.service.loadBalancerIP
    alertmanager.service.loadBalancerSourceRanges alertmanager.service.nodePort alertmanager.service.port
    alertmanager.service.sessionAffinity alertmanager.service.sessionAffinityConfig
    alertmanager.service.sessionAffinityConfig.clientIP
    alertmanager.service.sessionAffinityConfig.clientIP.timeoutSeconds alertmanager.service.targetPort
    alertmanager.service.type alertmanager.serviceAccount alertmanager.serviceAccount.annotations
    alertmanager.serviceAccount.annotations.* alertmanager.serviceAccount.automountServiceAccountToken
    alertmanager.serviceAccount.create alertmanager.serviceAccount.name alertmanager.serviceMonitor
    alertmanager.serviceMonitor.additionalEndpoints alertmanager.serviceMonitor.additionalLabels
    alertmanager.serviceMonitor.additionalLabels.* alertmanager.serviceMonitor.bearerTokenFile
    alertmanager.serviceMonitor.enableHttp2 alertmanager.serviceMonitor.interval
    alertmanager.serviceMonitor.labelLimit alertmanager.serviceMonitor.labelNameLengthLimit
    alertmanager.serviceMonitor.labelValueLengthLimit alertmanager.serviceMonitor.metricRelabelings
    alertmanager.serviceMonitor.proxyUrl alertmanager.serviceMonitor.relabelings
    alertmanager.serviceMonitor.sampleLimit alertmanager.serviceMonitor.scheme
    alertmanager.serviceMonitor.selfMonitor alertmanager.serviceMonitor.targetLimit
    alertmanager.serviceMonitor.tlsConfig alertmanager.serviceMonitor.tlsConfig.*
    alertmanager.servicePerReplica alertmanager.servicePerReplica.annotations
    alertmanager.servicePerReplica.annotations.* alertmanager.servicePerReplica.enabled
    alertmanager.servicePerReplica.externalTrafficPolicy
    alertmanager.servicePerReplica.loadBalancerSourceRanges alertmanager.servicePerReplica.nodePort
    alertmanager.servicePerReplica.port alertmanager.servicePerReplica.targetPort
    alertmanager.servicePerReplica.type alertmanager.stringConfig alertmanager.templateFiles
    alertmanager.templateFiles.* alertmanager.tplConfig cleanPrometheusOperatorObjectNames commonLabels
    commonLabels.* coreDns coreDns.enabled coreDns.service coreDns.service.enabled coreDns.service.ipDualStack
    coreDns.service.ipDualStack.enabled coreDns.service.ipDualStack.ipFamilies
    coreDns.service.ipDualStack.ipFamilyPolicy coreDns.service.port coreDns.service.targetPort
    coreDns.serviceMonitor coreDns.serviceMonitor.additionalLabels coreDns.serviceMonitor.additionalLabels.*
    coreDns.serviceMonitor.enabled coreDns.serviceMonitor.interval coreDns.serviceMonitor.jobLabel
    coreDns.serviceMonitor.labelLimit coreDns.serviceMonitor.labelNameLengthLimit
    coreDns.serviceMonitor.labelValueLengthLimit coreDns.serviceMonitor.metricRelabelings
    coreDns.serviceMonitor.port coreDns.serviceMonitor.proxyUrl coreDns.serviceMonitor.relabelings
    coreDns.serviceMonitor.sampleLimit coreDns.serviceMonitor.selector coreDns.serviceMonitor.selector.*
    coreDns.serviceMonitor.targetLabels coreDns.serviceMonitor.targetLimit crds crds.enabled crds.upgradeJob
    crds.upgradeJob.affinity crds.upgradeJob.affinity.* crds.upgradeJob.annotations
    crds.upgradeJob.annotations.* crds.upgradeJob.containerSecurityContext
    crds.upgradeJob.containerSecurityContext.allowPrivilegeEscalation
    crds.upgradeJob.containerSecurityContext.capabilities
    crds.upgradeJob.containerSecurityContext.capabilities.drop
    crds.upgradeJob.containerSecurityContext.readOnlyRootFilesystem crds.upgradeJob.enabled
    crds.upgradeJob.env crds.upgradeJob.env.* crds.upgradeJob.extraVolumeMounts crds.upgradeJob.extraVolumes
    crds.upgradeJob.forceConflicts crds.upgradeJob.image crds.upgradeJob.image.busybox
    crds.upgradeJob.image.busybox.pullPolicy crds.upgradeJob.image.busybox.registry
    crds.upgradeJob.image.busybox.repository crds.upgradeJob.image.busybox.sha
    crds.upgradeJob.image.busybox.tag crds.upgradeJob.image.kubectl crds.upgradeJob.image.kubectl.pullPolicy
    crds.upgradeJob.image.kubectl.registry crds.upgradeJob.image.kubectl.repository
    crds.upgradeJob.image.kubectl.sha crds.upgradeJob.image.kubectl.tag crds.upgradeJob.labels
    crds.upgradeJob.labels.* crds.upgradeJob.nodeSelector crds.upgradeJob.nodeSelector.*
    crds.upgradeJob.podAnnotations crds.upgradeJob.podAnnotations.* crds.upgradeJob.podLabels
    crds.upgradeJob.podLabels.* crds.upgradeJob.podSecurityContext crds.upgradeJob.podSecurityContext.fsGroup
    crds.upgradeJob.podSecurityContext.runAsGroup crds.upgradeJob.podSecurityContext.runAsNonRoot
    crds.upgradeJob.podSecurityContext.runAsUser crds.upgradeJob.podSecurityContext.seccompProfile
    crds.upgradeJob.podSecurityContext.seccompProfile.type crds.upgradeJob.resources
    crds.upgradeJob.resources.* crds.upgradeJob.serviceAccount crds.upgradeJob.serviceAccount.annotations
    crds.upgradeJob.serviceAccount.annotations.* crds.upgradeJob.serviceAccount.automountServiceAccountToken
    crds.upgradeJob.serviceAccount.create crds.upgradeJob.serviceAccount.labels
    crds.upgradeJob.serviceAccount.labels.* crds.upgradeJob.serviceAccount.name crds.upgradeJob.tolerations
    crds.upgradeJob.topologySpreadConstraints customRules customRules.* defaultRules
    defaultRules.additionalAggregationLabels defaultRules.additionalRuleAnnotations
    defaultRules.additionalRuleAnnotations.* defaultRules.additionalRuleGroupAnnotations
    defaultRules.additionalRuleGroupAnnotations.alertmanager
    defaultRules.additionalRuleGroupAnnotations.alertmanager.*
    defaultRules.additionalRuleGroupAnnotations.configReloaders
    defaultRules.additionalRuleGroupAnnotations.configReloaders.*
    defaultRules.additionalRuleGroupAnnotations.etcd defaultRules.additionalRuleGroupAnnotations.etcd.*
    defaultRules.additionalRuleGroupAnnotations.general defaultRules.additionalRuleGroupAnnotations.general.*
    defaultRules.additionalRuleGroupAnnotations.k8sContainerCpuUsageSecondsTotal
    defaultRules.additionalRuleGroupAnnotations.k8sContainerCpuUsageSecondsTotal.*
    defaultRules.additionalRuleGroupAnnotations.k8sContainerMemoryCache
    defaultRules.additionalRuleGroupAnnotations.k8sContainerMemoryCache.*
    defaultRules.additionalRuleGroupAnnotations.k8sContainerMemoryRss
    defaultRules.additionalRuleGroupAnnotations.k8sContainerMemoryRss.*
    defaultRules.additionalRuleGroupAnnotations.k8sContainerMemorySwap
    defaultRules.additionalRuleGroupAnnotations.k8sContainerMemorySwap.*
    defaultRules.additionalRuleGroupAnnotations.k8sContainerResource
    defaultRules.additionalRuleGroupAnnotations.k8sContainerResource.*
    defaultRules.additionalRuleGroupAnnotations.k8sPodOwner
    defaultRules.additionalRuleGroupAnnotations.k8sPodOwner.*
    defaultRules.additionalRuleGroupAnnotations.kubeApiserverAvailability
    defaultRules.additionalRuleGroupAnnotations.kubeApiserverAvailability.*
    defaultRules.additionalRuleGroupAnnotations.kubeApiserverBurnrate
    defaultRules.additionalRuleGroupAnnotations.kubeApiserverBurnrate.*
    defaultRules.additionalRuleGroupAnnotations.kubeApiserverHistogram
    defaultRules.additionalRuleGroupAnnotations.kubeApiserverHistogram.*
    defaultRules.additionalRuleGroupAnnotations.kubeApiserverSlos
    defaultRules.additionalRuleGroupAnnotations.kubeApiserverSlos.*
    defaultRules.additionalRuleGroupAnnotations.kubeControllerManager
    defaultRules.additionalRuleGroupAnnotations.kubeControllerManager.*
    defaultRules.additionalRuleGroupAnnotations.kubePrometheusGeneral
    defaultRules.additionalRuleGroupAnnotations.kubePrometheusGeneral.*
    defaultRules.additionalRuleGroupAnnotations.kubePrometheusNodeRecording
    defaultRules.additionalRuleGroupAnnotations.kubePrometheusNodeRecording.*
    defaultRules.additionalRuleGroupAnnotations.kubeProxy
    defaultRules.additionalRuleGroupAnnotations.kubeProxy.*
    defaultRules.additionalRuleGroupAnnotations.kubeSchedulerAlerting
    defaultRules.additionalRuleGroupAnnotations.kubeSchedulerAlerting.*
    defaultRules.additionalRuleGroupAnnotations.kubeSchedulerRecording
    defaultRules.additionalRuleGroupAnnotations.kubeSchedulerRecording.*
    defaultRules.additionalRuleGroupAnnotations.kubeStateMetrics
    defaultRules.additionalRuleGroupAnnotations.kubeStateMetrics.*
    defaultRules.additionalRuleGroupAnnotations.kubelet defaultRules.additionalRuleGroupAnnotations.kubelet.*
    defaultRules.additionalRuleGroupAnnotations.kubernetesApps
    defaultRules.additionalRuleGroupAnnotations.kubernetesApps.*
    defaultRules.additionalRuleGroupAnnotations.kubernetesResources
    defaultRules.additionalRuleGroupAnnotations.kubernetesResources.*
    defaultRules.additionalRuleGroupAnnotations.kubernetesStorage
    defaultRules.additionalRuleGroupAnnotations.kubernetesStorage.*
    defaultRules.additionalRuleGroupAnnotations.kubernetesSystem
    defaultRules.additionalRuleGroupAnnotations.kubernetesSystem.*
    defaultRules.additionalRuleGroupAnnotations.network defaultRules.additionalRuleGroupAnnotations.network.*
    defaultRules.additionalRuleGroupAnnotations.node defaultRules.additionalRuleGroupAnnotations.node.*
    defaultRules.additionalRuleGroupAnnotations.nodeExporterAlerting
    defaultRules.additionalRuleGroupAnnotations.nodeExporterAlerting.*
    defaultRules.additionalRuleGroupAnnotations.nodeExporterRecording
    defaultRules.additionalRuleGroupAnnotations.nodeExporterRecording.*
    defaultRules.additionalRuleGroupAnnotations.prometheus
    defaultRules.additionalRuleGroupAnnotations.prometheus.*
    defaultRules.additionalRuleGroupAnnotations.prometheusOperator
    defaultRules.additionalRuleGroupAnnotations.prometheusOperator.* defaultRules.additionalRuleGroupLabels
    defaultRules.additionalRuleGroupLabels.alertmanager defaultRules.additionalRuleGroupLabels.alertmanager.*
    defaultRules.additionalRuleGroupLabels.configReloaders
    defaultRules.additionalRuleGroupLabels.configReloaders.* defaultRules.additionalRuleGroupLabels.etcd
    defaultRules.additionalRuleGroupLabels.etcd.* defaultRules.additionalRuleGroupLabels.general
    defaultRules.additionalRuleGroupLabels.general.*
    defaultRules.additionalRuleGroupLabels.k8sContainerCpuUsageSecondsTotal
    defaultRules.additionalRuleGroupLabels.k8sContainerCpuUsageSecondsTotal.*
    defaultRules.additionalRuleGroupLabels.k8sContainerMemoryCache
    defaultRules.additionalRuleGroupLabels.k8sContainerMemoryCache.*
    defaultRules.additionalRuleGroupLabels.k8sContainerMemoryRss
    defaultRules.additionalRuleGroupLabels.k8sContainerMemoryRss.*
    defaultRules.additionalRuleGroupLabels.k8sContainerMemorySwap
    defaultRules.additionalRuleGroupLabels.k8sContainerMemorySwap.*
    defaultRules.additionalRuleGroupLabels.k8sContainerResource
    defaultRules.additionalRuleGroupLabels.k8sContainerResource.*
    defaultRules.additionalRuleGroupLabels.k8sPodOwner defaultRules.additionalRuleGroupLabels.k8sPodOwner.*
    defaultRules.additionalRuleGroupLabels.kubeApiserverAvailability
    defaultRules.additionalRuleGroupLabels.kubeApiserverAvailability.*
    defaultRules.additionalRuleGroupLabels.kubeApiserverBurnrate
    defaultRules.additionalRuleGroupLabels.kubeApiserverBurnrate.*
    defaultRules.additionalRuleGroupLabels.kubeApiserverHistogram
    defaultRules.additionalRuleGroupLabels.kubeApiserverHistogram.*
    defaultRules.additionalRuleGroupLabels.kubeApiserverSlos
    defaultRules.additionalRuleGroupLabels.kubeApiserverSlos.*
    defaultRules.additionalRuleGroupLabels.kubeControllerManager
    defaultRules.additionalRuleGroupLabels.kubeControllerManager.*
    defaultRules.additionalRuleGroupLabels.kubePrometheusGeneral
    defaultRules.additionalRuleGroupLabels.kubePrometheusGeneral.*
    defaultRules.additionalRuleGroupLabels.kubePrometheusNodeRecording
    defaultRules.additionalRuleGroupLabels.kubePrometheusNodeRecording.*
    defaultRules.additionalRuleGroupLabels.kubeProxy defaultRules.additionalRuleGroupLabels.kubeProxy.*
    defaultRules.additionalRuleGroupLabels.kubeSchedulerAlerting
    defaultRules.additionalRuleGroupLabels.kubeSchedulerAlerting.*
    defaultRules.additionalRuleGroupLabels.kubeSchedulerRecording
    defaultRules.additionalRuleGroupLabels.kubeSchedulerRecording.*
    defaultRules.additionalRuleGroupLabels.kubeStateMetrics
    defaultRules.additionalRuleGroupLabels.kubeStateMetrics.* defaultRules.additionalRuleGroupLabels.kubelet
    defaultRules.additionalRuleGroupLabels.kubelet.* defaultRules.additionalRuleGroupLabels.kubernetesApps
    defaultRules.additionalRuleGroupLabels.kubernetesApps.*
    defaultRules.additionalRuleGroupLabels.kubernetesResources
    defaultRules.additionalRuleGroupLabels.kubernetesResources.*
    defaultRules.additionalRuleGroupLabels.kubernetesStorage
    defaultRules.additionalRuleGroupLabels.kubernetesStorage.*
    defaultRules.additionalRuleGroupLabels.kubernetesSystem
    defaultRules.additionalRuleGroupLabels.kubernetesSystem.* defaultRules.additionalRuleGroupLabels.network
    defaultRules.additionalRuleGroupLabels.network.* defaultRules.additionalRuleGroupLabels.node
    defaultRules.additionalRuleGroupLabels.node.* defaultRules.additionalRuleGroupLabels.nodeExporterAlerting
    defaultRules.additionalRuleGroupLabels.nodeExporterAlerting.*
    defaultRules.additionalRuleGroupLabels.nodeExporterRecording
    defaultRules.additionalRuleGroupLabels.nodeExporterRecording.*
    defaultRules.additionalRuleGroupLabels.prometheus defaultRules.additionalRuleGroupLabels.prometheus.*
    defaultRules.additionalRuleGroupLabels.prometheusOperator
    defaultRules.additionalRuleGroupLabels.prometheusOperator.* defaultRules.additionalRuleLabels
    defaultRules.additionalRuleLabels.* defaultRules.annotations defaultRules.annotations.*
    defaultRules.appNamespacesOperator defaultRules.appNamespacesTarget defaultRules.create
    defaultRules.disabled defaultRules.disabled.* defaultRules.keepFiringFor defaultRules.labels
    defaultRules.labels.* defaultRules.node defaultRules.node.fsSelector defaultRules.rules
    defaultRules.rules.alertmanager defaultRules.rules.configReloaders defaultRules.rules.etcd
    defaultRules.rules.general defaultRules.rules.k8sContainerCpuUsageSecondsTotal
    defaultRules.rules.k8sContainerMemoryCache defaultRules.rules.k8sContainerMemoryRss
    defaultRules.rules.k8sContainerMemorySwap defaultRules.rules.k8sContainerMemoryWorkingSetBytes
    defaultRules.rules.k8sContainerResource defaultRules.rules.k8sPodOwner
    defaultRules.rules.kubeApiserverAvailability defaultRules.rules.kubeApiserverBurnrate
    defaultRules.rules.kubeApiserverHistogram defaultRules.rules.kubeApiserverSlos
    defaultRules.rules.kubeControllerManager defaultRules.rules.kubePrometheusGeneral
    defaultRules.rules.kubePrometheusNodeRecording defaultRules.rules.kubeProxy
    defaultRules.rules.kubeSchedulerAlerting defaultRules.rules.kubeSchedulerRecording
    defaultRules.rules.kubeStateMetrics defaultRules.rules.kubelet defaultRules.rules.kubernetesApps
    defaultRules.rules.kubernetesResources defaultRules.rules.kubernetesStorage
    defaultRules.rules.kubernetesSystem defaultRules.rules.network defaultRules.rules.node
    defaultRules.rules.nodeExporterAlerting defaultRules.rules.nodeExporterRecording
    defaultRules.rules.prometheus defaultRules.rules.prometheusOperator defaultRules.rules.windows
    defaultRules.runbookUrl extraManifests fullnameOverride global global.imagePullSecrets
    global.imageRegistry global.rbac global.rbac.create global.rbac.createAggregateClusterRoles grafana
    grafana.additionalDataSources grafana.admin grafana.admin.existingSecret grafana.admin.passwordKey
    grafana.admin.userKey grafana.adminUser grafana.dashboardProviders.* grafana.dashboards.*
    grafana.defaultDashboardsEditable grafana.defaultDashboardsEnabled grafana.defaultDashboardsInterval
    grafana.defaultDashboardsTimezone grafana.deleteDatasources grafana.enabled grafana.extraConfigmapMounts
    grafana.forceDeployDashboards grafana.forceDeployDatasources grafana.grafana.ini.* grafana.ingress
    grafana.ingress.annotations grafana.ingress.annotations.* grafana.ingress.enabled grafana.ingress.hosts
    grafana.ingress.labels grafana.ingress.labels.* grafana.ingress.path grafana.ingress.tls
    grafana.namespaceOverride grafana.operator grafana.operator.annotations grafana.operator.annotations.*
    grafana.operator.dashboardsConfigMapRefEnabled grafana.operator.folder grafana.operator.folderRef
    grafana.operator.folderUID grafana.operator.matchLabels grafana.operator.matchLabels.*
    grafana.operator.resyncPeriod grafana.prune grafana.rbac grafana.rbac.pspEnabled grafana.service
    grafana.service.ipFamilies grafana.service.ipFamilyPolicy grafana.service.portName grafana.serviceAccount
    grafana.serviceAccount.autoMount grafana.serviceAccount.create grafana.serviceMonitor
    grafana.serviceMonitor.enabled grafana.serviceMonitor.interval grafana.serviceMonitor.labels
    grafana.serviceMonitor.labels.* grafana.serviceMonitor.path grafana.serviceMonitor.relabelings
    grafana.serviceMonitor.scheme grafana.serviceMonitor.scrapeTimeout grafana.serviceMonitor.tlsConfig
    grafana.serviceMonitor.tlsConfig.* grafana.sidecar grafana.sidecar.dashboards
    grafana.sidecar.dashboards.annotations grafana.sidecar.dashboards.annotations.*
    grafana.sidecar.dashboards.enableNewTablePanelSyntax grafana.sidecar.dashboards.enabled
    grafana.sidecar.dashboards.label grafana.sidecar.dashboards.labelValue
    grafana.sidecar.dashboards.multicluster grafana.sidecar.dashboards.multicluster.etcd
    grafana.sidecar.dashboards.multicluster.etcd.enabled grafana.sidecar.dashboards.multicluster.global
    grafana.sidecar.dashboards.multicluster.global.enabled grafana.sidecar.dashboards.provider
    grafana.sidecar.dashboards.provider.allowUiUpdates grafana.sidecar.dashboards.searchNamespace
    grafana.sidecar.datasources grafana.sidecar.datasources.alertmanager
    grafana.sidecar.datasources.alertmanager.enabled
    grafana.sidecar.datasources.alertmanager.handleGrafanaManagedAlerts
    grafana.sidecar.datasources.alertmanager.implementation grafana.sidecar.datasources.alertmanager.name
    grafana.sidecar.datasources.alertmanager.uid grafana.sidecar.datasources.annotations
    grafana.sidecar.datasources.annotations.* grafana.sidecar.datasources.createPrometheusReplicasDatasources
    grafana.sidecar.datasources.defaultDatasourceEnabled grafana.sidecar.datasources.enabled
    grafana.sidecar.datasources.exemplarTraceIdDestinations
    grafana.sidecar.datasources.exemplarTraceIdDestinations.* grafana.sidecar.datasources.httpMethod
    grafana.sidecar.datasources.isDefaultDatasource grafana.sidecar.datasources.label
    grafana.sidecar.datasources.labelValue grafana.sidecar.datasources.name
    grafana.sidecar.datasources.prometheusServiceName grafana.sidecar.datasources.uid kube-state-metrics
    kube-state-metrics.prometheus kube-state-metrics.prometheus.monitor
    kube-state-metrics.prometheus.monitor.enabled kube-state-metrics.prometheus.monitor.http
    kube-state-metrics.prometheus.monitor.http.honorLabels kube-state-metrics.prometheus.monitor.metrics
    kube-state-metrics.prometheus.monitor.metrics.honorLabels kube-state-metrics.prometheusScrape
    kube-state-metrics.releaseLabel kubeApiServer kubeApiServer.enabled kubeApiServer.serviceMonitor
    kubeApiServer.serviceMonitor.additionalLabels kubeApiServer.serviceMonitor.additionalLabels.*
    kubeApiServer.serviceMonitor.enabled kubeApiServer.serviceMonitor.interval
    kubeApiServer.serviceMonitor.jobLabel kubeApiServer.serviceMonitor.labelLimit
    kubeApiServer.serviceMonitor.labelNameLengthLimit kubeApiServer.serviceMonitor.labelValueLengthLimit
    kubeApiServer.serviceMonitor.metricRelabelings kubeApiServer.serviceMonitor.proxyUrl
    kubeApiServer.serviceMonitor.relabelings kubeApiServer.serviceMonitor.sampleLimit
    kubeApiServer.serviceMonitor.selector kubeApiServer.serviceMonitor.selector.matchLabels
    kubeApiServer.serviceMonitor.selector.matchLabels.component
    kubeApiServer.serviceMonitor.selector.matchLabels.provider kubeApiServer.serviceMonitor.targetLabels
    kubeApiServer.serviceMonitor.targetLimit kubeApiServer.tlsConfig
    kubeApiServer.tlsConfig.insecureSkipVerify kubeApiServer.tlsConfig.serverName kubeControllerManager
    kubeControllerManager.enabled kubeControllerManager.endpoints kubeControllerManager.jobNameOverride
    kubeControllerManager.service kubeControllerManager.service.enabled
    kubeControllerManager.service.ipDualStack kubeControllerManager.service.ipDualStack.enabled
    kubeControllerManager.service.ipDualStack.ipFamilies
    kubeControllerManager.service.ipDualStack.ipFamilyPolicy kubeControllerManager.service.port
    kubeControllerManager.service.targetPort kubeControllerManager.serviceMonitor
    kubeControllerManager.serviceMonitor.additionalLabels
    kubeControllerManager.serviceMonitor.additionalLabels.* kubeControllerManager.serviceMonitor.enabled
    kubeControllerManager.serviceMonitor.https kubeControllerManager.serviceMonitor.insecureSkipVerify
    kubeControllerManager.serviceMonitor.interval kubeControllerManager.serviceMonitor.jobLabel
    kubeControllerManager.serviceMonitor.labelLimit kubeControllerManager.serviceMonitor.labelNameLengthLimit
    kubeControllerManager.serviceMonitor.labelValueLengthLimit
    kubeControllerManager.serviceMonitor.metricRelabelings kubeControllerManager.serviceMonitor.port
    kubeControllerManager.serviceMonitor.proxyUrl kubeControllerManager.serviceMonitor.relabelings
    kubeControllerManager.serviceMonitor.sampleLimit kubeControllerManager.serviceMonitor.selector
    kubeControllerManager.serviceMonitor.selector.* kubeControllerManager.serviceMonitor.serverName
    kubeControllerManager.serviceMonitor.targetLabels kubeControllerManager.serviceMonitor.targetLimit kubeDns
    kubeDns.enabled kubeDns.service kubeDns.service.dnsmasq kubeDns.service.dnsmasq.port
    kubeDns.service.dnsmasq.targetPort kubeDns.service.ipDualStack kubeDns.service.ipDualStack.enabled
    kubeDns.service.ipDualStack.ipFamilies kubeDns.service.ipDualStack.ipFamilyPolicy kubeDns.service.skydns
    kubeDns.service.skydns.port kubeDns.service.skydns.targetPort kubeDns.serviceMonitor
    kubeDns.serviceMonitor.additionalLabels kubeDns.serviceMonitor.additionalLabels.*
    kubeDns.serviceMonitor.dnsmasqMetricRelabelings kubeDns.serviceMonitor.dnsmasqRelabelings
    kubeDns.serviceMonitor.interval kubeDns.serviceMonitor.jobLabel kubeDns.serviceMonitor.labelLimit
    kubeDns.serviceMonitor.labelNameLengthLimit kubeDns.serviceMonitor.labelValueLengthLimit
    kubeDns.serviceMonitor.metricRelabelings kubeDns.serviceMonitor.proxyUrl
    kubeDns.serviceMonitor.relabelings kubeDns.serviceMonitor.sampleLimit kubeDns.serviceMonitor.selector
    kubeDns.serviceMonitor.selector.* kubeDns.serviceMonitor.targetLabels kubeDns.serviceMonitor.targetLimit
    kubeEtcd kubeEtcd.enabled kubeEtcd.endpoints kubeEtcd.service kubeEtcd.service.enabled
    kubeEtcd.service.ipDualStack kubeEtcd.service.ipDualStack.enabled kubeEtcd.service.ipDualStack.ipFamilies
    kubeEtcd.service.ipDualStack.ipFamilyPolicy kubeEtcd.service.port kubeEtcd.service.targetPort
    kubeEtcd.serviceMonitor kubeEtcd.serviceMonitor.additionalLabels
    kubeEtcd.serviceMonitor.additionalLabels.* kubeEtcd.serviceMonitor.caFile kubeEtcd.serviceMonitor.certFile
    kubeEtcd.serviceMonitor.enabled kubeEtcd.serviceMonitor.insecureSkipVerify
    kubeEtcd.serviceMonitor.interval kubeEtcd.serviceMonitor.jobLabel kubeEtcd.serviceMonitor.keyFile
    kubeEtcd.serviceMonitor.labelLimit kubeEtcd.serviceMonitor.labelNameLengthLimit
    kubeEtcd.serviceMonitor.labelValueLengthLimit kubeEtcd.serviceMonitor.metricRelabelings
    kubeEtcd.serviceMonitor.port kubeEtcd.serviceMonitor.proxyUrl kubeEtcd.serviceMonitor.relabelings
    kubeEtcd.serviceMonitor.sampleLimit kubeEtcd.serviceMonitor.scheme kubeEtcd.serviceMonitor.selector
    kubeEtcd.serviceMonitor.selector.* kubeEtcd.serviceMonitor.serverName kubeEtcd.serviceMonitor.targetLabels
    kubeEtcd.serviceMonitor.targetLimit kubeProxy kubeProxy.enabled kubeProxy.endpoints
    kubeProxy.jobNameOverride kubeProxy.service kubeProxy.service.enabled kubeProxy.service.ipDualStack
    kubeProxy.service.ipDualStack.enabled kubeProxy.service.ipDualStack.ipFamilies
    kubeProxy.service.ipDualStack.ipFamilyPolicy kubeProxy.service.port kubeProxy.service.targetPort
    kubeProxy.serviceMonitor kubeProxy.serviceMonitor.additionalLabels
    kubeProxy.serviceMonitor.additionalLabels.* kubeProxy.serviceMonitor.enabled
    kubeProxy.serviceMonitor.https kubeProxy.serviceMonitor.interval kubeProxy.serviceMonitor.jobLabel
    kubeProxy.serviceMonitor.labelLimit kubeProxy.serviceMonitor.labelNameLengthLimit
    kubeProxy.serviceMonitor.labelValueLengthLimit kubeProxy.serviceMonitor.metricRelabelings
    kubeProxy.serviceMonitor.port kubeProxy.serviceMonitor.proxyUrl kubeProxy.serviceMonitor.relabelings
    kubeProxy.serviceMonitor.sampleLimit kubeProxy.serviceMonitor.selector kubeProxy.serviceMonitor.selector.*
    kubeProxy.serviceMonitor.targetLabels kubeProxy.serviceMonitor.targetLimit kubeScheduler
    kubeScheduler.enabled kubeScheduler.endpoints kubeScheduler.jobNameOverride kubeScheduler.service
    kubeScheduler.service.enabled kubeScheduler.service.ipDualStack kubeScheduler.service.ipDualStack.enabled
    kubeScheduler.service.ipDualStack.ipFamilies kubeScheduler.service.ipDualStack.ipFamilyPolicy
    kubeScheduler.service.port kubeScheduler.service.targetPort kubeScheduler.serviceMonitor
    kubeScheduler.serviceMonitor.additionalLabels kubeScheduler.serviceMonitor.additionalLabels.*
    kubeScheduler.serviceMonitor.enabled kubeScheduler.serviceMonitor.https
    kubeScheduler.serviceMonitor.insecureSkipVerify kubeScheduler.serviceMonitor.interval
    kubeScheduler.serviceMonitor.jobLabel kubeScheduler.serviceMonitor.labelLimit
    kubeScheduler.serviceMonitor.labelNameLengthLimit kubeScheduler.serviceMonitor.labelValueLengthLimit
    kubeScheduler.serviceMonitor.metricRelabelings kubeScheduler.serviceMonitor.port
    kubeScheduler.serviceMonitor.proxyUrl kubeScheduler.serviceMonitor.relabelings
    kubeScheduler.serviceMonitor.sampleLimit kubeScheduler.serviceMonitor.selector
    kubeScheduler.serviceMonitor.selector.* kubeScheduler.serviceMonitor.serverName
    kubeScheduler.serviceMonitor.targetLabels kubeScheduler.serviceMonitor.targetLimit kubeStateMetrics
    kubeStateMetrics.enabled kubeTargetVersionOverride kubeVersionOverride kubelet kubelet.enabled
    kubelet.jobNameOverride kubelet.namespace kubelet.serviceMonitor kubelet.serviceMonitor.additionalLabels
    kubelet.serviceMonitor.additionalLabels.* kubelet.serviceMonitor.attachMetadata
    kubelet.serviceMonitor.attachMetadata.node kubelet.serviceMonitor.cAdvisor
    kubelet.serviceMonitor.cAdvisorInterval kubelet.serviceMonitor.cAdvisorMetricRelabelings
    kubelet.serviceMonitor.cAdvisorRelabelings kubelet.serviceMonitor.enabled
    kubelet.serviceMonitor.honorLabels kubelet.serviceMonitor.honorTimestamps kubelet.serviceMonitor.https
    kubelet.serviceMonitor.insecureSkipVerify kubelet.serviceMonitor.interval kubelet.serviceMonitor.kubelet
    kubelet.serviceMonitor.labelLimit kubelet.serviceMonitor.labelNameLengthLimit
    kubelet.serviceMonitor.labelValueLengthLimit kubelet.serviceMonitor.metricRelabelings
    kubelet.serviceMonitor.probes kubelet.serviceMonitor.probesMetricRelabelings
    kubelet.serviceMonitor.probesRelabelings kubelet.serviceMonitor.proxyUrl
    kubelet.serviceMonitor.relabelings kubelet.serviceMonitor.resource kubelet.serviceMonitor.resourceInterval
    kubelet.serviceMonitor.resourcePath kubelet.serviceMonitor.resourceRelabelings
    kubelet.serviceMonitor.sampleLimit kubelet.serviceMonitor.targetLabels kubelet.serviceMonitor.targetLimit
    kubelet.serviceMonitor.trackTimestampsStaleness kubernetesServiceMonitors
    kubernetesServiceMonitors.enabled nameOverride namespaceOverride nodeExporter nodeExporter.enabled
    nodeExporter.forceDeployDashboards nodeExporter.operatingSystems nodeExporter.operatingSystems.aix
    nodeExporter.operatingSystems.aix.enabled nodeExporter.operatingSystems.darwin
    nodeExporter.operatingSystems.darwin.enabled nodeExporter.operatingSystems.linux
    nodeExporter.operatingSystems.linux.enabled prometheus prometheus-node-exporter
    prometheus-node-exporter.extraArgs prometheus-node-exporter.namespaceOverride
    prometheus-node-exporter.podLabels prometheus-node-exporter.podLabels.jobLabel
    prometheus-node-exporter.prometheus prometheus-node-exporter.prometheus.monitor
    prometheus-node-exporter.prometheus.monitor.enabled prometheus-node-exporter.prometheus.monitor.interval
    prometheus-node-exporter.prometheus.monitor.jobLabel
    prometheus-node-exporter.prometheus.monitor.labelLimit
    prometheus-node-exporter.prometheus.monitor.labelNameLengthLimit
    prometheus-node-exporter.prometheus.monitor.labelValueLengthLimit
    prometheus-node-exporter.prometheus.monitor.metricRelabelings
    prometheus-node-exporter.prometheus.monitor.proxyUrl
    prometheus-node-exporter.prometheus.monitor.relabelings
    prometheus-node-exporter.prometheus.monitor.sampleLimit
    prometheus-node-exporter.prometheus.monitor.scrapeTimeout
    prometheus-node-exporter.prometheus.monitor.targetLimit prometheus-node-exporter.prometheus.podMonitor
    prometheus-node-exporter.prometheus.podMonitor.enabled
    prometheus-node-exporter.prometheus.podMonitor.jobLabel prometheus-node-exporter.rbac
    prometheus-node-exporter.rbac.pspEnabled prometheus-node-exporter.releaseLabel
    prometheus-node-exporter.service prometheus-node-exporter.service.ipDualStack
    prometheus-node-exporter.service.ipDualStack.enabled
    prometheus-node-exporter.service.ipDualStack.ipFamilies
    prometheus-node-exporter.service.ipDualStack.ipFamilyPolicy prometheus-node-exporter.service.labels
    prometheus-node-exporter.service.labels.jobLabel prometheus-node-exporter.service.portName
    prometheus-windows-exporter prometheus-windows-exporter.config prometheus-windows-exporter.podLabels
    prometheus-windows-exporter.podLabels.jobLabel prometheus-windows-exporter.prometheus
    prometheus-windows-exporter.prometheus.monitor prometheus-windows-exporter.prometheus.monitor.enabled
    prometheus-windows-exporter.prometheus.monitor.jobLabel prometheus-windows-exporter.releaseLabel
    prometheus.additionalLabels prometheus.additionalLabels.* prometheus.additionalPodMonitors
    prometheus.additionalRulesForClusterRole prometheus.additionalServiceMonitors prometheus.agentMode
    prometheus.annotations prometheus.annotations.* prometheus.enabled prometheus.extraSecret
    prometheus.extraSecret.annotations prometheus.extraSecret.annotations.* prometheus.extraSecret.data
    prometheus.extraSecret.data.* prometheus.ingress prometheus.ingress.annotations
    prometheus.ingress.annotations.* prometheus.ingress.enabled prometheus.ingress.hosts
    prometheus.ingress.ingressClassName prometheus.ingress.labels prometheus.ingress.labels.*
    prometheus.ingress.paths prometheus.ingress.tls prometheus.ingressPerReplica
    prometheus.ingressPerReplica.annotations prometheus.ingressPerReplica.annotations.*
    prometheus.ingressPerReplica.enabled prometheus.ingressPerReplica.hostDomain
    prometheus.ingressPerReplica.hostPrefix prometheus.ingressPerReplica.ingressClassName
    prometheus.ingressPerReplica.labels prometheus.ingressPerReplica.labels.*
    prometheus.ingressPerReplica.paths prometheus.ingressPerReplica.tlsSecretName
    prometheus.ingressPerReplica.tlsSecretPerReplica prometheus.ingressPerReplica.tlsSecretPerReplica.enabled
    prometheus.ingressPerReplica.tlsSecretPerReplica.prefix prometheus.networkPolicy
    prometheus.networkPolicy.enabled prometheus.networkPolicy.flavor prometheus.networkPolicy.namespace
    prometheus.podDisruptionBudget prometheus.podDisruptionBudget.enabled
    prometheus.podDisruptionBudget.minAvailable prometheus.podDisruptionBudget.unhealthyPodEvictionPolicy
    prometheus.prometheusSpec prometheus.prometheusSpec.additionalAlertManagerConfigs
    prometheus.prometheusSpec.additionalAlertManagerConfigsSecret
    prometheus.prometheusSpec.additionalAlertManagerConfigsSecret.*
    prometheus.prometheusSpec.additionalAlertRelabelConfigs
    prometheus.prometheusSpec.additionalAlertRelabelConfigsSecret
    prometheus.prometheusSpec.additionalAlertRelabelConfigsSecret.* prometheus.prometheusSpec.additionalArgs
    prometheus.prometheusSpec.additionalConfig prometheus.prometheusSpec.additionalConfig.*
    prometheus.prometheusSpec.additionalConfigString
    prometheus.prometheusSpec.additionalPrometheusSecretsAnnotations
    prometheus.prometheusSpec.additionalPrometheusSecretsAnnotations.*
    prometheus.prometheusSpec.additionalRemoteRead prometheus.prometheusSpec.additionalRemoteWrite
    prometheus.prometheusSpec.additionalScrapeConfigs prometheus.prometheusSpec.additionalScrapeConfigsSecret
    prometheus.prometheusSpec.additionalScrapeConfigsSecret.* prometheus.prometheusSpec.affinity
    prometheus.prometheusSpec.affinity.* prometheus.prometheusSpec.alertingEndpoints
    prometheus.prometheusSpec.allowOverlappingBlocks prometheus.prometheusSpec.apiserverConfig
    prometheus.prometheusSpec.apiserverConfig.* prometheus.prometheusSpec.arbitraryFSAccessThroughSMs
    prometheus.prometheusSpec.automountServiceAccountToken prometheus.prometheusSpec.configMaps
    prometheus.prometheusSpec.containers prometheus.prometheusSpec.disableCompaction
    prometheus.prometheusSpec.dnsConfig prometheus.prometheusSpec.dnsConfig.*
    prometheus.prometheusSpec.dnsPolicy prometheus.prometheusSpec.enableAdminAPI
    prometheus.prometheusSpec.enableFeatures prometheus.prometheusSpec.enableOTLPReceiver
    prometheus.prometheusSpec.enableRemoteWriteReceiver prometheus.prometheusSpec.enforcedKeepDroppedTargets
    prometheus.prometheusSpec.enforcedLabelLimit prometheus.prometheusSpec.enforcedLabelNameLengthLimit
    prometheus.prometheusSpec.enforcedLabelValueLengthLimit prometheus.prometheusSpec.enforcedNamespaceLabel
    prometheus.prometheusSpec.enforcedSampleLimit prometheus.prometheusSpec.enforcedTargetLimit
    prometheus.prometheusSpec.evaluationInterval prometheus.prometheusSpec.excludedFromEnforcement
    prometheus.prometheusSpec.exemplars prometheus.prometheusSpec.exemplars.*
    prometheus.prometheusSpec.externalLabels prometheus.prometheusSpec.externalLabels.*
    prometheus.prometheusSpec.externalUrl prometheus.prometheusSpec.hostAliases
    prometheus.prometheusSpec.hostNetwork prometheus.prometheusSpec.ignoreNamespaceSelectors
    prometheus.prometheusSpec.image prometheus.prometheusSpec.image.pullPolicy
    prometheus.prometheusSpec.image.registry prometheus.prometheusSpec.image.repository
    prometheus.prometheusSpec.image.sha prometheus.prometheusSpec.image.tag
    prometheus.prometheusSpec.initContainers prometheus.prometheusSpec.listenLocal
    prometheus.prometheusSpec.logFormat prometheus.prometheusSpec.logLevel
    prometheus.prometheusSpec.maximumStartupDurationSeconds prometheus.prometheusSpec.minReadySeconds
    prometheus.prometheusSpec.nameValidationScheme prometheus.prometheusSpec.nodeSelector
    prometheus.prometheusSpec.nodeSelector.* prometheus.prometheusSpec.otlp prometheus.prometheusSpec.otlp.*
    prometheus.prometheusSpec.overrideHonorLabels prometheus.prometheusSpec.overrideHonorTimestamps
    prometheus.prometheusSpec.paused prometheus.prometheusSpec.persistentVolumeClaimRetentionPolicy
    prometheus.prometheusSpec.persistentVolumeClaimRetentionPolicy.* prometheus.prometheusSpec.podAntiAffinity
    prometheus.prometheusSpec.podAntiAffinityTopologyKey prometheus.prometheusSpec.podMetadata
    prometheus.prometheusSpec.podMetadata.* prometheus.prometheusSpec.podMonitorNamespaceSelector
    prometheus.prometheusSpec.podMonitorNamespaceSelector.* prometheus.prometheusSpec.podMonitorSelector
    prometheus.prometheusSpec.podMonitorSelector.*
    prometheus.prometheusSpec.podMonitorSelectorNilUsesHelmValues prometheus.prometheusSpec.podTargetLabels
    prometheus.prometheusSpec.portName prometheus.prometheusSpec.priorityClassName
    prometheus.prometheusSpec.probeNamespaceSelector prometheus.prometheusSpec.probeNamespaceSelector.*
    prometheus.prometheusSpec.probeSelector prometheus.prometheusSpec.probeSelector.*
    prometheus.prometheusSpec.probeSelectorNilUsesHelmValues
    prometheus.prometheusSpec.prometheusExternalLabelName
    prometheus.prometheusSpec.prometheusExternalLabelNameClear
    prometheus.prometheusSpec.prometheusRulesExcludedFromEnforce prometheus.prometheusSpec.query
    prometheus.prometheusSpec.query.* prometheus.prometheusSpec.queryLogFile
    prometheus.prometheusSpec.remoteRead prometheus.prometheusSpec.remoteWrite
    prometheus.prometheusSpec.remoteWriteDashboards prometheus.prometheusSpec.replicaExternalLabelName
    prometheus.prometheusSpec.replicaExternalLabelNameClear prometheus.prometheusSpec.replicas
    prometheus.prometheusSpec.resources prometheus.prometheusSpec.resources.*
    prometheus.prometheusSpec.retention prometheus.prometheusSpec.retentionSize
    prometheus.prometheusSpec.routePrefix prometheus.prometheusSpec.ruleNamespaceSelector
    prometheus.prometheusSpec.ruleNamespaceSelector.* prometheus.prometheusSpec.ruleSelector
    prometheus.prometheusSpec.ruleSelector.* prometheus.prometheusSpec.ruleSelectorNilUsesHelmValues
    prometheus.prometheusSpec.sampleLimit prometheus.prometheusSpec.scrapeClasses
    prometheus.prometheusSpec.scrapeConfigNamespaceSelector
    prometheus.prometheusSpec.scrapeConfigNamespaceSelector.* prometheus.prometheusSpec.scrapeConfigSelector
    prometheus.prometheusSpec.scrapeConfigSelector.*
    prometheus.prometheusSpec.scrapeConfigSelectorNilUsesHelmValues
    prometheus.prometheusSpec.scrapeFailureLogFile prometheus.prometheusSpec.scrapeInterval
    prometheus.prometheusSpec.scrapeProtocols prometheus.prometheusSpec.scrapeTimeout
    prometheus.prometheusSpec.secrets prometheus.prometheusSpec.securityContext
    prometheus.prometheusSpec.securityContext.fsGroup prometheus.prometheusSpec.securityContext.runAsGroup
    prometheus.prometheusSpec.securityContext.runAsNonRoot prometheus.prometheusSpec.securityContext.runAsUser
    prometheus.prometheusSpec.securityContext.seccompProfile
    prometheus.prometheusSpec.securityContext.seccompProfile.type
    prometheus.prometheusSpec.serviceDiscoveryRole prometheus.prometheusSpec.serviceMonitorNamespaceSelector
    prometheus.prometheusSpec.serviceMonitorNamespaceSelector.*
    prometheus.prometheusSpec.serviceMonitorSelector prometheus.prometheusSpec.serviceMonitorSelector.*
    prometheus.prometheusSpec.serviceMonitorSelectorNilUsesHelmValues prometheus.prometheusSpec.serviceName
    prometheus.prometheusSpec.shards prometheus.prometheusSpec.storageSpec
    prometheus.prometheusSpec.storageSpec.* prometheus.prometheusSpec.thanos
    prometheus.prometheusSpec.thanos.* prometheus.prometheusSpec.tolerations
    prometheus.prometheusSpec.topologySpreadConstraints prometheus.prometheusSpec.tracingConfig
    prometheus.prometheusSpec.tracingConfig.* prometheus.prometheusSpec.tsdb
    prometheus.prometheusSpec.tsdb.outOfOrderTimeWindow prometheus.prometheusSpec.version
    prometheus.prometheusSpec.volumeMounts prometheus.prometheusSpec.volumes
    prometheus.prometheusSpec.walCompression prometheus.prometheusSpec.web prometheus.prometheusSpec.web.*
    prometheus.route prometheus.route.main prometheus.route.main.additionalRules
    prometheus.route.main.annotations prometheus.route.main.annotations.* prometheus.route.main.apiVersion
    prometheus.route.main.enabled prometheus.route.main.filters prometheus.route.main.hostnames
    prometheus.route.main.httpsRedirect prometheus.route.main.kind prometheus.route.main.labels
    prometheus.route.main.labels.* prometheus.route.main.matches prometheus.route.main.parentRefs
    prometheus.service prometheus.service.additionalPorts prometheus.service.annotations
    prometheus.service.annotations.* prometheus.service.clusterIP prometheus.service.enabled
    prometheus.service.externalIPs prometheus.service.externalTrafficPolicy prometheus.service.ipDualStack
    prometheus.service.ipDualStack.enabled prometheus.service.ipDualStack.ipFamilies
    prometheus.service.ipDualStack.ipFamilyPolicy prometheus.service.labels prometheus.service.labels.*
    prometheus.service.loadBalancerIP prometheus.service.loadBalancerSourceRanges prometheus.service.nodePort
    prometheus.service.port prometheus.service.publishNotReadyAddresses prometheus.service.reloaderWebPort
    prometheus.service.sessionAffinity prometheus.service.sessionAffinityConfig
    prometheus.service.sessionAffinityConfig.clientIP
    prometheus.service.sessionAffinityConfig.clientIP.timeoutSeconds prometheus.service.targetPort
    prometheus.service.type prometheus.serviceAccount prometheus.serviceAccount.annotations
    prometheus.serviceAccount.annotations.* prometheus.serviceAccount.automountServiceAccountToken
    prometheus.serviceAccount.create prometheus.serviceAccount.name prometheus.serviceMonitor
    prometheus.serviceMonitor.additionalEndpoints prometheus.serviceMonitor.additionalLabels
    prometheus.serviceMonitor.additionalLabels.* prometheus.serviceMonitor.bearerTokenFile
    prometheus.serviceMonitor.interval prometheus.serviceMonitor.labelLimit
    prometheus.serviceMonitor.labelNameLengthLimit prometheus.serviceMonitor.labelValueLengthLimit
    prometheus.serviceMonitor.metricRelabelings prometheus.serviceMonitor.relabelings
    prometheus.serviceMonitor.sampleLimit prometheus.serviceMonitor.scheme
    prometheus.serviceMonitor.selfMonitor prometheus.serviceMonitor.targetLimit
    prometheus.serviceMonitor.tlsConfig prometheus.serviceMonitor.tlsConfig.* prometheus.servicePerReplica
    prometheus.servicePerReplica.annotations prometheus.servicePerReplica.annotations.*
    prometheus.servicePerReplica.enabled prometheus.servicePerReplica.externalTrafficPolicy
    prometheus.servicePerReplica.ipDualStack prometheus.servicePerReplica.ipDualStack.enabled
    prometheus.servicePerReplica.ipDualStack.ipFamilies
    prometheus.servicePerReplica.ipDualStack.ipFamilyPolicy
    prometheus.servicePerReplica.loadBalancerSourceRanges prometheus.servicePerReplica.nodePort
    prometheus.servicePerReplica.port prometheus.servicePerReplica.targetPort
    prometheus.servicePerReplica.type prometheus.thanosIngress prometheus.thanosIngress.annotations
    prometheus.thanosIngress.annotations.* prometheus.thanosIngress.enabled prometheus.thanosIngress.hosts
    prometheus.thanosIngress.ingressClassName prometheus.thanosIngress.labels
    prometheus.thanosIngress.labels.* prometheus.thanosIngress.nodePort prometheus.thanosIngress.paths
    prometheus.thanosIngress.servicePort prometheus.thanosIngress.tls prometheus.thanosService
    prometheus.thanosService.annotations prometheus.thanosService.annotations.*
    prometheus.thanosService.clusterIP prometheus.thanosService.enabled
    prometheus.thanosService.externalTrafficPolicy prometheus.thanosService.httpNodePort
    prometheus.thanosService.httpPort prometheus.thanosService.httpPortName
    prometheus.thanosService.ipDualStack prometheus.thanosService.ipDualStack.enabled
    prometheus.thanosService.ipDualStack.ipFamilies prometheus.thanosService.ipDualStack.ipFamilyPolicy
    prometheus.thanosService.labels prometheus.thanosService.labels.* prometheus.thanosService.nodePort
    prometheus.thanosService.port prometheus.thanosService.portName prometheus.thanosService.targetHttpPort
    prometheus.thanosService.targetPort prometheus.thanosService.type prometheus.thanosServiceExternal
    prometheus.thanosServiceExternal.annotations prometheus.thanosServiceExternal.annotations.*
    prometheus.thanosServiceExternal.enabled prometheus.thanosServiceExternal.externalTrafficPolicy
    prometheus.thanosServiceExternal.httpNodePort prometheus.thanosServiceExternal.httpPort
    prometheus.thanosServiceExternal.httpPortName prometheus.thanosServiceExternal.labels
    prometheus.thanosServiceExternal.labels.* prometheus.thanosServiceExternal.loadBalancerIP
    prometheus.thanosServiceExternal.loadBalancerSourceRanges prometheus.thanosServiceExternal.nodePort
    prometheus.thanosServiceExternal.port prometheus.thanosServiceExternal.portName
    prometheus.thanosServiceExternal.targetHttpPort prometheus.thanosServiceExternal.targetPort
    prometheus.thanosServiceExternal.type prometheus.thanosServiceMonitor
    prometheus.thanosServiceMonitor.additionalLabels prometheus.thanosServiceMonitor.additionalLabels.*
    prometheus.thanosServiceMonitor.bearerTokenFile prometheus.thanosServiceMonitor.enabled
    prometheus.thanosServiceMonitor.interval prometheus.thanosServiceMonitor.metricRelabelings
    prometheus.thanosServiceMonitor.relabelings prometheus.thanosServiceMonitor.scheme
    prometheus.thanosServiceMonitor.tlsConfig prometheus.thanosServiceMonitor.tlsConfig.* prometheusOperator
    prometheusOperator.admissionWebhooks prometheusOperator.admissionWebhooks.annotations
    prometheusOperator.admissionWebhooks.annotations.* prometheusOperator.admissionWebhooks.caBundle
    prometheusOperator.admissionWebhooks.certManager
    prometheusOperator.admissionWebhooks.certManager.admissionCert
    prometheusOperator.admissionWebhooks.certManager.admissionCert.duration
    prometheusOperator.admissionWebhooks.certManager.admissionCert.revisionHistoryLimit
    prometheusOperator.admissionWebhooks.certManager.enabled
    prometheusOperator.admissionWebhooks.certManager.rootCert
    prometheusOperator.admissionWebhooks.certManager.rootCert.duration
    prometheusOperator.admissionWebhooks.certManager.rootCert.revisionHistoryLimit
    prometheusOperator.admissionWebhooks.createSecretJob
    prometheusOperator.admissionWebhooks.createSecretJob.securityContext
    prometheusOperator.admissionWebhooks.createSecretJob.securityContext.allowPrivilegeEscalation
    prometheusOperator.admissionWebhooks.createSecretJob.securityContext.capabilities
    prometheusOperator.admissionWebhooks.createSecretJob.securityContext.capabilities.drop
    prometheusOperator.admissionWebhooks.createSecretJob.securityContext.readOnlyRootFilesystem
    prometheusOperator.admissionWebhooks.deployment prometheusOperator.admissionWebhooks.deployment.affinity
    prometheusOperator.admissionWebhooks.deployment.affinity.*
    prometheusOperator.admissionWebhooks.deployment.annotations
    prometheusOperator.admissionWebhooks.deployment.annotations.*
    prometheusOperator.admissionWebhooks.deployment.automountServiceAccountToken
    prometheusOperator.admissionWebhooks.deployment.containerSecurityContext
    prometheusOperator.admissionWebhooks.deployment.containerSecurityContext.allowPrivilegeEscalation
    prometheusOperator.admissionWebhooks.deployment.containerSecurityContext.capabilities
    prometheusOperator.admissionWebhooks.deployment.containerSecurityContext.capabilities.drop
    prometheusOperator.admissionWebhooks.deployment.containerSecurityContext.readOnlyRootFilesystem
    prometheusOperator.admissionWebhooks.deployment.dnsConfig
    prometheusOperator.admissionWebhooks.deployment.dnsConfig.*
    prometheusOperator.admissionWebhooks.deployment.enabled
    prometheusOperator.admissionWebhooks.deployment.hostNetwork
    prometheusOperator.admissionWebhooks.deployment.image
    prometheusOperator.admissionWebhooks.deployment.image.pullPolicy
    prometheusOperator.admissionWebhooks.deployment.image.registry
    prometheusOperator.admissionWebhooks.deployment.image.repository
    prometheusOperator.admissionWebhooks.deployment.image.sha
    prometheusOperator.admissionWebhooks.deployment.image.tag
    prometheusOperator.admissionWebhooks.deployment.labels
    prometheusOperator.admissionWebhooks.deployment.labels.*
    prometheusOperator.admissionWebhooks.deployment.livenessProbe
    prometheusOperator.admissionWebhooks.deployment.livenessProbe.enabled
    prometheusOperator.admissionWebhooks.deployment.livenessProbe.failureThreshold
    prometheusOperator.admissionWebhooks.deployment.livenessProbe.initialDelaySeconds
    prometheusOperator.admissionWebhooks.deployment.livenessProbe.periodSeconds
    prometheusOperator.admissionWebhooks.deployment.livenessProbe.successThreshold
    prometheusOperator.admissionWebhooks.deployment.livenessProbe.timeoutSeconds
    prometheusOperator.admissionWebhooks.deployment.nodeSelector
    prometheusOperator.admissionWebhooks.deployment.nodeSelector.*
    prometheusOperator.admissionWebhooks.deployment.podAnnotations
    prometheusOperator.admissionWebhooks.deployment.podAnnotations.*
    prometheusOperator.admissionWebhooks.deployment.podDisruptionBudget
    prometheusOperator.admissionWebhooks.deployment.podDisruptionBudget.enabled
    prometheusOperator.admissionWebhooks.deployment.podDisruptionBudget.minAvailable
    prometheusOperator.admissionWebhooks.deployment.podDisruptionBudget.unhealthyPodEvictionPolicy
    prometheusOperator.admissionWebhooks.deployment.podLabels
    prometheusOperator.admissionWebhooks.deployment.podLabels.*
    prometheusOperator.admissionWebhooks.deployment.readinessProbe
    prometheusOperator.admissionWebhooks.deployment.readinessProbe.enabled
    prometheusOperator.admissionWebhooks.deployment.readinessProbe.failureThreshold
    prometheusOperator.admissionWebhooks.deployment.readinessProbe.initialDelaySeconds
    prometheusOperator.admissionWebhooks.deployment.readinessProbe.periodSeconds
    prometheusOperator.admissionWebhooks.deployment.readinessProbe.successThreshold
    prometheusOperator.admissionWebhooks.deployment.readinessProbe.timeoutSeconds
    prometheusOperator.admissionWebhooks.deployment.replicas
    prometheusOperator.admissionWebhooks.deployment.resources
    prometheusOperator.admissionWebhooks.deployment.resources.*
    prometheusOperator.admissionWebhooks.deployment.revisionHistoryLimit
    prometheusOperator.admissionWebhooks.deployment.securityContext
    prometheusOperator.admissionWebhooks.deployment.securityContext.fsGroup
    prometheusOperator.admissionWebhooks.deployment.securityContext.runAsGroup
    prometheusOperator.admissionWebhooks.deployment.securityContext.runAsNonRoot
    prometheusOperator.admissionWebhooks.deployment.securityContext.runAsUser
    prometheusOperator.admissionWebhooks.deployment.securityContext.seccompProfile
    prometheusOperator.admissionWebhooks.deployment.securityContext.seccompProfile.type
    prometheusOperator.admissionWebhooks.deployment.service
    prometheusOperator.admissionWebhooks.deployment.service.additionalPorts
    prometheusOperator.admissionWebhooks.deployment.service.annotations
    prometheusOperator.admissionWebhooks.deployment.service.annotations.*
    prometheusOperator.admissionWebhooks.deployment.service.clusterIP
    prometheusOperator.admissionWebhooks.deployment.service.externalIPs
    prometheusOperator.admissionWebhooks.deployment.service.externalTrafficPolicy
    prometheusOperator.admissionWebhooks.deployment.service.ipDualStack
    prometheusOperator.admissionWebhooks.deployment.service.ipDualStack.enabled
    prometheusOperator.admissionWebhooks.deployment.service.ipDualStack.ipFamilies
    prometheusOperator.admissionWebhooks.deployment.service.ipDualStack.ipFamilyPolicy
    prometheusOperator.admissionWebhooks.deployment.service.labels
    prometheusOperator.admissionWebhooks.deployment.service.labels.*
    prometheusOperator.admissionWebhooks.deployment.service.loadBalancerIP
    prometheusOperator.admissionWebhooks.deployment.service.loadBalancerSourceRanges
    prometheusOperator.admissionWebhooks.deployment.service.nodePort
    prometheusOperator.admissionWebhooks.deployment.service.nodePortTls
    prometheusOperator.admissionWebhooks.deployment.service.type
    prometheusOperator.admissionWebhooks.deployment.serviceAccount
    prometheusOperator.admissionWebhooks.deployment.serviceAccount.annotations
    prometheusOperator.admissionWebhooks.deployment.serviceAccount.annotations.*
    prometheusOperator.admissionWebhooks.deployment.serviceAccount.automountServiceAccountToken
    prometheusOperator.admissionWebhooks.deployment.serviceAccount.create
    prometheusOperator.admissionWebhooks.deployment.serviceAccount.name
    prometheusOperator.admissionWebhooks.deployment.strategy
    prometheusOperator.admissionWebhooks.deployment.strategy.*
    prometheusOperator.admissionWebhooks.deployment.tls
    prometheusOperator.admissionWebhooks.deployment.tls.enabled
    prometheusOperator.admissionWebhooks.deployment.tls.internalPort
    prometheusOperator.admissionWebhooks.deployment.tls.tlsMinVersion
    prometheusOperator.admissionWebhooks.deployment.tolerations prometheusOperator.admissionWebhooks.enabled
    prometheusOperator.admissionWebhooks.failurePolicy prometheusOperator.admissionWebhooks.matchConditions
    prometheusOperator.admissionWebhooks.matchConditions.*
    prometheusOperator.admissionWebhooks.mutatingWebhookConfiguration
    prometheusOperator.admissionWebhooks.mutatingWebhookConfiguration.annotations
    prometheusOperator.admissionWebhooks.mutatingWebhookConfiguration.annotations.*
    prometheusOperator.admissionWebhooks.namespaceSelector
    prometheusOperator.admissionWebhooks.namespaceSelector.*
    prometheusOperator.admissionWebhooks.objectSelector prometheusOperator.admissionWebhooks.objectSelector.*
    prometheusOperator.admissionWebhooks.patch prometheusOperator.admissionWebhooks.patch.affinity
    prometheusOperator.admissionWebhooks.patch.affinity.*
    prometheusOperator.admissionWebhooks.patch.annotations
    prometheusOperator.admissionWebhooks.patch.annotations.*
    prometheusOperator.admissionWebhooks.patch.enabled prometheusOperator.admissionWebhooks.patch.image
    prometheusOperator.admissionWebhooks.patch.image.pullPolicy
    prometheusOperator.admissionWebhooks.patch.image.registry
    prometheusOperator.admissionWebhooks.patch.image.repository
    prometheusOperator.admissionWebhooks.patch.image.sha prometheusOperator.admissionWebhooks.patch.image.tag
    prometheusOperator.admissionWebhooks.patch.nodeSelector
    prometheusOperator.admissionWebhooks.patch.nodeSelector.*
    prometheusOperator.admissionWebhooks.patch.podAnnotations
    prometheusOperator.admissionWebhooks.patch.podAnnotations.*
    prometheusOperator.admissionWebhooks.patch.priorityClassName
    prometheusOperator.admissionWebhooks.patch.resources
    prometheusOperator.admissionWebhooks.patch.resources.*
    prometheusOperator.admissionWebhooks.patch.securityContext
    prometheusOperator.admissionWebhooks.patch.securityContext.runAsGroup
    prometheusOperator.admissionWebhooks.patch.securityContext.runAsNonRoot
    prometheusOperator.admissionWebhooks.patch.securityContext.runAsUser
    prometheusOperator.admissionWebhooks.patch.securityContext.seccompProfile
    prometheusOperator.admissionWebhooks.patch.securityContext.seccompProfile.type
    prometheusOperator.admissionWebhooks.patch.serviceAccount
    prometheusOperator.admissionWebhooks.patch.serviceAccount.annotations
    prometheusOperator.admissionWebhooks.patch.serviceAccount.annotations.*
    prometheusOperator.admissionWebhooks.patch.serviceAccount.automountServiceAccountToken
    prometheusOperator.admissionWebhooks.patch.serviceAccount.create
    prometheusOperator.admissionWebhooks.patch.tolerations
    prometheusOperator.admissionWebhooks.patch.ttlSecondsAfterFinished
    prometheusOperator.admissionWebhooks.patchWebhookJob
    prometheusOperator.admissionWebhooks.patchWebhookJob.securityContext
    prometheusOperator.admissionWebhooks.patchWebhookJob.securityContext.allowPrivilegeEscalation
    prometheusOperator.admissionWebhooks.patchWebhookJob.securityContext.capabilities
    prometheusOperator.admissionWebhooks.patchWebhookJob.securityContext.capabilities.drop
    prometheusOperator.admissionWebhooks.patchWebhookJob.securityContext.readOnlyRootFilesystem
    prometheusOperator.admissionWebhooks.timeoutSeconds
    prometheusOperator.admissionWebhooks.validatingWebhookConfiguration
    prometheusOperator.admissionWebhooks.validatingWebhookConfiguration.annotations
    prometheusOperator.admissionWebhooks.validatingWebhookConfiguration.annotations.*
    prometheusOperator.affinity prometheusOperator.affinity.* prometheusOperator.alertmanagerConfigNamespaces
    prometheusOperator.alertmanagerInstanceNamespaces prometheusOperator.alertmanagerInstanceSelector
    prometheusOperator.annotations prometheusOperator.annotations.*
    prometheusOperator.automountServiceAccountToken prometheusOperator.containerSecurityContext
    prometheusOperator.containerSecurityContext.allowPrivilegeEscalation
    prometheusOperator.containerSecurityContext.capabilities
    prometheusOperator.containerSecurityContext.capabilities.drop
    prometheusOperator.containerSecurityContext.readOnlyRootFilesystem prometheusOperator.denyNamespaces
    prometheusOperator.dnsConfig prometheusOperator.dnsConfig.* prometheusOperator.enabled
    prometheusOperator.env prometheusOperator.env.GOGC prometheusOperator.extraArgs
    prometheusOperator.extraVolumeMounts prometheusOperator.extraVolumes prometheusOperator.fullnameOverride
    prometheusOperator.hostNetwork prometheusOperator.hostUsers prometheusOperator.image
    prometheusOperator.image.pullPolicy prometheusOperator.image.registry prometheusOperator.image.repository
    prometheusOperator.image.sha prometheusOperator.image.tag prometheusOperator.kubeletEndpointSliceEnabled
    prometheusOperator.kubeletEndpointsEnabled prometheusOperator.kubeletService
    prometheusOperator.kubeletService.enabled prometheusOperator.kubeletService.name
    prometheusOperator.kubeletService.namespace prometheusOperator.kubeletService.selector
    prometheusOperator.labels prometheusOperator.labels.* prometheusOperator.lifecycle
    prometheusOperator.lifecycle.* prometheusOperator.livenessProbe prometheusOperator.livenessProbe.enabled
    prometheusOperator.livenessProbe.failureThreshold prometheusOperator.livenessProbe.initialDelaySeconds
    prometheusOperator.livenessProbe.periodSeconds prometheusOperator.livenessProbe.successThreshold
    prometheusOperator.livenessProbe.timeoutSeconds prometheusOperator.namespaces
    prometheusOperator.namespaces.* prometheusOperator.networkPolicy prometheusOperator.networkPolicy.enabled
    prometheusOperator.networkPolicy.flavor prometheusOperator.nodeSelector prometheusOperator.nodeSelector.*
    prometheusOperator.podAnnotations prometheusOperator.podAnnotations.*
    prometheusOperator.podDisruptionBudget prometheusOperator.podDisruptionBudget.enabled
    prometheusOperator.podDisruptionBudget.minAvailable
    prometheusOperator.podDisruptionBudget.unhealthyPodEvictionPolicy prometheusOperator.podLabels
    prometheusOperator.podLabels.* prometheusOperator.prometheusConfigReloader
    prometheusOperator.prometheusConfigReloader.enableProbe prometheusOperator.prometheusConfigReloader.image
    prometheusOperator.prometheusConfigReloader.image.registry
    prometheusOperator.prometheusConfigReloader.image.repository
    prometheusOperator.prometheusConfigReloader.image.sha
    prometheusOperator.prometheusConfigReloader.image.tag
    prometheusOperator.prometheusConfigReloader.resources
    prometheusOperator.prometheusConfigReloader.resources.* prometheusOperator.prometheusInstanceNamespaces
    prometheusOperator.prometheusInstanceSelector prometheusOperator.readinessProbe
    prometheusOperator.readinessProbe.enabled prometheusOperator.readinessProbe.failureThreshold
    prometheusOperator.readinessProbe.initialDelaySeconds prometheusOperator.readinessProbe.periodSeconds
    prometheusOperator.readinessProbe.successThreshold prometheusOperator.readinessProbe.timeoutSeconds
    prometheusOperator.resources prometheusOperator.resources.* prometheusOperator.revisionHistoryLimit
    prometheusOperator.secretFieldSelector prometheusOperator.securityContext
    prometheusOperator.securityContext.fsGroup prometheusOperator.securityContext.runAsGroup
    prometheusOperator.securityContext.runAsNonRoot prometheusOperator.securityContext.runAsUser
    prometheusOperator.securityContext.seccompProfile prometheusOperator.securityContext.seccompProfile.type
    prometheusOperator.service prometheusOperator.service.additionalPorts
    prometheusOperator.service.annotations prometheusOperator.service.annotations.*
    prometheusOperator.service.clusterIP prometheusOperator.service.externalIPs
    prometheusOperator.service.externalTrafficPolicy prometheusOperator.service.ipDualStack
    prometheusOperator.service.ipDualStack.enabled prometheusOperator.service.ipDualStack.ipFamilies
    prometheusOperator.service.ipDualStack.ipFamilyPolicy prometheusOperator.service.labels
    prometheusOperator.service.labels.* prometheusOperator.service.loadBalancerIP
    prometheusOperator.service.loadBalancerSourceRanges prometheusOperator.service.nodePort
    prometheusOperator.service.nodePortTls prometheusOperator.service.type prometheusOperator.serviceAccount
    prometheusOperator.serviceAccount.annotations prometheusOperator.serviceAccount.annotations.*
    prometheusOperator.serviceAccount.automountServiceAccountToken prometheusOperator.serviceAccount.create
    prometheusOperator.serviceAccount.name prometheusOperator.serviceMonitor
    prometheusOperator.serviceMonitor.additionalLabels prometheusOperator.serviceMonitor.additionalLabels.*
    prometheusOperator.serviceMonitor.interval prometheusOperator.serviceMonitor.labelLimit
    prometheusOperator.serviceMonitor.labelNameLengthLimit
    prometheusOperator.serviceMonitor.labelValueLengthLimit
    prometheusOperator.serviceMonitor.metricRelabelings prometheusOperator.serviceMonitor.relabelings
    prometheusOperator.serviceMonitor.sampleLimit prometheusOperator.serviceMonitor.scrapeTimeout
    prometheusOperator.serviceMonitor.selfMonitor prometheusOperator.serviceMonitor.targetLimit
    prometheusOperator.strategy prometheusOperator.strategy.* prometheusOperator.terminationGracePeriodSeconds
    prometheusOperator.thanosImage prometheusOperator.thanosImage.registry
    prometheusOperator.thanosImage.repository prometheusOperator.thanosImage.sha
    prometheusOperator.thanosImage.tag prometheusOperator.thanosRulerInstanceNamespaces
    prometheusOperator.thanosRulerInstanceSelector prometheusOperator.tls prometheusOperator.tls.enabled
    prometheusOperator.tls.internalPort prometheusOperator.tls.tlsMinVersion prometheusOperator.tolerations
    prometheusOperator.verticalPodAutoscaler prometheusOperator.verticalPodAutoscaler.controlledResources
    prometheusOperator.verticalPodAutoscaler.enabled prometheusOperator.verticalPodAutoscaler.maxAllowed
    prometheusOperator.verticalPodAutoscaler.maxAllowed.* prometheusOperator.verticalPodAutoscaler.minAllowed
    prometheusOperator.verticalPodAutoscaler.minAllowed.*
    prometheusOperator.verticalPodAutoscaler.updatePolicy
    prometheusOperator.verticalPodAutoscaler.updatePolicy.updateMode thanosRuler thanosRuler.annotations
    thanosRuler.annotations.* thanosRuler.enabled thanosRuler.extraSecret thanosRuler.extraSecret.annotations
    thanosRuler.extraSecret.annotations.* thanosRuler.extraSecret.data thanosRuler.extraSecret.data.*
    thanosRuler.ingress thanosRuler.ingress.annotations thanosRuler.ingress.annotations.*
    thanosRuler.ingress.enabled thanosRuler.ingress.hosts thanosRuler.ingress.ingressClassName
    thanosRuler.ingress.labels thanosRuler.ingress.labels.* thanosRuler.ingress.paths thanosRuler.ingress.tls
    thanosRuler.podDisruptionBudget thanosRuler.podDisruptionBudget.enabled
    thanosRuler.podDisruptionBudget.minAvailable thanosRuler.podDisruptionBudget.unhealthyPodEvictionPolicy
    thanosRuler.route thanosRuler.route.main thanosRuler.route.main.additionalRules
    thanosRuler.route.main.annotations thanosRuler.route.main.annotations.* thanosRuler.route.main.apiVersion
    thanosRuler.route.main.enabled thanosRuler.route.main.filters thanosRuler.route.main.hostnames
    thanosRuler.route.main.httpsRedirect thanosRuler.route.main.kind thanosRuler.route.main.labels
    thanosRuler.route.main.labels.* thanosRuler.route.main.matches thanosRuler.route.main.parentRefs
    thanosRuler.service thanosRuler.service.additionalPorts thanosRuler.service.annotations
    thanosRuler.service.annotations.* thanosRuler.service.clusterIP thanosRuler.service.enabled
    thanosRuler.service.externalIPs thanosRuler.service.externalTrafficPolicy thanosRuler.service.ipDualStack
    thanosRuler.service.ipDualStack.enabled thanosRuler.service.ipDualStack.ipFamilies
    thanosRuler.service.ipDualStack.ipFamilyPolicy thanosRuler.service.labels thanosRuler.service.labels.*
    thanosRuler.service.loadBalancerIP thanosRuler.service.loadBalancerSourceRanges
    thanosRuler.service.nodePort thanosRuler.service.port thanosRuler.service.targetPort
    thanosRuler.service.type thanosRuler.serviceAccount thanosRuler.serviceAccount.annotations
    thanosRuler.serviceAccount.annotations.* thanosRuler.serviceAccount.create thanosRuler.serviceAccount.name
    thanosRuler.serviceMonitor thanosRuler.serviceMonitor.additionalEndpoints
    thanosRuler.serviceMonitor.additionalLabels thanosRuler.serviceMonitor.additionalLabels.*
    thanosRuler.serviceMonitor.bearerTokenFile thanosRuler.serviceMonitor.interval
    thanosRuler.serviceMonitor.labelLimit thanosRuler.serviceMonitor.labelNameLengthLimit
    thanosRuler.serviceMonitor.labelValueLengthLimit thanosRuler.serviceMonitor.metricRelabelings
    thanosRuler.serviceMonitor.proxyUrl thanosRuler.serviceMonitor.relabelings
    thanosRuler.serviceMonitor.sampleLimit thanosRuler.serviceMonitor.scheme
    thanosRuler.serviceMonitor.selfMonitor thanosRuler.serviceMonitor.targetLimit
    thanosRuler.serviceMonitor.tlsConfig thanosRuler.serviceMonitor.tlsConfig.* thanosRuler.thanosRulerSpec
    thanosRuler.thanosRulerSpec.additionalArgs thanosRuler.thanosRulerSpec.additionalConfig
    thanosRuler.thanosRulerSpec.additionalConfig.* thanosRuler.thanosRulerSpec.additionalConfigString
    thanosRuler.thanosRulerSpec.affinity thanosRuler.thanosRulerSpec.affinity.*
    thanosRuler.thanosRulerSpec.alertDropLabels thanosRuler.thanosRulerSpec.alertmanagersConfig
    thanosRuler.thanosRulerSpec.alertmanagersConfig.existingSecret
    thanosRuler.thanosRulerSpec.alertmanagersConfig.existingSecret.*
    thanosRuler.thanosRulerSpec.alertmanagersConfig.secret
    thanosRuler.thanosRulerSpec.alertmanagersConfig.secret.* thanosRuler.thanosRulerSpec.containers
    thanosRuler.thanosRulerSpec.evaluationInterval thanosRuler.thanosRulerSpec.externalPrefix
    thanosRuler.thanosRulerSpec.externalPrefixNilUsesHelmValues thanosRuler.thanosRulerSpec.image
    thanosRuler.thanosRulerSpec.image.registry thanosRuler.thanosRulerSpec.image.repository
    thanosRuler.thanosRulerSpec.image.sha thanosRuler.thanosRulerSpec.image.tag
    thanosRuler.thanosRulerSpec.initContainers thanosRuler.thanosRulerSpec.labels
    thanosRuler.thanosRulerSpec.labels.* thanosRuler.thanosRulerSpec.listenLocal
    thanosRuler.thanosRulerSpec.logFormat thanosRuler.thanosRulerSpec.logLevel
    thanosRuler.thanosRulerSpec.nodeSelector thanosRuler.thanosRulerSpec.nodeSelector.*
    thanosRuler.thanosRulerSpec.objectStorageConfig
    thanosRuler.thanosRulerSpec.objectStorageConfig.existingSecret
    thanosRuler.thanosRulerSpec.objectStorageConfig.existingSecret.*
    thanosRuler.thanosRulerSpec.objectStorageConfig.secret
    thanosRuler.thanosRulerSpec.objectStorageConfig.secret.* thanosRuler.thanosRulerSpec.paused
    thanosRuler.thanosRulerSpec.podAntiAffinity thanosRuler.thanosRulerSpec.podAntiAffinityTopologyKey
    thanosRuler.thanosRulerSpec.podMetadata thanosRuler.thanosRulerSpec.podMetadata.*
    thanosRuler.thanosRulerSpec.portName thanosRuler.thanosRulerSpec.priorityClassName
    thanosRuler.thanosRulerSpec.queryConfig thanosRuler.thanosRulerSpec.queryConfig.existingSecret
    thanosRuler.thanosRulerSpec.queryConfig.existingSecret.* thanosRuler.thanosRulerSpec.queryConfig.secret
    thanosRuler.thanosRulerSpec.queryConfig.secret.* thanosRuler.thanosRulerSpec.queryEndpoints
    thanosRuler.thanosRulerSpec.replicas thanosRuler.thanosRulerSpec.resources
    thanosRuler.thanosRulerSpec.resources.* thanosRuler.thanosRulerSpec.retention
    thanosRuler.thanosRulerSpec.routePrefix thanosRuler.thanosRulerSpec.ruleNamespaceSelector
    thanosRuler.thanosRulerSpec.ruleNamespaceSelector.* thanosRuler.thanosRulerSpec.ruleSelector
    thanosRuler.thanosRulerSpec.ruleSelector.* thanosRuler.thanosRulerSpec.ruleSelectorNilUsesHelmValues
    thanosRuler.thanosRulerSpec.securityContext thanosRuler.thanosRulerSpec.securityContext.fsGroup
    thanosRuler.thanosRulerSpec.securityContext.runAsGroup
    thanosRuler.thanosRulerSpec.securityContext.runAsNonRoot
    thanosRuler.thanosRulerSpec.securityContext.runAsUser
    thanosRuler.thanosRulerSpec.securityContext.seccompProfile
    thanosRuler.thanosRulerSpec.securityContext.seccompProfile.type thanosRuler.thanosRulerSpec.serviceName
    thanosRuler.thanosRulerSpec.storage thanosRuler.thanosRulerSpec.storage.*
    thanosRuler.thanosRulerSpec.tolerations thanosRuler.thanosRulerSpec.topologySpreadConstraints
    thanosRuler.thanosRulerSpec.volumeMounts thanosRuler.thanosRulerSpec.volumes
    thanosRuler.thanosRulerSpec.web thanosRuler.thanosRulerSpec.web.* windowsMonitoring
    windowsMonitoring.enabled
""".split()),
    ('opensearch', '2.13.3'): frozenset("""
    antiAffinity antiAffinityTopologyKey clusterName config config.* config.opensearch.yml enableServiceLinks
    envFrom extraContainers extraEnvs extraInitContainers extraObjects extraVolumeMounts extraVolumes fsGroup
    fullnameOverride global global.dockerRegistry hostAliases httpHostPort httpPort image image.pullPolicy
    image.repository image.tag imagePullSecrets ingress ingress.annotations ingress.annotations.*
    ingress.enabled ingress.hosts ingress.path ingress.tls initResources initResources.* keystore labels
    labels.* lifecycle lifecycle.* livenessProbe livenessProbe.* majorVersion masterService
    masterTerminationFix maxUnavailable metricsPort nameOverride networkHost networkPolicy
    networkPolicy.create networkPolicy.http networkPolicy.http.enabled nodeAffinity nodeAffinity.* nodeGroup
    nodeSelector nodeSelector.* openSearchAnnotations openSearchAnnotations.* opensearchHome
    opensearchJavaOpts opensearchLifecycle opensearchLifecycle.* persistence persistence.accessModes
    persistence.annotations persistence.annotations.* persistence.enableInitChown persistence.enabled
    persistence.labels persistence.labels.enabled persistence.size plugins plugins.enabled plugins.installList
    podAnnotations podAnnotations.* podManagementPolicy podSecurityContext podSecurityContext.fsGroup
    podSecurityContext.runAsUser podSecurityPolicy podSecurityPolicy.create podSecurityPolicy.name
    podSecurityPolicy.spec podSecurityPolicy.spec.fsGroup podSecurityPolicy.spec.fsGroup.rule
    podSecurityPolicy.spec.privileged podSecurityPolicy.spec.runAsUser podSecurityPolicy.spec.runAsUser.rule
    podSecurityPolicy.spec.seLinux podSecurityPolicy.spec.seLinux.rule
    podSecurityPolicy.spec.supplementalGroups podSecurityPolicy.spec.supplementalGroups.rule
    podSecurityPolicy.spec.volumes priorityClassName protocol rbac rbac.automountServiceAccountToken
    rbac.create rbac.serviceAccountAnnotations rbac.serviceAccountAnnotations.* rbac.serviceAccountName
    readinessProbe readinessProbe.failureThreshold readinessProbe.periodSeconds readinessProbe.tcpSocket
    readinessProbe.tcpSocket.port readinessProbe.timeoutSeconds replicas resources resources.requests
    resources.requests.cpu resources.requests.memory roles schedulerName secretMounts securityConfig
    securityConfig.actionGroupsSecret securityConfig.config securityConfig.config.data
    securityConfig.config.data.* securityConfig.config.dataComplete securityConfig.config.securityConfigSecret
    securityConfig.configSecret securityConfig.enabled securityConfig.internalUsersSecret securityConfig.path
    securityConfig.rolesMappingSecret securityConfig.rolesSecret securityConfig.tenantsSecret securityContext
    securityContext.capabilities securityContext.capabilities.drop securityContext.runAsNonRoot
    securityContext.runAsUser service service.annotations service.annotations.* service.externalTrafficPolicy
    service.headless service.headless.annotations service.headless.annotations.* service.httpPortName
    service.labels service.labels.* service.labelsHeadless service.labelsHeadless.* service.loadBalancerIP
    service.loadBalancerSourceRanges service.metricsPortName service.nodePort service.transportPortName
    service.type sidecarResources sidecarResources.* singleNode startupProbe startupProbe.failureThreshold
    startupProbe.initialDelaySeconds startupProbe.periodSeconds startupProbe.tcpSocket
    startupProbe.tcpSocket.port startupProbe.timeoutSeconds sysctl sysctl.enabled sysctlInit
    sysctlInit.enabled sysctlVmMaxMapCount terminationGracePeriod tolerations topologySpreadConstraints
    transportHostPort transportPort updateStrategy
""".split()),
}
