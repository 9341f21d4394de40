// Writes the third-party licence notice that ships with Podium (the .deb and the Windows
// installer and zip): every Rust crate linked into `podium-desktop` and `podium` for the
// target, and every npm package the production UI bundle holds (ui/bundled-packages.json, written
// by `vite build`), each with its version, its declared licence, its source and the licence
// texts its package ships. Identical texts are printed once and referred to by number.
//
//   node packaging/third-party-licenses.mjs [--target TRIPLE] OUT
//
// Build dependencies and dev dependencies are left out: they run at build time and none of
// their code is shipped.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHIPPED_BINARIES = ["podium-desktop", "podium-cli"];
const LICENCE_FILE = /^(licen[cs]e|copying|notice|copyright|unlicense)([-._].*)?$/i;

const args = process.argv.slice(2);
const targetAt = args.indexOf("--target");
const target = targetAt >= 0 ? args.splice(targetAt, 2)[1] : hostTriple();
const [out] = args;
if (!out) {
  console.error("usage: node packaging/third-party-licenses.mjs [--target TRIPLE] OUT");
  process.exit(2);
}

function hostTriple() {
  const info = execFileSync("rustc", ["-vV"], { encoding: "utf8" });
  return /^host: (.+)$/m.exec(info)?.[1] ?? "";
}

/** The licence files at the top of a package folder (and in its LICENSES/ folder). */
function licenceTexts(folder) {
  const files = [];
  const look = (dir) => {
    for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
      const path = join(dir, name);
      if (LICENCE_FILE.test(name) && statSync(path).isFile()) files.push(path);
    }
  };
  look(folder);
  look(join(folder, "LICENSES"));
  return files.map((path) => readFileSync(path, "utf8").replaceAll("\r\n", "\n").trim());
}

/** The crates the shipped binaries link for the target: normal dependencies only. */
function crates() {
  const metadata = JSON.parse(
    execFileSync(
      "cargo",
      ["metadata", "--format-version", "1", "--locked", "--filter-platform", target],
      { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
    ),
  );
  const packages = new Map(metadata.packages.map((p) => [p.id, p]));
  const nodes = new Map(metadata.resolve.nodes.map((n) => [n.id, n]));
  const members = new Set(metadata.workspace_members);
  const seen = new Set();
  const stack = metadata.packages
    .filter((p) => members.has(p.id) && SHIPPED_BINARIES.includes(p.name))
    .map((p) => p.id);
  while (stack.length > 0) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const dep of nodes.get(id)?.deps ?? []) {
      if (dep.dep_kinds.some((kind) => kind.kind === null)) stack.push(dep.pkg);
    }
  }
  return [...seen]
    .filter((id) => !members.has(id))
    .map((id) => packages.get(id))
    .map((p) => ({
      name: p.name,
      version: p.version,
      licence: p.license ?? (p.license_file ? "see its licence file" : "not declared"),
      source: p.repository ?? p.homepage ?? `https://crates.io/crates/${p.name}`,
      texts: licenceTexts(dirname(p.manifest_path)),
    }));
}

/** The npm packages in the production UI bundle. */
function npmPackages() {
  const list = join(root, "ui", "bundled-packages.json");
  if (!existsSync(list)) {
    console.error("ui/bundled-packages.json is missing: build the UI first (make ui)");
    process.exit(1);
  }
  return JSON.parse(readFileSync(list, "utf8")).map((name) => {
    const folder = join(root, "ui", "node_modules", name);
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
    const repository = manifest.repository?.url ?? manifest.repository;
    return {
      name,
      version: manifest.version,
      licence: manifest.license ?? "not declared",
      source: repository ?? manifest.homepage ?? `https://www.npmjs.com/package/${name}`,
      texts: licenceTexts(folder),
    };
  });
}

const byName = (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
const groups = [
  ["Rust crates", crates().sort(byName)],
  ["npm packages in the user interface", npmPackages().sort(byName)],
];

const texts = new Map();
const numberOf = (text) => {
  if (!texts.has(text)) texts.set(text, texts.size + 1);
  return texts.get(text);
};

const lines = [
  "Podium — third-party software",
  "",
  `Podium (MIT licence) is built with the software below (for ${target}). Each is listed with`,
  "its version, the licence its authors declare, where it comes from, and the numbers of the",
  "licence texts its package ships, which follow the list.",
];
for (const [title, items] of groups) {
  lines.push("", `${title} (${items.length})`, "=".repeat(title.length + 8));
  for (const item of items) {
    const numbers = [...new Set(item.texts.map(numberOf))];
    lines.push(
      "",
      `${item.name} ${item.version}`,
      `  Licence: ${item.licence}`,
      `  Source: ${item.source}`,
      numbers.length > 0
        ? `  Licence texts: ${numbers.map((n) => `[${n}]`).join(" ")}`
        : "  Licence texts: none in the package (its licence is the one declared above)",
    );
  }
}
lines.push("", "Licence texts", "=============");
for (const [text, number] of texts) lines.push("", `[${number}]`, "", text, "", "-".repeat(72));
writeFileSync(out, `${lines.join("\n")}\n`);
const count = groups.reduce((sum, [, items]) => sum + items.length, 0);
console.log(`${out}: ${count} packages, ${texts.size} distinct licence texts`);
