// Renders Adaptive Cards in headless Chromium, as Teams would show them, and reports on each.
//
//   node tools/card-render/render.mjs <folder of cards> <folder for the results>
//
// Each <name>.json in the first folder is a Teams message ({"type":"message","attachments":[…]})
// or a bare card. For each, the second folder gets <name>.png (the card alone) and report.json
// gets an entry (see harness.js). Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH),
// driven by playwright-core; the page loads only local files and any other request is refused.
// Exit codes: 0 rendered (the report says how well), 2 bad arguments, 3 no Chromium.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve, basename, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node render.mjs <folder of cards> <folder for the results>");
  process.exit(2);
}

const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`no Chromium at ${executablePath}: install Debian's chromium (apt-get install -y chromium)`);
  process.exit(3);
}

const page_url = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "render.html")).href;
const cards = readdirSync(input).filter(f => f.endsWith(".json")).sort();
mkdirSync(output, { recursive: true });

// playwright-core gives the browser a new, empty profile folder of its own.
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const report = {};
try {
  const context = await browser.newContext({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 1, locale: "sv-SE" });
  await context.route("**/*", route => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  const page = await context.newPage();
  for (const file of cards) {
    const name = basename(file, ".json");
    const json = JSON.parse(readFileSync(join(input, file), "utf8"));
    const card = json.type === "message" ? json.attachments?.[0]?.content : json;
    const consoleErrors = [];
    const onConsole = m => { if (m.type() === "error" || m.type() === "warning") consoleErrors.push(`${m.type()}: ${m.text()}`); };
    const onError = e => consoleErrors.push(`page error: ${e.message}`);
    page.on("console", onConsole);
    page.on("pageerror", onError);
    await page.goto(page_url);
    const result = await page.evaluate(c => window.renderCard(c), card);
    await page.locator("#card").screenshot({ path: resolve(output, `${name}.png`) });
    page.off("console", onConsole);
    page.off("pageerror", onError);
    report[name] = { ...result, console: consoleErrors, png: `${name}.png` };
  }
} finally {
  await browser.close();
}
writeFileSync(join(output, "report.json"), JSON.stringify(report, null, 2));
console.log(`rendered ${cards.length} card(s) into ${output}`);
