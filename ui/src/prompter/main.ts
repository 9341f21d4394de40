// The prompter window's entry (prompter.html?draft=ID): its own page, opened by the shell.
import "../fonts.css";
import "./prompter.css";
import { mount } from "svelte";
import { defaultBackend } from "../lib/backend";
import Prompter from "./Prompter.svelte";

const target = document.getElementById("prompter");
if (!target) throw new Error("#prompter is missing from prompter.html");
const draftId = Number(new URLSearchParams(location.search).get("draft"));

mount(Prompter, { target, props: { backend: defaultBackend(), draftId } });
