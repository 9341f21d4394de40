import "./fonts.css";
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { defaultBackend } from "./lib/backend";
import { translate } from "./lib/i18n";

const target = document.getElementById("app");
if (!target) throw new Error("#app is missing from index.html");

const backend = await defaultBackend();
if (backend) {
  mount(App, { target, props: { backend } });
} else {
  // Only the production build opened outside the app has no backend (backend.ts).
  target.textContent = (["ja", "en"] as const)
    .map((language) => translate(language, "app.outsideApp"))
    .join(" ");
}
