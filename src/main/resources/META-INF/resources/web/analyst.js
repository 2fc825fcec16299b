// The rules workbench: works through the advisor's JSON API with the analyst's sign-in (the session cookie), and draws
// its charts with ECharts. No build step: plain browser JavaScript.
(function () {
    "use strict";

    var texts = document.getElementById("analyst-texts").dataset;
    var liveVersion = document.getElementById("live").dataset.version;
    var LEVELS = ["NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"];
    var RULE_FILE = /\.(drl|csv|xlsx|xls|properties|ya?ml)$/i;

    // A text of the page's language, %1, %2, … replaced by the values given.
    function t(key) {
        var args = Array.prototype.slice.call(arguments, 1);
        return (texts[key] || key).replace(/%(\d)/g, function (all, n) {
            var value = args[Number(n) - 1];
            return value === undefined || value === null ? "" : String(value);
        });
    }

    function $(id) {
        return document.getElementById(id);
    }

    // An element with attributes and children (text or elements).
    function el(tag, attributes, children) {
        var node = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) {
            if (attributes[name] !== null && attributes[name] !== undefined) {
                node.setAttribute(name, attributes[name]);
            }
        });
        (children || []).forEach(function (child) {
            node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
        });
        return node;
    }

    function table(className, headers, rows) {
        return el("div", {"class": "table-wrap"}, [el("table", {"class": className}, [
            el("thead", {}, [el("tr", {}, headers.map(function (h) { return el("th", {}, [h]); }))]),
            el("tbody", {}, rows)
        ])]);
    }

    function percent(value) {
        return value === null || value === undefined ? "–" : (value * 100).toFixed(1) + "%";
    }

    // Calls the API; a problem answer becomes an Error saying what the service said.
    function api(method, path, body) {
        // X-Requested-With: the service refuses a change signed by the session cookie alone (another page could send it).
        var options = {method: method, credentials: "same-origin",
            headers: {"Accept": "application/json", "X-Requested-With": "retention-advisor"}};
        if (body !== undefined) {
            options.body = body;
        }
        return fetch(path, options).then(function (response) {
            var location = response.headers.get("Location");
            return response.text().then(function (text) {
                var json = text ? JSON.parse(text) : null;
                if (!response.ok) {
                    var detail = json && (json.detail || json.title) ? (json.detail || json.title) : response.statusText;
                    var error = new Error(response.status === 401 ? t("signedOut") : t("serviceSaid", response.status, detail));
                    error.problem = json;
                    throw error;
                }
                return {json: json, location: location};
            });
        });
    }

    function showError(target, error) {
        target.replaceChildren(el("p", {"class": "error", "role": "alert"}, [error.message]));
    }

    // --- the history: a diff between two versions, a rollback ---

    $("show-diff").addEventListener("click", function () {
        var from = document.querySelector("input[name=diff-from]:checked");
        var to = document.querySelector("input[name=diff-to]:checked");
        var target = $("diff");
        if (!from || !to) {
            return;
        }
        api("GET", "/api/rules/versions/" + from.value + "/diff/" + to.value).then(function (answer) {
            var files = answer.json.files;
            if (!files.length) {
                target.replaceChildren(el("p", {}, [t("noDifference")]));
                return;
            }
            target.replaceChildren.apply(target, files.map(function (file) {
                return el("details", {"open": "", "data-path": file.path}, [
                    el("summary", {}, [file.path + " · " + t("change" + file.change.charAt(0) + file.change.substring(1).toLowerCase())]),
                    el("pre", {}, (file.diff || "").split("\n").map(function (line) {
                        var header = line.indexOf("+++ ") === 0 || line.indexOf("--- ") === 0;
                        var kind = header ? "same" : line.charAt(0) === "+" ? "added" : line.charAt(0) === "-" ? "removed" : "same";
                        return el("span", {"class": kind}, [line + "\n"]);
                    }))
                ]);
            }));
        }).catch(function (error) { showError(target, error); });
    });

    document.querySelectorAll("button.rollback").forEach(function (button) {
        button.addEventListener("click", function () {
            var version = button.dataset.version;
            if (!window.confirm(t("rollbackConfirm", version))) {
                return;
            }
            button.disabled = true;
            api("POST", "/api/rules/rollback/" + encodeURIComponent(version)).then(function () {
                window.location.reload();
            }).catch(function (error) {
                button.disabled = false;
                showError($("diff"), error);
            });
        });
    });

    // --- the candidate: files chosen, their paths under rules/, checked ---

    var chosen = [];
    var checked = null; // what the last check said of the files chosen then: {valid, passed, failed}
    var livePaths = [];
    api("GET", "/api/rules/versions/" + liveVersion).then(function (answer) {
        livePaths = answer.json.files.map(function (file) { return file.path; });
    }).catch(function () { /* a ruleset not stored yet: paths are typed by hand */ });

    // The path of a chosen file under rules/: a folder's own structure, else the live file of the same name.
    function guessPath(file) {
        var relative = file.webkitRelativePath || "";
        if (relative.indexOf("/") > 0) {
            return relative.substring(relative.indexOf("/") + 1);
        }
        var same = livePaths.filter(function (path) { return path.split("/").pop() === file.name; });
        return same.length === 1 ? same[0] : file.name;
    }

    function choose(files) {
        chosen = Array.prototype.filter.call(files, function (file) { return RULE_FILE.test(file.name); })
            .map(function (file) { return {file: file, path: guessPath(file)}; });
        checked = null;
        var body = $("chosen").querySelector("tbody");
        body.replaceChildren.apply(body, chosen.map(function (entry, index) {
            var input = el("input", {"type": "text", "value": entry.path, "size": "40", "aria-label": entry.file.name, "data-index": index});
            input.addEventListener("input", function () {
                entry.path = input.value.trim();
                checked = null;
                refreshButtons();
            });
            return el("tr", {}, [el("td", {}, [entry.file.name]), el("td", {}, [input]), el("td", {}, [])]);
        }));
        $("chosen").hidden = chosen.length === 0;
        $("problems").replaceChildren();
        $("scenarios").replaceChildren();
        $("check-state").textContent = "";
        refreshButtons();
    }

    $("pick-files").addEventListener("change", function (event) { choose(event.target.files); });
    $("pick-folder").addEventListener("change", function (event) { choose(event.target.files); });

    function formWith(entries) {
        var form = new FormData();
        entries.forEach(function (entry) { form.append("files", entry.file, entry.path); });
        return form;
    }

    function place(problem) {
        var parts = [];
        if (problem.line) { parts.push(t("line", problem.line)); }
        if (problem.column) { parts.push(t("column", problem.column)); }
        if (problem.sheet) { parts.push(t("sheet", problem.sheet)); }
        if (problem.row) { parts.push(t("row", problem.row)); }
        if (problem.cell) { parts.push(t("cell", problem.cell)); }
        return parts.join(", ");
    }

    function problemTable(problems) {
        return table("problems", [t("file"), t("place"), t("rule"), t("problem")], problems.map(function (problem) {
            return el("tr", {"data-file": problem.file}, [
                el("td", {}, [el("code", {}, [problem.file || ""])]),
                el("td", {"class": "place"}, [place(problem)]),
                el("td", {}, [problem.rule || problem.scenario || ""]),
                el("td", {}, [el("pre", {"class": "message"}, [problem.message])])
            ]);
        }));
    }

    $("check").addEventListener("click", function () {
        var state = $("check-state");
        state.textContent = t("checking");
        $("check").disabled = true;
        api("POST", "/api/rules/validate", formWith(chosen)).then(function (answer) {
            var validation = answer.json;
            if (!validation.valid) {
                state.textContent = t("checkInvalid", validation.version, validation.problems.length);
                $("problems").replaceChildren(problemTable(validation.problems));
                $("scenarios").replaceChildren();
                checked = {valid: false};
                return null;
            }
            state.textContent = t("checkValid", validation.version, validation.rules.length);
            $("problems").replaceChildren();
            return api("POST", "/api/rules/test", formWith(chosen)).then(function (run) {
                var test = run.json;
                var failing = test.scenarios.filter(function (scenario) { return !scenario.passed; });
                $("scenarios").replaceChildren(
                    el("p", {"class": failing.length ? "error" : "ok", "data-passed": test.passed, "data-failed": test.failed},
                        [t("scenariosResult", test.passed, test.failed)]),
                    failing.length ? table("failing", [t("file"), t("scenario"), t("differences")], failing.map(function (scenario) {
                        return el("tr", {}, [el("td", {}, [el("code", {}, ["tests/" + scenario.file])]), el("td", {}, [scenario.scenario]),
                            el("td", {}, [el("pre", {"class": "message"}, [scenario.differences.join("\n")])])]);
                    })) : el("span"));
                checked = {valid: true, passed: test.passed, failed: test.failed};
            });
        }).catch(function (error) {
            state.textContent = "";
            showError($("problems"), error);
        }).then(refreshButtons);
    });

    function refreshButtons() {
        var paths = chosen.every(function (entry) { return entry.path; });
        $("check").disabled = chosen.length === 0 || !paths;
        $("run-simulation").disabled = chosen.length === 0 || !paths;
        var ready = checked && checked.valid && checked.failed === 0;
        $("publish-button").disabled = !ready || !$("comment").value.trim();
        $("publish-state").textContent = ready ? (!$("comment").value.trim() ? t("publishNeedsComment") : "") : t("publishNeedsCheck");
    }
    $("comment").addEventListener("input", refreshButtons);

    // --- jobs: started with 202 and a Location, polled with a progress bar and the estimate ---

    function runJob(path, body, box) {
        var bar = box.querySelector("progress");
        var state = box.querySelector(".job-state");
        box.hidden = false;
        bar.value = 0;
        state.textContent = t("queued");
        return api("POST", path, body).then(function (started) {
            var location = started.location;
            function poll() {
                return api("GET", location + (location.indexOf("?") < 0 ? "?" : "&") + "waitSeconds=2").then(function (answer) {
                    var job = answer.json;
                    if (job.total) {
                        bar.max = job.total;
                        bar.value = job.done;
                    }
                    if (job.state === "DONE") {
                        bar.value = bar.max;
                        state.textContent = t("done", job.total);
                        box.dataset.location = location;
                        return job.report;
                    }
                    if (job.state === "FAILED" || job.state === "CANCELLED") {
                        throw new Error(t("failed", job.failure || job.state));
                    }
                    state.textContent = job.state === "QUEUED" ? t("queued")
                        : t("running", job.done, job.total, job.secondsLeft === null || job.secondsLeft === undefined ? "?" : job.secondsLeft);
                    return poll();
                });
            }
            return poll();
        }).catch(function (error) {
            state.textContent = error.message;
            throw error;
        });
    }

    function chart(target, option, height) {
        var box = el("div", {"class": "chart", "style": "height:" + (height || 320) + "px"});
        target.appendChild(box);
        if (window.echarts) {
            var drawn = window.echarts.init(box, null, {renderer: "svg"});
            drawn.setOption(Object.assign({animation: false, grid: {containLabel: true, left: 8, right: 16, top: 40, bottom: 8}}, option));
            window.addEventListener("resize", function () { drawn.resize(); });
            // Drawn at the size its box has once the rest of the report is laid out beside it.
            window.requestAnimationFrame(function () { drawn.resize(); });
        }
        return box;
    }

    // --- the simulation ---

    $("run-simulation").addEventListener("click", function () {
        var sample = $("sample").value;
        var report = $("simulation-report");
        report.replaceChildren();
        $("run-simulation").disabled = true;
        runJob("/api/rules/simulate" + (sample ? "?sample=" + encodeURIComponent(sample) : ""), formWith(chosen), $("simulation-job"))
            .then(function (simulation) { showSimulation(report, simulation); })
            .catch(function (error) { showError(report, error); })
            .then(refreshButtons);
    });

    function customerLink(id) {
        var link = el("a", {"href": "#facts", "class": "customer", "data-customer": id}, [id]);
        link.addEventListener("click", function () {
            $("facts-customer").value = id;
            showFacts();
        });
        return link;
    }

    function showSimulation(target, report) {
        target.appendChild(el("p", {"class": "summary"}, [t("customersChanged", report.customersChanged, report.customers)]));
        target.appendChild(el("h3", {}, [t("matrixTitle")]));
        var cells = {};
        report.riskLevelChanges.forEach(function (change) { cells[change.from + ">" + change.to] = change; });
        var levels = LEVELS.filter(function (level) {
            return report.riskLevelChanges.some(function (c) { return c.from === level || c.to === level; });
        });
        target.appendChild(table("matrix", [""].concat(levels), levels.map(function (from) {
            return el("tr", {}, [el("th", {"scope": "row"}, [from])].concat(levels.map(function (to) {
                var change = cells[from + ">" + to];
                if (!change) {
                    return el("td", {"data-from": from, "data-to": to}, ["0"]);
                }
                var examples = el("span", {"class": "examples"}, []);
                (change.examples || []).forEach(function (id, i) {
                    if (i > 0) { examples.appendChild(document.createTextNode(" ")); }
                    examples.appendChild(customerLink(id));
                });
                return el("td", {"data-from": from, "data-to": to, "class": from === to ? "same" : "moved"},
                    [el("strong", {}, [String(change.customers)]), el("br"), examples]);
            })));
        })));
        target.appendChild(el("h3", {}, [t("actionsTitle")]));
        if (report.actions.length) {
            chart(target, {
                legend: {data: [t("gained"), t("lost")]},
                tooltip: {},
                xAxis: {type: "value"},
                yAxis: {type: "category", data: report.actions.map(function (a) { return a.code; })},
                series: [{name: t("gained"), type: "bar", data: report.actions.map(function (a) { return a.appears; })},
                    {name: t("lost"), type: "bar", data: report.actions.map(function (a) { return -a.disappears; })}]
            }, 80 + report.actions.length * 28);
        } else {
            target.appendChild(el("p", {"class": "muted"}, [t("nothingChanges")]));
        }
        target.appendChild(el("h3", {}, [t("refusalsTitle")]));
        target.appendChild(report.contactRefusals.length ? table("refusals", [t("rule"), t("gained"), t("lost")],
            report.contactRefusals.map(function (r) {
                return el("tr", {}, [el("td", {}, [r.rule]), el("td", {}, [String(r.gained)]), el("td", {}, [String(r.lost)])]);
            })) : el("p", {"class": "muted"}, [t("nothingChanges")]));
        target.appendChild(el("h3", {}, [t("firingsTitle")]));
        var firings = report.firings.filter(function (f) { return f.difference !== 0; })
            .sort(function (a, b) { return Math.abs(b.difference) - Math.abs(a.difference); }).slice(0, 20);
        if (firings.length) {
            chart(target, {
                legend: {data: [t("live"), t("candidate")]},
                tooltip: {},
                xAxis: {type: "value"},
                yAxis: {type: "category", inverse: true, axisLabel: {width: 320, overflow: "truncate"},
                    data: firings.map(function (f) { return f.rule; })},
                series: [{name: t("live"), type: "bar", data: firings.map(function (f) { return f.live; })},
                    {name: t("candidate"), type: "bar", data: firings.map(function (f) { return f.candidate; })}]
            }, 80 + firings.length * 36);
        } else {
            target.appendChild(el("p", {"class": "muted"}, [t("nothingChanges")]));
        }
    }

    // --- the back-test and the calibration ---

    function jobQuery() {
        return "?cutoff=" + encodeURIComponent($("cutoff").value + "T00:00:00Z")
            + "&horizon=" + encodeURIComponent($("horizon").value.trim())
            + "&outcome=" + encodeURIComponent($("outcome").value);
    }

    function candidateBody() {
        return chosen.length ? formWith(chosen) : undefined;
    }

    // A back-test or a calibration: the candidate chosen (or the live rules), its button held while the job runs.
    function runReportJob(button, path, job, report, show) {
        $(button).addEventListener("click", function () {
            var target = $(report);
            target.replaceChildren();
            $(button).disabled = true;
            runJob(path + jobQuery(), candidateBody(), $(job))
                .then(function (answer) { show(target, answer); })
                .catch(function (error) { showError(target, error); })
                .then(function () { $(button).disabled = false; });
        });
    }

    runReportJob("run-backtest", "/api/rules/backtest", "backtest-job", "backtest-report", showBacktest);
    runReportJob("run-calibration", "/api/rules/calibration", "calibration-job", "calibration-report", showCalibration);

    function showBacktest(target, report) {
        target.appendChild(el("p", {"class": "summary", "data-auc": report.auc},
            [t("backtestSummary", report.evaluated, report.cutoff.substring(0, 10), report.positives, report.horizon, percent(report.baseRate))]));
        var charts = el("div", {"class": "charts"});
        target.appendChild(charts);
        var roc = el("figure", {"id": "roc"}, [el("figcaption", {}, [t("rocTitle", report.auc === null ? "–" : report.auc.toFixed(3))])]);
        charts.appendChild(roc);
        chart(roc, {
            tooltip: {trigger: "axis"},
            xAxis: {type: "value", min: 0, max: 1, name: t("falsePositiveRate"), nameLocation: "middle", nameGap: 24},
            yAxis: {type: "value", min: 0, max: 1, name: t("truePositiveRate"), nameLocation: "middle", nameGap: 36},
            series: [{name: "ROC", type: "line", data: report.roc.map(function (p) { return [p.falsePositiveRate, p.truePositiveRate]; })},
                {name: t("chance"), type: "line", lineStyle: {type: "dashed"}, symbol: "none", data: [[0, 0], [1, 1]]}]
        }, 300);
        var lift = el("figure", {"id": "lift"}, [el("figcaption", {}, [t("liftTitle")])]);
        charts.appendChild(lift);
        chart(lift, {
            tooltip: {},
            xAxis: {type: "category", data: report.deciles.map(function (d) { return String(d.decile); })},
            yAxis: {type: "value"},
            series: [{type: "bar", data: report.deciles.map(function (d) { return d.lift; }),
                markLine: {symbol: "none", data: [{yAxis: 1}]}}]
        }, 300);
        var levels = el("figure", {"id": "levels"}, [el("figcaption", {}, [t("levelsTitle")])]);
        charts.appendChild(levels);
        chart(levels, {
            tooltip: {},
            xAxis: {type: "category", axisLabel: {interval: 0}, data: report.riskLevels.map(function (l) { return l.level + " (" + l.customers + ")"; })},
            yAxis: {type: "value", axisLabel: {formatter: function (v) { return Math.round(v * 100) + "%"; }}},
            series: [{type: "bar", data: report.riskLevels.map(function (l) { return l.rate; }),
                markLine: {symbol: "none", data: [{yAxis: report.baseRate}]}}]
        }, 300);
        var signs = el("figure", {"id": "signs", "class": "wide"}, [el("figcaption", {}, [t("signsTitle")])]);
        charts.appendChild(signs);
        chart(signs, {
            legend: {data: [t("withSign"), t("withoutSign")]},
            tooltip: {trigger: "axis", valueFormatter: function (v) { return percent(v); }},
            xAxis: {type: "value", axisLabel: {formatter: function (v) { return Math.round(v * 100) + "%"; }}},
            yAxis: {type: "category", inverse: true, data: report.signs.map(function (s) { return s.code + " (" + s.customers + ")"; })},
            series: [{name: t("withSign"), type: "bar", data: report.signs.map(function (s) { return s.rate; })},
                {name: t("withoutSign"), type: "bar", data: report.signs.map(function (s) { return s.rateWithout; })}]
        }, 80 + report.signs.length * 36);
    }

    function showCalibration(target, report) {
        target.appendChild(el("h3", {}, [t("calibrationTitle")]));
        var preview = report.preview || {};
        target.appendChild(el("p", {"class": "summary"}, [t("calibrationPreview",
            preview.currentAuc === null || preview.currentAuc === undefined ? "–" : preview.currentAuc.toFixed(3),
            preview.proposedAuc === null || preview.proposedAuc === undefined ? "–" : preview.proposedAuc.toFixed(3))]));
        // The chart shows the weights the data says something about: shown by some customer, or moved.
        var telling = report.weights.filter(function (w) { return w.customers > 0 || w.currentPoints !== w.proposedPoints; });
        chart(target, {
            legend: {data: [t("current"), t("proposed")]},
            tooltip: {trigger: "axis"},
            xAxis: {type: "value"},
            yAxis: {type: "category", inverse: true, data: telling.map(function (w) { return w.code + " (" + w.customers + ")"; })},
            series: [{name: t("current"), type: "bar", data: telling.map(function (w) { return w.currentPoints; })},
                {name: t("proposed"), type: "bar", data: telling.map(function (w) { return w.proposedPoints; })}]
        }, 80 + telling.length * 36);
        var location = $("calibration-job").dataset.location;
        if (location) {
            target.appendChild(el("p", {}, [el("a", {"href": location.split("?")[0] + "/files", "id": "proposed-files", "download": "proposed-rules.zip"},
                [t("proposedFiles")])]));
        }
        target.appendChild(table("weights", [t("fact"), t("current"), t("proposed")], telling.map(function (w) {
            return el("tr", {"data-code": w.code}, [el("td", {}, [w.code + " · " + w.status]), el("td", {}, [String(w.currentPoints)]),
                el("td", {}, [String(w.proposedPoints)])]);
        })));
    }

    // --- publish: the live files with the chosen ones laid over them, as the whole ruleset ---

    $("publish-button").addEventListener("click", function () {
        var state = $("publish-state");
        state.textContent = t("publishing");
        $("publish-button").disabled = true;
        api("GET", "/api/rules").then(function (now) {
            // Published over what serves now, never over what served when the page opened: a colleague's publish stays.
            if (now.json.version !== liveVersion) {
                throw new Error(t("liveChanged", now.json.version, liveVersion));
            }
            return api("GET", "/api/rules/versions/" + liveVersion);
        }).then(function (answer) {
            var overlay = {};
            chosen.forEach(function (entry) { overlay[entry.path] = entry.file; });
            var form = new FormData();
            answer.json.files.forEach(function (file) {
                if (overlay[file.path]) {
                    return;
                }
                var bytes = file.encoding === "base64"
                    ? Uint8Array.from(atob(file.content), function (c) { return c.charCodeAt(0); })
                    : new TextEncoder().encode(file.content);
                form.append("files", new Blob([bytes]), file.path);
            });
            chosen.forEach(function (entry) { form.append("files", entry.file, entry.path); });
            form.append("comment", $("comment").value.trim());
            return api("POST", "/api/rules/publish", form);
        }).then(function (answer) {
            state.textContent = t("published", answer.json.version, answer.json.previousVersion);
            window.setTimeout(function () { window.location.reload(); }, 1500);
        }).catch(function (error) {
            state.textContent = error.message;
            if (error.problem && error.problem.ruleProblems) {
                // What the publish found wrong replaces what the check said.
                $("scenarios").replaceChildren();
                $("problems").replaceChildren(problemTable(error.problem.ruleProblems));
                checked = null;
            }
            refreshButtons();
        });
    });

    // --- a customer's facts beside the rules ---

    function showFacts() {
        var id = $("facts-customer").value.trim();
        var target = $("facts-report");
        if (!id) {
            return;
        }
        // Whatever was chosen goes along: a channel without a purpose is answered with the service's words on it.
        var asked = [];
        if ($("facts-channel").value) { asked.push("channel=" + $("facts-channel").value); }
        if ($("facts-purpose").value) { asked.push("purpose=" + $("facts-purpose").value); }
        ["campaign", "person"].forEach(function (field) {
            var value = $("facts-" + field).value.trim();
            if (value) { asked.push(field + "=" + encodeURIComponent(value)); }
        });
        var query = asked.length ? "?" + asked.join("&") : "";
        api("GET", "/api/customers/" + encodeURIComponent(id) + "/facts" + query).then(function (answer) {
            var view = answer.json;
            var fired = view.rules.filter(function (rule) { return rule.fired; }).length;
            var onlyNotFired = el("input", {"type": "checkbox", "id": "only-not-fired"});
            var rules = table("rules", [t("rule"), t("concludes"), t("reads"), t("fired")], view.rules.map(function (rule) {
                return el("tr", {"class": rule.fired ? "fired" : "not-fired", "data-rule": rule.rule}, [
                    el("td", {}, [rule.rule, el("br"), el("small", {"class": "muted"}, [rule.file || ""])]),
                    el("td", {}, [rule.concludes.join(", ") + (rule.concluded.length ? " → " + rule.concluded.map(function (c) {
                        return c.code || c.kind;
                    }).join(", ") : "")]),
                    el("td", {}, [rule.reads.join(", ")]),
                    el("td", {}, [rule.fired ? t("yes") : t("no")])
                ]);
            }));
            onlyNotFired.addEventListener("change", function () {
                rules.classList.toggle("only-not-fired", onlyNotFired.checked);
            });
            target.replaceChildren(
                el("p", {"class": "summary"}, [t("factsSummary", view.rulesetVersion, fired, view.rules.length, view.customerId)]),
                el("h3", {}, [t("factsTitle")]),
                table("fact-values", [t("fact"), t("value"), t("readBy")], view.facts.map(function (fact) {
                    return el("tr", {"data-fact": fact.fact + "." + fact.name}, [
                        el("td", {}, [fact.fact + "." + fact.name]),
                        el("td", {"class": "value"}, [fact.value === null ? "–" : typeof fact.value === "object" ? JSON.stringify(fact.value) : String(fact.value)]),
                        el("td", {}, [fact.readBy.join("; ")])
                    ]);
                })),
                el("h3", {}, [t("rulesTitle")]),
                el("label", {}, [onlyNotFired, " " + t("onlyNotFired")]),
                rules);
        }).catch(function (error) { showError(target, error); });
    }

    $("facts-form").addEventListener("submit", function (event) {
        event.preventDefault();
        showFacts();
    });

    refreshButtons();
}());
