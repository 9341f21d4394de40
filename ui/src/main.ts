import "./fonts.css";
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { defaultBackend } from "./lib/backend";

const target = document.getElementById("app");
if (!target) throw new Error("#app is missing from index.html");

mount(App, { target, props: { backend: defaultBackend() } });
