"""Small server-rendered SVG charts (no JavaScript, no CDN)."""
from markupsafe import Markup, escape

from .figures import percent_label

WIDTH, HEIGHT, PAD = 640, 220, 32


def daily_answers_svg(days):
    """Bars: answers per day (graded and self-rated); dots and line: share of graded answers correct that day (right
    axis, %). A self-rated flashcard is no right answer, so it is in the bar and not in the line."""
    if not days:
        return Markup("")
    most = max([d["answers"] + d.get("self_rated", 0) for d in days] + [1])
    step = (WIDTH - 2 * PAD) / len(days)
    plot_h = HEIGHT - 2 * PAD
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title">',
        '<title id="chart-title">Answers per day (bars) and share correct (line)</title>',
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" class="axis"/>',
        f'<text x="{PAD - 4}" y="{PAD + 4}" class="tick" text-anchor="end">{most}</text>',
        f'<text x="{WIDTH - PAD + 4}" y="{PAD + 4}" class="tick">100%</text>',
        f'<text x="{WIDTH - PAD + 4}" y="{HEIGHT - PAD}" class="tick">0%</text>',
    ]
    points = []
    for i, day in enumerate(days):
        x = PAD + i * step
        bar_h = plot_h * (day["answers"] + day.get("self_rated", 0)) / most
        label = f"{day['day']:%b %d}: {day['answers']} graded answers, {day['correct']} correct"
        if day.get("self_rated"):
            label += f", {day['self_rated']} self-rated"
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{HEIGHT - PAD - bar_h:.1f}" width="{step * 0.7:.1f}" '
            f'height="{bar_h:.1f}" class="bar"><title>{escape(label)}</title></rect>'
        )
        if i % max(len(days) // 7, 1) == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{HEIGHT - PAD + 16}" class="tick" text-anchor="middle">'
                f"{day['day']:%m-%d}</text>"
            )
        if day["answers"]:
            y = HEIGHT - PAD - plot_h * day["correct"] / day["answers"]
            points.append(f"{x + step / 2:.1f},{y:.1f}")
    if points:
        parts.append(f'<polyline points="{" ".join(points)}" class="line"/>')
        parts.extend(f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="3" class="dot"/>' for p in points)
    parts.append("</svg>")
    return Markup("".join(parts))


def bars_svg(rows, *, title):
    """Horizontal bars for (label, share 0..1) rows, labelled with percentages."""
    if not rows:
        return Markup("")
    bar_h, label_w, width = 22, 120, WIDTH
    height = bar_h * len(rows) + 30
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="bars-title">',
             f'<title id="bars-title">{escape(title)}</title>']
    for i, (label, share) in enumerate(rows):
        y = 10 + i * bar_h
        w = (width - label_w - 60) * max(min(share, 1), 0)
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" class="tick" text-anchor="end">{escape(str(label))[:18]}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{bar_h - 6}" class="bar">'
                     f'<title>{escape(str(label))}: {percent_label(share)}</title></rect>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" class="tick">{percent_label(share)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def forecast_svg(days):
    """Bars: reviews coming due per day from today on (today's bar holds the overdue ones too)."""
    if not days:
        return Markup("")
    most = max([d["due"] for d in days] + [1])
    step = (WIDTH - 2 * PAD) / len(days)
    plot_h = HEIGHT - 2 * PAD
    parts = [
        f'<svg class="chart forecast" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="forecast-title">',
        f'<title id="forecast-title">Reviews due per day, the next {len(days)} days</title>',
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" class="axis"/>',
        f'<text x="{PAD - 4}" y="{PAD + 4}" class="tick" text-anchor="end">{most}</text>',
    ]
    for i, day in enumerate(days):
        x = PAD + i * step
        bar_h = plot_h * day["due"] / most
        label = f"{day['day']:%b %d}: {day['due']} due"
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{HEIGHT - PAD - bar_h:.1f}" width="{step * 0.7:.1f}" '
            f'height="{bar_h:.1f}" class="bar"><title>{escape(label)}</title></rect>'
        )
        if i % 7 == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{HEIGHT - PAD + 16}" class="tick" text-anchor="middle">'
                         f"{day['day']:%m-%d}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))
