"""Jinja filters for showing items and times."""
import functools
import re

from markupsafe import Markup, escape

from .clock import from_iso, local_label, utcnow
from .feedback import statement_changes
from .figures import percent_label, shown_score
from .items import KINDS
from .scheduling import RATING_NAMES, interval_label


@functools.lru_cache(maxsize=2048)  # every student's feedback on an item marks the same sentence
def mark_answer(sentence, answer):
    """The sentence, escaped, with the first occurrence of the answer in <mark>."""
    text = sentence or ""
    if answer and answer not in ("True", "False"):
        match = re.search(re.escape(answer), text, flags=re.IGNORECASE)
        if match:
            return Markup("{}<mark>{}</mark>{}").format(
                text[: match.start()], text[match.start() : match.end()], text[match.end() :]
            )
    return escape(text)


def comes_back(value, now=None):
    """'in 10 min', 'in 3 d' for a stored due time."""
    moment = from_iso(value) if isinstance(value, str) else value
    if moment is None:
        return ""
    now = now or utcnow()
    return "now" if moment <= now else f"in {interval_label(moment - now)}"


def render_alone(template, context):
    """`template.render(context)`, the same text, without Jinja building its context from the template's
    globals (a ChainMap over the environment's, walked twice per render) on every call: they are flattened
    once per template. The environment's globals are all set while the app is built (Flask refuses
    `add_template_global` once it has served a request), so the flat copy stays theirs."""
    flat = template.__dict__.get("quizapp_globals")
    if flat is None:
        flat = template.quizapp_globals = dict(template.globals)
    environment = template.environment
    state = environment.context_class(environment, {**flat, **context}, template.name, template.blocks,
                                      globals=flat)
    try:
        return environment.concat(template.root_render_func(state))
    except Exception:
        environment.handle_exception()  # as Template.render: the template's own lines in the traceback


def init_app(app):
    """Register the filters templates use."""
    app.add_template_filter(mark_answer)
    app.add_template_filter(counted, "counted")  # `n | counted("question")`: "1 question", "3 questions"
    app.add_template_filter(lambda kind: KINDS.get(kind, kind), "kind_label")  # "Fill in the blank", as the editor says
    app.add_template_filter(comes_back)
    app.add_template_filter(local_label, "local_time")  # `moment | local_time(current_user.timezone)`
    app.add_template_filter(statement_changes)
    app.add_template_filter(percent_label, "percent")
    app.add_template_filter(lambda score: f"{shown_score(score):.2f}", "score")
    app.add_template_filter(lambda rating: RATING_NAMES.get(rating, ""), "rating_name")
    app.add_template_filter(lambda value: (from_iso(value) if isinstance(value, str) else value).strftime("%Y-%m-%d %H:%M UTC") if value else "", "utc")


def counted(number, noun):
    """'1 question', '3 questions', '0 questions'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
