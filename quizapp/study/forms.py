"""The student's forms: starting a session, answering, rating, reporting a question."""
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, NumberRange

MAX_ANSWER = 500
ANSWER_TOO_LONG = f"Keep the answer under {MAX_ANSWER} characters."


class StartStudyForm(FlaskForm):
    article = SelectField("Article", coerce=int, default=0)
    size = IntegerField("Items", default=10, validators=[InputRequired(), NumberRange(1, 100)])
    mode = StringField("Mode", default="quiz", validators=[AnyOf(["quiz", "flashcards"], "Pick quiz or flashcards.")])


# WTForms' InputRequired message, which the answer and the rating give for a missing item_id.
REQUIRED = "This field is required."


def _first(formdata, name):
    """The field's first posted value, or None: what a WTForms text or hidden field's `data` holds."""
    values = formdata.getlist(name)
    return values[0] if values else None


class AnswerPost:
    """The fields of a posted answer, read and checked as a FlaskForm with a required hidden `item_id` and
    `response` and `choice` text fields of at most MAX_ANSWER characters would (the same data and messages).

    The answer and the rating run on every study request; building a WTForms form binds and processes
    each of its fields, which costs more than reading three values. CSRFProtect has checked the token."""

    def __init__(self, formdata):
        self.item_id = _first(formdata, "item_id")
        self.response = _first(formdata, "response")
        self.choice = _first(formdata, "choice")
        self.errors = ([] if self.item_id else [REQUIRED]) + [
            ANSWER_TOO_LONG for text in (self.response, self.choice) if text and len(text) > MAX_ANSWER]


class RatePost:
    """The fields of a posted rating, as a FlaskForm with a required hidden `item_id` and a hidden `rating`
    would read them (see AnswerPost)."""

    def __init__(self, formdata):
        self.item_id = _first(formdata, "item_id")
        self.rating = _first(formdata, "rating")
        self.errors = [] if self.item_id else [REQUIRED]


class ReportForm(FlaskForm):
    item_id = HiddenField(validators=[InputRequired()])
    reason = StringField("What is wrong with this question?",
                         validators=[DataRequired("Say in a few words what is wrong."), Length(max=300)])


class JoinForm(FlaskForm):
    code = StringField("Class code", validators=[DataRequired("Type the code your teacher gave you."),
                                                 Length(max=20, message="A class code is six letters and digits.")])
