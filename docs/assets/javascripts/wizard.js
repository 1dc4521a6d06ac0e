/*
 * Decision wizard: one question at a time, the answers kept in the page's query
 * string (?v=2&start=new&shape=api&...&workload=cpu&workload=fan-out; a
 * multiple-choice question repeats its parameter), so a reload or a pasted link reproduces the
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

  function find(question, id) {
    return question.answers.filter(function (answer) { return answer.id === id; })[0] || null;
  }

  function isThen(tree, question) { return tree.then.indexOf(question.id) >= 0; }

  /* The outcome a path's routing answers lead to (guide.decide.routed). */
  function routed(tree, steps) {
    var routing = steps.filter(function (step) { return !isThen(tree, step.question); });
    var last = routing.length ? routing[routing.length - 1].answer.next : null;
    return last && index(tree.outcomes)[last] ? last : null;
  }

  /* The outcome a complete path reaches (guide.decide.reached). */
  function reached(tree, steps) {
    var outcome = routed(tree, steps);
    var answered = steps.map(function (step) { return step.question.id; });
    return outcome && tree.then.every(function (id) { return answered.indexOf(id) >= 0; }) ? outcome : null;
  }

  /* The question a partial path stops at (guide.decide.steps_end). */
  function stepsEnd(tree, steps) {
    if (!routed(tree, steps)) return steps.length ? steps[steps.length - 1].answer.next : tree.start;
    var answered = steps.map(function (step) { return step.question.id; });
    return tree.then.filter(function (id) { return answered.indexOf(id) < 0; })[0];
  }

  /* Answers to one multiple-choice question together (guide.decide.grouped). */
  function grouped(steps) {
    var groups = [];
    steps.forEach(function (step) {
      var last = groups[groups.length - 1];
      if (last && last.question.id === step.question.id) last.answers.push(step.answer);
      else groups.push({ question: step.question, answers: [step.answer] });
    });
    return groups;
  }

  /* Caveat or add-on ids a path attaches, each once (guide.decide.collected). */
  function collected(steps, kind) {
    var found = [];
    steps.forEach(function (step) {
      (step.answer[kind] || []).forEach(function (id) { if (found.indexOf(id) < 0) found.push(id); });
    });
    return found;
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
      if (!answers.has(question.id)) answers.set(question.id, []);
      var given = answers.get(question.id);
      if (given.some(function (known) { return known.answer === pair.answer; })) return;
      if (given.length && !question.multiple) {
        dropped.push("“" + pair.source + "” was dropped: the link answers “" + question.text +
          "” more than once, and only the first answer counts");
        return;
      }
      given.push(pair);
    });
    var steps = [];
    var node = tree.start;
    while (questions[node] && answers.has(node)) {
      var question = questions[node];
      var pair = answers.get(node)[0];
      answers.delete(node);
      var answer = find(question, pair.answer);
      if (!answer) {
        dropped.push("“" + pair.source + "” was dropped: “" + pair.answer + "” is not an answer to “" +
          question.text + "”");
        break;
      }
      steps.push({ question: question, answer: answer });
      node = answer.next;
    }
    var outcome = index(tree.outcomes)[node] ? node : null;
    for (var i = 0; outcome && i < tree.then.length; i++) {
      var asked = questions[tree.then[i]];
      var valid = [];
      (answers.get(asked.id) || []).forEach(function (given) {
        var chosen = find(asked, given.answer);
        if (!chosen) {
          dropped.push("“" + given.source + "” was dropped: “" + given.answer + "” is not an answer to “" +
            asked.text + "”");
        } else {
          valid.push(chosen);
        }
      });
      answers.delete(asked.id);
      if (valid.length > 1 && valid.some(function (a) { return a.id === tree.none; })) {
        dropped.push("“" + asked.id + "=" + tree.none + "” was dropped: other answers to “" + asked.text +
          "” are ticked with it");
        valid = valid.filter(function (a) { return a.id !== tree.none; });
      }
      if (!valid.length) { outcome = null; break; }
      asked.answers.forEach(function (a) {
        if (valid.indexOf(a) >= 0) steps.push({ question: asked, answer: a });
      });
    }
    answers.forEach(function (given, id) {
      if (tree.then.indexOf(id) >= 0) return;
      dropped.push("“" + given[0].source + "” was dropped: the link’s other answers never reach the question “" +
        questions[id].text + "”");
    });
    return {
      steps: steps,
      outcome: outcome,
      recorded: first[OUTCOME] ? carryId(tree, first[OUTCOME], since) : null,
      dropped: dropped
    };
  }

  function query(tree, steps) {
    if (!steps.length) return "";
    var params = [[EDITION, tree.edition]].concat(steps.map(function (step) {
      return [step.question.id, step.answer.id];
    }));
    var outcome = reached(tree, steps);
    if (outcome) params.push([OUTCOME, outcome]);
    return params.map(function (param) {
      return encodeURIComponent(param[0]) + "=" + encodeURIComponent(param[1]);
    }).join("&");
  }

  /* Credible alternatives for a path (guide.decide.alternatives). */
  function alternatives(tree, steps, outcome) {
    var outcomes = index(tree.outcomes);
    var found = [{ title: outcome.alternative.title, text: outcome.alternative.text }];
    var routing = steps.filter(function (step) { return !isThen(tree, step.question); });
    var last = routing[routing.length - 1];
    if (last.question.answers.length <= 3) {
      last.question.answers.forEach(function (answer) {
        var other = answer !== last.answer ? outcomes[answer.next] : null;
        var titles = found.map(function (item) { return item.title; });
        if (other && other.id !== outcome.id && titles.indexOf(other.title) < 0) {
          found.push({ title: other.title, text: other.summary + " Where the answer to “" + last.question.text +
            "” is “" + answer.label + "”." });
        }
      });
    }
    return found;
  }

  /* The decision record; same text as guide.decide.decision_record. */
  function decisionRecord(tree, steps, outcome, permalink) {
    var absolute = function (url) { return new URL(url, location.href).href; };
    var evidence = function (items) {
      return items.map(function (item) {
        return "[" + item.title + "](" + absolute(item.url) + ")" +
          (item.retrieved ? " (retrieved " + item.retrieved + ")" : "");
      }).join("; ");
    };
    var lines = [
      "# Decision record: " + outcome.title,
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
    grouped(steps).forEach(function (group, number) {
      lines.push((number + 1) + ". " + group.question.text + " **" +
        group.answers.map(function (a) { return a.label; }).join("; ") + "**. " +
        group.answers.map(function (a) { return a.reason; }).join(" "));
    });
    lines.push("", "### Our own context", "", tree.ownContext, "", "## Decision", "", outcome.summary, "",
      outcome.recommendation, "", "The reasoning in full: " + absolute(outcome.url), "");
    var addons = index(tree.addons);
    var picked = collected(steps, "addons");
    if (picked.length) {
      lines.push("### Add-ons and specialist exits", "");
      picked.forEach(function (id) {
        var item = addons[id];
        lines.push("- **" + item.title + "** (" + (item.kind === "exit" ? "specialist exit" : "add-on") + "). " +
          item.text + " Evidence: " + evidence(item.evidence) + ".");
      });
      lines.push("");
    }
    lines.push("## Caveats", "");
    var caveats = index(tree.caveats);
    var raised = collected(steps, "caveats");
    raised.forEach(function (id) {
      var item = caveats[id];
      lines.push("- **" + item.title + ".** " + item.text + " Evidence: " + evidence(item.evidence) + ".");
    });
    if (!raised.length) lines.push("- None of our answers raised a caveat.");
    lines.push("", "## Alternatives considered", "");
    alternatives(tree, steps, outcome).forEach(function (item) { lines.push("- " + item.title + ": " + item.text); });
    lines.push("", "## What would change this answer", "");
    outcome.changes.forEach(function (item) { lines.push("- " + item); });
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
    var outcome = reached(this.tree, steps);
    var node = outcome || stepsEnd(this.tree, steps);
    var children = link ? this.notices(link) : [];
    var trail = [];
    if (steps.length) {
      trail.push(el("h3", { class: "decide-wizard__heading", text: "Your answers" }));
      trail.push(el("ol", { class: "decide-wizard__trail" }, grouped(steps).map(function (group) {
        return el("li", {}, [
          el("span", { class: "decide-wizard__asked", text: group.question.text + " " }),
          el("strong", { text: group.answers.map(function (a) { return a.label; }).join("; ") }),
          el("span", { class: "decide-wizard__reason", text: " (" +
            group.answers.map(function (a) { return a.reason; }).join(" ") + ")" })
        ]);
      })));
    }
    var focusTarget;
    if (outcome) {
      focusTarget = this.renderResult(children, steps, this.outcomes[outcome]);
      children = children.concat(trail);
    } else {
      children = children.concat(trail);
      var question = this.questions[node];
      focusTarget = el("h3", { id: "decide-question", class: "decide-wizard__question", tabindex: "-1",
        text: "Question " + (grouped(steps).length + 1) + ": " + question.text });
      var body = question.multiple ? this.checkboxes(steps, question) :
        el("div", { class: "decide-wizard__answers", role: "group", "aria-labelledby": "decide-question" },
          question.answers.map(function (answer) {
            var button = el("button", { type: "button", class: "md-button decide-wizard__answer",
              "data-answer": answer.id, text: answer.label });
            button.addEventListener("click", function () {
              self.go(steps.concat([{ question: question, answer: answer }]));
            });
            return button;
          }));
      children.push(el("section", { class: "decide-wizard__step", "aria-labelledby": "decide-question" }, [
        focusTarget, body
      ]));
    }
    var controls = [];
    if (steps.length) {
      var back = el("button", { type: "button", class: "md-button decide-wizard__back", text: "Back" });
      back.addEventListener("click", function () {
        var groups = grouped(steps);
        var keep = groups.slice(0, -1).reduce(function (count, group) { return count + group.answers.length; }, 0);
        self.go(steps.slice(0, keep));
      });
      var restart = el("button", { type: "button", class: "md-button decide-wizard__restart", text: "Start over" });
      restart.addEventListener("click", function () { self.go([]); });
      controls.push(back, restart);
    }
    children.push(el("div", { class: "decide-wizard__controls" }, controls));
    this.ui.replaceChildren.apply(this.ui, children);
    if (moveFocus) focusTarget.focus();
  };

  /* A multiple-choice question: checkboxes and a Continue button; "none" excludes the others. */
  Wizard.prototype.checkboxes = function (steps, question) {
    var self = this;
    var none = this.tree.none;
    var boxes = question.answers.map(function (answer) {
      var box = el("input", { type: "checkbox", id: "decide-" + question.id + "-" + answer.id,
        value: answer.id, "data-answer": answer.id });
      box.addEventListener("change", function () {
        if (!box.checked) return;
        boxes.forEach(function (other) {
          if (other !== box && (answer.id === none || other.value === none)) other.checked = false;
        });
      });
      return box;
    });
    var form = el("form", { class: "decide-wizard__choices", "aria-labelledby": "decide-question" },
      question.answers.map(function (answer, number) {
        return el("div", { class: "decide-wizard__choice" }, [boxes[number], " ",
          el("label", { for: boxes[number].id, text: answer.label })]);
      }).concat([el("p", {}, [el("button", { type: "submit", class: "md-button md-button--primary decide-wizard__next",
        text: "Continue" })]), el("p", { class: "decide-wizard__hint",
        text: "Ticking nothing counts as “" + find(question, none).label + "”." })]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var ticked = question.answers.filter(function (answer, number) { return boxes[number].checked; });
      if (!ticked.length) ticked = [find(question, none)];
      self.go(steps.concat(ticked.map(function (answer) { return { question: question, answer: answer }; })));
    });
    return form;
  };

  function riders(items, kind, empty) {
    if (!items.length) return empty ? el("p", { class: "decide-wizard__none", text: empty }) : null;
    return el("ul", { class: "decide-wizard__" + kind }, items.map(function (item) {
      var links = [];
      item.evidence.forEach(function (source, number) {
        if (number) links.push("; ");
        links.push(el("a", { href: source.url, text: source.title }));
        if (source.retrieved) links.push(" (retrieved " + source.retrieved + ")");
      });
      var attributes = {};
      attributes[kind === "caveats" ? "data-caveat" : "data-addon"] = item.id;
      return el("li", attributes, [
        el("details", { class: kind === "caveats" ? "warning" : "tip" }, [
          el("summary", {}, [el("strong", { text: item.title }),
            item.kind === "exit" ? " (specialist exit)" : ""]),
          el("p", { text: item.text }),
          el("p", {}, ["Evidence: "].concat(links))
        ])
      ]);
    }));
  }

  Wizard.prototype.renderResult = function (children, steps, outcome) {
    var tree = this.tree;
    var permalink = new URL("?" + query(tree, steps), location.href).href;
    var heading = el("h3", { id: "decide-result", class: "decide-wizard__result-title", tabindex: "-1",
      "data-outcome": outcome.id, text: "Recommendation: " + outcome.title });
    var caveats = index(tree.caveats);
    var addons = index(tree.addons);
    var raised = collected(steps, "caveats").map(function (id) { return caveats[id]; });
    var added = collected(steps, "addons").map(function (id) { return addons[id]; });
    var record = el("textarea", { id: "decide-record", class: "decide-wizard__record", readonly: "readonly",
      rows: "12", spellcheck: "false" });
    record.value = decisionRecord(tree, steps, outcome, permalink);
    var status = el("span", { class: "decide-wizard__status", role: "status" });
    var copy = el("button", { type: "button", class: "md-button md-button--primary decide-wizard__copy",
      text: "Copy the decision record" });
    copy.addEventListener("click", function () { copyText(record, status); });
    children.push(el("section", { class: "decide-wizard__result", "aria-labelledby": "decide-result" }, [
      heading,
      el("p", { text: outcome.summary }),
      added.length ? el("h4", { text: "Add-ons and specialist exits" }) : null,
      riders(added, "addons"),
      el("h4", { text: raised.length ? "Caveats for your answers (" + raised.length + ")" : "Caveats" }),
      riders(raised, "caveats", "None of your answers raised a caveat."),
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
  /* Set while Back or Forward is being handled: Material may swap the page in after the
     popstate handler has rendered, and the question it renders must then get the focus. */
  var traversing = false;

  function start() {
    var root = document.querySelector("[data-decide-wizard]");
    current = null;
    if (!root || !root.dataset.tree) return;
    current = new Wizard(root, JSON.parse(root.dataset.tree));
    var link = current.fromLocation(traversing);
    if (link.outcome) current.ui.scrollIntoView({ block: "start" });
  }

  window.addEventListener("popstate", function () {
    traversing = true;
    setTimeout(function () {
      if (current && document.body.contains(current.root)) current.fromLocation(true);
    }, 0);
    setTimeout(function () { traversing = false; }, 1000);
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
