"""Validates built Kustomize output offline; called by tools/k8s/check.sh.

Built-in kinds: kubernetes-validate's bundled schemas, strict (unknown fields are errors), for each
Kubernetes version asked for. Custom resources: the openAPIV3Schema of the operators' own CRDs
vendored under tools/k8s/crds (see SOURCES.md there), made strict the same way. A kind with neither
fails the check, unless it is named in SKIP with a reason (printed): an unknown kind is more often a
typo than a new operator.

Then the platform's own rules on what was built: the security settings, probes and resources of
every workload, an HPA and a PDB per app, and no Secret carried in the output.
"""

import copy
import glob
import os
import sys

import jsonschema
import kubernetes_validate
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
APPS = ["cities", "partnerships", "commissions", "notifications", "gateway"]

# Kinds deliberately not validated, with why. Empty: every kind built has a schema.
SKIP: dict = {}


def strict(schema):
    """An API server with field validation Strict refuses unknown fields; so does this."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if (
                "properties" in node
                and "additionalProperties" not in node
                and not node.get("x-kubernetes-preserve-unknown-fields")
            ):
                node["additionalProperties"] = False
            # OpenAPI's nullable: a null is accepted where the type allows it.
            if node.get("nullable") and "type" in node:
                node["type"] = [node["type"], "null"]
            # int-or-string fields carry no type (anyOf of integer and string).
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def load_crd_schemas():
    schemas = {}
    for path in sorted(glob.glob(os.path.join(HERE, "crds", "*.yaml"))):
        for crd in yaml.safe_load_all(open(path)):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group = crd["spec"]["group"]
            kind = crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                if not version.get("served"):
                    continue
                schema = version["schema"]["openAPIV3Schema"]
                schemas[(f"{group}/{version['name']}", kind)] = (
                    strict(schema),
                    os.path.basename(path),
                )
    return schemas


def name_of(doc):
    return f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"


def validate_schemas(docs, versions, crds, problems, skipped):
    builtin = custom = 0
    for doc in docs:
        key = (doc.get("apiVersion"), doc.get("kind"))
        if key in crds:
            schema, source = crds[key]
            errors = sorted(
                jsonschema.Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.path)
            )
            for error in errors[:5]:
                path = ".".join(str(p) for p in error.path)
                problems.append(f"{name_of(doc)} ({source}): {path}: {error.message[:300]}")
            custom += 1
            continue
        if doc.get("kind") in SKIP:
            skipped.append(f"{name_of(doc)}: {SKIP[doc['kind']]}")
            continue
        for version in versions:
            try:
                kubernetes_validate.validate(doc, version, strict=True)
            except kubernetes_validate.SchemaNotFoundError:
                problems.append(
                    f"{name_of(doc)}: no schema for {key[0]} {key[1]} (Kubernetes {version}) "
                    "and no vendored CRD"
                )
                break
            except kubernetes_validate.ValidationError as error:
                path = ".".join(str(p) for p in error.path)
                problems.append(f"{name_of(doc)} (Kubernetes {version}): {path}: {error.message[:300]}")
        builtin += 1
    return builtin, custom


def pod_spec(doc):
    spec = doc.get("spec", {})
    if doc["kind"] in ("Deployment", "StatefulSet", "Job"):
        return spec.get("template", {}).get("spec", {})
    return None


def check_rules(overlay, docs, problems):
    """The rules of issue 16 point 3, checked on what an operator would apply."""
    by_kind = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], {})[doc["metadata"]["name"]] = doc
    if "Secret" in by_kind:
        problems.append(f"the output carries Secret(s) {sorted(by_kind['Secret'])}: none is committed")
    for doc in docs:
        spec = pod_spec(doc)
        labels = doc.get("spec", {}).get("template", {}).get("metadata", {}).get("labels", {})
        if spec is None or labels.get("app.kubernetes.io/part-of") != "c2c-platform":
            continue
        where = name_of(doc)
        if spec.get("automountServiceAccountToken") is not False:
            problems.append(f"{where}: automountServiceAccountToken must be false")
        pod_sc = spec.get("securityContext", {})
        if pod_sc.get("runAsNonRoot") is not True:
            problems.append(f"{where}: runAsNonRoot")
        if pod_sc.get("seccompProfile", {}).get("type") != "RuntimeDefault":
            problems.append(f"{where}: seccompProfile RuntimeDefault")
        tmp_volumes = {v["name"] for v in spec.get("volumes", []) if "emptyDir" in v}
        for container in spec.get("initContainers", []) + spec.get("containers", []):
            cwhere = f"{where} container {container['name']}"
            sc = container.get("securityContext", {})
            if sc.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{cwhere}: readOnlyRootFilesystem")
            if sc.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{cwhere}: allowPrivilegeEscalation false")
            if sc.get("capabilities", {}).get("drop") != ["ALL"]:
                problems.append(f"{cwhere}: capabilities drop ALL")
            if not any(
                m["mountPath"] == "/tmp" and m["name"] in tmp_volumes
                for m in container.get("volumeMounts", [])
            ):
                problems.append(f"{cwhere}: an emptyDir on /tmp")
            resources = container.get("resources", {})
            if not resources.get("requests") or not resources.get("limits", {}).get("memory"):
                problems.append(f"{cwhere}: requests and a memory limit")
            if doc["kind"] == "Deployment":
                for probe, path in (("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live")):
                    if container.get(probe, {}).get("httpGet", {}).get("path") != path:
                        problems.append(f"{cwhere}: {probe} on {path}")
    for app in APPS:
        for kind in ("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"):
            if app not in by_kind.get(kind, {}):
                problems.append(f"no {kind} {app}")
    ingresses = by_kind.get("Ingress", {})
    backends = {
        path["backend"]["service"]["name"]
        for ingress in ingresses.values()
        for rule in ingress["spec"].get("rules", [])
        for path in rule.get("http", {}).get("paths", [])
    }
    if backends != {"gateway"}:
        problems.append(f"Ingress backends must be the gateway alone, are {sorted(backends)}")
    if "default-deny" not in by_kind.get("NetworkPolicy", {}):
        problems.append(f"no default-deny NetworkPolicy")


def main():
    versions = os.environ.get("K8S_VERSIONS", "1.32.0 1.37.0").split()
    crds = load_crd_schemas()
    print(f"[k8s-check] CRD schemas: {', '.join(sorted({k for _, k in crds}))} (tools/k8s/crds)")
    failed = False
    for path in sys.argv[1:]:
        overlay = os.path.basename(path).removesuffix(".yaml")
        docs = [d for d in yaml.safe_load_all(open(path)) if d]
        problems, skipped = [], []
        builtin, custom = validate_schemas(docs, versions, crds, problems, skipped)
        check_rules(overlay, docs, problems)
        kinds = {}
        for doc in docs:
            kinds[doc["kind"]] = kinds.get(doc["kind"], 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(
            f"[k8s-check] {overlay}: {len(docs)} objects ({summary}); {builtin} against Kubernetes "
            f"{'/'.join(versions)} schemas (strict), {custom} against CRD schemas (strict)"
        )
        for line in skipped:
            print(f"[k8s-check] {overlay}: SKIPPED {line}")
        for line in problems:
            print(f"[k8s-check] {overlay}: FAIL {line}")
        if problems:
            failed = True
        else:
            print(f"[k8s-check] {overlay}: schemas and rules OK")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
