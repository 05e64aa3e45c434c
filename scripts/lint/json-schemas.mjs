// Checks the event JSON Schemas against the metaschema of the draft each one declares, compiles
// them in Ajv's strict mode (an unknown keyword or a typo such as "requried" fails), and validates
// the example events of the same name, when a folder of examples is given.
// Usage: node json-schemas.mjs SCHEMA_DIR [EXAMPLES_DIR]
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import Ajv2019 from "ajv/dist/2019.js";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const drafts = {
  "http://json-schema.org/draft-07/schema#": Ajv,
  "http://json-schema.org/draft-07/schema": Ajv,
  "https://json-schema.org/draft/2019-09/schema": Ajv2019,
  "https://json-schema.org/draft/2020-12/schema": Ajv2020,
};
const [schemaDir, examplesDir] = process.argv.slice(2);
const files = readdirSync(schemaDir).filter((f) => f.endsWith(".json")).sort();
let failed = files.length === 0;
if (failed) console.log(`no JSON Schema in ${schemaDir}`);
for (const file of files) {
  const schema = JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
  const Draft = drafts[schema.$schema];
  if (!Draft) {
    console.log(`${file}: unknown or missing $schema ${JSON.stringify(schema.$schema)}`);
    failed = true;
    continue;
  }
  const ajv = new Draft({ strict: true, allErrors: true });
  addFormats(ajv);
  let validate;
  try {
    if (!ajv.validateSchema(schema)) throw new Error(ajv.errorsText(ajv.errors));
    validate = ajv.compile(schema);
  } catch (e) {
    console.log(`${file}: not a valid ${schema.$schema} schema: ${e.message}`);
    failed = true;
    continue;
  }
  let note = "";
  const example = examplesDir && join(examplesDir, file);
  if (example && existsSync(example)) {
    if (validate(JSON.parse(readFileSync(example, "utf8")))) note = ", its example validates";
    else {
      console.log(`${file}: example ${example} does not validate: ${ajv.errorsText(validate.errors)}`);
      failed = true;
      continue;
    }
  }
  console.log(`${file}: valid ${schema.$schema.replace(/.*(draft[-/][0-9-]+).*/, "$1")}${note}`);
}
process.exit(failed ? 1 : 0);
