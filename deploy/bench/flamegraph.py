#!/usr/bin/env python3
"""A flame graph (SVG) and collapsed stacks from a Flight Recorder file's execution samples.

    python3 deploy/bench/flamegraph.py app/target/bench/public-pages.jfr out.svg --threads http-nio --title "..."

Reads `jfr print --events jdk.ExecutionSample --stack-depth 96` (the JDK's own tool), keeps the samples of threads
whose name starts with one of --threads, folds them into "root;...;leaf count" lines (written beside the SVG as
.collapsed, the format of Brendan Gregg's flamegraph.pl) and draws them: one box per frame, as wide as its share of
the samples, callers below callees. No dependency beyond Python 3 and the JDK.
"""
import argparse
import collections
import html
import re
import shutil
import subprocess
import sys

FRAME = re.compile(r"^\s+(.+?)\s+line:\s*-?\d+")


def samples(jfr, prefixes):
    jfr_tool = shutil.which("jfr") or "jfr"
    out = subprocess.run([jfr_tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", jfr],
                         check=True, capture_output=True, text=True).stdout
    stacks = collections.Counter()
    thread, frames, in_stack = None, [], False
    for line in out.splitlines():
        stripped = line.strip()
        if stripped.startswith("sampledThread"):
            m = re.search(r'"([^"]*)"', stripped)
            thread = m.group(1) if m else ""
        elif stripped.startswith("stackTrace = ["):
            in_stack, frames = True, []
        elif in_stack and stripped == "]":
            in_stack = False
            if thread is not None and any(thread.startswith(p) for p in prefixes) and frames:
                stacks[";".join(reversed(frames))] += 1
        elif in_stack:
            m = FRAME.match(line)
            if m:
                name = re.sub(r"\(.*\)$", "", m.group(1))
                frames.append(name.replace(";", ":"))
            elif stripped == "...":
                frames.append("[truncated]")
    return stacks


def tree(stacks):
    root = {"name": "all", "count": 0, "children": {}}
    for stack, count in stacks.items():
        root["count"] += count
        node = root
        for frame in stack.split(";"):
            node = node["children"].setdefault(frame, {"name": frame, "count": 0, "children": {}})
            node["count"] += count
    return root


def colour(name):
    h = sum(ord(c) for c in name)
    if name.startswith(("org.councilflow",)):
        return "rgb(%d,%d,%d)" % (80, 160 + h % 60, 80)
    if name.startswith(("org.postgresql", "com.zaxxer")):
        return "rgb(%d,%d,%d)" % (80, 120, 200 + h % 50)
    if name.startswith(("java.", "jdk.", "sun.")):
        return "rgb(%d,%d,%d)" % (200 + h % 50, 120 + h % 40, 60)
    return "rgb(%d,%d,%d)" % (220 + h % 30, 80 + h % 80, 60)


def draw(root, title, width=1800, row=16):
    boxes = []
    depth_max = [0]

    def walk(node, x, depth):
        w = node["count"] / root["count"] * width
        if w < 1.0:
            return
        depth_max[0] = max(depth_max[0], depth)
        boxes.append((x, depth, w, node))
        cx = x
        for child in sorted(node["children"].values(), key=lambda n: n["name"]):
            walk(child, cx, depth + 1)
            cx += child["count"] / root["count"] * width

    walk(root, 0, 0)
    height = (depth_max[0] + 1) * row + 50
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="11">'
             % (width, height),
             '<text x="4" y="16" font-size="14">%s</text>' % html.escape(title)]
    for x, depth, w, node in boxes:
        y = height - (depth + 1) * row - 4
        pct = 100.0 * node["count"] / root["count"]
        label = node["name"]
        chars = int((w - 4) / 6.6)
        text = label if len(label) <= chars else (label[: max(chars - 2, 0)] + ".." if chars > 3 else "")
        parts.append('<g><title>%s (%d samples, %.1f%%)</title><rect x="%.1f" y="%d" width="%.1f" height="%d" '
                     'fill="%s" stroke="white" stroke-width="0.5"/><text x="%.1f" y="%d">%s</text></g>'
                     % (html.escape(label), node["count"], pct, x, y, w, row - 1, colour(label), x + 2, y + row - 4,
                        html.escape(text)))
    parts.append("</svg>")
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jfr")
    parser.add_argument("svg")
    parser.add_argument("--threads", action="append", default=None, help="thread name prefix (repeatable)")
    parser.add_argument("--title", default="CPU samples")
    args = parser.parse_args()
    stacks = samples(args.jfr, args.threads or ["http-nio"])
    if not stacks:
        sys.exit("no samples of threads " + ", ".join(args.threads or ["http-nio"]))
    collapsed = args.svg.rsplit(".", 1)[0] + ".collapsed"
    with open(collapsed, "w") as f:
        for stack, count in stacks.most_common():
            f.write("%s %d\n" % (stack, count))
    root = tree(stacks)
    with open(args.svg, "w") as f:
        f.write(draw(root, "%s (%d samples)" % (args.title, root["count"])))
    print("%d samples -> %s, %s" % (root["count"], args.svg, collapsed))


if __name__ == "__main__":
    main()
