// The prompter window's entry (prompter.html?draft=ID): its own page, opened by the shell; with
// `&screen=second`, the second screen that follows it (SecondScreen.svelte).
import "../fonts.css";
import "./prompter.css";
import { mount } from "svelte";
import { defaultBackend } from "../lib/backend";
import { translate } from "../lib/i18n";
import Prompter from "./Prompter.svelte";
import SecondScreen from "./SecondScreen.svelte";

const target = document.getElementById("prompter");
if (!target) throw new Error("#prompter is missing from prompter.html");
const query = new URLSearchParams(location.search);
const draftId = Number(query.get("draft"));

const backend = await defaultBackend();
if (backend) {
  const page = query.get("screen") === "second" ? SecondScreen : Prompter;
  mount(page, { target, props: { backend, draftId } });
} else {
  // Only the production build opened outside the app has no backend (backend.ts).
  target.textContent = (["ja", "en"] as const)
    .map((language) => translate(language, "app.outsideApp"))
    .join(" ");
}
