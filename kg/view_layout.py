"""Positions for the HTML view, computed once in Python so the same graph always opens the same way.

Each connected component (one conflict) is laid out on its own with a seeded force layout in
which alliances pull hardest and tensions least, starting from its camps on either side; then
nodes are pushed apart until no node's box (its shape and the label under it) overlaps another's;
then the components are packed in rows, largest first, with clear space between them.

Label boxes are estimated from Arial's character widths at the page's font size, with a margin,
and the browser tests measure the drawn labels to check the estimate holds.
"""
from __future__ import annotations

import random
import textwrap
from collections.abc import Mapping, Sequence

import networkx as nx
import numpy as np

__all__ = ["FONT_SIZE", "LINE_HEIGHT", "wrap_label", "node_box", "layout"]

FONT_SIZE = 14
LINE_HEIGHT = 15.0  # vis-network draws each line of a 14px label 14 px high; a pixel to spare
GAP = 8.0  # clear space kept between two boxes, more than the brief physics settle can close (2 x 2.4 px)
_SEED = 20240601
_PULL = {"alliance": 1.0, "contact": 0.4, "tension": 0.3}  # spring strength per edge kind: allies close
_NARROW, _WIDE = set("fijlrtI.,;:'’!|()[] -"), set("mwMWOQGDHNU@%")


def wrap_label(label: str, width: int = 16) -> str:
    """A label broken into lines of at most ``width`` characters at spaces (long words are split).

    >>> wrap_label("Organization for Security and Co-operation in Europe")
    'Organization for\\nSecurity and\\nCo-operation in\\nEurope'
    >>> wrap_label("Vladimir Putin")
    'Vladimir Putin'
    """
    return "\n".join(textwrap.wrap(label, width=width, break_long_words=True, break_on_hyphens=False)) or label


def _text_width(line: str) -> float:
    """Width in pixels of ``line`` in 14px Arial, erring wide (widths in units of the font size)."""
    units = 0.0
    for ch in line:
        if ch in _NARROW:
            units += 0.30
        elif ch in _WIDE:
            units += 0.86
        elif ch.isupper() or ch.isdigit():
            units += 0.68
        else:
            units += 0.56
    return units * FONT_SIZE * 1.06 + 2


def node_box(label: str, size: float, shape: str) -> tuple[float, float, float, float]:
    """Box (left, top, right, bottom) around a node at (0, 0): its shape and its label.

    vis-network draws a label inside a ``box`` node and under every other shape.
    """
    lines = label.split("\n")
    width = max(_text_width(line) for line in lines)
    height = LINE_HEIGHT * len(lines)
    if shape == "box":
        half_w, half_h = width / 2 + 6, height / 2 + 6
        return -half_w, -half_h, half_w, half_h
    half_w = max(width / 2, size)
    top = size * 1.16 if shape == "triangle" else size  # vis-network's triangle reaches above its size
    # a label under a shape starts half a line plus 4 px below it ('hanging' baseline)
    return -half_w, -top, half_w, size + FONT_SIZE / 2 + 4 + height


def _separate(pos: np.ndarray, boxes: np.ndarray, rounds: int = 400) -> np.ndarray:
    """Push overlapping boxes apart (along the axis of least overlap) until none overlap.

    Each round moves both nodes of every overlapping pair half the overlap apart; when rounds run
    out, the whole component is spread by 10% and the pushing starts again, which always ends.
    """
    n = len(pos)
    if n < 2:
        return pos
    pos = pos.copy()
    left, top, right, bottom = (boxes[:, i] for i in range(4))
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    for _attempt in range(40):
        for _ in range(rounds):
            x, y = pos[:, 0], pos[:, 1]
            # overlap of i's box with j's, gap included, positive where they overlap
            ox = np.minimum(x[:, None] + right[:, None], x[None, :] + right[None, :]) \
                - np.maximum(x[:, None] + left[:, None], x[None, :] + left[None, :]) + GAP
            oy = np.minimum(y[:, None] + bottom[:, None], y[None, :] + bottom[None, :]) \
                - np.maximum(y[:, None] + top[:, None], y[None, :] + top[None, :]) + GAP
            hit = (ox > 0) & (oy > 0) & upper
            if not hit.any():
                return pos
            move = np.zeros_like(pos)
            i, j = np.nonzero(hit)
            along_x = ox[i, j] <= oy[i, j]
            dx = np.where(along_x, ox[i, j] / 2 + 0.5, 0.0)
            dy = np.where(along_x, 0.0, oy[i, j] / 2 + 0.5)
            # i goes the way it already lies from j; ties broken by index so the result is fixed
            sx = np.where(x[i] + (left[i] + right[i]) / 2 < x[j] + (left[j] + right[j]) / 2, -1.0, 1.0)
            sx = np.where(x[i] == x[j], -1.0, sx)
            sy = np.where(y[i] + (top[i] + bottom[i]) / 2 < y[j] + (top[j] + bottom[j]) / 2, -1.0, 1.0)
            sy = np.where(y[i] == y[j], -1.0, sy)
            step = np.stack([sx * dx, sy * dy], axis=1)
            np.add.at(move, i, step)
            np.add.at(move, j, -step)
            pos += move
        centre = pos.mean(axis=0)
        pos = centre + (pos - centre) * 1.1
    return pos


def _spring(adj: np.ndarray, pos: np.ndarray, iterations: int = 120) -> np.ndarray:
    """Fruchterman-Reingold force layout (dense, as networkx's ``spring_layout`` for small graphs):
    every pair repels, edges attract in proportion to their weight, with a cooling step size."""
    pos = pos.copy()
    k = 1.0 / np.sqrt(len(pos))
    step = 0.1 * max(float(np.ptp(pos, axis=0).max()), 1.0)
    cool = step / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.clip(np.linalg.norm(delta, axis=-1), 0.01, None)
        disp = np.einsum("ijk,ij->ik", delta, k * k / dist**2 - adj * dist / k)
        length = np.linalg.norm(disp, axis=-1)
        length = np.where(length < 0.01, 0.1, length)
        pos += disp * (step / length)[:, None]
        step -= cool
    return pos


def _component(nodes: list[str], edges: Mapping[tuple[str, str], float], side: Mapping[str, int],
               boxes: np.ndarray, number: int) -> np.ndarray:
    """Positions of one connected component, its camps started on opposite sides."""
    if len(nodes) == 1:
        return np.zeros((1, 2))
    index = {n: i for i, n in enumerate(nodes)}
    adj = np.zeros((len(nodes), len(nodes)))
    for (a, b), w in edges.items():
        adj[index[a], index[b]] = adj[index[b], index[a]] = w
    rng = random.Random(_SEED + number)
    pos = np.array([((2.0 * side[n] - 1.0 if n in side else 0.0) + rng.uniform(-0.6, 0.6), rng.uniform(-1.0, 1.0))
                    for n in nodes])
    pos = _spring(adj, pos)
    pos -= pos.mean(axis=0)
    # scale so the boxes would just fill the area the layout spans; pushing apart makes the room
    area = float(((boxes[:, 2] - boxes[:, 0] + GAP) * (boxes[:, 3] - boxes[:, 1] + GAP)).sum())
    span = np.ptp(pos, axis=0)
    scale = (area / max(float(span[0] * span[1]), 1e-9)) ** 0.5 if span.min() > 1e-6 else area ** 0.5 / max(float(span.max()), 1e-6)
    return _separate(pos * scale, boxes)


def layout(nodes: Sequence[Mapping], edges: Sequence[Mapping], side: Mapping[str, int] | None = None,
           aspect: float = 1.35) -> dict[str, tuple[int, int]]:
    """Integer positions for the view's nodes: components apart, largest first, labels clear.

    Args:
        nodes: dicts with ``id``, ``label`` (wrapped), ``size`` and ``shape``.
        edges: dicts with ``from``, ``to`` and ``kind`` (alliance, contact or tension).
        side: the camp side (0 or 1) of actors that have one, to start allies together.
        aspect: the width / height of the screen the packed components should fill.
    """
    side = side or {}
    ids = [n["id"] for n in nodes]
    box_of = {n["id"]: node_box(n["label"], n["size"], n["shape"]) for n in nodes}
    pull: dict[tuple[str, str], float] = {}
    g = nx.Graph()
    g.add_nodes_from(ids)
    for e in edges:
        a, b = sorted((e["from"], e["to"]))
        if a != b:
            pull[(a, b)] = max(pull.get((a, b), 0.0), _PULL[e["kind"]])
            g.add_edge(a, b)
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    placed: list[tuple[list[str], np.ndarray, np.ndarray]] = []
    for number, members in enumerate(components):
        boxes = np.array([box_of[m] for m in members], dtype=float)
        inner = {k: w for k, w in pull.items() if k[0] in set(members)}
        pos = _component(members, inner, side, boxes, number)
        placed.append((members, pos, boxes))
    extents = [(float((p[:, 0] + b[:, 0]).min()), float((p[:, 1] + b[:, 1]).min()),
                float((p[:, 0] + b[:, 2]).max()), float((p[:, 1] + b[:, 3]).max())) for _, p, b in placed]
    sizes = [(r - left, bottom - top) for left, top, r, bottom in extents]
    offsets = _pack(sizes, aspect)
    out: dict[str, tuple[int, int]] = {}
    for (members, pos, _), (left, top, _r, _b), (x, y) in zip(placed, extents, offsets, strict=True):
        for m, (px, py) in zip(members, pos, strict=True):
            out[m] = (int(round(px - left + x)), int(round(py - top + y)))
    return {i: out[i] for i in ids}


def _shelves(sizes: Sequence[tuple[float, float]], row_width: float, margin: float) -> tuple[list[tuple[float, float]], float, float]:
    """Shelf packing in the given order: offsets, total width and total height."""
    offsets, x, y, row_height, width = [], 0.0, 0.0, 0.0, 0.0
    for w, h in sizes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + margin, 0.0
        offsets.append((x, y))
        width = max(width, x + w)
        x += w + margin
        row_height = max(row_height, h)
    return offsets, width, y + row_height


def _pack(sizes: Sequence[tuple[float, float]], aspect: float, margin: float = 80.0) -> list[tuple[float, float]]:
    """Offsets for components (largest first) in rows, the row width chosen so that the whole
    drawing fits a screen of ``aspect`` at the largest zoom."""
    if not sizes:
        return []
    best: tuple[float, list[tuple[float, float]]] | None = None
    widest = max(w for w, _ in sizes)
    candidates = sorted({widest, *(sum(w for w, _ in sizes[:k]) + margin * (k - 1) for k in range(1, len(sizes) + 1))})
    for row_width in candidates:
        if row_width < widest:
            continue
        offsets, w, h = _shelves(sizes, row_width, margin)
        zoom = min(aspect / max(w, 1.0), 1.0 / max(h, 1.0))  # the fitted scale, up to a constant
        if best is None or zoom > best[0] * (1 + 1e-9):
            best = (zoom, offsets)
    assert best is not None
    return best[1]
