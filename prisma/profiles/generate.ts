// One-off: wrote prisma/profiles/{haringey,barnet,halton}.yaml from the configuration
// part of the TypeScript seed profiles (as they were written from the board papers),
// carrying each comment over as a YAML comment at the same place. Kept so the method
// is on record; the YAML files are now the source (the TypeScript files were then cut
// down to actions and meetings, so this no longer runs against them) and the seed
// reads the YAML.
//
//   npx tsx prisma/profiles/generate.ts <module.ts> <exportName> <out.yaml>
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { isMap, isSeq, parseDocument, type Document } from "yaml";
import { readProfileDocument, writeProfileDocument } from "../../app/modules/profiles/profile-document.server.js";
import type { PartnershipProfile } from "../../app/modules/profiles/profile-schema.js";

const [modulePath, exportName, outPath] = process.argv.slice(2);
if (!modulePath || !exportName || !outPath) throw new Error("usage: generate.ts <module.ts> <exportName> <out.yaml>");

const profile = (await import(resolve(modulePath)))[exportName] as PartnershipProfile;
const { deliveryPlans: _plans, meetings: _meetings, ...configuration } = profile;
const document = { ...configuration, indicators: configuration.indicators.map(({ figures: _figures, ...indicator }) => indicator) };

const read = readProfileDocument(writeProfileDocument(document as never));
if (!read.ok) throw new Error(read.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));

const source = readFileSync(modulePath, "utf8");
const file = ts.createSourceFile(modulePath, source, ts.ScriptTarget.Latest, true);
const comments: Array<{ path: Array<string | number>; text: string }> = [];

function commentsBefore(node: ts.Node) {
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  return ranges
    .filter((r) => r.kind === ts.SyntaxKind.SingleLineCommentTrivia)
    .map((r) => source.slice(r.pos + 2, r.end).replace(/^ /, ""))
    .join("\n");
}

function walk(node: ts.Node, path: Array<string | number>) {
  if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) return walk(node.expression, path);
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
      const at = [...path, property.name.text];
      const text = commentsBefore(property);
      if (text) comments.push({ path: at, text });
      walk(property.initializer, at);
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const [i, element] of node.elements.entries()) {
      // After a spread the indices no longer match the data: stop here.
      if (ts.isSpreadElement(element)) break;
      const text = commentsBefore(element);
      if (text) comments.push({ path: [...path, i], text });
      walk(element, [...path, i]);
    }
  }
}

ts.forEachChild(file, (node) => {
  if (!ts.isVariableStatement(node)) return;
  for (const declaration of node.declarationList.declarations) {
    if (ts.isIdentifier(declaration.name) && declaration.name.text === exportName && declaration.initializer) walk(declaration.initializer, []);
  }
});

const yaml: Document = parseDocument(writeProfileDocument(read.document));
for (const { path, text } of comments) {
  const last = path.at(-1)!;
  const parent = path.length === 1 ? yaml.contents : yaml.getIn(path.slice(0, -1), true);
  const comment = text
    .split("\n")
    .map((line) => ` ${line}`)
    .join("\n");
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === last);
    if (pair && pair.key && typeof pair.key === "object") (pair.key as { commentBefore?: string }).commentBefore = comment;
  } else if (isSeq(parent) && typeof last === "number") {
    const item = parent.items[last];
    if (item && typeof item === "object") (item as { commentBefore?: string }).commentBefore = comment;
  }
}

// The file's own header (its provenance), then the document.
const header = (ts.getLeadingCommentRanges(source, 0) ?? [])
  .map((r) => source.slice(r.pos, r.end).replace(/^\/\/ ?/, "# "))
  .join("\n");
writeFileSync(
  outPath,
  `${header}\n#\n# The partnership's configuration as a profile document (see app/modules/profiles).\n# Actions, figures and meetings are added by prisma/seed.ts from prisma/seed-data/.\n${yaml.toString({ lineWidth: 0 })}`,
);
console.log(`wrote ${outPath}: ${comments.length} comments`);
