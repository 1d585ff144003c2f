// Validates Kubernetes manifests against the schemas of the kubernetes-models packages: the Kubernetes API's
// own OpenAPI schemas and those of the Argo CD, Argo Rollouts, Prometheus Operator and External Secrets CRDs.
//
// Usage: node validate-manifests.js FILE...   (multi-document YAML files)
// Prints one JSON array: per document {file, index, apiVersion, kind, name, errors: [...]}. Exits 0 when it could
// read every file, whatever the documents' errors; the Java tests decide.
//
// Those schemas leave objects open: an unknown field passes, and a misspelt field is silently ignored by
// Kubernetes. The API server refuses unknown fields (strict field validation), and so does this script: every
// object schema that lists its properties is closed before it is compiled (additionalProperties: false), unless
// it declares additionalProperties itself or preserves unknown fields (as Helm values in an Application do). That needs the schemas as
// data, which these package versions still ship (later ones ship only compiled validators). The External
// Secrets package ships only compiled validators, so its kinds are checked for types, enums and required
// fields, but not for unknown fields.
"use strict";

const fs = require("fs");
const path = require("path");
const YAML = require("yaml");

// Every copy of @kubernetes-models/validate 3.x keeps one ajv instance, into which each schema module registers
// its schema (through the package's exported register) before it is first compiled; closing schemas there
// covers them all.
for (const pkg of ["kubernetes-models", "@kubernetes-models/argo-cd", "@kubernetes-models/argo-rollouts",
                   "@kubernetes-models/prometheus-operator"]) {
  const pkgDir = path.join(__dirname, "node_modules", pkg);
  const validate = require(require.resolve("@kubernetes-models/validate", { paths: [pkgDir] }));
  if (typeof validate.register !== "function") {
    throw new Error(`${pkg}: @kubernetes-models/validate has no register(); these checks need its 3.x line`);
  }
  if (!validate.__exqressClosed) {
    const register = validate.register;
    validate.register = (id, schema) => register(id, closed(schema));
    validate.__exqressClosed = true;
  }
}

function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const out = { ...schema };
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, closed(v)]));
    // These packages turn a CRD's x-kubernetes-preserve-unknown-fields into empty properties: those stay open.
    if (Object.keys(out.properties).length > 0 && out.additionalProperties === undefined
        && !out["x-kubernetes-preserve-unknown-fields"]) {
      out.additionalProperties = false;
    }
  }
  for (const key of ["items", "additionalProperties", "not"]) {
    if (out[key] && typeof out[key] === "object") out[key] = closed(out[key]);
  }
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    if (Array.isArray(out[key])) out[key] = out[key].map(closed);
  }
  for (const key of ["definitions", "$defs"]) {
    if (out[key]) out[key] = Object.fromEntries(Object.entries(out[key]).map(([k, v]) => [k, closed(v)]));
  }
  return out;
}

// apiVersion -> the modules that may define its kinds.
function modulesFor(apiVersion) {
  const crds = {
    "argoproj.io/v1alpha1": ["@kubernetes-models/argo-cd/argoproj.io/v1alpha1",
                             "@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1"],
    "monitoring.coreos.com/v1": ["@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1"],
    "external-secrets.io/v1beta1": ["@kubernetes-models/external-secrets/external-secrets.io/v1beta1"],
  };
  if (crds[apiVersion]) return crds[apiVersion];
  if (typeof apiVersion !== "string" || !/^[a-z0-9.]*\/?v[0-9a-z]+$/.test(apiVersion)) return [];
  return [`kubernetes-models/${apiVersion}`];
}

function modelOf(apiVersion, kind) {
  for (const id of modulesFor(apiVersion)) {
    let exports;
    try {
      exports = require(id);
    } catch (e) {
      continue;
    }
    if (exports[kind] && exports[kind].apiVersion === apiVersion && exports[kind].kind === kind) return exports[kind];
  }
  return null;
}

const results = [];
for (const file of process.argv.slice(2)) {
  // Kubernetes reads YAML 1.1 (yes/no/on/off are booleans there), so this does too.
  const documents = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"), { version: "1.1" });
  documents.forEach((document, index) => {
    const result = { file, index, apiVersion: null, kind: null, name: null, errors: [] };
    results.push(result);
    if (document.errors.length > 0) {
      result.errors.push(...document.errors.map((e) => `YAML: ${e.message}`));
      return;
    }
    const data = document.toJS();
    if (data === null || data === undefined) {
      results.pop(); // an empty document, e.g. after a trailing ---
      return;
    }
    result.apiVersion = data.apiVersion;
    result.kind = data.kind;
    result.name = data.metadata && data.metadata.name;
    const Model = modelOf(data.apiVersion, data.kind);
    if (!Model) {
      result.errors.push(`no schema for apiVersion ${data.apiVersion} kind ${data.kind}`);
      return;
    }
    try {
      new Model(data).validate();
    } catch (e) {
      result.errors.push(...(e.errors || [{ instancePath: "", message: e.message }]).map(describe));
    }
  });
}
process.stdout.write(JSON.stringify(results, null, 1));

function describe(error) {
  const where = error.instancePath || "/";
  if (error.keyword === "additionalProperties") {
    return `${where}: unknown field "${error.params.additionalProperty}"`;
  }
  return `${where}: ${error.message}${error.params && error.params.allowedValues ? " " + JSON.stringify(error.params.allowedValues) : ""}`;
}
