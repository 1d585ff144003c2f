// Parses Terraform files with HashiCorp's HCL parser (Go, compiled to WebAssembly in @cdktf/hcl2json) and lists
// what each expression refers to, found by the same library from the expression's syntax tree (so a for
// expression's own variables are not taken for references).
//
// Usage: node parse-terraform.js FILE...
// Prints one JSON object: per file {body, error, references: [{at, expression, refs: ["var.x", ...]}]}, where body
// is hcl2json's JSON form of the file (expressions as "${...}" strings) and error the parser's message.
"use strict";

const fs = require("fs");
const { parse, getReferencesInExpression } = require("@cdktf/hcl2json");

async function main() {
  const out = {};
  // Each call into the WebAssembly module costs milliseconds and now and then a pause of a second or two, so
  // each distinct expression is asked once, and one at a time (calls at once were slower still).
  const cache = new Map();
  const referencesIn = async (file, expression) => {
    if (!cache.has(expression)) {
      cache.set(expression, (await getReferencesInExpression(file, expression)).map((r) => r.value));
    }
    return cache.get(expression);
  };
  for (const file of process.argv.slice(2)) {
    const result = { body: null, error: null, references: [] };
    out[file] = result;
    try {
      result.body = await parse(file, fs.readFileSync(file, "utf8"));
    } catch (e) {
      result.error = String(e.message || e);
      continue;
    }
    for (const [at, expression] of strings(result.body, "")) {
      if (!expression.includes("${")) continue;
      result.references.push({ at, expression, refs: await referencesIn(file, expression) });
    }
  }
  process.stdout.write(JSON.stringify(out));
}

function* strings(value, at) {
  if (typeof value === "string") {
    yield [at, value];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${at}/${i}`);
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) yield* strings(child, `${at}/${key}`);
  }
}

main().catch((e) => {
  process.stderr.write(String(e.stack || e));
  process.exit(1);
});
