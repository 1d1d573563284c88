/* evalframe's time-travelling viewer (evalframe/web/static/viewer.js).
 *
 * Replays a recording made by evalframe/web/record.py ("evalframe-recording/1").
 * Nothing is computed by running code: every step was recorded first, so going
 * back is as cheap as going forward.  Only the current step is rendered; an
 * object's state at step s is its last version with step <= s (binary search),
 * so a step renders in the same time at step 10 and at step 100,000.
 *
 * window.evalframe is the automation interface (docs/web.md): goto(n), step(),
 * back(), count(), state() and a few more.
 */
(function () {
  "use strict";

  var KIND_NAMES = { c: "call", i: "instruction", x: "exception", r: "return", y: "yield", u: "unwind" };
  var KCODE = { c: 1, i: 2, x: 3, r: 4, y: 5, u: 6 };
  var MAX_HEAP_OBJECTS = 120;
  var MAX_FRAMES = 40;
  var MAX_OUTPUT = 20000;

  var R = null;            // the recording
  var N = 0;               // number of steps
  var cur = 0;             // the step shown
  var KS, FS, CS, OS, DS, LS;   // per step: kind code, frame id, code index, offset, depth, line
  var HEAP = {};           // heap id -> {at: Int32Array of steps, snaps: [...]}
  var outText = "", outEnds = [], outSteps = [];
  var errText = "", errEnds = [], errSteps = [];
  var excOf = null;        // per step: index of the exception step in flight, or -1
  var caughtAt = null;     // per step: index of the exception step this step caught, or -1
  var breakpoints = {};    // "file\nline" -> true
  var openDetails = {};    // heap id -> true: a code object's fields shown in full
  var pinnedCode = -1;     // a code listing asked for by "show its bytecode" (until the next step)
  var shownFile = null, shownCode = -1;
  var lineEls = [], insEls = [];
  var $ = function (id) { return document.getElementById(id); };
  var fileLines = {};      // file -> its source split in lines (once)
  var shownOut = -1, shownErr = -1;

  function linesOf(file) {
    var l = fileLines[file];
    if (!l) l = fileLines[file] = (((R.files[file] || {}).source) || "").split("\n");
    return l;
  }

  // -- loading -------------------------------------------------------------------

  function start() {
    var el = $("recording-data");
    if (el) {
      var rec;
      try { rec = JSON.parse(el.textContent); } catch (e) { return fail("the recording is damaged: " + e); }
      return init(rec);
    }
    var url = window.EVALFRAME_RECORDING_URL;
    if (!url) return fail("no recording in this page");
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(init, function (e) { fail("could not load the recording: " + e.message); });
  }

  function fail(msg) {
    $("loading").textContent = msg;
    $("loading").className = "error";
  }

  function init(rec) {
    R = rec;
    N = R.steps.length;
    KS = new Uint8Array(N); FS = new Int32Array(N); CS = new Int32Array(N);
    OS = new Int32Array(N); DS = new Int32Array(N); LS = new Int32Array(N);
    for (var s = 0; s < N; s++) {
      var st = R.steps[s];
      KS[s] = KCODE[st[0]]; FS[s] = st[1]; CS[s] = st[2]; OS[s] = st[3]; DS[s] = st[5];
      var ins = R.codes[st[2]].ins[st[3] >> 1];
      LS[s] = ins && ins[4] != null ? ins[4] : -1;
    }
    for (var hid in R.heap) {
      var versions = R.heap[hid];
      var at = new Int32Array(versions.length), snaps = new Array(versions.length);
      for (var i = 0; i < versions.length; i++) { at[i] = versions[i][0]; snaps[i] = versions[i][1]; }
      HEAP[hid] = { at: at, snaps: snaps };
    }
    var o = prefix(R.stdout); outText = o[0]; outEnds = o[1]; outSteps = o[2];
    var e = prefix(R.stderr); errText = e[0]; errEnds = e[1]; errSteps = e[2];
    computeExceptions();
    $("program").textContent = R.argv.join(" ");
    var notes = [];
    if (R.end && R.end.truncated) notes.push("recording " + R.end.message);
    if (R.end && R.end.internal_errors) notes.push(R.end.internal_errors + " moments could not be recorded (recorder errors)");
    if (notes.length) { $("notice").textContent = notes.join("; "); $("notice").hidden = false; }
    $("slider").max = Math.max(0, N - 1);
    $("loading").style.display = "none";
    document.body.classList.add("ready");
    wire();
    drawMarks();
    var h = hashStep();
    goto(h == null ? 0 : h);
    window.evalframe.ready = true;
    window.addEventListener("resize", function () { drawMarks(); drawArrows(); });
  }

  function prefix(chunks) {
    var text = "", ends = [], steps = [];
    for (var i = 0; i < (chunks || []).length; i++) {
      text += chunks[i][1]; ends.push(text.length); steps.push(chunks[i][0]);
    }
    return [text, ends, steps];
  }

  // the exception in flight: from an 'x' step through 'u' steps and further
  // 'x' steps of the frames it passes, until an instruction runs (a handler)
  function computeExceptions() {
    excOf = new Int32Array(N); caughtAt = new Int32Array(N);
    var flying = -1;
    for (var s = 0; s < N; s++) {
      var k = KS[s];
      caughtAt[s] = -1;
      if (k === KCODE.x) {
        // arriving from a callee that was left by it: the same exception, still in flight
        if (!(flying >= 0 && s > 0 && KS[s - 1] === KCODE.u)) flying = s;
        excOf[s] = flying;
        continue;
      }
      if (k === KCODE.u) { excOf[s] = flying; continue; }
      if (flying >= 0 && k === KCODE.i) { caughtAt[s] = flying; }
      flying = -1;
      excOf[s] = -1;
    }
  }

  // -- the heap -------------------------------------------------------------------

  function resolve(hid, s) {
    var h = HEAP[hid];
    if (!h) return null;
    var at = h.at, lo = 0, hi = at.length - 1, best = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (at[mid] <= s) { best = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return best < 0 ? null : h.snaps[best];
  }

  function lineOf(ci, offset) {
    var ins = R.codes[ci].ins[offset >> 1];
    return ins ? ins[4] : null;
  }

  // a short repr of a value (a primitive's repr, or a description of an object)
  function repr(ref, s, depth) {
    if (typeof ref === "string") return ref;
    if (ref == null) return "None";
    var o = resolve(ref, s);
    if (!o) return "<object #" + ref + ">";
    depth = depth || 0;
    var inner = function (r) { return depth > 1 ? "..." : repr(r, s, depth + 1); };
    switch (o.k) {
      case "function": return "<function " + o.qual + ">";
      case "code": return "<code object " + o.name + ">";
      case "cell": return "<cell: " + ("v" in o ? inner(o.v) : "empty") + ">";
      case "list": return "[" + o.items.map(inner).join(", ") + (o.n > o.items.length ? ", ..." : "") + "]";
      case "tuple": return "(" + o.items.map(inner).join(", ") + (o.items.length === 1 ? "," : "") + (o.n > o.items.length ? ", ..." : "") + ")";
      case "set": case "frozenset":
        return o.n ? "{" + o.items.map(inner).join(", ") + (o.n > o.items.length ? ", ..." : "") + "}" : o.k + "()";
      case "dict": return "{" + o.items.map(function (kv) { return inner(kv[0]) + ": " + inner(kv[1]); }).join(", ") + (o.n > o.items.length ? ", ..." : "") + "}";
      case "instance": return "<" + o.t + " object>";
      case "class": return "<class '" + o.name + "'>";
      case "generator": return "<" + o.t + " object " + o.name + ">";
      case "frame": return "<frame of " + o.name + ">";
      case "method": return "<bound method " + inner(o.func).replace(/^<function |>$/g, "") + ">";
      case "module": return "<module " + o.name + ">";
      case "globals": return "<globals of " + o.module + ">";
      case "exception": return o.r;
      default: return o.r || ("<" + (o.t || o.k) + " object>");
    }
  }

  function kindLabel(o) {
    switch (o.k) {
      case "function": return "function " + o.qual;
      case "code": return "code " + o.name;
      case "class": return "class " + o.name;
      case "instance": return o.t + " instance";
      case "generator": return o.t + " " + o.name;
      case "frame": return "frame " + o.name;
      case "globals": return "globals " + o.module;
      case "module": return "module " + o.name;
      case "exception": return o.t;
      case "builtin": return "builtin " + String(o.r || "").replace(/^<(built-in (function|method) )?|>$/g, "").split(" ")[0];
      case "object": return o.t || "object";
      default: return (o.t || o.k);
    }
  }

  // -- rendering ------------------------------------------------------------------

  function esc(t) {
    return String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function goto(n) {
    if (!R || !N) return cur;
    n = Math.max(0, Math.min(N - 1, n | 0));
    cur = n;
    render();
    return cur;
  }

  function render() {
    var s = cur, st = R.steps[s];
    var kind = st[0], code = R.codes[st[2]], off = st[3];
    var ins = code.ins[off >> 1];
    var line = ins ? ins[4] : null;
    $("stepno").textContent = "step " + s + " of " + (N - 1);
    var kb = $("kind");
    kb.textContent = KIND_NAMES[kind];
    kb.className = "badge k-" + kind;
    $("loc").innerHTML = "<b>" + esc(code.qual) + "</b> line " + (line == null ? "?" : line) +
      ", offset " + off + (ins ? " <code>" + esc(ins[1]) + (ins[3] ? " (" + esc(ins[3]) + ")" : "") + "</code>" : "");
    $("slider").value = s;
    setHash(s);
    var t0 = performance.now();
    renderSource(code, ins, kind);
    pinnedCode = -1;
    renderBytecode(st[2], off, kind);
    var t1 = performance.now();
    renderExplain(st, s);
    renderMachine(s, st);
    var t2 = performance.now();
    renderOutput(s);
    renderException(s);
    timing = { code: t1 - t0, machine: t2 - t1, rest: performance.now() - t2 };
  }
  var timing = null;

  function setHash(s) {
    var h = "#step=" + s;
    if (location.hash === h) return;
    try { history.replaceState(null, "", h); } catch (e) { /* some file:// setups refuse */ }
  }

  function hashStep() {
    var m = /step=(\d+)/.exec(location.hash || "");
    return m ? parseInt(m[1], 10) : null;
  }

  // source: rendered once per file; then only classes and the current line change
  function renderSource(code, ins, kind) {
    var file = code.file;
    var box = $("source");
    if (file !== shownFile) {
      shownFile = file;
      var f = R.files[file] || {};
      $("file-name").textContent = file;
      lineEls = [null];
      box.innerHTML = "";
      if (f.source == null) {
        box.innerHTML = '<div class="note">source of ' + esc(file) + " is not available</div>";
      } else {
        var lines = f.source.split("\n");
        if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
        var frag = document.createDocumentFragment();
        for (var i = 0; i < lines.length; i++) {
          var row = document.createElement("div");
          row.className = "line";
          row.dataset.line = i + 1;
          if (breakpoints[file + "\n" + (i + 1)]) row.classList.add("bp");
          row.innerHTML = '<span class="gutter" title="click: breakpoint">' + (i + 1) + '</span><span class="text">' +
            lineHTML(f, i, null) + "</span>";
          frag.appendChild(row);
          lineEls.push(row);
        }
        box.appendChild(frag);
      }
    }
    var old = box.querySelectorAll(".cur, .span-line");
    for (var j = 0; j < old.length; j++) {
      old[j].classList.remove("cur", "span-line");
      var ln = +old[j].dataset.line;
      old[j].querySelector(".text").innerHTML = lineHTML(R.files[file] || {}, ln - 1, null);
    }
    var line = ins ? ins[4] : null;
    var pos = ins ? ins[7] : null;
    if (pos) {
      for (var l = pos[0]; l <= pos[1]; l++) {
        var el = lineEls[l];
        if (!el) continue;
        var text = linesOf(file)[l - 1] || "";
        var a = l === pos[0] ? pos[2] : 0, b = l === pos[1] ? pos[3] : text.length;
        el.classList.add("span-line");
        el.querySelector(".text").innerHTML = lineHTML(R.files[file], l - 1, [a, b]);
      }
    }
    if (line != null && lineEls[line]) {
      lineEls[line].classList.add("cur");
      lineEls[line].classList.toggle("exc", kind === "x" || kind === "u");
      scrollInto(box, lineEls[line]);
    }
  }

  // one line of source as HTML: Pygments tokens when recorded, with [a, b) marked
  function lineHTML(f, i, span) {
    var segs;
    if (f.tokens && f.tokens[i]) segs = f.tokens[i];
    else segs = [["", (f.source == null ? "" : linesOf(shownFile)[i]) || ""]];
    // three runs of tokens: before the span, inside it (one <mark>), after it
    var before = "", inside = "", after = "", col = 0;
    var a0 = span ? span[0] : Infinity, b0 = span ? span[1] : Infinity;
    for (var k = 0; k < segs.length; k++) {
      var cls = segs[k][0], t = segs[k][1], end = col + t.length;
      var a = Math.min(Math.max(a0 - col, 0), t.length), b = Math.min(Math.max(b0 - col, 0), t.length);
      before += tok(cls, t.slice(0, a));
      inside += tok(cls, t.slice(a, b));
      after += tok(cls, t.slice(b));
      col = end;
    }
    var out = before + (inside ? '<mark class="colspan">' + inside + "</mark>" : "") + after;
    if (!out) out = " ";
    return out;
  }

  function tok(cls, t) {
    if (!t) return "";
    return cls ? '<span class="' + cls + '">' + esc(t) + "</span>" : esc(t);
  }

  function scrollInto(box, el) {
    var top = el.offsetTop - box.offsetTop, h = box.clientHeight;
    if (top < box.scrollTop + 20 || top > box.scrollTop + h - 40) box.scrollTop = Math.max(0, top - h / 3);
  }

  // bytecode: the dis listing of the current code object, rendered once per code
  function renderBytecode(ci, off, kind) {
    var box = $("bytecode");
    var code = R.codes[ci];
    if (ci !== shownCode) {
      shownCode = ci;
      $("code-name").textContent = code.qual + " (" + basename(code.file) + ":" + code.first + ")";
      var html = [];
      var prevLine = null;
      for (var i = 0; i < code.ins.length; i++) {
        var r = code.ins[i];
        var startsLine = r[4] != null && r[4] !== prevLine;
        if (r[4] != null) prevLine = r[4];
        html.push('<div class="ins' + (startsLine ? " newline" : "") + '" data-off="' + r[0] + '">' +
          '<span class="ln">' + (startsLine ? r[4] : "") + "</span>" +
          '<span class="tgt">' + (r[5] ? "&gt;&gt;" : "") + "</span>" +
          '<span class="off">' + r[0] + "</span>" +
          '<span class="op">' + esc(r[1]) + "</span>" +
          '<span class="arg">' + (r[2] == null ? "" : r[2]) + "</span>" +
          '<span class="argr">' + (r[3] ? "(" + esc(r[3]) + ")" : "") +
          (r[6] != null ? ' <span class="jump">&#x2192; ' + r[6] + "</span>" : "") + "</span></div>");
      }
      box.innerHTML = html.join("");
      insEls = box.querySelectorAll(".ins");
    }
    var old = box.querySelectorAll(".cur, .target");
    for (var j = 0; j < old.length; j++) old[j].classList.remove("cur", "target", "exc");
    var el = insEls[off >> 1];
    if (el) {
      el.classList.add("cur");
      if (kind === "x" || kind === "u") el.classList.add("exc");
      var r2 = code.ins[off >> 1];
      if (r2 && r2[6] != null && insEls[r2[6] >> 1]) insEls[r2[6] >> 1].classList.add("target");
      scrollInto(box, el);
    }
  }

  function basename(p) { return String(p).split(/[\\/]/).pop(); }

  function renderExplain(st, s) {
    var head = st[6] >= 0 ? R.texts[st[6]] : "";
    var tail = st[7] >= 0 ? R.texts[st[7]] : "";
    var kind = st[0];
    if (!head) {
      if (kind === "x") head = (s > 0 && R.steps[s - 1][0] === "u" ? "The exception " + (st[8] && st[8].x) + " arrives from the callee at this call" : "The exception " + (st[8] && st[8].x) + " was raised here") +
        "; the eval loop looks for a handler in this frame's block stack (exception_unwind in ceval.c).";
      else if (kind === "u") head = "No handler in `" + R.codes[st[2]].qual + "`: the frame is left and the exception goes on to its caller.";
      else if (kind === "r") head = "`" + R.codes[st[2]].qual + "` returns " + repr(st[8].v, s) + ".";
      else if (kind === "y") head = "`" + R.codes[st[2]].qual + "` is suspended, yielding " + repr(st[8].v, s) + ".";
    }
    var pre = "";
    if (kind === "i") pre = '<span class="about">about to run:</span> ';
    $("explain-text").innerHTML = pre + fmt(head);
    $("explain-c").innerHTML = fmt(tail);
  }

  // `name` in sentences becomes <code>
  function fmt(t) {
    return esc(t || "").replace(/`([^`]*)`/g, "<code>$1</code>");
  }

  // -- value stack, frames, heap ---------------------------------------------------

  function valueHTML(ref, s) {
    if (typeof ref === "string") return '<span class="prim">' + esc(ref) + "</span>";
    if (ref == null) return '<span class="prim">None</span>';
    var o = resolve(ref, s);
    var label = o ? kindLabel(o) : "object";
    return '<span class="ref" data-ref="' + ref + '" title="' + esc(repr(ref, s)) + '"><span class="rlabel">' + esc(label) + '</span><span class="dot"></span></span>';
  }

  function renderMachine(s, st) {
    var stack = st[4];
    var chain = frameChain(st[1], s);
    // value stack: top first
    var sh = [];
    for (var i = stack.length - 1; i >= 0; i--) {
      sh.push('<div class="slot"><span class="idx">' + i + "</span>" + valueHTML(stack[i], s) + "</div>");
    }
    if (!stack.length) sh.push('<div class="empty">(empty)</div>');
    if (st[8] && "v" in st[8]) sh.unshift('<div class="slot retval"><span class="idx">' + (st[0] === "y" ? "yields" : "returns") + "</span>" + valueHTML(st[8].v, s) + "</div>");
    var changed = setHTML("stack", sh.join(""));
    var title = "value stack of " + R.codes[st[2]].qual;
    var h3 = $("stack-col").querySelector("h3");
    if (h3.textContent !== title) h3.textContent = title;

    // frames: the running one first, then its f_back chain
    var fh = [];
    var roots = [];
    stack.forEach(function (r) { roots.push(r); });
    if (st[8] && "v" in st[8]) roots.push(st[8].v);
    if (excOf[s] >= 0 && R.steps[excOf[s]][8].xr != null) roots.push(R.steps[excOf[s]][8].xr);
    var inChain = {};
    chain.forEach(function (f) { inChain[f[0]] = true; });
    for (var k = 0; k < chain.length; k++) {
      fh.push(frameHTML(chain[k][0], chain[k][1], s, k === 0 ? st : null, roots));
    }
    if (chain.truncated) fh.push('<div class="note">... ' + chain.truncated + " older frames not shown</div>");
    changed = setHTML("frames", fh.join("")) || changed;

    // heap: what the stack and the frames reach, breadth first, in columns by distance
    var seen = {}, cols = [[], [], [], []], queue = [];
    roots.forEach(function (r) { if (typeof r === "number" && !inChain[r]) queue.push([r, 0]); });
    var count = 0;
    while (queue.length && count < MAX_HEAP_OBJECTS) {
      var item = queue.shift(), hid = item[0], d = item[1];
      if (seen[hid] || inChain[hid]) continue;
      seen[hid] = true;
      var o = resolve(hid, s);
      if (!o) continue;
      count++;
      cols[Math.min(d, cols.length - 1)].push(objectHTML(hid, o, s));
      children(o).forEach(function (c) { if (typeof c === "number" && !seen[c]) queue.push([c, d + 1]); });
    }
    var hh = [];
    cols.forEach(function (c, n) { if (c.length) hh.push('<div class="hcol">' + c.join("") + "</div>"); });
    if (queue.length) hh.push('<div class="note">more objects not drawn</div>');
    changed = setHTML("heap", hh.join("") || '<div class="empty">(nothing referenced yet)</div>') || changed;
    // the arrows only move when a box did
    if (changed) drawArrows();
  }

  // replace an element's content only when it differs (most steps change little)
  var lastHTML = {};
  function setHTML(id, html) {
    if (lastHTML[id] === html) return false;
    lastHTML[id] = html;
    $(id).innerHTML = html;
    return true;
  }

  function frameChain(fid, s) {
    var chain = [], f = fid, guard = 0;
    while (f != null && guard < 100000) {
      guard++;
      var snap = resolve(f, s);
      if (!snap) break;
      if (chain.length >= MAX_FRAMES) { chain.truncated = (chain.truncated || 0) + 1; }
      else chain.push([f, snap]);
      f = snap.back;
    }
    return chain;
  }

  function frameHTML(hid, f, s, st, roots) {
    var running = !!st;
    var lasti = running ? st[3] : f.lasti;
    var line = lasti >= 0 ? lineOf(f.c, lasti) : null;
    var rows = [];
    (f.locals || []).forEach(function (kv) { rows.push(row(kv[0], kv[1], s)); roots.push(kv[1]); });
    (f.cells || []).forEach(function (kv) { rows.push(row(kv[0], kv[1], s, "cell")); roots.push(kv[1]); });
    (f.free || []).forEach(function (kv) { rows.push(row(kv[0], kv[1], s, "free")); roots.push(kv[1]); });
    if (!rows.length) rows.push('<div class="empty">(no locals)</div>');
    var meta = '<div class="meta">f_lasti ' + lasti + " &#xB7; f_lineno " + (line == null ? "?" : line) + "</div>";
    var extra = "";
    if (!running && f.stack && f.stack.length) {
      extra += '<div class="fstack"><span class="lbl">its stack</span> ' + f.stack.map(function (r) { roots.push(r); return valueHTML(r, s); }).join(" ") + "</div>";
    }
    if (f.gen != null) { extra += row("f_gen", f.gen, s, "link"); roots.push(f.gen); }
    var back = f.back != null ? row("f_back", f.back, s, "link") : '<div class="row link"><span class="name">f_back</span><span class="prim">None</span></div>';
    return '<div class="frame' + (running ? " running" : "") + '" id="o' + hid + '"><div class="fhead">' + esc(f.qual) +
      (running ? ' <span class="tag">running</span>' : "") + "</div>" + meta + rows.join("") + extra + back + "</div>";
  }

  function row(name, ref, s, cls) {
    return '<div class="row' + (cls ? " " + cls : "") + '"><span class="name">' + esc(name) +
      (cls === "cell" || cls === "free" ? ' <span class="tag">' + cls + "</span>" : "") + "</span>" + valueHTML(ref, s) + "</div>";
  }

  function children(o) {
    var out = [];
    var add = function (r) { if (typeof r === "number") out.push(r); };
    switch (o.k) {
      case "function": add(o.code); add(o.defaults); add(o.closure); add(o.kwdefaults); break;
      case "code": (o.co_consts || []).forEach(add); break;
      case "cell": add(o.v); break;
      case "list": case "tuple": case "set": case "frozenset": o.items.forEach(add); break;
      case "dict": o.items.forEach(function (kv) { add(kv[0]); add(kv[1]); }); break;
      case "instance": (o.attrs || []).forEach(function (kv) { add(kv[1]); }); add(o.cls); break;
      case "class": (o.attrs || []).forEach(function (kv) { add(kv[1]); }); (o.bases || []).forEach(add); break;
      case "generator": add(o.frame); add(o.code); break;
      case "frame":
        (o.locals || []).forEach(function (kv) { add(kv[1]); });
        (o.cells || []).forEach(function (kv) { add(kv[1]); });
        (o.free || []).forEach(function (kv) { add(kv[1]); });
        (o.stack || []).forEach(add); break;
      case "method": add(o.func); add(o["self"]); break;
      case "exception": (o.attrs || []).forEach(function (kv) { add(kv[1]); }); break;
    }
    return out;
  }

  function objectHTML(hid, o, s) {
    var body = "";
    var f = function (name, ref) { return row(name, ref, s); };
    var txt = function (name, t) { return '<div class="row"><span class="name">' + esc(name) + '</span><span class="prim">' + esc(t) + "</span></div>"; };
    switch (o.k) {
      case "function":
        var g = typeof o.globals === "number" ? resolve(o.globals, s) : null;
        body = f("func_code", o.code) +
          (g && g.k === "globals" ? txt("func_globals", "globals of " + g.module) : f("func_globals", o.globals)) +
          f("func_defaults", o.defaults) +
          (o.kwdefaults != null ? f("func_kwdefaults", o.kwdefaults) : "") +
          f("func_closure", o.closure) + txt("__name__", "'" + o.name + "'") + txt("__module__", o.module);
        break;
      case "code":
        var names = function (k) { return "(" + o[k].map(function (n) { return "'" + n + "'"; }).join(", ") + (o[k].length === 1 ? "," : "") + ")"; };
        body = txt("co_name", "'" + o.name + "'") + txt("co_argcount", o.co_argcount) + txt("co_varnames", names("co_varnames"));
        if (o.co_cellvars.length) body += txt("co_cellvars", names("co_cellvars"));
        if (o.co_freevars.length) body += txt("co_freevars", names("co_freevars"));
        body += '<div class="row"><span class="name">co_consts</span><span class="items">' +
          o.co_consts.map(function (r) { return valueHTML(r, s); }).join(" ") + "</span></div>";
        var more = "";
        ["co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags"].forEach(function (k) { more += txt(k, o[k]); });
        more += txt("co_names", names("co_names"));
        if (!o.co_cellvars.length) more += txt("co_cellvars", names("co_cellvars"));
        if (!o.co_freevars.length) more += txt("co_freevars", names("co_freevars"));
        more += txt("co_filename", basename(o.co_filename)) + txt("co_firstlineno", o.co_firstlineno) + txt("co_code", o.co_code);
        body += '<details data-hid="' + hid + '"' + (openDetails[hid] ? " open" : "") + '><summary>all co_* fields</summary>' + more + "</details>";
        body += '<button class="showdis" data-code="' + o.c + '">show its bytecode</button>';
        break;
      case "cell":
        body = "v" in o ? f("cell_contents", o.v) : txt("cell_contents", "(empty)");
        break;
      case "list": case "tuple": case "set": case "frozenset":
        body = '<div class="seq">' + o.items.map(function (r, i) {
          return '<div class="item">' + (o.k === "list" || o.k === "tuple" ? '<span class="idx">' + i + "</span>" : "") + valueHTML(r, s) + "</div>";
        }).join("") + (o.n > o.items.length ? '<div class="item more">+' + (o.n - o.items.length) + "</div>" : "") +
          (o.n === 0 ? '<div class="item empty">empty</div>' : "") + "</div>";
        break;
      case "dict":
        body = o.items.map(function (kv) {
          return '<div class="row"><span class="name">' + valueHTML(kv[0], s) + "</span>" + valueHTML(kv[1], s) + "</div>";
        }).join("") + (o.n > o.items.length ? '<div class="note">+' + (o.n - o.items.length) + " more</div>" : "") +
          (o.n === 0 ? '<div class="empty">empty</div>' : "");
        break;
      case "instance":
        body = (o.attrs || []).map(function (kv) { return f(kv[0], kv[1]); }).join("") + f("__class__", o.cls);
        break;
      case "class":
        body = o.host ? '<div class="note">a host class</div>' :
          (o.attrs || []).map(function (kv) { return f(kv[0], kv[1]); }).join("") +
          (o.bases && o.bases.length ? '<div class="row"><span class="name">__bases__</span><span class="items">' + o.bases.map(function (r) { return valueHTML(r, s); }).join(" ") + "</span></div>" : "");
        break;
      case "generator":
        body = txt("state", o.state) + (o.frame != null ? f("gi_frame", o.frame) : txt("gi_frame", "None")) + f("gi_code", o.code);
        break;
      case "frame":
        return frameHTML(hid, o, s, null, []).replace('class="frame', 'class="frame inheap');
      case "method":
        body = f("__func__", o.func) + f("__self__", o["self"]);
        break;
      case "exception":
        body = txt("", o.r) + (o.attrs || []).map(function (kv) { return f(kv[0], kv[1]); }).join("");
        break;
      case "globals":
        body = '<div class="note">the module namespace (shown as the &lt;module&gt; frame\'s locals)</div>';
        break;
      default:
        body = '<div class="prim">' + esc(o.r || "") + "</div>";
    }
    return '<div class="obj k-' + o.k + '" id="o' + hid + '"><div class="ohead">' + esc(kindLabel(o)) + ' <span class="oid">#' + hid + "</span></div>" + body + "</div>";
  }

  // SVG arrows from every reference dot to the box of its object
  function drawArrows() {
    var box = $("machine"), g = $("arrow-paths"), svg = $("arrows");
    if (!box || !g) return;
    var width = box.scrollWidth, height = box.scrollHeight;
    var base = box.getBoundingClientRect();
    var ox = box.scrollLeft - base.left, oy = box.scrollTop - base.top;
    var refs = box.querySelectorAll(".ref[data-ref]");
    var paths = [], unlinked = [];
    // reads only in this loop (one layout); the class changes come after it
    for (var i = 0; i < refs.length; i++) {
      var el = refs[i], hid = el.dataset.ref;
      var target = document.getElementById("o" + hid);
      if (!target || target.contains(el)) { unlinked.push(el); continue; }
      var dot = el.querySelector(".dot").getBoundingClientRect(), t = target.getBoundingClientRect();
      var x1 = dot.left + dot.width / 2 + ox, y1 = dot.top + dot.height / 2 + oy;
      var x2, y2 = t.top + 10 + oy;
      var d;
      if (t.left + ox >= x1) {
        x2 = t.left + ox;
        var dx = Math.max(30, (x2 - x1) / 2);
        d = "M" + x1 + "," + y1 + " C" + (x1 + dx) + "," + y1 + " " + (x2 - dx) + "," + y2 + " " + x2 + "," + y2;
      } else {
        // a target to the left (f_back, a frame above): loop round on the right
        x2 = t.right + ox;
        var bulge = Math.max(x1, x2) + 40;
        d = "M" + x1 + "," + y1 + " C" + bulge + "," + y1 + " " + bulge + "," + y2 + " " + x2 + "," + y2;
      }
      paths.push('<path class="arrow" data-from="' + esc(el.closest("[id]") ? el.closest("[id]").id : "") + '" data-to="' + hid + '" d="' + d + '" marker-end="url(#ah)"></path>');
    }
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    g.innerHTML = paths.join("");
    for (var u = 0; u < unlinked.length; u++) unlinked[u].classList.add("unlinked");
  }

  function renderOutput(s) {
    // only touched when the amount written so far differs from what is shown
    var o = endAt(outSteps, outEnds, s), e = endAt(errSteps, errEnds, s);
    if (o !== shownOut) {
      shownOut = o;
      var pre = $("stdout");
      pre.textContent = clip(outText.slice(0, o));
      pre.parentNode.scrollTop = pre.parentNode.scrollHeight;
    }
    if (e !== shownErr) {
      shownErr = e;
      $("stderr").textContent = clip(errText.slice(0, e));
      $("stderr").style.display = e ? "" : "none";
    }
  }

  function clip(t) { return t.length > MAX_OUTPUT ? "..." + t.slice(t.length - MAX_OUTPUT) : t; }

  // length of the output written before step s (chunks carry the first step that sees them)
  function endAt(steps, ends, s) {
    var lo = 0, hi = steps.length - 1, best = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (steps[mid] <= s) { best = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    if (s >= N - 1) best = steps.length - 1;     // the end: everything, the traceback too
    return best < 0 ? 0 : ends[best];
  }

  function renderException(s) {
    var box = $("exception"), html = "";
    var e = excOf[s], c = caughtAt[s];
    if (e >= 0) {
      var st = R.steps[e];
      html = '<div class="inflight">in flight: <b>' + esc(st[8].x) + "</b></div>" +
        '<div class="note">raised in <code>' + esc(R.codes[st[2]].qual) + "</code> line " + lineOf(st[2], st[3]) +
        (e !== s && R.steps[s][0] === "x" ? "; now in <code>" + esc(R.codes[R.steps[s][2]].qual) + "</code>, which looks for a handler" : "") +
        (R.steps[s][0] === "u" ? "; no handler in <code>" + esc(R.codes[R.steps[s][2]].qual) + "</code>, so the frame is left" : "") + "</div>";
      if (st[8].xr != null) html += '<div class="exref">' + valueHTML(st[8].xr, s) + "</div>";
    } else if (c >= 0) {
      var sc = R.steps[c];
      html = '<div class="caught">caught: <b>' + esc(sc[8].x) + "</b></div><div class=\"note\">the handler in <code>" +
        esc(R.codes[R.steps[s][2]].qual) + "</code> line " + LS[s] + " runs now</div>";
    } else if (!(s === N - 1 && R.end && R.end.status !== 0)) {
      html = '<div class="empty">none</div>';
    }
    if (s === N - 1 && R.end && R.end.status !== 0 && !R.end.truncated) {
      html += '<div class="limit">the program ended with exit status ' + esc(R.end.status) + "</div>";
    }
    if (s === N - 1 && R.end && R.end.truncated) html += '<div class="limit">' + esc(R.end.message) + "</div>";
    box.innerHTML = html;
  }

  // -- the slider's marks ---------------------------------------------------------

  function drawMarks() {
    var cv = $("marks"), slider = $("slider");
    if (!cv || !N) return;
    var w = slider.clientWidth || 600;
    cv.width = w; cv.style.width = w + "px";
    var ctx = cv.getContext("2d");
    ctx.clearRect(0, 0, w, 10);
    var colors = { 1: "#2e8b57", 4: "#3465a4", 5: "#3465a4", 3: "#cc0000" };
    var thumb = 8, span = Math.max(1, w - 2 * thumb);
    var px = new Uint8Array(w);
    for (var s = 0; s < N; s++) {
      var k = KS[s];
      if (k === 2 || k === 6) continue;
      var x = thumb + Math.round(s / Math.max(1, N - 1) * span);
      if (k === 3 || !px[x]) px[x] = k;     // exceptions win
    }
    for (var i = 0; i < w; i++) {
      if (!px[i]) continue;
      ctx.fillStyle = colors[px[i]];
      ctx.fillRect(i, px[i] === 3 ? 0 : 3, 1, px[i] === 3 ? 10 : 7);
    }
    // breakpoints: the first instruction of each breakpoint line
    ctx.fillStyle = "#e6a100";
    for (var t = 0; t < N; t++) {
      if (isBreak(t)) ctx.fillRect(thumb + Math.round(t / Math.max(1, N - 1) * span), 0, 2, 3);
    }
  }

  // -- navigation -----------------------------------------------------------------

  function fileOf(s) { return R.codes[CS[s]].file; }

  function isBreak(t) {
    if (KS[t] !== 2 || LS[t] < 0) return false;
    if (!breakpoints[fileOf(t) + "\n" + LS[t]]) return false;
    // only where the line starts (not at each of its instructions)
    for (var p = t - 1; p >= 0; p--) {
      if (KS[p] !== 2) continue;
      return !(FS[p] === FS[t] && LS[p] === LS[t]);
    }
    return true;
  }

  var nav = {
    step: function (s) { return s + 1; },
    back: function (s) { return s - 1; },
    nextLine: function (s) {
      for (var t = s + 1; t < N; t++) if (KS[t] === 2 && (FS[t] !== FS[s] || LS[t] !== LS[s])) return t;
      return N - 1;
    },
    prevLine: function (s) {
      var t = s - 1;
      while (t >= 0 && !(KS[t] === 2 && (FS[t] !== FS[s] || LS[t] !== LS[s]))) t--;
      if (t < 0) return 0;
      while (t - 1 >= 0 && KS[t - 1] === 2 && FS[t - 1] === FS[t] && LS[t - 1] === LS[t]) t--;
      return t;
    },
    over: function (s) {
      for (var t = s + 1; t < N; t++) if (DS[t] <= DS[s] && KS[t] === 2) return t;
      return N - 1;
    },
    backOver: function (s) {
      for (var t = s - 1; t >= 0; t--) if (DS[t] <= DS[s] && KS[t] === 2) return t;
      return 0;
    },
    out: function (s) {
      for (var t = s + 1; t < N; t++) if (DS[t] < DS[s]) return t;
      return N - 1;
    },
    backOut: function (s) {
      for (var t = s - 1; t >= 0; t--) if (DS[t] < DS[s]) return t;
      return 0;
    },
    nextCall: function (s) {
      for (var t = s + 1; t < N; t++) { var k = KS[t]; if (k === 1 || k === 4 || k === 5) return t; }
      return N - 1;
    },
    prevCall: function (s) {
      for (var t = s - 1; t >= 0; t--) { var k = KS[t]; if (k === 1 || k === 4 || k === 5) return t; }
      return 0;
    },
    cont: function (s) {
      for (var t = s + 1; t < N; t++) if (isBreak(t)) return t;
      return N - 1;
    },
    rcont: function (s) {
      for (var t = s - 1; t >= 0; t--) if (isBreak(t)) return t;
      return 0;
    }
  };

  function move(name) { return goto(nav[name](cur)); }

  function toggleBreakpoint(file, line) {
    var key = file + "\n" + line;
    if (breakpoints[key]) delete breakpoints[key]; else breakpoints[key] = true;
    if (file === shownFile && lineEls[line]) lineEls[line].classList.toggle("bp", !!breakpoints[key]);
    drawMarks();
    return !!breakpoints[key];
  }

  function wire() {
    var buttons = {
      "b-first": function () { goto(0); }, "b-last": function () { goto(N - 1); },
      "b-step": function () { move("step"); }, "b-back": function () { move("back"); },
      "b-nextline": function () { move("nextLine"); }, "b-prevline": function () { move("prevLine"); },
      "b-over": function () { move("over"); }, "b-backover": function () { move("backOver"); },
      "b-out": function () { move("out"); }, "b-backout": function () { move("backOut"); },
      "b-nextcall": function () { move("nextCall"); }, "b-prevcall": function () { move("prevCall"); },
      "b-cont": function () { move("cont"); }, "b-rcont": function () { move("rcont"); }
    };
    Object.keys(buttons).forEach(function (id) { $(id).addEventListener("click", buttons[id]); });
    $("slider").addEventListener("input", function () { goto(+this.value); });
    $("source").addEventListener("click", function (ev) {
      var row = ev.target.closest(".line");
      if (row && ev.target.closest(".gutter")) toggleBreakpoint(shownFile, +row.dataset.line);
    });
    window.addEventListener("hashchange", function () {
      var h = hashStep();
      if (h != null && h !== cur) goto(h);
    });
    $("machine").addEventListener("scroll", drawArrows);
    $("machine").addEventListener("toggle", function (ev) {
      var d = ev.target;
      if (d.tagName === "DETAILS") { if (d.open) openDetails[d.dataset.hid] = true; else delete openDetails[d.dataset.hid]; drawArrows(); }
    }, true);
    $("machine").addEventListener("click", function (ev) {
      var b = ev.target.closest(".showdis");
      if (!b) return;
      var ci = +b.dataset.code;
      if (ci === CS[cur]) return;
      pinnedCode = ci;
      renderBytecode(ci, -2, "");
      $("code-name").textContent += "  (not running: shown from the heap; move to go back)";
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.target && /^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName) && ev.target.type !== "range") return;
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var k = ev.key, done = true;
      if (k === "ArrowRight" || k === "l") move("step");
      else if (k === "ArrowLeft" || k === "h") move("back");
      else if (k === "ArrowDown" || k === "j") move("nextLine");
      else if (k === "ArrowUp" || k === "k") move("prevLine");
      else if (k === "n") move("over");
      else if (k === "N") move("backOver");
      else if (k === "o") move("out");
      else if (k === "O") move("backOut");
      else if (k === "]") move("nextCall");
      else if (k === "[") move("prevCall");
      else if (k === "c") move("cont");
      else if (k === "C") move("rcont");
      else if (k === "Home") goto(0);
      else if (k === "End") goto(N - 1);
      else if (k === "b") { var l = LS[cur]; if (l >= 0) toggleBreakpoint(fileOf(cur), l); }
      else done = false;
      if (done) ev.preventDefault();
    });
  }

  // -- the automation interface -----------------------------------------------------

  function state() {
    if (!R) return null;
    var s = cur, st = R.steps[s], code = R.codes[st[2]], ins = code.ins[st[3] >> 1];
    var frames = frameChain(st[1], s).map(function (pair, i) {
      var f = pair[1];
      var lasti = i === 0 ? st[3] : f.lasti;
      var out = { id: pair[0], name: f.name, qualname: f.qual, lasti: lasti,
        lineno: lasti >= 0 ? lineOf(f.c, lasti) : null, locals: {}, cells: {}, free: {},
        back: f.back == null ? null : f.back };
      (f.locals || []).forEach(function (kv) { out.locals[kv[0]] = repr(kv[1], s); });
      [["cells", f.cells], ["free", f.free]].forEach(function (p) {
        (p[1] || []).forEach(function (kv) {
          var c = resolve(kv[1], s);
          out[p[0]][kv[0]] = { id: kv[1], contents: c && "v" in c ? repr(c.v, s) : null };
        });
      });
      if (f.gen != null) out.generator = f.gen;
      return out;
    });
    var e = excOf[s];
    return {
      step: s, steps: N, event: KIND_NAMES[st[0]], file: code.file, line: ins ? ins[4] : null,
      code: code.name, qualname: code.qual, offset: st[3], opname: ins ? ins[1] : null,
      argrepr: ins ? ins[3] : null,
      stack: st[4].map(function (r) { return repr(r, s); }),
      stack_ids: st[4].map(function (r) { return typeof r === "number" ? r : null; }),
      frames: frames,
      value: st[8] && "v" in st[8] ? repr(st[8].v, s) : undefined,
      exception: e >= 0 ? R.steps[e][8].x : null,
      caught: caughtAt[s] >= 0 ? R.steps[caughtAt[s]][8].x : null,
      stdout: outText.slice(0, endAt(outSteps, outEnds, s)),
      explain: st[6] >= 0 ? R.texts[st[6]] : null
    };
  }

  function object(hid, s) {
    var o = resolve(hid, s == null ? cur : s);
    return o ? JSON.parse(JSON.stringify(o)) : null;
  }

  function find(pred, from) {
    for (var t = from == null ? cur : from; t < N; t++) {
      var st = R.steps[t], ins = R.codes[st[2]].ins[st[3] >> 1];
      if (pred({ step: t, event: KIND_NAMES[st[0]], code: R.codes[st[2]].name, line: LS[t],
        offset: st[3], opname: ins ? ins[1] : null, depth: DS[t] })) return t;
    }
    return -1;
  }

  window.evalframe = {
    goto: function (n) { return goto(n); },
    step: function () { return move("step"); },
    back: function () { return move("back"); },
    count: function () { return N; },
    state: state,
    current: function () { return cur; },
    nextLine: function () { return move("nextLine"); },
    prevLine: function () { return move("prevLine"); },
    over: function () { return move("over"); },
    backOver: function () { return move("backOver"); },
    out: function () { return move("out"); },
    backOut: function () { return move("backOut"); },
    nextCall: function () { return move("nextCall"); },
    prevCall: function () { return move("prevCall"); },
    cont: function () { return move("cont"); },
    reverseCont: function () { return move("rcont"); },
    toggleBreakpoint: function (line, file) { return toggleBreakpoint(file || R.program, line); },
    object: object,
    find: find,
    repr: function (ref, s) { return repr(ref, s == null ? cur : s); },
    end: function () { return R ? JSON.parse(JSON.stringify(R.end)) : null; },
    timing: function () { return timing; },
    ready: false
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
