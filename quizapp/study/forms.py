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


class AnswerForm(FlaskForm):
    class Meta:
        csrf = False  # CSRFProtect has checked the token of every POST already

    item_id = HiddenField(validators=[InputRequired()])
    response = StringField("Your answer", validators=[Length(max=MAX_ANSWER, message=ANSWER_TOO_LONG)])
    choice = StringField(validators=[Length(max=MAX_ANSWER, message=ANSWER_TOO_LONG)])  # the radio buttons: capped the same


class RateForm(FlaskForm):
    class Meta:
        csrf = False  # CSRFProtect has checked the token of every POST already

    item_id = HiddenField(validators=[InputRequired()])
    rating = HiddenField()


class ReportForm(FlaskForm):
    item_id = HiddenField(validators=[InputRequired()])
    reason = StringField("What is wrong with this question?",
                         validators=[DataRequired("Say in a few words what is wrong."), Length(max=300)])


class JoinForm(FlaskForm):
    code = StringField("Class code", validators=[DataRequired("Type the code your teacher gave you."),
                                                 Length(max=20, message="A class code is six letters and digits.")])
