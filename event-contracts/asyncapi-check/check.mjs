// Parses an AsyncAPI document standalone with the AsyncAPI parser: node check.mjs <document> <schema folder>.
// A reference to https://tally.io/schemas/<file> (a schema's $id, which the api-gateway serves at
// /schemas/<file>) is read from the schema folder, so that the check needs no network; any other
// reference is resolved as the parser does. Prints every diagnostic and exits 1 on any error.
import { Parser, fromFile } from '@asyncapi/parser';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const [document, schemaDir] = process.argv.slice(2);
const prefix = 'https://tally.io/schemas/';
const parser = new Parser({
  __unstable: {
    resolver: {
      resolvers: [{
        schema: 'https',
        canRead: (uri) => uri.toString().startsWith(prefix),
        read: (uri) => readFile(path.join(schemaDir, uri.toString().substring(prefix.length)), 'utf8'),
      }],
    },
  },
});
const { document: parsed, diagnostics } = await fromFile(parser, document).parse();
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  console.log(`${['error', 'warning', 'info', 'hint'][d.severity]} ${d.code} ${d.path.join('.')}: ${d.message}`);
}
console.log(`${errors.length} errors, ${diagnostics.length - errors.length} other diagnostics, ${parsed ? parsed.allMessages().length : 0} messages`);
process.exit(errors.length === 0 && parsed ? 0 : 1);
