"""Registering and logging in."""
from zoneinfo import available_timezones

from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from ..users import MAX_USERNAME, password_problem

USERNAME_RULE = Regexp(r"[A-Za-z0-9_.-]+\Z", message="Use letters, digits, dots, dashes or underscores only.")  # \Z: $ would let a last newline through
USERNAME_LENGTH = Length(max=MAX_USERNAME, message=f"A username has at most {MAX_USERNAME} characters.")


def strip(value):
    """Spaces and line breaks around a username are never part of it."""
    return value.strip() if isinstance(value, str) else value


class RegisterForm(FlaskForm):
    username = StringField("Username", filters=[strip], validators=[
        DataRequired("Choose a username."), Length(3, message="A username has at least 3 characters."), USERNAME_LENGTH,
        USERNAME_RULE])
    password = PasswordField(
        "Password", validators=[DataRequired("Choose a password."), Length(8, 200, "Use at least 8 characters.")]
    )
    confirm = PasswordField(
        "Confirm password",
        validators=[DataRequired("Type the password again."), EqualTo("password", "The passwords do not match.")],
    )
    timezone = HiddenField(default="UTC")

    def validate_password(self, field):
        problem = password_problem(self.username.data or "", field.data or "")
        if problem and problem not in field.errors:
            raise ValidationError(problem)

    def validate_timezone(self, field):
        browser_timezone(field)


def browser_timezone(field):
    """The zone the page's script put in the hidden field, or UTC (no script, or a name we do not know)."""
    if field.data not in available_timezones():
        field.data = "UTC"  # without the script the day starts at UTC midnight


class LoginForm(FlaskForm):
    username = StringField("Username", filters=[strip], validators=[DataRequired("Enter your username."), USERNAME_LENGTH])
    password = PasswordField("Password", validators=[DataRequired("Enter your password."), Length(max=200, message="A password has at most 200 characters.")])
    remember = BooleanField("Keep me logged in")
    timezone = HiddenField(default="UTC")  # an account made by a teacher has none yet: the first log-in gives it

    def validate_timezone(self, field):
        browser_timezone(field)


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired("Enter your current password.")])
    new = PasswordField("New password",
                        validators=[DataRequired("Choose a new password."), Length(8, 200, "Use at least 8 characters.")])
    confirm = PasswordField(
        "Confirm password",
        validators=[DataRequired("Type the new password again."), EqualTo("new", "The passwords do not match.")],
    )
    timezone = HiddenField(default="UTC")

    def validate_new(self, field):
        """The same rules as registering: not the username, not one of the most common passwords."""
        problem = password_problem(current_user.username if current_user.is_authenticated else "", field.data or "")
        if problem and problem not in field.errors:
            raise ValidationError(problem)

    def validate_timezone(self, field):
        browser_timezone(field)
