"""WTForms forms (through Flask-WTF, so every form carries a CSRF token)."""
from zoneinfo import available_timezones

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, PasswordField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, EqualTo, InputRequired, Length, NumberRange, Regexp

USERNAME_RULE = Regexp(r"^[A-Za-z0-9_.-]+$", message="Use letters, digits, dots, dashes or underscores only.")


class RegisterForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired("Choose a username."), Length(3, 40), USERNAME_RULE])
    password = PasswordField(
        "Password", validators=[DataRequired("Choose a password."), Length(8, 200, "Use at least 8 characters.")]
    )
    confirm = PasswordField(
        "Confirm password",
        validators=[DataRequired("Type the password again."), EqualTo("password", "The passwords do not match.")],
    )


    timezone = HiddenField(default="UTC")

    def validate_timezone(self, field):
        if field.data not in available_timezones():
            field.data = "UTC"  # set by the page's script; without it the day starts at UTC midnight


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired("Enter your username.")])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me logged in")


class StartStudyForm(FlaskForm):
    article = SelectField("Article", coerce=int, default=0)
    size = IntegerField("Items", default=10, validators=[InputRequired(), NumberRange(1, 100)])
    mode = StringField("Mode", default="quiz", validators=[AnyOf(["quiz", "flashcards"], "Pick quiz or flashcards.")])


class AnswerForm(FlaskForm):
    item_id = HiddenField(validators=[InputRequired()])
    response = StringField("Your answer", validators=[Length(max=500, message="Keep the answer under 500 characters.")])


class RateForm(FlaskForm):
    item_id = HiddenField(validators=[InputRequired()])
    rating = HiddenField()
