// The remote's page (remote.html): opened in a phone's or tablet's browser from the app's own
// server (app/src/remote/), never inside the app. Japanese unless the browser prefers another
// language (then English).
import "../fonts.css";
import "../app.css";
import { mount } from "svelte";
import { setLanguage } from "../lib/locale.svelte";
import { RemoteLink } from "./link";
import Remote from "./Remote.svelte";

const target = document.getElementById("remote");
if (!target) throw new Error("#remote is missing from remote.html");
const japanese = navigator.languages.length === 0 || navigator.languages[0]?.startsWith("ja");
setLanguage(japanese ? "ja" : "en");
mount(Remote, { target, props: { link: new RemoteLink(location.host, localStorage) } });
