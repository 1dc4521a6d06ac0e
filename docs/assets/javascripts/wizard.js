/*
 * Decision wizard: one question at a time, the answers kept in the page's query
 * string (?start=new&shape=api), so a reload or a pasted link reproduces the
 * same questions, answers and result. The tree comes from the JSON the build
 * writes from data/decision_tree.yml into the mount point's data-tree
 * attribute. Does nothing on pages without a [data-decide-wizard] element.
 * Runs on every page load, including Material's instant navigation, through
 * its document$ observable. Each answer is a new history entry, so the
 * browser's Back and Forward buttons step through the questions (Material's
 * own popstate handling fetches nothing while the path stays the same; the
 * wizard renders after it, since Material may set the URL's hash again, which
 * would take the focus off the new question).
 */
(function () {
  "use strict";

  /* Query parameters that belong to the theme, not to the wizard (search highlighting). */
  var FOREIGN_PARAMS = ["h"];

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function index(items) {
    var byId = {};
    items.forEach(function (item) { byId[item.id] = item; });
    return byId;
  }

  function readAnswers(search) {
    var pairs = [];
    new URLSearchParams(search).forEach(function (value, key) {
      if (FOREIGN_PARAMS.indexOf(key) < 0) pairs.push([key, value]);
    });
    return pairs;
  }

  /* Follow the answers from the start question; same rules as guide.decide.walk. */
  function walk(tree, pairs) {
    var questions = index(tree.questions);
    var remaining = {};
    for (var i = 0; i < pairs.length; i++) {
      var key = pairs[i][0];
      if (Object.prototype.hasOwnProperty.call(remaining, key)) {
        var twice = questions[key] ? "“" + questions[key].text + "”" : "“" + key + "”";
        return { error: "The link answers " + twice + " more than once." };
      }
      remaining[key] = pairs[i][1];
    }
    var steps = [];
    var node = tree.start;
    while (questions[node] && Object.prototype.hasOwnProperty.call(remaining, node)) {
      var question = questions[node];
      var chosen = remaining[node];
      delete remaining[node];
      var answer = question.answers.filter(function (a) { return a.id === chosen; })[0];
      if (!answer) {
        return { error: "The link gives “" + chosen + "” as the answer to “" + question.text +
          "”, which is not one of its answers." };
      }
      steps.push({ question: question, answer: answer });
      node = answer.next;
    }
    var extra = Object.keys(remaining);
    if (extra.length) {
      var name = extra[0];
      if (!questions[name]) return { error: "The link answers “" + name + "”, which is not a question of this wizard." };
      return { error: "The link answers “" + questions[name].text +
        "”, but its other answers never lead to that question, so the answers contradict each other." };
    }
    return { steps: steps, node: node };
  }

  function query(steps) {
    return steps.map(function (step) {
      return encodeURIComponent(step.question.id) + "=" + encodeURIComponent(step.answer.id);
    }).join("&");
  }

  function outcomesFrom(tree, node, found) {
    var questions = index(tree.questions);
    if (!questions[node]) { found[node] = true; return found; }
    questions[node].answers.forEach(function (answer) { outcomesFrom(tree, answer.next, found); });
    return found;
  }

  function decisionRecord(tree, steps, outcome, permalink) {
    var outcomes = index(tree.outcomes);
    var others = {};
    steps.forEach(function (step) {
      step.question.answers.forEach(function (answer) {
        if (answer.id !== step.answer.id) outcomesFrom(tree, answer.next, others);
      });
    });
    delete others[outcome.id];
    var absolute = function (url) { return new URL(url, location.href).href; };
    var lines = [
      "# Use " + outcome.title,
      "",
      "- Status: proposed",
      "- Date: " + new Date().toISOString().slice(0, 10),
      "- Answers in the decision guide: " + permalink,
      "",
      "## Context",
      "",
      "We answered the questions of the Flask, FastAPI or Django decision guide as follows:",
      ""
    ];
    steps.forEach(function (step, number) {
      lines.push((number + 1) + ". " + step.question.text + " **" + step.answer.label + "**. " + step.answer.reason);
    });
    lines.push("", "## Decision", "", "We will use " + outcome.title + ". " + outcome.summary, "",
      "The reasoning: " + absolute(outcome.url), "", "## Alternatives considered", "",
      "- " + outcome.alternative.title + ": " + outcome.alternative.text);
    Object.keys(others).forEach(function (id) {
      if (outcomes[id]) lines.push("- " + outcomes[id].title + ": where other answers to these questions lead.");
    });
    lines.push("", "## Consequences", "");
    outcome.consequences.forEach(function (item) { lines.push("- " + item); });
    lines.push("", "## Evidence", "");
    outcome.evidence.forEach(function (item) { lines.push("- [" + item.label + "](" + absolute(item.url) + ")"); });
    lines.push("- [These answers in the decision guide](" + permalink + ")", "");
    return lines.join("\n");
  }

  function copyText(textarea, status) {
    var done = function () { status.textContent = "Copied to the clipboard."; };
    var fallback = function () {
      textarea.select();
      try {
        status.textContent = document.execCommand("copy") ? "Copied to the clipboard." :
          "Select the text and copy it with your keyboard.";
      } catch (error) {
        status.textContent = "Select the text and copy it with your keyboard.";
      }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(textarea.value).then(done, fallback);
    } else {
      fallback();
    }
  }

  function Wizard(root, tree) {
    this.root = root;
    this.tree = tree;
    this.outcomes = index(tree.outcomes);
    this.questions = index(tree.questions);
    var fallback = root.querySelector(".decide-wizard__fallback");
    if (fallback) fallback.remove();
    this.ui = root.querySelector(".decide-wizard__ui") || root.appendChild(el("div", { class: "decide-wizard__ui" }));
  }

  Wizard.prototype.go = function (steps) {
    var search = query(steps);
    var url = location.pathname + (search ? "?" + search : "") + "#wizard";
    if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    this.render(steps, null, true);
  };

  Wizard.prototype.fromLocation = function (moveFocus) {
    var result = walk(this.tree, readAnswers(location.search));
    if (result.error) this.render([], result.error, false);
    else this.render(result.steps, null, moveFocus);
  };

  Wizard.prototype.render = function (steps, error, moveFocus) {
    var self = this;
    var node = steps.length ? steps[steps.length - 1].answer.next : this.tree.start;
    var children = [];
    if (error) {
      children.push(el("div", { class: "decide-wizard__message admonition warning", role: "alert" }, [
        el("p", { class: "admonition-title", text: "This link cannot be followed" }),
        el("p", { text: error + " Start again from the first question below." })
      ]));
    }
    if (steps.length) {
      children.push(el("h3", { class: "decide-wizard__heading", text: "Your answers" }));
      children.push(el("ol", { class: "decide-wizard__trail" }, steps.map(function (step) {
        return el("li", {}, [
          el("span", { class: "decide-wizard__asked", text: step.question.text + " " }),
          el("strong", { text: step.answer.label }),
          el("span", { class: "decide-wizard__reason", text: " (" + step.answer.reason + ")" })
        ]);
      })));
    }
    var focusTarget;
    if (this.questions[node]) {
      var question = this.questions[node];
      focusTarget = el("h3", { id: "decide-question", class: "decide-wizard__question", tabindex: "-1",
        text: "Question " + (steps.length + 1) + ": " + question.text });
      children.push(el("section", { class: "decide-wizard__step", "aria-labelledby": "decide-question" }, [
        focusTarget,
        el("div", { class: "decide-wizard__answers", role: "group", "aria-labelledby": "decide-question" },
          question.answers.map(function (answer) {
            var button = el("button", { type: "button", class: "md-button decide-wizard__answer",
              "data-answer": answer.id, text: answer.label });
            button.addEventListener("click", function () {
              self.go(steps.concat([{ question: question, answer: answer }]));
            });
            return button;
          }))
      ]));
    } else {
      focusTarget = this.renderResult(children, steps, this.outcomes[node]);
    }
    var controls = [];
    if (steps.length) {
      var back = el("button", { type: "button", class: "md-button decide-wizard__back", text: "Back" });
      back.addEventListener("click", function () { self.go(steps.slice(0, -1)); });
      var restart = el("button", { type: "button", class: "md-button decide-wizard__restart", text: "Start over" });
      restart.addEventListener("click", function () { self.go([]); });
      controls.push(back, restart);
    }
    children.push(el("div", { class: "decide-wizard__controls" }, controls));
    this.ui.replaceChildren.apply(this.ui, children);
    if (moveFocus) focusTarget.focus();
  };

  Wizard.prototype.renderResult = function (children, steps, outcome) {
    var permalink = new URL("?" + query(steps), location.href).href;
    var heading = el("h3", { id: "decide-result", class: "decide-wizard__result-title", tabindex: "-1",
      "data-outcome": outcome.id, text: "Recommendation: " + outcome.title });
    var record = el("textarea", { id: "decide-record", class: "decide-wizard__record", readonly: "readonly",
      rows: "12", spellcheck: "false" });
    record.value = decisionRecord(this.tree, steps, outcome, permalink);
    var status = el("span", { class: "decide-wizard__status", role: "status" });
    var copy = el("button", { type: "button", class: "md-button md-button--primary decide-wizard__copy",
      text: "Copy the decision record" });
    copy.addEventListener("click", function () { copyText(record, status); });
    children.push(el("section", { class: "decide-wizard__result", "aria-labelledby": "decide-result" }, [
      heading,
      el("p", { text: outcome.summary }),
      el("p", {}, [el("a", { href: outcome.url, text: "Why " + outcome.title +
        ", the alternative and what would change this answer" })]),
      el("p", {}, ["Credible alternative: ", el("strong", { text: outcome.alternative.title })]),
      el("p", {}, ["Link to these answers: ", el("a", { class: "decide-wizard__permalink", href: permalink,
        text: permalink })]),
      el("h4", {}, [el("label", { for: "decide-record", text: "Decision record (Markdown)" })]),
      record,
      el("p", {}, [copy, " ", status])
    ]));
    return heading;
  };

  var current = null;

  function start() {
    var root = document.querySelector("[data-decide-wizard]");
    current = null;
    if (!root || !root.dataset.tree) return;
    current = new Wizard(root, JSON.parse(root.dataset.tree));
    current.fromLocation(false);
  }

  window.addEventListener("popstate", function () {
    setTimeout(function () {
      if (current && document.body.contains(current.root)) current.fromLocation(true);
    }, 0);
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
