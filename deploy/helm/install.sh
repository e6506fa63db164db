#!/bin/bash
# Installs (or upgrades) the production topology on Kubernetes. Prerequisites, once per cluster:
# Strimzi (Kafka, namespace kafka, cluster "knooppunt-kafka"), ECK (namespace elastic), a
# PostgreSQL with a standby (e.g. CloudNativePG cluster "knooppunt-postgres"), Keycloak with the
# realm of deploy/compose/keycloak/realm-knooppunt.json, an ingress controller, and the secrets
# listed in docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")"
CAMUNDA_CHART_VERSION=13.10.2   # Camunda 8.8; see the chart version matrix before changing
KNOOPPUNT_TAG="${KNOOPPUNT_TAG:?set KNOOPPUNT_TAG to the release of the hub images}"

helm repo add camunda https://helm.camunda.io >/dev/null
helm repo update camunda >/dev/null

kubectl apply -f elastic/elasticsearch.yaml
kubectl -n kafka apply -f kafka/topics.yaml -f kafka/users.yaml

helm upgrade --install camunda camunda/camunda-platform --version "$CAMUNDA_CHART_VERSION" \
  --namespace camunda --create-namespace -f camunda-platform/values.yaml --wait --timeout 15m

helm upgrade --install knooppunt ./knooppunt --namespace knooppunt --create-namespace \
  --set image.tag="$KNOOPPUNT_TAG" --wait --timeout 10m
