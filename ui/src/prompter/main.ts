// The prompter window's entry (prompter.html?draft=ID): its own page, opened by the shell.
import "../fonts.css";
import "./prompter.css";
import { mount } from "svelte";
import { defaultBackend } from "../lib/backend";
import { translate } from "../lib/i18n";
import Prompter from "./Prompter.svelte";

const target = document.getElementById("prompter");
if (!target) throw new Error("#prompter is missing from prompter.html");
const draftId = Number(new URLSearchParams(location.search).get("draft"));

const backend = await defaultBackend();
if (backend) {
  mount(Prompter, { target, props: { backend, draftId } });
} else {
  // Only the production build opened outside the app has no backend (backend.ts).
  target.textContent = (["ja", "en"] as const)
    .map((language) => translate(language, "app.outsideApp"))
    .join(" ");
}
