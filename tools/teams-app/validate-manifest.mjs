// Validates a Teams app manifest against the published JSON schema of the manifestVersion it names,
// as shipped by @microsoft/app-manifest (pinned in package.json), so nothing is fetched.
//   node tools/teams-app/validate-manifest.mjs <manifest.json>
// Exit 0: valid. Exit 1: the schema rejects it (every error printed to stderr). Exit 2: cannot check.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const file = process.argv[2];
if (!file) {
  console.error('Usage: node tools/teams-app/validate-manifest.mjs <manifest.json>');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
const version = manifest.manifestVersion;
const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
const schemaFile = path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
if (typeof version !== 'string' || !existsSync(schemaFile)) {
  console.error(`No published schema for manifestVersion '${version}' in @microsoft/app-manifest (looked for ${schemaFile}).`);
  process.exit(2);
}

const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
// The schemas are draft-04; strict mode would refuse their vendor keywords, which validate nothing.
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (validate(manifest)) {
  const { version: packageVersion } = require('@microsoft/app-manifest/package.json');
  console.log(`valid against MicrosoftTeams.schema.json v${version} (@microsoft/app-manifest ${packageVersion})`);
  process.exit(0);
}

for (const error of validate.errors) {
  console.error(`${error.instancePath || '/'} ${error.message}${error.params ? ' ' + JSON.stringify(error.params) : ''}`);
}
process.exit(1);
