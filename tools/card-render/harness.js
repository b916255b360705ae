// Runs in the page: renders one Adaptive Card with the Teams host config and reports what a
// person would miss. The renderer's own parse and validation events, elements that did not make it
// from the JSON into the card's object model or onto the page, and the text and links on the page.
"use strict";

// The element types of the card's body, and where they hold other elements.
const childKeys = ["body", "items", "inlines", "columns"];

function countJsonElements(node, counts) {
  for (const key of childKeys) {
    const children = node[key];
    if (!Array.isArray(children)) continue;
    for (const child of children) {
      if (child && typeof child === "object" && typeof child.type === "string") {
        counts[child.type] = (counts[child.type] || 0) + 1;
        countJsonElements(child, counts);
      }
    }
  }
  return counts;
}

// Every element below the card in the object model the renderer built, with its rendered node.
function modelElements(element, found) {
  const children = [];
  if (typeof element.getInlineCount === "function") {
    for (let i = 0; i < element.getInlineCount(); i++) children.push(element.getInlineAt(i));
  } else if (typeof element.getItemCount === "function") {
    for (let i = 0; i < element.getItemCount(); i++) children.push(element.getItemAt(i));
  }
  for (const child of children) {
    found.push(child);
    modelElements(child, found);
  }
  return found;
}

function eventName(value) {
  return AdaptiveCards.ValidationEvent[value] || String(value);
}

window.renderCard = function renderCard(cardJson) {
  const report = {
    threw: null,
    parseEvents: [],
    validationEvents: [],
    jsonElements: countJsonElements(cardJson, {}),
    parsedElements: {},
    renderedElements: {},
    dropped: [],
    text: "",
    links: [],
    formatting: [],
  };
  const host = document.getElementById("card");
  host.innerHTML = "";
  try {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(window.teamsHostConfig);
    const context = new AdaptiveCards.SerializationContext();
    card.parse(cardJson, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      report.parseEvents.push(eventName(e.event) + ": " + e.message);
    }
    const validation = card.validateProperties();
    for (const e of validation.validationEvents) report.validationEvents.push(eventName(e.event) + ": " + e.message);

    const rendered = card.render();
    if (!rendered) throw new Error("the renderer returned no element for the card");
    host.appendChild(rendered);

    for (const element of modelElements(card, [])) {
      const type = element.getJsonTypeName();
      report.parsedElements[type] = (report.parsedElements[type] || 0) + 1;
      const node = element.renderedElement;
      const shown = node && node.isConnected && node.getClientRects().length > 0;
      if (shown) report.renderedElements[type] = (report.renderedElements[type] || 0) + 1;
      else report.dropped.push(type + " (parsed, not on the page)" + (element.id ? " id " + element.id : ""));
    }
    for (const type of Object.keys(report.jsonElements)) {
      const missing = report.jsonElements[type] - (report.parsedElements[type] || 0);
      if (missing > 0) report.dropped.push(missing + " " + type + " in the JSON, not in the parsed card");
    }
  } catch (error) {
    report.threw = String((error && error.stack) || error);
  }
  report.text = host.innerText;
  report.links = Array.from(host.querySelectorAll("a[href]"), a => ({ href: a.getAttribute("href"), text: a.innerText }));
  report.formatting = Array.from(host.querySelectorAll("strong, b, em, i, code, h1, h2, h3, img, iframe, script"), e => e.tagName.toLowerCase() + ": " + e.innerText);
  return report;
};
