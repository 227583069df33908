/*
 * Buurtkaart "Lees voor": reads an easy-read page aloud with the browser's own speech
 * synthesis (Web Speech API). Nothing is sent anywhere by this script; a Dutch voice is used
 * when the browser has one. Without speech synthesis the button stays hidden and a short
 * explanation is shown. Own code of the Buurtkaart project (MIT).
 *
 * Reads, in page order, the headings, lines, list items and the descriptions of photos of the
 * easy-read block, leaving out whatever is marked data-bk-niet-voorlezen (the button itself,
 * the links to other pages). One utterance per line: browsers cut off long utterances.
 */
(function () {
  "use strict";

  var button = document.querySelector("[data-bk-voorlezen]");
  if (!button) return;
  var box = button.closest(".bk-ml");
  var label = button.querySelector("span") || button;
  var synth = window.speechSynthesis;

  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    var note = document.querySelector("[data-bk-voorlezen-uitleg]");
    if (note) note.hidden = false;
    return;
  }

  function dutchVoice() {
    var voices = synth.getVoices ? synth.getVoices() : [];
    var best = null;
    for (var i = 0; i < voices.length; i++) {
      var lang = String(voices[i].lang || "").toLowerCase().replace("_", "-");
      if (lang === "nl-nl") return voices[i];
      if (!best && lang.indexOf("nl") === 0) best = voices[i];
    }
    return best;
  }

  function lines() {
    var out = [];
    box.querySelectorAll("h1, h2, li, p, img").forEach(function (node) {
      if (node.closest("[data-bk-niet-voorlezen]")) return;
      if (node.tagName === "LI" && node.querySelector("li")) return; // its own items are read
      if (node.tagName === "P" && node.closest("li")) return; // read as part of the item
      var text = node.tagName === "IMG" ? (node.alt ? "Foto: " + node.alt : "") : node.textContent;
      text = text.replace(/\s+/g, " ").trim();
      if (text) out.push({ text: text, node: node });
    });
    return out;
  }

  var speaking = false;

  function stop() {
    speaking = false;
    synth.cancel();
    label.textContent = "Lees voor";
    button.setAttribute("aria-pressed", "false");
    box.querySelectorAll(".bk-ml-leest").forEach(function (n) {
      n.classList.remove("bk-ml-leest");
    });
  }

  function start() {
    var queue = lines();
    var voice = dutchVoice();
    speaking = true;
    label.textContent = "Stop met voorlezen";
    button.setAttribute("aria-pressed", "true");
    synth.cancel();
    queue.forEach(function (line, i) {
      var u = new window.SpeechSynthesisUtterance(line.text);
      u.lang = voice && voice.lang ? String(voice.lang).replace("_", "-") : "nl-NL";
      if (voice) u.voice = voice;
      u.rate = 0.9; // a little slower than usual
      u.onstart = function () {
        line.node.classList.add("bk-ml-leest");
      };
      u.onend = u.onerror = function () {
        line.node.classList.remove("bk-ml-leest");
        if (i === queue.length - 1 && speaking) stop();
      };
      synth.speak(u);
    });
  }

  button.addEventListener("click", function () {
    if (speaking) stop();
    else start();
  });
  window.addEventListener("pagehide", function () {
    if (speaking) stop();
  });
  button.setAttribute("aria-pressed", "false");
  button.hidden = false;
})();
