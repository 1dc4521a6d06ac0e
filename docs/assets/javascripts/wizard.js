/*
 * Decision wizard: one question at a time, the answers kept in the page's query
 * string (?v=1&start=new&shape=api), so a reload or a pasted link reproduces the
 * same questions, answers and result. The tree comes from the JSON the build
 * writes from data/decision_tree.yml into the mount point's data-tree
 * attribute. Does nothing on pages without a [data-decide-wizard] element.
 * Links name the tree's edition (v) and the outcome they reached (outcome):
 * ids renamed since are carried over through the tree's `renamed` map, other
 * parameters are ignored, and the page says which answers it dropped and when
 * today's tree reaches another outcome. Same rules as guide.decide.read_link.
 * Runs on every page load, including Material's instant navigation, through
 * its document$ observable. Each answer is a new history entry, so the
 * browser's Back and Forward buttons step through the questions (Material's
 * own popstate handling fetches nothing while the path stays the same; the
 * wizard renders after it, since Material may set the URL's hash again, which
 * would take the focus off the new question).
 */
(function () {
  "use strict";

  /* Link parameters that are not answers; "h" is the theme's search highlighting. */
  var EDITION = "v";
  var OUTCOME = "outcome";
  var LINK_PARAMS = [EDITION, OUTCOME, "h"];

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

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function index(items) {
    var byId = Object.create(null);
    items.forEach(function (item) { byId[item.id] = item; });
    return byId;
  }

  function pairsOf(text, source) {
    return text.split("&").map(function (item) {
      var cut = item.indexOf("=");
      return { question: item.slice(0, cut), answer: item.slice(cut + 1), source: source };
    });
  }

  function renames(tree, since) {
    return Object.keys(tree.renamed).map(Number).filter(function (edition) { return edition > since; })
      .sort(function (a, b) { return a - b; })
      .map(function (edition) { return tree.renamed[edition]; });
  }

  function rename(mapping, pair) {
    var key = pair.question + "=" + pair.answer;
    if (has(mapping, key)) return pairsOf(mapping[key], pair.source);
    var question = has(mapping, pair.question) ? mapping[pair.question] : pair.question;
    return [{ question: question, answer: pair.answer, source: pair.source }];
  }

  function carry(tree, pairs, since) {
    renames(tree, since).forEach(function (mapping) {
      pairs = pairs.reduce(function (moved, pair) { return moved.concat(rename(mapping, pair)); }, []);
    });
    return pairs;
  }

  function carryId(tree, id, since) {
    renames(tree, since).forEach(function (mapping) { if (has(mapping, id)) id = mapping[id]; });
    return id;
  }

  function editionOf(tree, version) {
    var number = /^[0-9]+$/.test(version) ? Number(version) : 0;
    return number >= 1 && number <= tree.edition ? number : tree.edition;
  }

  /* Read a link's query string; same rules as guide.decide.read_link. */
  function read(tree, search) {
    var params = [];
    var first = Object.create(null);
    new URLSearchParams(search).forEach(function (value, key) {
      params.push({ question: key, answer: value, source: key + "=" + value });
      if (!(key in first)) first[key] = value;
    });
    var since = editionOf(tree, EDITION in first ? first[EDITION] : "1");
    var written = params.filter(function (pair) { return LINK_PARAMS.indexOf(pair.question) < 0; });
    var questions = index(tree.questions);
    var answers = new Map();
    var dropped = [];
    carry(tree, written, since).forEach(function (pair) {
      var question = questions[pair.question];
      if (!question) return;
      if (!answers.has(question.id)) {
        answers.set(question.id, pair);
      } else if (answers.get(question.id).answer !== pair.answer) {
        dropped.push("“" + pair.source + "” was dropped: the link answers “" + question.text +
          "” more than once, and only the first answer counts");
      }
    });
    var steps = [];
    var node = tree.start;
    while (questions[node] && answers.has(node)) {
      var question = questions[node];
      var pair = answers.get(node);
      answers.delete(node);
      var answer = question.answers.filter(function (a) { return a.id === pair.answer; })[0];
      if (!answer) {
        dropped.push("“" + pair.source + "” was dropped: “" + pair.answer + "” is not an answer to “" +
          question.text + "”");
        break;
      }
      steps.push({ question: question, answer: answer });
      node = answer.next;
    }
    answers.forEach(function (pair, id) {
      dropped.push("“" + pair.source + "” was dropped: the link’s other answers never reach the question “" +
        questions[id].text + "”");
    });
    return {
      steps: steps,
      outcome: index(tree.outcomes)[node] ? node : null,
      recorded: first[OUTCOME] ? carryId(tree, first[OUTCOME], since) : null,
      dropped: dropped
    };
  }

  function query(tree, steps) {
    if (!steps.length) return "";
    var last = steps[steps.length - 1].answer.next;
    var params = [[EDITION, tree.edition]].concat(steps.map(function (step) {
      return [step.question.id, step.answer.id];
    }));
    if (index(tree.outcomes)[last]) params.push([OUTCOME, last]);
    return params.map(function (param) {
      return encodeURIComponent(param[0]) + "=" + encodeURIComponent(param[1]);
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
    if (outcome.migrations && outcome.migrations.length) {
      lines.push("", "## How to get there", "");
      outcome.migrations.forEach(function (path) { lines.push("- [" + path.title + "](" + absolute(path.url) + ")"); });
    }
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
    var search = query(this.tree, steps);
    var url = location.pathname + (search ? "?" + search : "") + "#wizard";
    if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    this.render(steps, true);
  };

  Wizard.prototype.fromLocation = function (moveFocus) {
    var link = read(this.tree, location.search);
    this.render(link.steps, moveFocus, link);
    return link;
  };

  Wizard.prototype.notices = function (link) {
    var notices = [];
    if (link.dropped.length) {
      notices.push(el("div", { class: "decide-wizard__message admonition warning", role: "alert" }, [
        el("p", { class: "admonition-title", text: "Part of this link could not be followed" }),
        el("ul", { class: "decide-wizard__dropped" }, link.dropped.map(function (reason) {
          return el("li", { text: reason });
        })),
        el("p", { text: link.steps.length ? "The answers that could be followed are kept below." :
          "Start from the first question below." })
      ]));
    } else if (link.recorded && link.recorded !== link.outcome) {
      var then = this.outcomes[link.recorded] ? this.outcomes[link.recorded].title : link.recorded;
      var now = link.outcome ? "today they lead to “" + this.outcomes[link.outcome].title + "”." :
        "today it asks more before it recommends anything: answer the question below.";
      notices.push(el("div", { class: "decide-wizard__message decide-wizard__changed admonition info",
        role: "status" }, [
        el("p", { class: "admonition-title", text: "The tree now answers differently" }),
        el("p", { text: "This link was made when these answers led to “" + then +
          "”. The decision tree has changed since, and " + now })
      ]));
    }
    return notices;
  };

  Wizard.prototype.render = function (steps, moveFocus, link) {
    var self = this;
    var node = steps.length ? steps[steps.length - 1].answer.next : this.tree.start;
    var children = link ? this.notices(link) : [];
    var trail = [];
    if (steps.length) {
      trail.push(el("h3", { class: "decide-wizard__heading", text: "Your answers" }));
      trail.push(el("ol", { class: "decide-wizard__trail" }, steps.map(function (step) {
        return el("li", {}, [
          el("span", { class: "decide-wizard__asked", text: step.question.text + " " }),
          el("strong", { text: step.answer.label }),
          el("span", { class: "decide-wizard__reason", text: " (" + step.answer.reason + ")" })
        ]);
      })));
    }
    var focusTarget;
    if (!this.questions[node]) {
      focusTarget = this.renderResult(children, steps, this.outcomes[node]);
      children = children.concat(trail);
    } else {
      children = children.concat(trail);
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
    var permalink = new URL("?" + query(this.tree, steps), location.href).href;
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
    var link = current.fromLocation(false);
    if (link.outcome) current.ui.scrollIntoView({ block: "start" });
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
