// Validates AsyncAPI documents with the reference parser: schema of the spec version the document
// declares plus the parser's semantic rules (the Spectral-based "asyncapi" ruleset). Prints every
// diagnostic; exits 1 on an error and, so that warnings do not pile up unnoticed, on a warning too.
import { Parser, fromFile } from "@asyncapi/parser";

const severities = ["error", "warning", "info", "hint"];
const parser = new Parser();
let failed = false;
for (const path of process.argv.slice(2)) {
  const { document, diagnostics } = await fromFile(parser, path).parse();
  for (const d of diagnostics) {
    const where = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : "";
    const level = severities[d.severity] ?? String(d.severity);
    console.log(`${path}:${where} ${level} ${d.code} ${d.message} at ${d.path.join(".")}`);
    if (d.severity <= 1) failed = true;
  }
  if (!document) failed = true;
  else console.log(`${path}: AsyncAPI ${document.version()}, ${document.channels().length} channels, ${document.operations().length} operations, ${document.components().messages().length} component messages`);
}
process.exit(failed ? 1 : 0);
