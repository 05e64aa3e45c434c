// Validates a rendered Kubernetes manifest stream (kustomize build output) without a cluster:
//  1. every object against the JSON Schema of its apiVersion/kind, compiled from the Kubernetes
//     OpenAPI document (kubernetes-models): required fields, types, formats such as quantities;
//  2. strictly, like kubectl's field validation: every field must exist in the API's model for
//     that type (@kubernetes/client-node's generated models), so a misspelt "livenesProbe" fails
//     where a lenient schema check would let the API server drop it silently;
//  3. the deployment rules this project holds itself to (issue 6): several replicas, probes on the
//     Quarkus health endpoints, resources, a PodDisruptionBudget and a Service per Deployment,
//     credentials only from Secrets.
// Objects of kafka.strimzi.io are written to the file named by --strimzi-out for the Java check
// against Strimzi's model. Usage: node k8s-validate.mjs RENDERED.yaml --strimzi-out FILE.json
import { readFileSync, writeFileSync } from "node:fs";
import yaml from "js-yaml";
import * as api from "@kubernetes/client-node/dist/gen/models/ObjectSerializer.js";

const [file, , strimziOut] = process.argv.slice(2);
const docs = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d != null);
const problems = [];
const strimzi = [];
const id = (o) => `${o.kind}/${o.metadata?.name}`;

function strict(value, type, path, out) {
  if (value == null) return;
  let m;
  if ((m = /^Array<(.+)>$/.exec(type))) {
    if (!Array.isArray(value)) return; // the schema check reports the type
    value.forEach((v, i) => strict(v, m[1], `${path}[${i}]`, out));
  } else if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
    for (const [k, v] of Object.entries(value)) strict(v, m[1], `${path}.${k}`, out);
  } else if (api[type]?.attributeTypeMap) {
    if (typeof value !== "object" || Array.isArray(value)) return;
    const fields = new Map(api[type].attributeTypeMap.map((a) => [a.baseName, a.type]));
    for (const [k, v] of Object.entries(value)) {
      if (!fields.has(k)) out.push(`unknown field ${path}.${k} (not in ${type})`);
      else strict(v, fields.get(k), `${path}.${k}`, out);
    }
  } // primitives, Date, IntOrString, any: nothing below
}

for (const doc of docs) {
  const [group, version] = doc.apiVersion?.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
  if (group === "kafka.strimzi.io") {
    strimzi.push(doc);
    continue;
  }
  const found = [];
  let Model;
  try {
    ({ [doc.kind]: Model } = await import(`kubernetes-models/${group ? group + "/" : ""}${version}/${doc.kind}`));
  } catch {
    problems.push(`${id(doc)}: no schema for ${doc.apiVersion} ${doc.kind}`);
    continue;
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    found.push(...e.message.split(", ").map((m) => m.replace(/^data/, "")));
  }
  const type = `${version[0].toUpperCase()}${version.slice(1)}${doc.kind}`;
  if (!api[type]) found.push(`no strict model ${type}`);
  else strict(doc, type, "", found);
  if (found.length) problems.push(...found.map((f) => `${id(doc)}: ${f}`));
  else console.log(`${id(doc)}: valid ${doc.apiVersion}`);
}

// The project's own rules.
const ofKind = (k) => docs.filter((d) => d.kind === k);
const selects = (selector, labels) =>
  Object.entries(selector ?? {}).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
for (const d of ofKind("Deployment")) {
  const labels = d.spec.template.metadata?.labels;
  const rule = (ok, what) => ok || problems.push(`${id(d)}: ${what}`);
  rule((d.spec.replicas ?? 1) >= 2, `replicas ${d.spec.replicas ?? 1}: run at least 2`);
  rule(ofKind("PodDisruptionBudget").some((p) => selects(p.spec.selector?.matchLabels, labels)), "no PodDisruptionBudget selects its pods");
  rule(ofKind("Service").some((s) => selects(s.spec.selector, labels)), "no Service selects its pods");
  for (const c of d.spec.template.spec.containers) {
    for (const [probe, path] of [["startupProbe", "/q/health/started"], ["livenessProbe", "/q/health/live"], ["readinessProbe", "/q/health/ready"]]) {
      rule(c[probe]?.httpGet?.path === path, `container ${c.name}: ${probe} must GET ${path}`);
    }
    const r = c.resources ?? {};
    rule(r.requests?.cpu && r.requests?.memory && r.limits?.memory, `container ${c.name}: needs cpu and memory requests and a memory limit`);
    for (const e of c.env ?? []) {
      rule(!(/PASSWORD|SECRET|TOKEN|PRIVATE/i.test(e.name) && "value" in e), `container ${c.name}: ${e.name} has a literal value; take it from a Secret`);
    }
  }
}
for (const s of ofKind("Secret")) problems.push(`${id(s)}: a Secret with values is rendered; reference Secrets created outside the repository`);

if (strimziOut) writeFileSync(strimziOut, JSON.stringify(strimzi));
problems.forEach((p) => console.log(`FAIL ${p}`));
console.log(`${docs.length} objects, ${strimzi.length} for Strimzi, ${problems.length} problems`);
process.exit(problems.length || docs.length === 0 ? 1 : 0);
