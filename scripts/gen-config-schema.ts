// Writes schemas/config.schema.json from the lint rules' meta (src/lint/config-schema.ts).
// Run through `npm run gen`, which then regenerates the types and validators of every schema.
import { writeFileSync } from 'node:fs';
import { configSchema } from '../src/lint/config-schema.js';
import { rules } from '../src/lint/rules/index.js';

writeFileSync(new URL('../schemas/config.schema.json', import.meta.url), `${JSON.stringify(configSchema(rules), null, 2)}\n`);
console.log(`schemas/config.schema.json: ${rules.length} rules`);
