// Fails when modules of ui/src import each other in a circle (type-only and dynamic imports
// count too): prints each circle found, as `a.ts → b.ts → a.ts`. No dependencies: the imports
// are found with regular expressions, which is enough for code formatted by Biome. Only
// relative imports of .ts, .svelte, .mjs and .js files under ui/src are followed.
//
// Usage: node scripts/import-cycles.mjs [folder]   (default: ui/src)

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const CODE = /\.(ts|svelte|mjs|js)$/;
const ui = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(process.argv[2] ?? join(ui, "src"));

/** `import … from "x"` and `export … from "x"` (over several lines), `import "x"`, `import("x")`. */
const SPECIFIERS = [
  /^\s*(?:import|export)\s+(?:type\s+)?[\w$*\s{},]*?\bfrom\s*["']([^"']+)["']/gm,
  /^\s*import\s*["']([^"']+)["']/gm,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
];

/** @param {string} folder @returns {string[]} */
function codeFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return codeFiles(path);
    return CODE.test(entry.name) ? [path] : [];
  });
}

/** The source without its comments (a commented-out import is no import). @param {string} text */
function withoutComments(text) {
  return text
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

/** The file a relative specifier names, if it is code under the root. @param {string} from @param {string} specifier */
function resolveImport(from, specifier) {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    base.replace(/\.js$/, ".ts"),
    `${base}.ts`,
    `${base}.svelte`,
    `${base}.mjs`,
    `${base}.js`,
    join(base, "index.ts"),
  ];
  const found = candidates.find(
    (path) => CODE.test(path) && existsSync(path) && statSync(path).isFile(),
  );
  return found && !relative(root, found).startsWith("..") ? found : null;
}

/** @type {Map<string, string[]>} each module and the modules it imports */
const graph = new Map();
for (const file of codeFiles(root)) {
  const text = withoutComments(readFileSync(file, "utf8"));
  const imports = new Set();
  for (const pattern of SPECIFIERS) {
    for (const match of text.matchAll(pattern)) {
      const target = resolveImport(file, match[1]);
      if (target) imports.add(target);
    }
  }
  graph.set(file, [...imports].sort());
}

// Depth-first search; an edge back to a module still on the path closes a circle. Not every
// circle of a tangle is listed, but every tangle shows at least one.
/** @type {Map<string, "open" | "done">} */
const state = new Map();
/** @type {string[]} */
const path = [];
/** @type {Map<string, string[]>} circles by their smallest rotation, so each is told once */
const circles = new Map();

/** @param {string} file */
function visit(file) {
  state.set(file, "open");
  path.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === "open") {
      const circle = path.slice(path.indexOf(next));
      const start = circle.indexOf([...circle].sort()[0]);
      const rotated = [...circle.slice(start), ...circle.slice(0, start)];
      circles.set(rotated.join("\n"), rotated);
    } else if (!state.has(next)) {
      visit(next);
    }
  }
  path.pop();
  state.set(file, "done");
}
for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);

const name = (/** @type {string} */ file) => relative(root, file);
if (circles.size > 0) {
  console.error(`import circles in ${relative(ui, root) || "."}:`);
  for (const circle of circles.values()) {
    console.error(`  ${[...circle, circle[0]].map(name).join(" → ")}`);
  }
  process.exit(1);
}
console.log(`import-cycles: ${graph.size} modules, no circle`);
